// `npm run bench`: every figure of the product, medians over repeated runs, written to
// bench/results.json and printed as the table the README shows.
import { writeFileSync } from 'node:fs';
import { bookingThroughput, burst, liveEventLatency, startBenchServer } from './api';
import { benchAvailability } from './availability';
import { benchDialogs } from './dialogs';
import { spawnSync } from 'node:child_process';
import { benchInProcessTurns, benchRelayTurns, benchWebhookTurns } from './turns';
import { benchUnderstanding } from './understanding';
import { machine, ms } from './measure';

interface Row {
  section: string;
  name: string;
  value: string;
  raw: Record<string, number>;
}

async function main() {
  const rows: Row[] = [];
  const add = (section: string, name: string, value: string, raw: Record<string, number>) => {
    rows.push({ section, name, value, raw });
    console.log(`${section.padEnd(12)} ${name}: ${value}`);
  };

  for (const r of benchAvailability()) add('core', r.name, `${ms(r.medianMs)} ms`, { medianMs: r.medianMs });
  for (const r of await benchDialogs()) add('dialogs', r.name, `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms`, r.raw);
  for (const r of await benchInProcessTurns())
    add('dialogs', r.name, `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms`, r.raw);
  const first = spawnSync(process.execPath, ['--import', 'tsx', 'bench/first-guest.ts'], { encoding: 'utf8' });
  if (first.status !== 0) throw new Error(`bench/first-guest.ts failed: ${first.stderr}`);
  const fg = JSON.parse(first.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  add(
    'dialogs',
    'first guest of the day vs the hundredth (fresh process, FR whole request)',
    `1st ${ms(fg.firstMs)} ms, 2nd ${ms(fg.secondMs)} ms, 100th ${ms(fg.hundredthMs)} ms ` +
      `(median of 81st–100th ${ms(fg.median81to100Ms)} ms; start-up ${ms(fg.startupMs)} ms)`,
    fg,
  );
  const u = benchUnderstanding();
  add(
    'dialogs',
    `understanding alone, ${u.utterances} FR/EN utterances once warm`,
    `median ${ms(u.medianMs)} ms, p95 ${ms(u.p95Ms)} ms, CPU ${ms(u.cpuMeanMs)} ms each`,
    { ...u },
  );
  for (const r of [...(await benchWebhookTurns()), ...(await benchRelayTurns())]) {
    add(
      'turns',
      r.name,
      `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms${r.ratio ? `, ${r.ratio.toFixed(1)}× the floor` : ''}`,
      r.raw,
    );
  }

  const stores: Array<[string, Record<string, string>]> = [['embedded', {}]];
  if (process.env.MONGODB_URI) stores.push(['mongodb', { MONGODB_URI: process.env.MONGODB_URI }]);
  for (const [label, env] of stores) {
    const { app, base } = await startBenchServer(env);
    try {
      const t = await bookingThroughput(base, 300, 8, 2);
      add(
        'api',
        `bookings per second through POST /api/reservations, ${label} store, 8 clients`,
        `${t.bookingsPerSecond.toFixed(0)}/s (${t.booked} booked, ${t.refused} refused, ${t.errors} errors)`,
        t,
      );
      // Days nothing else books: throughput takes days 2–31, live-event latency days 40–42.
      for (const [n, day] of [
        [60, 50],
        [200, 52],
      ]) {
        const b = await burst(app, base, n, day);
        add(
          'api',
          `burst of ${n} concurrent bookings on one slot, ${label} store`,
          `${b.booked} booked, ${b.refused} refused, ${b.doubleBooked} double-booked`,
          b,
        );
      }
      if (label === 'embedded') {
        const live = await liveEventLatency(base, 30);
        add(
          'live',
          'booking request → dashboard socket receives reservation:created',
          `p50 ${ms(live.p50)} ms, p95 ${ms(live.p95)} ms`,
          live,
        );
      }
    } finally {
      await app.close();
    }
  }

  const results = { machine: machine(), rows };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\nMeasured on ${results.machine.cpus}, ${results.machine.memoryGiB} GiB, ` +
      `Node ${results.machine.node}, ${results.machine.date}\n`,
  );
  console.log('| area | what | median |\n| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.section} | ${r.name} | ${r.value} |`);
  process.exit(0);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
