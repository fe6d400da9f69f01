// Step 2 of the pipeline: texting shorthand and slang become the words they stand for, from
// the language's lexicon ("pr" → "pour", "tmrw" → "tomorrow", "4ppl" → "4 people").
import type { Lexicon } from './lexicon';
import type { Tokens } from './tokens';

const NUMBER_THEN_WORD = /^(\d{1,3})(\p{L}+)$/u;

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
 * "c pour 4", "u free tmrw?": a one-letter word is shorthand only in lower case (or opening a
 * sentence) and not among other single letters ("Martin, M A R T I N" spells a name).
 */
function singleLetterWord(t: Tokens, i: number): boolean {
  const token = t.tokens[i];
  if (token.capitalised || (token.text !== token.low && t.tokens.length > 1 && i > 0)) return false;
  const single = (j: number) => j >= 0 && j < t.tokens.length && t.tokens[j].low.length === 1;
  return !single(i - 1) && !single(i + 1);
}

function isPeopleWord(word: string, lex: Lexicon): boolean {
  return lex.byFolded.get(word.toLowerCase())?.group === 'people';
}
