// Changes said as facts, and which booking the guest means.
// - Old values: "on sera 6 au lieu de 4", "we'll be 5 not 4", "21h plutôt que 20h", "plutôt 19h que 20h": the value
//   after the marker is the one being replaced; it describes the booking to change.
// - A booking described: "ma réservation de samedi", "celle du 12", "my Saturday booking",
//   "the 8pm one", "push Friday to 8:30" (the day before "to" names the booking).
import { EN_NUMBER, FR_NUMBER } from './numbers';
import { WB, WE, first, rx } from './text';

const OLD_MARKER = rx(
  `${WB}(?:au\\s+lieu\\s+d(?:e\\s+|u\\s+|'|es\\s+)|(?<=plutôt\\s+\\S+\\s+)que\\s+(?:d[e']\\s*)?|` +
    `instead\\s+of|rather\\s+than|plutôt\\s+que\\s+(?:d[e']\\s*)?|` +
    `et\\s+non(?:\\s+pas)?|(?:and\\s+|but\\s+)?not(?![\\p{L}])|(?:et\\s+|mais\\s+)?pas(?![\\p{L}]))\\s*`,
);
const NUMBER_AFTER = rx(
  `^(?:(?:le|la|les|the|à|a|at|on)\\s+)?(?:\\d{1,2}(?:h\\d{0,2}|:\\d{2}|\\s?pm|\\s?am)?|${FR_NUMBER}|` +
    `${EN_NUMBER}|midi|noon|demain|tomorrow|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|` +
    `monday|tuesday|wednesday|thursday|friday|saturday|sunday)${WE}`,
  'iu',
);

/** Where the old value starts ("au lieu de |4"), or -1. */
export function oldValueAt(low: string): number {
  const m = first(OLD_MARKER, low);
  if (!m) return -1;
  // "pas" and "not" only mark an old value when a value follows ("5 not 4", "pas 20h").
  const rest = low.slice(m.index + m[0].length);
  if (!NUMBER_AFTER.test(rest)) return -1;
  return m.index + m[0].length;
}

// A change asked with a verb and a day or time ("push Friday to 8:30", "décaler samedi à 21h",
// "can we move to 9", "on peut avancer à 19h ?").
export const CHANGE_VERB = rx(
  `${WB}(?:(?:can|could)\\s+(?:we|i|you)\\s+(?:please\\s+)?(?:push|move|shift|switch|change|make)|` +
    `(?:push|move|shift)\\s+(?:it|(?:my|our|the)\\s+\\w+|monday|tuesday|wednesday|thursday|friday|` +
    `saturday|sunday|tonight|tomorrow)\\s+(?:\\w+\\s+)?(?:to|back|forward)|(?:on\\s+)?(?:peut|pourrait|` +
    `pouvez|pourriez|pourrions)[-\\s]+(?:on\\s+|vous\\s+|nous\\s+)?(?:la\\s+|le\\s+|l')?(?:décaler|` +
    `déplacer|avancer|repousser|reculer|retarder|passer|changer)|(?:décaler|déplacer|avancer|repousser|` +
    `reculer|retarder)\\s+(?:à|a|au|de|d'|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce\\s+soir|` +
    `demain))${WE}`,
);

// The booking the guest means: "celle du 12", "celle de samedi", "the 8pm one", "my Saturday
// booking", "ma réservation de samedi", "la résa du 12", "the booking on Friday".
export const DESCRIBED = rx(
  `${WB}(?:celle|celui)\\s+(?:du|de|d'|à|a|pour)|${WB}the\\s+(?:[\\w:.]+\\s+){1,3}one${WE}|` +
    `${WB}the\\s+one\\s+(?:for|on|at|from)\\s|${WB}(?:my|` +
    `our|the)\\s+(?:[\\w:.]+\\s+){1,2}(?:booking|reservation|table)${WE}|${WB}(?:booking|reservation|` +
    `table)\\s+(?:on|for|at)\\s|${WB}(?:ma|notre|la)\\s+(?:réservation|résa|resa|table)\\s+(?:de|` +
    `du|d'|à|pour)`,
);

/** "push Friday to 8:30", "décaler samedi à 21h": a day right before "to"/"à" + a new value. */
export function dayBeforeTo(low: string, dayAt: number, dayLength: number): boolean {
  return /^\s*(?:to|à|a|au|vers)\s/u.test(low.slice(dayAt + dayLength, dayAt + dayLength + 6));
}
