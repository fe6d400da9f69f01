// Steps 1–3 of the pipeline, before anything is extracted:
// 1. tidy: NFC, straight apostrophes and quotes, plain spaces and dashes (text.ts);
// 2. shorthand: texting abbreviations become words, from the language's lexicon (shorthand.ts);
// 3. correction: misspelt domain words are put right (correct.ts).
// The result is the text the extractors read (understand.ts), case kept so names read right.
import { correctDomainWords } from './correct';
import { detectLanguage } from './language';
import { KNOWN_ANY, lexiconOf } from './lexicon';
import { expandShorthand } from './shorthand';
import { tidy } from './text';
import { type Token, type Tokens, join, markNames, tokenize } from './tokens';
import type { Lang } from './types';

export interface Prepared {
  text: string;
  /** The language whose lexicon was used. */
  lang: Lang;
}

export function prepare(raw: string, fallback: Lang): Prepared {
  const tidied = tidy(raw);
  const tokens = tokenize(tidied);
  // Most messages hold no shorthand and no unknown word: they skip steps 2 and 3 at no cost.
  if (!tokens.tokens.some(mayChange)) return { text: tidied, lang: fallback };
  const lang = lexiconLanguage(tokens, fallback);
  const lex = lexiconOf(lang);
  markNames(tokens, tidied, lex);
  expandShorthand(tokens, lex);
  correctDomainWords(tokens, lex);
  return { text: join(tokens), lang };
}

const FR = lexiconOf('fr');
const EN = lexiconOf('en');
const DIGIT = /\d/;
const GLUED = /^\d{1,3}\p{L}{2,}$/u;
const CLOCK_OR_ORDINAL = /^\d+(?:h|er|e|ème|eme|st|nd|rd|th|am|pm)$/;

/** Shorthand, or a word of four letters or more that neither language knows (maybe misspelt). */
function mayChange(token: Token): boolean {
  const word = token.low;
  if (FR.shorthand.has(word) || EN.shorthand.has(word)) return true;
  if (FR.beforeNumber.has(word) || EN.beforeNumber.has(word)) return true;
  if (DIGIT.test(word)) return GLUED.test(word) && !CLOCK_OR_ORDINAL.test(word);
  return word.length >= 4 && !KNOWN_ANY.has(word);
}

/**
 * Which lexicon to read the text with: the language of its words when they say, else the one
 * whose shorthand it uses ("slt pr 4 dem1" is French), else the conversation's language.
 */
function lexiconLanguage(t: Tokens, fallback: Lang): Lang {
  const said = detectLanguage(t.tokens.map((token) => token.low).join(' '));
  if (said) return said;
  let votes = 0;
  for (const { low } of t.tokens) {
    const inFr = FR.shorthand.has(low);
    const inEn = EN.shorthand.has(low);
    if (inFr && !inEn) votes++;
    else if (inEn && !inFr) votes--;
  }
  return votes > 0 ? 'fr' : votes < 0 ? 'en' : fallback;
}
