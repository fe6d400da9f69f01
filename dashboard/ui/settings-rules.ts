// The restaurant settings' rules, as PUT /api/admin/restaurant checks them, so the form can
// say what is wrong before sending. Returns field path → message (empty: valid).
import type { Language, Restaurant } from './types';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const SLOT_STEPS = [5, 10, 15, 20, 30, 60];
const LATEST_CLOSE_AFTER_MIDNIGHT = '06:00';

type Lang = Language;
const msg = (l: Lang, fr: string, en: string) => (l === 'fr' ? fr : en);

function intIn(
  errors: Record<string, string>,
  path: string,
  v: number | null,
  min: number,
  max: number,
  l: Lang,
): void {
  if (v === null || !Number.isInteger(v) || v < min || v > max)
    errors[path] = msg(l, `Entier entre ${min} et ${max}`, `Whole number from ${min} to ${max}`);
}

export function validateSettings(r: Restaurant, l: Lang): Record<string, string> {
  const e: Record<string, string> = {};
  if (!r.name.trim() || r.name.length > 100) e.name = msg(l, '1 à 100 caractères', '1 to 100 characters');
  if (!r.languages.length) e.languages = msg(l, 'Au moins une langue', 'At least one language');
  if (!r.languages.includes(r.defaultLanguage))
    e.defaultLanguage = msg(l, 'Doit être une des langues', 'Must be one of the languages');
  if (r.address.length > 300) e.address = msg(l, '300 caractères max.', 'At most 300 characters');
  if (r.phone.length > 30) e.phone = msg(l, '30 caractères max.', 'At most 30 characters');
  const reminders = r.reminders;
  if (reminders?.dayBeforeAt !== null && reminders?.dayBeforeAt !== undefined && !TIME.test(reminders.dayBeforeAt))
    e['reminders.dayBeforeAt'] = msg(l, 'Heure HH:mm', 'Time HH:mm');
  reminders?.minutesBefore.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 5 || m > 7 * 24 * 60)
      e[`reminders.minutesBefore.${i}`] = msg(l, 'De 5 à 10080 minutes', 'From 5 to 10080 minutes');
  });
  (r.tableCombinations ?? []).forEach((c, i) => {
    if (new Set(c.tableIds).size < 2)
      e[`tableCombinations.${i}.tableIds`] = msg(l, 'Au moins deux tables', 'At least two tables');
    if (!Number.isInteger(c.seatsMin) || c.seatsMin < 1)
      e[`tableCombinations.${i}.seatsMin`] = msg(l, 'Au moins 1', 'At least 1');
    if (!Number.isInteger(c.seatsMax) || c.seatsMax < c.seatsMin)
      e[`tableCombinations.${i}.seatsMax`] = msg(l, 'Pas moins que le minimum', 'Not below the minimum');
  });
  for (const [day, list] of Object.entries(r.services)) {
    if (list.length > 6) e[`services.${day}`] = msg(l, '6 services max.', 'At most 6 services');
    list.forEach((s, i) => {
      const p = `services.${day}.${i}`;
      if (!s.name.trim() || s.name.length > 40) e[`${p}.name`] = msg(l, 'Nom requis', 'Name required');
      for (const lg of ['fr', 'en'] as const) {
        const named = s.label?.[lg];
        if (named !== undefined && (!named.trim() || named.length > 40))
          e[`${p}.label.${lg}`] = msg(l, 'Nom requis (40 caractères max.)', 'Name required (at most 40 characters)');
      }
      if (!TIME.test(s.open)) e[`${p}.open`] = msg(l, 'Heure HH:mm', 'Time HH:mm');
      if (!TIME.test(s.close)) e[`${p}.close`] = msg(l, 'Heure HH:mm', 'Time HH:mm');
      // As the API: after opening, or up to 06:00 for a service that ends after midnight.
      const overnight = s.close < s.open && s.close <= LATEST_CLOSE_AFTER_MIDNIGHT;
      if (TIME.test(s.open) && TIME.test(s.close) && s.close <= s.open && !overnight)
        e[`${p}.close`] = msg(
          l,
          'Après l’ouverture (ou jusqu’à 06:00 après minuit)',
          'After opening (or up to 06:00 past midnight)',
        );
      intIn(e, `${p}.lastSeatingMinutes`, s.lastSeatingMinutes, 0, 600, l);
    });
  }
  r.closures.forEach((c, i) => {
    if (
      !DATE.test(c.date) ||
      Number.isNaN(new Date(`${c.date}T00:00:00Z`).getTime()) ||
      new Date(`${c.date}T00:00:00Z`).toISOString().slice(0, 10) !== c.date
    )
      e[`closures.${i}.date`] = msg(l, 'Date invalide', 'Not a real date');
    if ((c.reason ?? '').length > 200)
      e[`closures.${i}.reason`] = msg(l, '200 caractères max.', 'At most 200 characters');
  });
  const rules = r.rules;
  if (!SLOT_STEPS.includes(rules.slotStepMinutes))
    e['rules.slotStepMinutes'] = msg(l, '5, 10, 15, 20, 30 ou 60', '5, 10, 15, 20, 30 or 60');
  if (!rules.turnTimes.length) e['rules.turnTimes'] = msg(l, 'Au moins une durée', 'At least one turn time');
  rules.turnTimes.forEach((tt, i) => {
    if (tt.maxParty !== null) intIn(e, `rules.turnTimes.${i}.maxParty`, tt.maxParty, 1, 1000, l);
    intIn(e, `rules.turnTimes.${i}.minutes`, tt.minutes, 15, 600, l);
  });
  intIn(e, 'rules.bufferMinutes', rules.bufferMinutes, 0, 120, l);
  intIn(e, 'rules.minNoticeMinutes', rules.minNoticeMinutes, 0, 7 * 24 * 60, l);
  intIn(e, 'rules.horizonDays', rules.horizonDays, 1, 730, l);
  intIn(e, 'rules.maxPartySize', rules.maxPartySize, 1, 100, l);
  if (rules.maxCoversPerSlot !== null) intIn(e, 'rules.maxCoversPerSlot', rules.maxCoversPerSlot, 1, 1000, l);
  intIn(e, 'rules.holdMinutes', rules.holdMinutes, 1, 60, l);
  return e;
}
