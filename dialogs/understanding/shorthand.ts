// Step 2 of the pipeline: texting shorthand and slang become the words they stand for, from
// the language's lexicon ("pr" → "pour", "tmrw" → "tomorrow", "4ppl" → "4 people",
// "tmrw's" → "tomorrow's", "8ish" → "around 8"). A few words stand for another only before a
// number ("table 4 2" is "table for 2"): the lexicon's "beforeNumber" section.
import type { Lexicon } from './lexicon';
import { wordToNumber } from './numbers';
import type { Tokens } from './tokens';

const NUMBER_THEN_WORD = /^(\d{1,3})(\p{L}+)$/u;
const POSSESSIVE = /^(.+)('s)$/u;
const NUMBER = /^\d{1,3}$/;
// "8ish", "7:30ish": about that time.
const ABOUT = /^(\d{1,2})ish$/u;

export function expandShorthand(t: Tokens, lex: Lexicon): void {
  for (let i = 0; i < t.tokens.length; i++) {
    const token = t.tokens[i];
    if (token.protected || (token.low.length === 1 && !singleLetterWord(t, i))) continue;
    const full = lex.shorthand.get(token.low);
    if (full !== undefined) {
      token.text = full;
      token.low = full.toLowerCase();
      continue;
    }
    const beforeNumber = lex.beforeNumber.get(token.low);
    if (beforeNumber !== undefined && betweenWordAndNumber(t, i)) {
      token.text = beforeNumber;
      token.low = beforeNumber.toLowerCase();
      continue;
    }
    const owner = POSSESSIVE.exec(token.low);
    const ownerFull = owner && lex.shorthand.get(owner[1]);
    if (owner && ownerFull) {
      token.text = `${ownerFull}${owner[2]}`;
      token.low = token.text.toLowerCase();
      continue;
    }
    const about = ABOUT.exec(token.low);
    if (about && lex.about) {
      token.text = `${lex.about} ${about[1]}`;
      token.low = token.text;
      continue;
    }
    // "4ppl", "2pers", "6personnes": a number glued to a people word is the number and the word.
    const glued = NUMBER_THEN_WORD.exec(token.low);
    if (!glued) continue;
    const word = lex.shorthand.get(glued[2]) ?? (lex.byFolded.get(glued[2])?.group === 'people' ? glued[2] : undefined);
    if (word === undefined || !isPeopleWord(word, lex)) continue;
    token.text = `${glued[1]} ${word}`;
    token.low = token.text.toLowerCase();
  }
}

/**
 * "c pour 4", "r u free tmrw?": a one-letter word is shorthand only in lower case (or opening a
 * sentence) and not in a run of three single letters or more ("Martin, M A R T I N" spells a
 * name; "r u" is two words).
 */
function singleLetterWord(t: Tokens, i: number): boolean {
  const token = t.tokens[i];
  if (token.capitalised || (token.text !== token.low && t.tokens.length > 1 && i > 0)) return false;
  const single = (j: number) => j >= 0 && j < t.tokens.length && t.tokens[j].low.length === 1;
  return !(single(i - 1) && (single(i - 2) || single(i + 1))) && !(single(i + 1) && single(i + 2));
}

/** "table 4 2", "space 4 6 ppl": after a word, before a number (a digit or a number word). */
function betweenWordAndNumber(t: Tokens, i: number): boolean {
  const before = t.tokens[i - 1];
  const after = t.tokens[i + 1];
  if (!before || !after || NUMBER.test(before.low) || !/^\p{L}+$/u.test(before.low)) return false;
  return NUMBER.test(after.low) || wordToNumber(after.low) !== null;
}

function isPeopleWord(word: string, lex: Lexicon): boolean {
  return lex.byFolded.get(word.toLowerCase())?.group === 'people';
}
