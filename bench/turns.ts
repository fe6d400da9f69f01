// A conversational turn as a guest pays for it: through the signed SMS webhook (a first message
// carrying a whole booking request, FR and EN) and the voice webhook's Gather action, each set
// against the server's own GET /health on the same kept-alive loopback connection (the floor);
// and the dialog turn alone, in process, FR and EN.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookingService, demoRestaurant, demoTables } from '../booking-core';
import { SqliteStore } from '../booking-core/stores/sqlite-store';
import { createBot } from '../bot/create-bot';
import { RelayCall } from '../test/adapters/relay-client';
import { startBenchServer } from './api';
import { percentile } from './measure';

const TOKEN = 'bench-twilio-token';
const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const FR_TIMES = ['19h', '19h30', '20h', '20h30', '21h'];
const EN_TIMES = ['7pm', '7:30pm', '8pm', '8:30pm', '9pm'];

/** A whole booking request for a distinct day and time, so held tables never run out. */
export function bookingRequest(i: number, lang: 'fr' | 'en'): string {
  const d = new Date(Date.now() + (2 + (i % 45)) * 86_400_000);
  const k = Math.floor(i / 45) % 5;
  return lang === 'fr'
    ? `Bonjour, une table pour 2 le ${d.getUTCDate()} ${FR_MONTHS[d.getUTCMonth()]} à ${FR_TIMES[k]} au nom de Dupont`
    : `Hi, a table for 2 on ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} at ${EN_TIMES[k]}, name is Smith`;
}

const sign = (url: string, params: Record<string, string>) =>
  createHmac('sha1', TOKEN)
    .update(
      Buffer.from(
        Object.keys(params)
          .sort()
          .reduce((acc, k) => acc + k + params[k], url),
        'utf-8',
      ),
    )
    .digest('base64');

/** One kept-alive socket: every request of a run goes over the same loopback connection. */
function client(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  return (method: string, path: string, form?: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = form ? new URLSearchParams(form).toString() : undefined;
      const headers: Record<string, string> = {};
      if (form) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        headers['X-Twilio-Signature'] = sign(base + path, form);
      }
      const req = http.request({ host: url.hostname, port: url.port, path, method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
}

export interface TurnRow {
  name: string;
  p50: number;
  p95: number;
  ratio?: number;
  raw: Record<string, number>;
}

function row(name: string, samples: number[], floorP50?: number): TurnRow {
  const p50 = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);
  const ratio = floorP50 ? p50 / floorP50 : undefined;
  return {
    name,
    p50,
    p95,
    ratio,
    raw: { p50, p95, ...(ratio ? { ratioToFloor: ratio, floorP50 } : {}), runs: samples.length },
  };
}

export async function benchWebhookTurns(runs = 150): Promise<TurnRow[]> {
  const { app, base } = await startBenchServer();
  const call = client(base);
  const time = async (fn: () => Promise<{ status: number; body: string }>) => {
    const t = performance.now();
    const r = await fn();
    const ms = performance.now() - t;
    if (r.status !== 200) throw new Error(`bench turn answered ${r.status}: ${r.body.slice(0, 200)}`);
    return ms;
  };
  let phone = 0;
  const sms = (text: string) => ({
    MessageSid: `SM${String(phone).padStart(32, '0')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: `+3361${String(1_000_000 + phone++).slice(-7)}0`,
    To: '+33100000000',
    Body: text,
    NumMedia: '0',
  });
  try {
    for (let i = 0; i < 20; i++) {
      await call('GET', '/health');
      await call('POST', '/twilio/messaging', sms(bookingRequest(i, i % 2 ? 'en' : 'fr')));
    }
    const floor: number[] = [];
    const fr: number[] = [];
    const en: number[] = [];
    const voice: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(await time(() => call('GET', '/health')));
      fr.push(await time(() => call('POST', '/twilio/messaging', sms(bookingRequest(100 + i, 'fr')))));
      en.push(await time(() => call('POST', '/twilio/messaging', sms(bookingRequest(100 + i, 'en')))));
      const callSid = `CA${String(i).padStart(32, '0')}`;
      const params = {
        CallSid: callSid,
        AccountSid: `AC${'0'.repeat(32)}`,
        From: `+3369${String(1_000_000 + i).slice(-7)}0`,
        To: '+33100000000',
        Direction: 'inbound',
        CallStatus: 'ringing',
      };
      const incoming = await call('POST', '/twilio/voice/incoming', params);
      const action = /<Gather[^>]*action="([^"]+)"/.exec(incoming.body)?.[1]?.replace(/&amp;/g, '&').replace(base, '');
      if (!action) throw new Error(`no Gather: ${incoming.body.slice(0, 200)}`);
      voice.push(
        await time(() =>
          call('POST', action, {
            ...params,
            CallStatus: 'in-progress',
            SpeechResult: bookingRequest(300 + i, 'fr'),
            Confidence: '0.9',
          }),
        ),
      );
    }
    const floorP50 = percentile(floor, 0.5);
    return [
      row('GET /health on the same kept-alive loopback connection (the floor)', floor),
      row('SMS webhook, first turn with a whole booking request, FR', fr, floorP50),
      row('SMS webhook, first turn with a whole booking request, EN', en, floorP50),
      row('voice webhook, Gather turn with a whole booking request, FR', voice, floorP50),
    ];
  } finally {
    await app.close();
  }
}

/**
 * A streamed call's turn (VOICE_MODE=relay): from the caller's final prompt on the
 * ConversationRelay socket to the answer's last text token, on a server of its own, set against
 * that server's /health floor. Each run is a new call whose first words are a whole booking request.
 */
export async function benchRelayTurns(runs = 150): Promise<TurnRow[]> {
  const { app, base } = await startBenchServer({ VOICE_MODE: 'relay' });
  const call = client(base);
  const socketUrl = `${base.replace(/^http/, 'ws')}/twilio/voice/relay`;
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const turn = async (i: number) => {
    const callSid = `CA${String(10_000 + i).padStart(32, '0')}`;
    const from = `+3367${String(1_000_000 + i).slice(-7)}0`;
    const relay = await RelayCall.open(socketUrl, TOKEN, { callSid, from, to: '+33100000000', lang: 'fr' });
    try {
      const words = bookingRequest(600 + i, 'fr');
      return await time(async () => {
        relay.send({ type: 'prompt', voicePrompt: words, lang: 'fr-FR', last: true });
        const answer = await relay.answer();
        if (!answer.text) throw new Error('the relay turn gave no text');
      });
    } finally {
      await relay.close();
    }
  };
  try {
    for (let i = 0; i < 20; i++) {
      await call('GET', '/health');
      await turn(i);
    }
    const floor: number[] = [];
    const relayTurns: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(await time(() => call('GET', '/health')));
      relayTurns.push(await turn(100 + i));
    }
    const floorP50 = percentile(floor, 0.5);
    return [
      row('GET /health on the relay server (its floor)', floor),
      row('voice relay turn, final prompt to last text token, whole booking request, FR', relayTurns, floorP50),
    ];
  } finally {
    await app.close();
  }
}

/** The dialog turn alone (createBot().respond), FR and EN separately, on the embedded store. */
export async function benchInProcessTurns(runs = 300): Promise<TurnRow[]> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'maitre-bench-turns-')), 'maitre.db'));
  await store.init();
  const r = demoRestaurant();
  await store.saveRestaurant(r);
  for (const t of demoTables(r.id)) await store.saveTable(t);
  const { respond } = createBot({ store, bookings: new BookingService(store, r.id), reminders: false, log: () => {} });
  let n = 0;
  const turn = async (lang: 'fr' | 'en', i: number) => {
    const phone = `+3364${String(1_000_000 + n++).slice(-7)}`;
    const t = performance.now();
    await respond({
      type: 'message',
      channelId: 'sms',
      conversation: { id: `sms:${phone}`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: phone, name: '' },
      text: bookingRequest(i, lang),
      locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    });
    return performance.now() - t;
  };
  for (let i = 0; i < 30; i++) await turn(i % 2 ? 'en' : 'fr', i);
  const fr: number[] = [];
  const en: number[] = [];
  for (let i = 0; i < runs; i++) {
    fr.push(await turn('fr', 50 + i));
    en.push(await turn('en', 50 + i));
  }
  await store.close();
  return [
    row('dialog turn alone, whole booking request, FR (createBot().respond)', fr),
    row('dialog turn alone, whole booking request, EN (createBot().respond)', en),
  ];
}
