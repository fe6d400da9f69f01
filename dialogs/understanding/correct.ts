// Step 3 of the pipeline: misspelt domain words are put right ("demin" → "demain", "tabel" →
// "table", "tommorrow" → "tomorrow", "diner" → "dîner"). Only toward the language's domain
// vocabulary, within 1 edit for words of up to five letters and 2 above, keeping the first
// letter, and only when one word is nearest. Never: words of fewer than four letters,
// numbers, words the lexicon knows (shorthand, domain and common words), words that may be a
// name (protected after "au nom de", "this is"…); a capitalised word mid-sentence only toward
// a day or a month, one edit away (English writes "Satruday" with a capital).
import { allowedEdits, boundedDistance, fold } from './distance';
import { type DomainWord, KNOWN_ANY, KNOWN_ANY_FOLDED, type Lexicon } from './lexicon';
import type { Token, Tokens } from './tokens';

const LETTERS = /^[\p{L}'-]+$/u;
const CALENDAR = new Set(['days', 'months']);

// Guests reuse the same words: each word's correction is worked out once (per lexicon and case).
const cache = new Map<string, string | null>();
const CACHE_SIZE = 5000;

export function correctDomainWords(t: Tokens, lex: Lexicon): void {
  for (const token of t.tokens) {
    if (token.protected || token.low.length < 4 || !LETTERS.test(token.low) || KNOWN_ANY.has(token.low)) continue;
    const key = `${lex.lang}${token.capitalised ? 'C' : 'c'}${token.low}`;
    let better = cache.get(key);
    if (better === undefined) {
      better = correction(token, lex) ?? null;
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(key, better);
    }
    if (better !== null) {
      token.text = better;
      token.low = better.toLowerCase();
    }
  }
}

function correction(token: Token, lex: Lexicon): string | undefined {
  const folded = fold(token.low);
  const same = lex.byFolded.get(folded);
  if (same) return token.capitalised && !CALENDAR.has(same.group) ? undefined : same.canonical;
  if (KNOWN_ANY_FOLDED.has(folded)) return undefined;
  const max = token.capitalised ? 1 : allowedEdits(folded.length);
  let best: DomainWord | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const word of lex.byInitial.get(folded[0]) ?? []) {
    if (token.capitalised && !CALENDAR.has(word.group)) continue;
    const d = boundedDistance(folded, word.folded, Math.min(max, bestDistance));
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= max && best && word.canonical !== best.canonical) {
      tie = true;
    }
  }
  if (!best || bestDistance > max || tie) return undefined;
  // The target word may allow fewer edits than the guest's word ("persones" vs "personnes" is fine;
  // "ami" is never a target of a 5-letter word two edits away).
  if (bestDistance > allowedEdits(best.folded.length)) return undefined;
  return best.canonical;
}
