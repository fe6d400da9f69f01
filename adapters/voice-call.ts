// What a phone call is, whichever way Twilio carries it (turn by turn with <Gather>, or streamed
// through ConversationRelay): who is calling, and the words a booking call is made of.
import { e164, type ChannelLocale } from './locale';

/** Words the recogniser should expect in a booking call: numbers, days, times, yes/no. */
export const SPEECH_HINTS: Record<ChannelLocale, string> = {
  'fr-FR': [
    'réservation',
    'réserver une table',
    'personnes',
    'couverts',
    'ce soir',
    'demain',
    'après-demain',
    'lundi',
    'mardi',
    'mercredi',
    'jeudi',
    'vendredi',
    'samedi',
    'dimanche',
    'midi',
    'midi et demi',
    'dix-neuf heures',
    'vingt heures',
    'vingt heures trente',
    'vingt et une heures',
    'au nom de',
    'oui',
    'non',
    "c'est ça",
    'annuler',
    'modifier',
    'deux',
    'trois',
    'quatre',
    'cinq',
    'six',
    'huit',
  ].join(', '),
  'en-US': [
    'reservation',
    'book a table',
    'people',
    'guests',
    'tonight',
    'tomorrow',
    'day after tomorrow',
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
    'noon',
    'half past seven',
    'seven pm',
    'eight pm',
    'eight thirty',
    'under the name',
    'yes',
    'no',
    "that's right",
    'cancel',
    'change',
    'two',
    'three',
    'four',
    'five',
    'six',
    'eight',
  ].join(', '),
};

export const langOf = (locale: ChannelLocale): 'fr' | 'en' => (locale === 'fr-FR' ? 'fr' : 'en');

/** Numbers Twilio shows for withheld caller ids ("ANONYMOUS", "RESTRICTED"… spelled on a keypad). */
const WITHHELD = new Set(['+266696687', '+7378742833', '+2562533', '+8656696', '+86282452253']);

/** The caller's phone, or null when the number is withheld or no phone number. */
export function callerNumber(from: string | undefined): string | null {
  const number = e164(from);
  return number && !WITHHELD.has(number) ? number : null;
}

/**
 * A sender id for a caller without a number: unique to the call, and without digits, so the
 * dialog never mistakes it for a phone number (it asks for one instead).
 */
export function anonymousId(callSid: string): string {
  return `anonymous:${callSid.toLowerCase().replace(/\d/g, (d) => String.fromCharCode(103 + Number(d)))}`;
}
