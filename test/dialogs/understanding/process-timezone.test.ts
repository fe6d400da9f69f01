// The server's own timezone must not matter: dates are read on the restaurant's clock, and the
// recognizers (which read a Date's local getters) get that clock as a naive local Date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { understand } from '../../../dialogs/understanding';
import { addDays } from '../../../booking-core/clock';
import { ZONE, utc } from './table';

// [utterance, language, days after "today" (null: a fixed date), fixed date, time]
const CASES: [string, 'fr' | 'en', number | null, string | undefined, string | undefined][] = [
  ['demain à 20h', 'fr', 1, undefined, '20:00'],
  ['Christmas Eve at 8pm', 'en', null, '2026-12-24', '20:00'], // through the Microsoft recognizer
  ['le 3.12 à 20h', 'fr', null, '2026-12-03', '20:00'], // through the Microsoft recognizer
  ['tonight', 'en', 0, undefined, undefined],
];

// Each zone gets another day, so the recognizers' result cache cannot answer for them.
['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].forEach((processZone, day) => {
  test(`same answers when the server runs in ${processZone}`, () => {
    const saved = process.env.TZ;
    process.env.TZ = processZone;
    try {
      // 00:30 in Paris, on Monday 23 November and the days after.
      const now = new Date(utc('2026-11-22T23:30:00Z').getTime() + day * 86_400_000);
      const today = addDays('2026-11-23', day);
      for (const [text, lang, offset, fixed, time] of CASES) {
        const date = offset === null ? fixed : addDays(today, offset);
        const u = understand(text, { lang, now, timezone: ZONE });
        assert.deepEqual({ date: u.date, time: u.time }, { date, time }, `${text} → ${JSON.stringify(u)}`);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
