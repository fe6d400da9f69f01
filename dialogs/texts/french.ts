// French elision for words the catalogue inserts (names, dishes, allergens): "au nom d'Anne",
// "d'Inès", "pas d'œufs", but "de Hugo", "de Yann", "pas de homard". A vowel elides; a y elides
// only before a consonant (Yves, not Yann); an h elides unless it is aspirated, which French
// spelling does not show, so aspirated words and names are listed.

/** Words and names whose h is aspirated (or, for English names, pronounced): no elision. */
const ASPIRATED_H = new Set([
  // Names
  'hugo',
  'hugues',
  'henri',
  'henry',
  'harry',
  'howard',
  'hannah',
  'hanna',
  'holly',
  'heather',
  'hayley',
  'harold',
  'hamon',
  'hollande',
  'hoarau',
  'huguette',
  // Words of a menu or a booking
  'homard',
  'haricot',
  'haricots',
  'hachis',
  'hamburger',
  'hareng',
  'harengs',
  'houmous',
  'halloumi',
  'hors',
  'haut',
]);

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether "de", "le", "que" lose their vowel before this word (or the first word of a phrase). */
export function elides(phrase: string): boolean {
  const word = plain(phrase.trim().split(/[\s-]/)[0] ?? '');
  const first = word[0];
  if (!first) return false;
  if ('aeiouœæ'.includes(first)) return true;
  if (first === 'y') return word.length > 1 && !'aeiouy'.includes(word[1]);
  if (first === 'h') return !ASPIRATED_H.has(word.replace(/[^a-z]/g, ''));
  return false;
}

/** "de Marie", "d'Anne", "de Hugo". */
export function de(phrase: string): string {
  return elides(phrase) ? `d’${phrase}` : `de ${phrase}`;
}

/** "que Marie", "qu'Inès". */
export function que(phrase: string): string {
  return elides(phrase) ? `qu’${phrase}` : `que ${phrase}`;
}

/** "le risotto", "l'œuf", "le homard" (masculine article; "la" for feminine). */
export function article(phrase: string, feminine = false): string {
  if (elides(phrase)) return `l’${phrase}`;
  return `${feminine ? 'la' : 'le'} ${phrase}`;
}
