// Speed of the understanding layer alone, once warm: part of `npm run bench`, or on its own with
// `npx tsx bench/understanding.ts`.
import { understand, warmUp } from '../dialogs/understanding/understand';
import type { Lang } from '../dialogs/understanding/types';

const SAMPLES: [string, Lang][] = [
  ['Bonjour, je voudrais réserver pour 4 personnes demain à 19h30', 'fr'],
  ['Vous avez de la place samedi prochain à midi pour trois ?', 'fr'],
  ['On sera huit vendredi soir vers 21h', 'fr'],
  ['table pour cinq le 3 décembre à vingt heures trente, au nom de Durand', 'fr'],
  ['Bonjour, je voudrais réserver une table pour trois personnes demain à vingt heures', 'fr'],
  ['Au nom de Marchand', 'fr'],
  ["Oui, c'est parfait", 'fr'],
  ['je voudrais annuler ma réservation', 'fr'],
  ['Hi, table for two tomorrow at 8pm', 'en'],
  ['Do you have room for 3 next Saturday at noon?', 'en'],
  ['Party of seven on Friday around 9 in the evening', 'en'],
  ['a table for four tonight at seven thirty under Smith', 'en'],
  ['what are your opening hours?', 'en'],
  ['yes please', 'en'],
];

export interface BenchResult {
  utterances: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  /** CPU time per utterance: what the wall time would be on an idle core. */
  cpuMeanMs: number;
}

export function benchUnderstanding(rounds = 200): BenchResult {
  warmUp({ recognizers: false });
  const now = new Date();
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const [text, lang] of SAMPLES) {
      const t = performance.now();
      understand(text, { lang, now, timezone: 'Europe/Paris' });
      times.push(performance.now() - t);
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  const round3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    utterances: times.length,
    meanMs: round3(times.reduce((a, b) => a + b, 0) / times.length),
    medianMs: round3(times[Math.floor(times.length / 2)]),
    p95Ms: round3(times[Math.floor(times.length * 0.95)]),
    cpuMeanMs: round3((cpu.user + cpu.system) / 1000 / times.length),
  };
}

if (require.main === module) console.log(benchUnderstanding());
