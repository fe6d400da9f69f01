// A party said as people rather than as a number: "mon mari et moi" (2), "avec ma sœur" (2),
// "me, my partner and our two kids" (4), "en amoureux" (2), "just the two of us" (2). The
// words are data (the "party" section of lexicon/fr.json and lexicon/en.json).
//
// A list of people counts when the speaker is in it ("moi", "me", "I") or when it follows
// "avec"/"with" (the speaker comes too). A plural without a number ("mes enfants", "the kids")
// cannot be counted: then nothing is read and the dialog asks.
import frFile from './lexicon/fr.json';
import enFile from './lexicon/en.json';
import { ANY_NUMBER, wordToNumber } from './numbers';
import { WB, WE, type Work, first, rx } from './text';

interface PartyWords {
  self: string[];
  one: string[];
  many: string[];
  pair: string[];
  pairPhrases: string[];
}

const WORDS: PartyWords[] = [frFile.party, enFile.party];
const all = (key: keyof PartyWords) => [...new Set(WORDS.flatMap((w) => w[key]))];
const alt = (words: string[]) =>
  words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'))
    .join('|');

const SELF = new Set(all('self'));
const ONE = new Set(all('one'));
const PAIR = new Set(all('pair'));

const DET =
  '(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs|ton|ta|tes|les|my|our|the|his|her|their|un|une|a|an|another)';
const NOUN = `(${alt([...all('one'), ...all('many'), ...all('pair')])})`;
const ITEM = `(?:(${alt(all('self'))})|(?:${DET}\\s+)?(?:(${ANY_NUMBER})\\s+)?${NOUN})${WE}`;
const SEP = `\\s*(?:,\\s*(?:and\\s+|et\\s+)?|\\s(?:et|and|&|plus|\\+|avec|with)\\s+|\\s*\\+\\s*)`;
const START = rx(`${WB}(?:(avec|with|pour|for)\\s+)?${ITEM}`);
const NEXT = rx(`${SEP}${ITEM}`, 'iuy');
const PAIR_PHRASE = rx(`${WB}(?:${alt(all('pairPhrases'))})${WE}(?!\\s*(?:h(?![\\p{L}])|heures?|:|o'clock|pm|am))`);
const HINT = rx(
  `${WB}(?:${alt([...all('self'), ...all('one'), ...all('many'), ...all('pair'), ...all('pairPhrases')])})${WE}`,
);

interface Item {
  self: boolean;
  count: number | null;
}

function itemOf(self: string | undefined, num: string | undefined, rawNoun: string): Item {
  if (self !== undefined) return { self: SELF.has(self), count: 1 };
  const noun = rawNoun.replace(/[\s-]+/g, (s) => (s.includes('-') ? '-' : ' '));
  if (num !== undefined) return { self: false, count: wordToNumber(num) };
  if (ONE.has(noun)) return { self: false, count: 1 };
  if (PAIR.has(noun)) return { self: false, count: 2 };
  return { self: false, count: null };
}

/** The party a list of people makes, or undefined (the matched span is blanked when read). */
export function takePeople(w: Work): number | undefined {
  if (!first(HINT, w.rest)) return undefined;
  START.lastIndex = 0;
  for (let m = START.exec(w.rest); m; m = START.exec(w.rest)) {
    const lead = m[1];
    const items: Item[] = [itemOf(m[2], m[3], m[4])];
    let end = m.index + m[0].length;
    for (;;) {
      NEXT.lastIndex = end;
      const n = NEXT.exec(w.rest);
      if (!n) break;
      items.push(itemOf(n[1], n[2], n[3]));
      end = n.index + n[0].length;
    }
    const self = items.some((i) => i.self);
    const withMe = lead === 'avec' || lead === 'with';
    if (self ? items.length >= 2 : withMe) {
      if (items.every((i) => i.count !== null)) {
        const total = items.reduce((sum, i) => sum + (i.count ?? 0), 0) + (self ? 0 : 1);
        START.lastIndex = 0;
        if (total >= 2 && total <= 99) {
          w.mask(m.index, end - m.index);
          return total;
        }
        return undefined;
      }
    }
    START.lastIndex = end;
  }
  START.lastIndex = 0;
  const pair = first(PAIR_PHRASE, w.rest);
  if (pair) {
    w.maskMatch(pair);
    return 2;
  }
  return undefined;
}
