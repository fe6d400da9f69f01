// Helpers for the recognizer tables: local wall-clock "now"s in the restaurant's zone, and one
// node:test case per row that checks party, date, time and name exactly (absent means absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { understand, type Expecting, type Lang } from '../../../dialogs/understanding';

export const ZONE = 'Europe/Paris';
/** Not given: the utterance must not yield this field. */
export const _ = undefined;

/** The instant at which the restaurant's clock shows `local` ("2026-11-22 18:00"). */
export function paris(local: string): Date {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toJSDate();
}

export function utc(iso: string): Date {
  return new Date(iso);
}

/** [utterance, party, date, time, name?, expecting?] */
export type Row = [string, number | undefined, string | undefined, string | undefined, string?, Expecting?];

export interface Group {
  /** Said when the restaurant's clock shows… (for the test names). */
  label: string;
  now: Date;
  rows: Row[];
}

export function runTable(lang: Lang, groups: Group[]): void {
  for (const group of groups) {
    for (const [text, partySize, date, time, name, expecting] of group.rows) {
      const title = `${group.label} | ${expecting ? `[${expecting}] ` : ''}${text}`;
      test(title, () => {
        const got = understand(text, { lang, now: group.now, timezone: ZONE, expecting });
        assert.deepEqual(
          { partySize: got.partySize, date: got.date, time: got.time, name: got.name },
          { partySize, date, time, name },
          JSON.stringify(got),
        );
      });
    }
  }
}

export function countRows(groups: Group[]): number {
  return groups.reduce((n, g) => n + g.rows.length, 0);
}
