// The understanding corpus (corpus/fr.json, corpus/en.json): labelled guest utterances, each
// with its class and what it must yield at the corpus's fixed `now`. Shared by the corpus test
// (corpus.test.ts, which fails below 100 %) and `npm run eval:understanding` (accuracy per
// class and per language).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DateTime } from 'luxon';
import { understand, type Expecting, type Lang, type Understanding } from '../../../dialogs/understanding';

/** What an utterance must yield. A key left out means the field must be absent. */
export interface Expected {
  goal: Understanding['intent'];
  party?: number;
  date?: string;
  time?: string;
  name?: string;
  reference?: Understanding['reference'];
  diet?: Understanding['diet'];
}

export interface Entry {
  class: string;
  text: string;
  /** What the bot had just asked, when the utterance answers a question. */
  expecting?: Expecting;
  expect: Expected;
}

export interface Corpus {
  lang: Lang;
  /** Restaurant wall clock when every utterance is said ("2026-11-22 18:00", a Sunday). */
  now: string;
  timezone: string;
  entries: Entry[];
}

export const LANGS: Lang[] = ['fr', 'en'];

export function loadCorpus(lang: Lang): Corpus {
  return JSON.parse(readFileSync(join(__dirname, 'corpus', `${lang}.json`), 'utf8')) as Corpus;
}

export interface Outcome {
  entry: Entry;
  got: Expected;
  ok: boolean;
}

/** The fields of an Understanding that the corpus labels, absent ones left out. */
export function labelled(u: Understanding): Expected {
  const out: Expected = { goal: u.intent };
  if (u.partySize !== undefined) out.party = u.partySize;
  if (u.date !== undefined) out.date = u.date;
  if (u.time !== undefined) out.time = u.time;
  if (u.name !== undefined) out.name = u.name;
  if (u.reference !== undefined) out.reference = u.reference;
  if (u.diet !== undefined) out.diet = u.diet;
  return out;
}

export function runCorpus(corpus: Corpus): Outcome[] {
  const now = DateTime.fromFormat(corpus.now, 'yyyy-MM-dd HH:mm', { zone: corpus.timezone });
  if (!now.isValid) throw new Error(`bad corpus now: ${corpus.now}`);
  return corpus.entries.map((entry) => {
    const u = understand(entry.text, {
      lang: corpus.lang,
      now: now.toJSDate(),
      timezone: corpus.timezone,
      expecting: entry.expecting,
    });
    const got = labelled(u);
    return { entry, got, ok: isDeepStrictEqual(got, entry.expect) };
  });
}

export function describeFailure(o: Outcome): string {
  const asked = o.entry.expecting ? ` [after ${o.entry.expecting}]` : '';
  const want = JSON.stringify(o.entry.expect);
  const got = JSON.stringify(o.got);
  return `  ${o.entry.class}${asked}: ${JSON.stringify(o.entry.text)}\n    want ${want}\n    got  ${got}`;
}
