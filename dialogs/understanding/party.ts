// How many guests: "pour 4 personnes", "on sera huit", "table for two", "party of seven",
// "3 of us", "a couple". Runs before the time extractor and masks what it read, so that the
// "4" of "4 personnes" or the "four" of "four tonight" never becomes a time.
import { ANY_NUMBER, wordToNumber } from './numbers';
import { WB, WE, rx, first, type Work } from './text';
import { takePeople } from './people';

const N = `(${ANY_NUMBER})`;
const PEOPLE = `(?:personnes?|pers\\.?|couverts?|convives?|adultes?|invités?|people|persons?|guests?|adults?|pax|diners|covers|of\\s+us)`;
// After "pour N" / "for N": what shows the number is a clock time, not guests.
const NOT_TIME = `(?!\\s*(?:h(?![\\p{L}])|heures?|:|\\.\\d|\\d|am|pm|a\\.m|p\\.m|o'clock|du\\s+(?:matin|soir)|de\\s+l'apr|in\\s+the\\s+(?:morning|evening|afternoon)|at\\s+night|thirty|fifteen|forty|trente|quinze|et\\s+(?:demie?|quart)|moins|minutes?|jours?|days?|nights?|nuits?|semaines?|weeks?|ans|years?|mois|months?|couples?|(?:janv(?:ier)?|f[ée]vr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|dec(?:ember)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?)\\.?(?![\\p{L}])(?!\\s+(?:the\\s+)?\\d)))`;

// "on sera finalement 6", "we'll actually be 5": the adverb of a change.
const NOW = `(?:\\s+(?:finalement|plutôt|en\\s+fait|donc|maintenant|alors|actually|now|finally|probably))?`;

// "une personne de plus", "two more people": a change to a party, not its size.
const MORE = `(?!\\s+(?:de\\s+plus|en\\s+plus|supplémentaires?|more|extra))`;
// "une personne allergique", "one of us is vegan": someone in the party, not its size.
const WHO = `(?!\\s+(?:allergiques?|intolérante?s?|qui|est|sont|is|are|who|has|have|a|ont)${WE})`;

const PATTERNS: RegExp[] = [
  // "4 personnes", "deux couverts", "5 people", "3 of us", "a couple of us"
  rx(`${WB}${N}\\s+${PEOPLE}${WE}${MORE}${WHO}`),
  // "on sera huit", "nous serons 4", "we'll be five", "there will be 6 of us"
  rx(
    `${WB}(?:on\\s+(?:sera|serait|est|va\\s+être|vient)${NOW}(?:\\s+à)?|nous\\s+(?:serons|sommes|serions|venons)${NOW}(?:\\s+à)?|we(?:'ll|\\s+will|'d|\\s+would)?${NOW}\\s+be|we\\s+are|we're|there(?:'ll|\\s+will)\\s+be|there\\s+are)${NOW}\\s+${N}${NOT_TIME}${WE}${MORE}`,
  ),
  // "party of seven", "group of 5", "table for two", "table pour cinq", "table de 6"
  rx(`${WB}(?:party|group|groupe)\\s+(?:of|de)\\s+${N}${WE}`),
  rx(
    `${WB}(?:table|place|room|space|reservation|booking|réservation|réserver|book|reserve)\\s+(?:\\w+\\s+)?(?:pour|for|de|à|of)[\\s,]+${N}${NOT_TIME}${WE}`,
  ),
  // "pour trois ?", "for 3 next Saturday": a bare number after pour/for is the party, unless
  // something after it makes it a time or a date.
  rx(`${WB}(?:pour|for)[\\s,]+${N}${NOT_TIME}${WE}`),
  rx(`${WB}(?:juste|just|only|seulement)\\s+(?:nous|the)\\s+${N}${WE}`),
  // "juste nous deux", "nous quatre" (at the end of a phrase)
  rx(`${WB}nous\\s+${N}(?:\\s+seulement)?${WE}(?=\\s*(?:$|[,.!?]))`),
  rx(`${WB}(a\\s+couple)${WE}`),
  // "6 au lieu de 4", "6 instead of 4": a number changed for another (a time has its h, : or a preposition)
  rx(
    `(?<!(?:at|à|a|vers|to|around|by|until|till|from|de)\\s+|[:.])${WB}${N}(?!\\s*(?:h(?![\\p{L}])|heures?|[:.]\\d|am|pm))` +
      `(?=\\s+(?:au\\s+lieu\\s+de|instead\\s+of|rather\\s+than|plutôt\\s+que|et\\s+non(?:\\s+pas)?|and\\s+not|not)\\s+` +
      `${ANY_NUMBER}${NOT_TIME}${WE})`,
  ),
  // "on voudrait venir à 6", "nous viendrons à quatre", "we'd like to come as four"
  rx(
    `${WB}(?:(?:venir|viendrons|viendra|viendrait|viendrions|venons|vient)\\s+à|(?:come|coming)\\s+as)\\s+${N}${NOT_TIME}${WE}`,
  ),
];

// "4 tomorrow at 8pm", "2 demain 20h", "6 sat 8pm", "4 on dec 4 at 7", "2 le 5 à 20h": a number opening the
// message right before a day
const LEADING = rx(
  `^\\s*(?:(?:hi|hey|hello|hiya|bonjour|bonsoir|salut|slt|bjr|coucou)[\\s,!.]+)?${N}\\s+` +
    `(?=on\\s+(?:the\\s+)?(?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|le\\s+\\d|` +
    `(?:on\\s+|this\\s+|next\\s+|ce\\s+)?` +
    `(?:demain|après-demain|aujourd'hui|soir|midi|tomorrow|today|tonight|lundi|mardi|mercredi|jeudi|vendredi|samedi|` +
    `dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)${WE})`,
);

/** Most guests one sentence can mean; larger numbers are something else (a year, a price). */
export const MAX_PARTY_READ = 99;

// "2 adultes et 2 enfants", "two adults and a child"
const ADULTS_CHILDREN = rx(
  `${WB}${N}\\s+(?:adultes?|adults?|grands?)\\s*(?:,|et|and|\\+|plus)\\s*(${ANY_NUMBER}|a|an)\\s+(?:enfants?|children|child|kids?|petits?|bébés?|babies|baby)${WE}`,
);
const ALONE = rx(
  `${WB}(?:je\\s+serai\\s+seule?|je\\s+viens\\s+seule?|juste\\s+moi|moi\\s+seule?|just\\s+(?:me|myself)|only\\s+me|(?:just\\s+)?(?:by\\s+)?myself|table\\s+for\\s+one|pour\\s+une\\s+personne|une\\s+personne)${WE}(?!\\s+(?:de\\s+plus|en\\s+plus|supplémentaire))`,
);

/** `leading`: a number opening the message before a day is the party (not when a time was asked: "9 ce soir"). */
export function takePartySize(w: Work, leading = true): number | undefined {
  const family = first(ADULTS_CHILDREN, w.rest);
  if (family) {
    const adults = wordToNumber(family[1]);
    const children = family[2] === 'a' || family[2] === 'an' ? 1 : wordToNumber(family[2]);
    if (adults !== null && children !== null && adults + children <= MAX_PARTY_READ) {
      w.maskMatch(family);
      return adults + children;
    }
  }
  // A number said wins over people named ("table pour 4 avec mon mari" is 4).
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(w.rest);
    re.lastIndex = 0;
    if (!m) continue;
    const n = wordToNumber(m[1]);
    if (n === null || n < 1 || n > MAX_PARTY_READ) continue;
    w.maskMatch(m);
    return n;
  }
  if (leading) {
    const m = first(LEADING, w.rest);
    const n = m ? wordToNumber(m[1]) : null;
    if (m && n !== null && n >= 1 && n <= MAX_PARTY_READ) {
      w.mask(m.index + m[0].trimEnd().length - m[1].length, m[1].length);
      return n;
    }
  }
  const people = takePeople(w);
  if (people !== undefined) return people;
  const alone = first(ALONE, w.rest);
  if (alone) {
    w.maskMatch(alone);
    return 1;
  }
  return undefined;
}

const BARE = rx(`${WB}${N}${WE}`);

/** When the bot asked "how many?", the first number of the answer is the party ("4", "quatre"). */
export function bareNumber(w: Work, max = MAX_PARTY_READ): number | undefined {
  BARE.lastIndex = 0;
  for (let m = BARE.exec(w.rest); m; m = BARE.exec(w.rest)) {
    const n = wordToNumber(m[1]);
    if (n !== null && n >= 1 && n <= max) {
      BARE.lastIndex = 0;
      w.maskMatch(m);
      return n;
    }
  }
  BARE.lastIndex = 0;
  return undefined;
}
