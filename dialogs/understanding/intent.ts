// What the guest wants, from keywords in both languages, and the short answers of a
// conversation: yes, no, "the second one".
import type { Intent } from './types';
import { ORDINAL, ordinalToNumber, wordToNumber, FR_NUMBER, EN_NUMBER } from './numbers';
import { WB, WE, rx, first } from './text';

const W = (s: string) => rx(`${WB}(?:${s})${WE}`, 'iu');

// In priority order: the first goal found wins (asking for a person beats everything).
const GOALS: [Exclude<Intent, 'book' | 'yes' | 'no' | 'greeting' | 'thanks' | 'none'>, RegExp][] = [
  [
    'human',
    W(
      `(?:parler|passer|joindre)\\s+(?:à|a|avec)?\\s*(?:un|une|le|la|quelqu'un|l')?\\s*(?:humain|personne|vraie\\s+personne|conseiller|conseillère|serveur|responsable|gérant|manager|réceptionniste|standard|opérateur|quelqu'un)|un\\s+(?:humain|être\\s+humain)|une\\s+vraie\\s+personne|(?:speak|talk)\\s+(?:to|with)\\s+(?:a|an|the|some)?\\s*(?:person|human|someone|somebody|staff|manager|waiter|operator|agent|representative|real\\s+person)|(?:real|actual|live)\\s+(?:person|human)|human\\s+(?:being|please)|operator|representative`,
    ),
  ],
  [
    'cancel',
    W(
      `annul(?:er|e|ez|ons)\\s+(?:ma|la|notre|une|mon|cette|les|mes)\\s+(?:réservation|resa|résa|reservation|table|booking)|l'annuler|annulation|(?:pouvez|pourriez|peux|pourrais)[-\\s](?:vous|tu)\\s+(?:m'|me\\s+|l'|la\\s+|nous\\s+)?annuler|(?:vous\\s+pouvez|vous\\s+pourriez|tu\\s+peux)\\s+(?:m'|me\\s+|l'|la\\s+|nous\\s+)?annuler|(?:je\\s+(?:voudrais|veux|souhaite|souhaiterais|dois|aimerais|vais\\s+devoir)|j'aimerais|il\\s+faut|on\\s+doit|nous\\s+devons|on\\s+voudrait|nous\\s+voudrions)\\s+annuler|cancel\\s+(?:(?:my|our|the|a|this)\\s+)?(?:[\\w':.]+\\s+){0,2}(?:reservation|booking|table)|(?:can|could|would)\\s+(?:you|we|i)\\s+(?:please\\s+)?cancel|cancell?ing\\s+(?:the|my|our|this)|(?:i\\s+(?:want|need|have|would\\s+like|'d\\s+like)|i'd\\s+like|we\\s+(?:want|need|have)|we'd\\s+like|please)\\s+(?:to\\s+)?cancel|cancellation`,
    ),
  ],
  [
    'modify',
    W(
      `(?:mettre|passer)\\s+(?:ma|notre)\\s+(?:réservation|résa|resa|table)\\s+(?:de|du|à|au|pour)|(?:modifier|changer|déplacer|deplacer|décaler|decaler|reporter|avancer|retarder)\\s+(?:ma|la|notre|mon|l'|d'|de|une|un)?\\s*(?:réservation|resa|résa|reservation|table|heure|horaire|date|jour|nombre)|modification|(?:la|le|l')\\s*(?:modifier|changer|déplacer|deplacer|décaler|decaler|reporter|avancer|retarder)|(?:change|move|reschedule|modify|push)\\s+it|(?:change|modify|move|reschedule|amend|update|push\\s+back|bring\\s+forward)\\s+(?:my|our|the|a)?\\s*(?:reservation|booking|table|time|date|day|party)|reschedule`,
    ),
  ],
  [
    'restart',
    W(
      `recommencer|on\\s+recommence|reprendre\\s+(?:depuis\\s+le|au)\\s+début|repartir\\s+de\\s+zéro|depuis\\s+le\\s+début|start\\s+(?:over|again|afresh)|restart|begin\\s+again|from\\s+(?:the\\s+)?(?:top|beginning|scratch)`,
    ),
  ],
  [
    'abort',
    W(
      `laisse[sz]?\\s+tomber|oublie[sz]?(?:\\s+ça)?|annule[sz]?(?:\\s+(?:ça|tout))?|^\\s*annuler|tant\\s+pis|stop|arrête[sz]?|je\\s+ne\\s+veux\\s+plus|cancel\\s+(?:that|it|this)|^\\s*cancel|never\\s*mind|forget\\s+(?:it|about\\s+it)|quit|exit|abort`,
    ),
  ],
  [
    'help',
    W(
      `aide|aidez[-\\s]moi|au\\s+secours|comment\\s+ça\\s+marche|que\\s+(?:pouvez|savez)[-\\s]vous\\s+faire|qu'est-ce\\s+que\\s+(?:vous\\s+pouvez|tu\\s+peux)\\s+faire|help|what\\s+can\\s+you\\s+do|how\\s+does\\s+(?:this|it)\\s+work|what\\s+are\\s+(?:my|the)\\s+options`,
    ),
  ],
  [
    'hours',
    W(
      `horaires?|heures?\\s+d'ouverture|ouvert(?:s|e|es)?|ouvrez|fermé(?:s|e|es)?|fermez|vous\\s+fermez|à\\s+quelle\\s+heure\\s+(?:ouvr|ferm)\\w*|opening\\s+(?:hours|times)|(?:are|is)\\s+(?:you|it|the\\s+restaurant)\\s+(?:open|closed)|what\\s+time\\s+do\\s+you\\s+(?:open|close)|(?:when|what\\s+time)\\s+(?:do|are)\\s+you\\s+open|your\\s+hours|open\\s+(?:on|today|tonight|tomorrow)`,
    ),
  ],
  [
    'address',
    W(
      `adresse|où\\s+(?:êtes[-\\s]vous|se\\s+trouve|est\\s+le\\s+restaurant|vous\\s+trouvez|se\\s+situe|c'est)|comment\\s+(?:venir|aller|vous\\s+trouver|y\\s+aller|on\\s+y\\s+va)|situé|address|where\\s+(?:are\\s+you|is\\s+(?:the\\s+)?(?:restaurant|it)|are\\s+you\\s+located)|located|location|directions|how\\s+(?:do\\s+i|to|can\\s+i|do\\s+we)\\s+get\\s+(?:there|to)`,
    ),
  ],
  [
    'menu',
    W(
      `menu|(?:la|votre)\\s+carte|plats?|végétarien(?:ne)?s?|vegan|végan|allerg\\w*|qu'est-ce\\s+que\\s+vous\\s+servez|spécialités?|dishes|food|vegetarian|what\\s+do\\s+you\\s+serve|specials|gluten`,
    ),
  ],
];

const BOOK = W(
  `réserv\\w*|reserv\\w*|résa|une\\s+table|de\\s+la\\s+place|disponibilit\\w*|dispo|venir\\s+(?:dîner|diner|déjeuner|manger)|book\\w*|a\\s+table|table\\s+(?:for|pour)|room\\s+for|space\\s+for|availability|available`,
);
const GREETING = W(`bonjour|bonsoir|salut|coucou|allô|allo|hello|hi|hey|good\\s+(?:morning|afternoon|evening)|hiya`);
const THANKS = W(`merci|thank\\s*you|thanks|thx|cheers|many\\s+thanks`);

export function goalOf(low: string): Intent | null {
  for (const [intent, re] of GOALS) if (first(re, low)) return intent;
  return null;
}
export const isBookingWords = (low: string) => first(BOOK, low) !== null;
export const isGreeting = (low: string) => first(GREETING, low) !== null;
export const isThanks = (low: string) => first(THANKS, low) !== null;

// Yes and no. "non merci" is no; "c'est parfait" is yes; "pas du tout" is no.
const NO = W(
  `non|nan|nope|nah|no|pas\\s+du\\s+tout|pas\\s+vraiment|pas\\s+ça|pas\\s+correct|c'est\\s+pas\\s+(?:ça|bon|correct)|ce\\s+n'est\\s+pas\\s+(?:ça|bon|correct|juste)|incorrect|faux|négatif|not\\s+(?:really|quite|correct|right)|that's\\s+(?:wrong|not\\s+(?:it|right|correct))|wrong|negative|don't|do\\s+not`,
);
const YES = W(
  `oui|ouais|ouaip|ouai|yes|yeah|yea|yeh|yep|yup|d'accord|dac|ok|okay|okey|parfait|c'est\\s+parfait|très\\s+bien|ça\\s+marche|ça\\s+me\\s+va|exactement|exact|tout\\s+à\\s+fait|bien\\s+sûr|volontiers|entendu|c'est\\s+bon|impeccable|super|nickel|je\\s+confirme|confirmé|confirmer|allez[-\\s]y|absolument|c'est\\s+ça|correct|sure|right|that's\\s+right|perfect|great|sounds\\s+good|fine|confirm(?:ed)?|absolutely|please\\s+do|go\\s+ahead|of\\s+course|exactly|that\\s+works|alright|all\\s+right|lovely|excellent`,
);

/** Yes or no, whichever comes first in the words, or undefined. */
export function yesNoOf(low: string): { value: 'yes' | 'no'; index: number } | undefined {
  const y = first(YES, low);
  const n = first(NO, low);
  if (y && n) return n.index <= y.index ? { value: 'no', index: n.index } : { value: 'yes', index: y.index };
  if (y) return { value: 'yes', index: y.index };
  if (n) return { value: 'no', index: n.index };
  return undefined;
}

// "le deuxième", "la 2", "the second one", "option 3", "numéro 1", "le premier créneau".
const CHOICE = rx(
  `${WB}(?:(?:le|la|the)\\s+)?(${ORDINAL})(?:\\s+(?:one|option|choice|créneau|horaire|proposition|réservation|reservation|booking))?${WE}|${WB}(?:option|choix|numéro|numero|number|no\\.|n°|#)\\s*(\\d{1,2}|${FR_NUMBER}|${EN_NUMBER})${WE}`,
);
const CHOICE_STRONG = rx(
  `${WB}(?:le|la|the)\\s+(${ORDINAL})(?:\\s+(?:one|option|choice|créneau|horaire|proposition))?${WE}|${WB}(?:option|choix|numéro|numero|number|n°|#)\\s*(\\d{1,2}|${FR_NUMBER}|${EN_NUMBER})${WE}|${WB}(${ORDINAL})\\s+(?:one|option|choice|créneau|horaire|proposition)${WE}`,
);
const BARE_CHOICE = rx(
  `^\\s*(?:(?:le|la|the|number|numéro|option)\\s+)?(\\d{1,2}|${FR_NUMBER}|${EN_NUMBER})(?:\\s+(?:one|please|svp|s'il\\s+vous\\s+plaît))?\\s*[.!?]*\\s*$`,
);

/** A pick among offered options. `expecting` allows bare numbers ("2", "le 2"). */
export function choiceOf(
  rest: string,
  expecting: boolean,
): { value: number; index: number; length: number } | undefined {
  if (expecting) {
    const bare = first(BARE_CHOICE, rest);
    if (bare) {
      const n = wordToNumber(bare[1]);
      if (n !== null && n >= 1 && n <= 20) return { value: n, index: bare.index, length: bare[0].length };
    }
  }
  const m = first(expecting ? CHOICE : CHOICE_STRONG, rest);
  if (!m) return undefined;
  const raw = m[1] ?? m[2] ?? m[3];
  const n = ordinalToNumber(raw) ?? wordToNumber(raw);
  if (n === null || n < 1 || n > 20) return undefined;
  return { value: n, index: m.index, length: m[0].length };
}
