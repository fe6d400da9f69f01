// One catalogue per language, same keys.
import type { Language } from '../../model';
import { en } from './en';
import { fr } from './fr';
import type { NotificationTexts } from './types';

export type {
  BookingFacts,
  CallbackFacts,
  ChangeKind,
  HandoffFacts,
  HandoffReasonCode,
  NotificationTexts,
  UndeliveredFacts,
} from './types';

export const NOTIFICATION_TEXTS: Record<Language, NotificationTexts> = { fr, en };

export function textsFor(language: Language): NotificationTexts {
  return NOTIFICATION_TEXTS[language] ?? fr;
}
