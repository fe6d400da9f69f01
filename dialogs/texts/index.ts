// One catalogue per language, same keys (see types.ts).
import type { Language } from '../../booking-core';
import { en } from './en';
import { fr } from './fr';
import type { Texts } from './types';

export type { BookingFacts, DayHours, MenuLine, Refusal, Said, ServiceHours, Texts } from './types';

export const CATALOGUES: Record<Language, Texts> = { fr, en };

export function textsFor(lang: Language): Texts {
  return CATALOGUES[lang];
}
