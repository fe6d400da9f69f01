// The guest's text as a list of words and what lies between them, so that the shorthand and
// correction steps can replace words one by one and put the text back together. Words that
// may be a name are marked as protected: the steps leave them as they are.
import type { Lexicon } from './lexicon';

export interface Token {
  /** As written (case kept). */
  text: string;
  low: string;
  /** Could be (part of) a name: after "au nom de", "this is", or capitalised mid-sentence. */
  protected: boolean;
  /** Where the word starts in the text. */
  start: number;
  /** Capitalised mid-sentence (a capital at the start of a sentence says nothing): maybe a name. */
  capitalised: boolean;
}

/** Words, and the separators around them: parts[0] sep, token 0, parts[1] sep, token 1 … */
export interface Tokens {
  seps: string[];
  tokens: Token[];
}

// Cues after which a name follows whatever its case ("au nom de dupont", "my name is priya").
const STRONG_CUE = new RegExp(
  `(?<![\\p{L}])(?:${[
    "au\\s+nom\\s+d[e']",
    "sous\\s+le\\s+nom(?:\\s+d[e'])?",
    "je\\s+m'appelle",
    "moi\\s+c'est",
    "mon\\s+nom\\s+(?:est|c'est)",
    'nom\\s*:',
    "de\\s+la\\s+part\\s+d[e']",
    'under\\s+the\\s+name(?:\\s+of)?',
    'in\\s+the\\s+name\\s+of',
    'name\\s+is',
    "name's",
    'name\\s*:',
    'call\\s+me',
    'under',
  ].join('|')})\\s*`,
  'gu',
);
// Cues after which only a capitalised word is a name ("c'est Mme Nicolas", "this is Priya").
const WEAK_CUE = /(?<![\p{L}])(?:c'est|ici|je\s+suis|this\s+is|it's|it\s+is|i'm|i\s+am)\s*/gu;
// Cheap tests that a cue may be there, so the cue patterns above rarely run at all.
const STRONG_HINT = /nom|appelle|c'est|part|name|call|under/;
const WEAK_HINT = /c'est|ici|suis|is|it|i'm|i am/;
const SENTENCE_END = /[.!?:\n]/;
const PHRASE_END = /[,;.!?]/;
const TITLES = new Set([
  'm',
  'mr',
  'mrs',
  'ms',
  'mme',
  'mlle',
  'dr',
  'monsieur',
  'madame',
  'mademoiselle',
  'miss',
  'mister',
  'missus',
  'doctor',
  'docteur',
]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

// Words are letters and digits, joined by an apostrophe or a hyphen ("aujourd'hui",
// "après-demain"). Scanned by character code: the extractors' regexes are the costly part of
// a turn, this step must stay cheap.
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c <= 0xff) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  return LETTER_OR_DIGIT.test(text[i]);
}

function nextWord(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordChar(text, i)) i++;
  return i;
}

function wordEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (i < text.length && isWordChar(text, i)) i++;
    const c = text[i];
    if ((c === "'" || c === '-') && i + 1 < text.length && isWordChar(text, i + 1)) i++;
    else return i;
  }
}

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  if (c <= 0xff) return c >= 0xc0 && c <= 0xde && c !== 0xd7;
  return UPPER.test(word[0]);
}

/** Splits a text into words (cheap: no pattern runs). Call `markNames` before changing words. */
export function tokenize(text: string): Tokens {
  const seps: string[] = [];
  const tokens: Token[] = [];
  const allCaps = text === text.toUpperCase();
  let at = 0;
  for (let start = nextWord(text, 0); start < text.length; start = nextWord(text, at)) {
    const end = wordEnd(text, start);
    const sep = text.slice(at, start);
    seps.push(sep);
    const word = text.slice(start, end);
    const sentenceStart = at === 0 || SENTENCE_END.test(sep);
    const capital = !allCaps && isCapital(word);
    tokens.push({
      text: word,
      low: word.toLowerCase(),
      start,
      protected: false,
      capitalised: capital && !sentenceStart,
    });
    at = end;
  }
  seps.push(text.slice(at));
  return { seps, tokens };
}

/**
 * Protects the words that may be a name: up to three words after a strong cue ("au nom de",
 * "my name is"), ending at a word the lexicon knows; capitalised words after a weak cue
 * ("c'est Mme Nicolas", "this is Priya Sharma"); a title and what follows it.
 */
export function markNames(t: Tokens, text: string, lex: Lexicon): void {
  const lower = text.toLowerCase();
  const strongEnds = STRONG_HINT.test(lower) ? cueEnds(STRONG_CUE, lower) : null;
  const weakEnds = WEAK_HINT.test(lower) ? cueEnds(WEAK_CUE, lower) : null;
  let strongLeft = 0;
  let weakLeft = 0;
  for (let i = 0; i < t.tokens.length; i++) {
    const token = t.tokens[i];
    if (PHRASE_END.test(t.seps[i])) {
      strongLeft = 0;
      weakLeft = 0;
    }
    if (strongEnds?.has(token.start)) strongLeft = 3;
    else if (weakEnds?.has(token.start)) weakLeft = 3;
    const capital = token.capitalised || (i > 0 && isCapital(token.text));
    if (TITLES.has(token.low)) {
      // "Mme Nicolas", "Mr. Smith": the title keeps the protection going.
      token.protected = true;
      if (weakLeft === 0 && strongLeft === 0) weakLeft = 1;
    } else if (strongLeft > 0) {
      // A name ends where a word the lexicon knows begins ("au nom de Dupont pr 4").
      if (lex.shorthand.has(token.low) || lex.known.has(token.low)) strongLeft = 0;
      else {
        token.protected = true;
        strongLeft--;
      }
    } else if (weakLeft > 0 && capital) {
      token.protected = true;
      weakLeft--;
    } else {
      weakLeft = 0;
    }
  }
}

/** Where the text after each cue starts (null when there is no cue, the usual case). */
function cueEnds(re: RegExp, lower: string): Set<number> | null {
  let ends: Set<number> | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    ends ??= new Set();
    ends.add(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return ends;
}

export function join(t: Tokens): string {
  let out = t.seps[0];
  for (let i = 0; i < t.tokens.length; i++) out += t.tokens[i].text + t.seps[i + 1];
  return out;
}
