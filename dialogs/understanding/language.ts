// Which language the guest writes in, and explicit requests to switch.
import type { Lang } from './types';
import { WB, WE, rx, first } from './text';

// Function words and restaurant words that belong to one language only. Words shared by both
// ("table", "menu", "ok", "six") count for neither.
const FR_WORDS = new Set(
  `bonjour bonsoir salut coucou allo allô oui ouais non merci je j' voudrais voudrions veux veut aimerais souhaite
  pour personne personnes demain ce cet cette soir midi à au aux nom de du des la le les une un et est c'est vous nous
  on sera serons sommes avez avoir place réserver réservation réserve résa heure heures aujourd'hui
  lundi mardi mercredi jeudi vendredi samedi dimanche deux trois quatre cinq sept huit neuf dix onze douze quinze seize
  vingt trente s'il plaît svp parfait d'accord bien avec quel quelle quels où adresse horaires annuler modifier vers
  prochain prochaine couverts matin après-demain soirée déjeuner dîner diner chez moi mon ma mes suis êtes fait
  aide recommencer parler humain quelqu'un carte ouvert ouverts fermé janvier février mars avril mai juin juillet août
  septembre octobre novembre décembre pas ça rien plutôt mais alors euh ben ici comment peut pouvez
  recommence recommencer laisse laissez tomber oublie oubliez passez-moi voudrait`.split(/\s+/),
);
const EN_WORDS = new Set(
  `hi hello hey yes yeah yep nope thanks thank please i i'd i'm we we're we'll a an the for of at on in to tomorrow
  tonight today evening noon pm am book booking reservation people persons guests name under my is are do you have
  room party two three four five seven eight nine ten eleven twelve fifteen twenty thirty next this monday tuesday
  wednesday thursday friday saturday sunday cancel change what where open hours us can could would like want speak
  half past around about o'clock dinner lunch night morning afternoon sure correct right perfect great that's it's
  help start over person human someone address located january february april june july august october
  december there will be just with and or but not don't no our me be get any some available
  never mind forget again`.split(/\s+/),
);

const WORD_RE = /[\p{L}']+/gu;
const EDGE_QUOTES = /^'+|'+$/g;
const FRENCH_LETTERS = /[éèêàùçâîôûëïœ]/;

/** The language the words are in, or null when they do not say (numbers, names, "ok"). */
export function detectLanguage(text: string): Lang | null {
  let fr = 0;
  let en = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const w = m[0].replace(EDGE_QUOTES, '');
    if (!w) continue;
    const inFr = FR_WORDS.has(w) || (w.includes("'") && FR_WORDS.has(w.slice(0, w.indexOf("'") + 1)));
    const inEn = EN_WORDS.has(w);
    if (inFr && !inEn) fr++;
    else if (inEn && !inFr) en++;
    else if (!inFr && !inEn && FRENCH_LETTERS.test(w)) fr++;
  }
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}

const TO_EN = rx(
  `${WB}(?:(?:in|speak|talk|switch\\s+to|en|parlez|parler|parles|parle|passer\\s+en|passez\\s+en|continuer\\s+en)\\s+(?:l')?(?:english|anglais)|english\\s+please|(?:do\\s+you\\s+)?speak\\s+english|^\\s*(?:english|anglais)\\s*[?!.]*\\s*$)${WE}`,
);
const TO_FR = rx(
  `${WB}(?:(?:in|speak|talk|switch\\s+to|en|parlez|parler|parles|parle|passer\\s+en|passez\\s+en|continuer\\s+en)\\s+(?:le\\s+)?(?:french|français|francais)|french\\s+please|^\\s*(?:french|français|francais)\\s*[?!.]*\\s*$)${WE}`,
);

/** An explicit request to change language, with the span to mask. */
export function findSwitch(low: string): { to: Lang; index: number; length: number } | null {
  const en = first(TO_EN, low);
  const fr = first(TO_FR, low);
  const m = en && fr ? (en.index <= fr.index ? en : fr) : (en ?? fr);
  if (!m) return null;
  return { to: m === en ? 'en' : 'fr', index: m.index, length: m[0].length };
}
