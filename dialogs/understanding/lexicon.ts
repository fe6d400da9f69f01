// The vocabulary data of each language (lexicon/fr.json, lexicon/en.json), loaded once:
// - shorthand: texting abbreviations and slang, and what they stand for ("pr" → "pour");
// - domain: the words that carry a booking (days, months, relative days, numbers, people,
//   services, booking verbs, diets), the only targets of spelling correction;
// - common: ordinary words close to a domain word ("mari" / "mardi", "look" / "book") that must
//   never be "corrected". Domain words and shorthand keys are never corrected either.
import frFile from './lexicon/fr.json';
import enFile from './lexicon/en.json';
import { fold } from './distance';
import type { Lang } from './types';

interface LexiconFile {
  shorthand: Record<string, string>;
  beforeNumber?: Record<string, string>;
  about?: string;
  domain: Record<string, string[]>;
  common: string[];
}

export interface DomainWord {
  /** As written in the lexicon, accents included ("février"). */
  canonical: string;
  folded: string;
  /** The lexicon group ("days", "months", "numbers", "people"…). */
  group: string;
}

export interface Lexicon {
  lang: Lang;
  shorthand: ReadonlyMap<string, string>;
  /** Words that stand for another only between a word and a number ("table 4 2": "for"). */
  beforeNumber: ReadonlyMap<string, string>;
  /** The word for "about" that a "8ish" becomes, in a language that writes it so. */
  about?: string;
  /** Domain words by the first letter of their folded form. */
  byInitial: ReadonlyMap<string, readonly DomainWord[]>;
  /** Folded domain words → their canonical form (to restore accents: "decembre" → "décembre"). */
  byFolded: ReadonlyMap<string, DomainWord>;
  /** Exact (lower-case) words never corrected. */
  known: ReadonlySet<string>;
  /** The same, folded ("tres" is "très" without its accent: known too). */
  knownFolded: ReadonlySet<string>;
}

function build(lang: Lang, file: LexiconFile): Lexicon {
  const shorthand = new Map(Object.entries(file.shorthand).map(([k, v]) => [k.toLowerCase(), v]));
  const byInitial = new Map<string, DomainWord[]>();
  const byFolded = new Map<string, DomainWord>();
  const known = new Set<string>();
  for (const [group, words] of Object.entries(file.domain)) {
    for (const canonical of words) {
      const word: DomainWord = { canonical, folded: fold(canonical), group };
      if (!byFolded.has(word.folded)) byFolded.set(word.folded, word);
      const list = byInitial.get(word.folded[0]) ?? [];
      list.push(word);
      byInitial.set(word.folded[0], list);
      known.add(canonical.toLowerCase());
    }
  }
  for (const w of file.common) known.add(w.toLowerCase());
  for (const k of shorthand.keys()) known.add(k);
  const knownFolded = new Set([...known].map(fold));
  const beforeNumber = new Map(Object.entries(file.beforeNumber ?? {}));
  return { lang, shorthand, beforeNumber, about: file.about, byInitial, byFolded, known, knownFolded };
}

const LEXICONS: Record<Lang, Lexicon> = {
  fr: build('fr', frFile as LexiconFile),
  en: build('en', enFile as LexiconFile),
};

export function lexiconOf(lang: Lang): Lexicon {
  return LEXICONS[lang];
}

/** Words either language knows: a word known in one is not "corrected" in the other ("ok", "brunch"). */
export const KNOWN_ANY: ReadonlySet<string> = new Set([...LEXICONS.fr.known, ...LEXICONS.en.known]);
export const KNOWN_ANY_FOLDED: ReadonlySet<string> = new Set([...LEXICONS.fr.knownFolded, ...LEXICONS.en.knownFolded]);
