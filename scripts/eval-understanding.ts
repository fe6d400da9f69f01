// `npm run eval:understanding`: reads the whole understanding corpus (test/dialogs/understanding/
// corpus/) and prints the accuracy per class and per language, then the misread utterances.
import { LANGS, describeFailure, loadCorpus, runCorpus, type Outcome } from '../test/dialogs/understanding/corpus';

const pct = (ok: number, n: number) => `${((100 * ok) / Math.max(n, 1)).toFixed(1)} %`;
const all: Outcome[] = [];
for (const lang of LANGS) {
  const outcomes = runCorpus(loadCorpus(lang));
  all.push(...outcomes);
  const byClass = new Map<string, Outcome[]>();
  for (const o of outcomes) byClass.set(o.entry.class, [...(byClass.get(o.entry.class) ?? []), o]);
  const ok = outcomes.filter((o) => o.ok).length;
  console.log(`\n${lang.toUpperCase()}: ${ok}/${outcomes.length} (${pct(ok, outcomes.length)})`);
  for (const [cls, list] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) {
    const good = list.filter((o) => o.ok).length;
    console.log(
      `  ${cls.padEnd(24)} ${String(good).padStart(4)}/${String(list.length).padEnd(4)} ${pct(good, list.length)}`,
    );
  }
}
const failures = all.filter((o) => !o.ok);
const ok = all.length - failures.length;
console.log(`\nALL: ${ok}/${all.length} (${pct(ok, all.length)})`);
if (failures.length) console.log(`\nMisread:\n${failures.map(describeFailure).join('\n')}`);
