// Diet and allergy questions answered from the menu's own data (each dish's `diets` and
// `allergens`), never with the whole menu: "is the risotto gluten-free?" gets a yes or a no about
// the risotto, "vous avez des plats végétariens ?" the vegetarian dishes. Every answer says that
// the kitchen confirms allergies on site. An allergy or diet the guest tells is kept in the
// conversation and goes into the notes of the booking made in it (dietNote).
import type { Allergen, BookingService, Diet, MenuDish, Restaurant } from '../booking-core';
import type { Said } from './texts';
import { textsFor } from './texts';
import type { Turn } from './turn';
import type { DietNeed } from './understanding';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, ' ');

// Words of a dish as the guest names it that say nothing of which dish it is.
const FILLER = new Set(
  'le la les l de du des d au aux a the your votre vos this ce cette ces un une et and with avec plat dish'.split(' '),
);
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** A dish word said ("soupe", "cakes", "risotto") and a word of the menu's name are the same word. */
function sameWord(said: string, named: string): boolean {
  if (said === named) return true;
  const stem = (w: string) => w.replace(/(?:es|s|x)$/u, '');
  return said.length >= 4 && named.length >= 4 && stem(said) === stem(named);
}

/** The dishes of the menu the guest's words name: every meaningful word is in the dish's name (FR or EN). */
export function dishesNamed(restaurant: Restaurant, said: string): MenuDish[] {
  const wanted = wordsOf(said).filter((w) => !FILLER.has(w) && w.length >= 3);
  if (!wanted.length) return [];
  return restaurant.menu
    .flatMap((s) => s.dishes)
    .filter((d) => {
      const named = [...wordsOf(d.name.fr), ...wordsOf(d.name.en)];
      return wanted.every((w) => named.some((n) => sameWord(w, n)));
    });
}

const suits = (d: MenuDish, diets: Diet[], allergens: Allergen[]) =>
  diets.every((x) => d.diets?.includes(x)) && allergens.every((a) => !d.allergens?.includes(a));

/** The answer to a diet or allergy question or statement, from the menu alone. */
export function dietAnswer(need: DietNeed, turn: Turn, onBooking: boolean): Said {
  const { restaurant, texts, lang } = turn;
  const dishes = restaurant.menu.flatMap((s) => s.dishes);
  const name = (d: MenuDish) => d.name[lang];
  const parts: Said[] = [];
  if (need.kind === 'statement') {
    parts.push(texts.dietNoted(need.diets, need.allergens, onBooking));
    if (need.allergens.length) {
      const avoid = dishes.filter((d) => need.allergens.some((a) => d.allergens?.includes(a)));
      parts.push(texts.dishesToAvoid(need.allergens, avoid.map(name)));
    }
    if (need.diets.length)
      parts.push(texts.dishesSuiting(need.diets, [], dishes.filter((d) => suits(d, need.diets, [])).map(name)));
  } else if (need.dish) {
    const named = dishesNamed(restaurant, need.dish);
    if (!named.length) {
      parts.push(texts.dishNotOnMenu(need.dish));
      parts.push(
        texts.dishesSuiting(
          need.diets,
          need.allergens,
          dishes.filter((d) => suits(d, need.diets, need.allergens)).map(name),
        ),
      );
    }
    for (const d of named) {
      parts.push(
        texts.dishFacts(
          name(d),
          need.diets.map((diet) => ({ diet, yes: d.diets?.includes(diet) ?? false })),
          need.allergens.map((allergen) => ({ allergen, contains: d.allergens?.includes(allergen) ?? false })),
        ),
      );
    }
  } else {
    parts.push(
      texts.dishesSuiting(
        need.diets,
        need.allergens,
        dishes.filter((d) => suits(d, need.diets, need.allergens)).map(name),
      ),
    );
  }
  parts.push(texts.kitchenConfirms);
  return {
    text: parts.map((p) => p.text).join(' '),
    voice: parts.map((p) => p.voice ?? p.text).join(' '),
  };
}

/** Keeps what the guest told of their diet and allergies for the booking's notes; true when new. */
export function rememberDiet(turn: Turn): boolean {
  const need = turn.u.diet;
  if (!need || need.kind !== 'statement') return false;
  const profile = turn.profile;
  const allergies = new Set(profile.allergies ?? []);
  const diets = new Set(profile.diets ?? []);
  const before = allergies.size + diets.size;
  for (const a of need.allergens) allergies.add(a);
  for (const d of need.diets) diets.add(d);
  if (allergies.size + diets.size === before) return false;
  profile.allergies = [...allergies];
  profile.diets = [...diets];
  return true;
}

/** The booking's note for the staff, in the restaurant's language, or undefined when nothing was told. */
export function dietNote(turn: Turn): string | undefined {
  const { allergies = [], diets = [] } = turn.profile;
  if (!allergies.length && !diets.length) return undefined;
  return textsFor(turn.restaurant.defaultLanguage).dietNote(diets, allergies);
}

/** A booking's notes with what the guest told of their diet (an older such line replaced); undefined: unchanged. */
export function notesWithDiet(turn: Turn, current: string): string | undefined {
  const note = dietNote(turn);
  if (!note || current.split('\n').includes(note)) return undefined;
  const label = textsFor(turn.restaurant.defaultLanguage).dietNoteLabel;
  return current
    .split('\n')
    .filter((line) => line && !line.startsWith(label))
    .concat(note)
    .join('\n');
}

/**
 * Puts what the guest told of their diet in the notes of reservation `id` (a hold about to be
 * confirmed, or the booking made or changed earlier in the conversation).
 */
export async function noteOnBooking(turn: Turn, bookings: BookingService, id = turn.profile.bookedId): Promise<void> {
  if (!id || !dietNote(turn)) return;
  const current = await bookings.get(id);
  const notes = current ? notesWithDiet(turn, current.notes) : undefined;
  if (notes !== undefined) await bookings.modify(id, { notes });
}
