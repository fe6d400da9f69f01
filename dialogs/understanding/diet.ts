// Diets and allergies: "vous avez des plats végétariens ?", "is the risotto gluten-free?",
// "je suis allergique aux noix". The words are data (the "diet" and "allergens" sections of
// lexicon/fr.json and lexicon/en.json), mapped to the menu's own tags and allergen keys.
import frFile from './lexicon/fr.json';
import enFile from './lexicon/en.json';
import type { Allergen, Diet } from '../../booking-core/model';
import type { DietNeed } from './types';
import { WB, WE, first, rx } from './text';

type Table<K extends string> = Record<K, string[]>;
const FILES = [frFile, enFile] as { diet: Table<Diet>; allergens: Table<Allergen> }[];

const pattern = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');
function matcher<K extends string>(key: 'diet' | 'allergens'): [K, RegExp][] {
  const words = new Map<K, string[]>();
  for (const file of FILES) {
    for (const [tag, list] of Object.entries(file[key]) as [K, string[]][]) {
      words.set(tag, [...(words.get(tag) ?? []), ...list]);
    }
  }
  return [...words].map(([tag, list]) => [
    tag,
    rx(
      `${WB}(?:${list
        .sort((a, b) => b.length - a.length)
        .map(pattern)
        .join('|')})${WE}`,
    ),
  ]);
}

const DIETS = matcher<Diet>('diet');
const ALLERGENS = matcher<Allergen>('allergens');
// "gluten-free" is a diet, not the allergen gluten; "sans gluten" likewise.
const FREE_OF = /(?:sans|free\s+of|without|no)\s+$|^[\s-]*free/u;

// "mon mari ne mange pas de gluten", "she can't eat shellfish": an allergen avoided is a need.
const AVOIDS =
  `${WB}(?:(?:ne\\s+)?(?:mange|mangeons|mangent|peut|peux|pouvons|supporte|supportons|supportent|tolère)\\s+` +
  `pas(?:\\s+manger)?|(?:doesn't|don't|does\\s+not|do\\s+not|can't|cannot|can\\s+not)\\s+(?:eat|have|tolerate))${WE}`;
const HINT = rx(
  `${WB}(?:allerg\\p{L}*|intol[ée]ran\\p{L}*|v[ée]g\\p{L}*|veggie|gluten[\\p{L}-]*|c[oœ]liaque|` +
    `coeliac|celiac|plant[\\s-]based|meat[\\s-]free|sans\\s+viande|no\\s+meat)${WE}|` +
    `${WB}(?:contien(?:t|nent)(?:-(?:il|elle)s?)?|contain\\w*|dans\\s+(?:le|la|les)|in\\s+(?:the|it))${WE}|${AVOIDS}`,
);
// Asking whether the menu suits, rather than telling a need to note on the booking.
const QUESTION = rx(
  `\\?|${WB}(?:avez[-\\s]vous|vous\\s+avez|y\\s+a[-\\s]t[-\\s]il|est[-\\s]ce|est[-\\s]il|est[-\\s]elle|` +
    `sont[-\\s]ils|proposez|pouvez[-\\s]vous|do\\s+you|is\\s+(?:the|your|it|there|that|this)|are\\s+(?:the|` +
    `your|there)|does|can\\s+you|could\\s+you|any\\s+(?:vegan|vegetarian|gluten))${WE}`,
);
const ALLERGY_WORD = rx(
  `${WB}(?:allerg\\p{L}*|intol[ée]ran\\p{L}*|contien(?:t|nent)(?:-(?:il|elle)s?)?|contain\\p{L}*)${WE}|${AVOIDS}`,
);

// "is the risotto gluten-free?", "le risotto est-il sans gluten ?", "does the chocolate cake contain nuts?"
const DISH_EN = rx(
  `${WB}(?:is|are|does|do)\\s+(?:the|your)\\s+([\\p{L}' ]{3,40}?)\\s+(?:(?:available|served|offered|done)\\s+)?` +
    '(?:gluten|vegan|vegetarian|veggie|dairy|nut|contain|have|made|safe|ok|okay|suitable|free)',
);
const DISH_FR = rx(
  `${WB}(?:le|la|les|l'|votre|vos)\\s*([\\p{L}' ]{3,40}?)\\s*` +
    `(?:est[-\\s]il|est[-\\s]elle|sont[-\\s]ils|sont[-\\s]elles|est|sont|contien(?:t|nent)(?:-(?:il|elle)s?)?|` +
    `a-t-il|a-t-elle)${WE}`,
);
// "y a-t-il du lactose dans le risotto ?", "is there dairy in the cheesecake?"
const DISH_IN = rx(`${WB}(?:dans\\s+(?:le|la|les|l')|in\\s+(?:the|your))\\s*([\\p{L}' ]{3,40}?)\\s*(?:\\?|$|[,.!])`);
const NOT_DISH = /^(?:menu|carte|restaurant|plats?|dishes|food|options?|cuisine|chef|cuisinier|kitchen)$/u;

/** The diet need an utterance states or asks about, or undefined. `low` is the normal form. */
export function dietNeedOf(low: string, original: string): DietNeed | undefined {
  if (!first(HINT, low)) return undefined;
  const diets: Diet[] = [];
  for (const [tag, re] of DIETS) if (first(re, low)) diets.push(tag);
  const allergens: Allergen[] = [];
  for (const [tag, re] of ALLERGENS) {
    re.lastIndex = 0;
    for (let m = re.exec(low); m; m = re.exec(low)) {
      const before = low.slice(Math.max(0, m.index - 12), m.index);
      const after = low.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (tag === 'gluten' && (FREE_OF.test(before) || FREE_OF.test(after))) continue;
      if (!allergens.includes(tag)) allergens.push(tag);
      break;
    }
    re.lastIndex = 0;
  }
  // An allergen named without a word of allergy or diet ("du poisson ce soir") is no diet need.
  const asked = first(QUESTION, low) !== null;
  if (!diets.length && !(allergens.length && (first(ALLERGY_WORD, low) || (asked && first(DISH_IN, low)))))
    return undefined;
  const need: DietNeed = { kind: asked ? 'question' : 'statement', diets, allergens };
  const dishMatch = first(DISH_EN, low) ?? first(DISH_FR, low) ?? first(DISH_IN, low);
  if (dishMatch) {
    const dish = original
      .slice(dishMatch.index, dishMatch.index + dishMatch[0].length)
      .slice(dishMatch[0].indexOf(dishMatch[1]), dishMatch[0].indexOf(dishMatch[1]) + dishMatch[1].length);
    const plain = dish.trim();
    if (plain && !NOT_DISH.test(plain.toLowerCase()) && !/^(?:des|de|du|some|any)\b/u.test(plain.toLowerCase()))
      need.dish = plain;
  }
  return need;
}

// "vous avez des plats sans porc ?", "anything without onions?", "is it pork-free?", "y a-t-il du porc ?":
// a question about an ingredient the menu's data does not track (diets and allergens are read above).
const INGREDIENT = rx(
  `${WB}(?:sans|without|pas\\s+de|contien(?:t|nent)|contains?)\\s+` +
    `(?:du\\s+|de\\s+la\\s+|de\\s+l'|des\\s+|de\\s+|d'|any\\s+|some\\s+)?(\\p{L}{3,30})${WE}|` +
    `${WB}(\\p{L}{3,30})[\\s-]free${WE}|` +
    `${WB}(?:y\\s+a[-\\s]t[-\\s]il|is\\s+there|are\\s+there)\\s+` +
    `(?:du\\s+|de\\s+la\\s+|de\\s+l'|des\\s+|d'|any\\s+|some\\s+)?` +
    `(\\p{L}{3,30})\\s+(?:dans|in)${WE}`,
);
const NOT_INGREDIENT =
  /^(?:menu|carte|plats?|dishes|options?|réservation|reservation|table|place|room|souci|problème|problem|worries)$/u;

/** The ingredient a menu question names when no diet or allergen is named ("sans porc ?" → "porc"). */
export function ingredientAsked(low: string): string | undefined {
  if (first(QUESTION, low) === null) return undefined;
  const m = first(INGREDIENT, low);
  const word = (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase();
  // An allergen or a diet is the menu's own data: not an unknown ingredient.
  const known = [...DIETS, ...ALLERGENS].some(([, re]) => first(re, word ?? '') !== null);
  return word && !known && !NOT_INGREDIENT.test(word) ? word : undefined;
}
