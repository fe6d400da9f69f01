// Edit distance with transpositions (optimal string alignment): "tabel" is one edit from
// "table", "tommorrow" one from "tomorrow". Bounded: gives up as soon as the distance must
// exceed `max`, so scanning a vocabulary costs little.

// Three rows reused by every call (words are short; longer ones are not compared at all).
const MAX_WORD = 40;
const rowA = new Int32Array(MAX_WORD + 1);
const rowB = new Int32Array(MAX_WORD + 1);
const rowC = new Int32Array(MAX_WORD + 1);

/** Distance between a and b if it is at most `max`, else max + 1. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (a.length > MAX_WORD || b.length > MAX_WORD) return max + 1;
  const n = b.length;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return Math.min(prev[n], max + 1);
}

/** Edits allowed for a word of this length: 1 up to five letters, 2 above. */
export function allowedEdits(length: number): number {
  return length <= 5 ? 1 : 2;
}

const NON_ASCII = /[^\u0020-\u007e]/;

/** Lower case without accents: "Décembre" → "decembre", "sœur" → "soeur". */
export function fold(word: string): string {
  // Plain ASCII needs only its lower case (the common case: no normalisation to pay).
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
