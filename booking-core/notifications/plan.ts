// Which messages a booking event causes, and to whom. Pure: the server turns each planned
// message into an outbox entry, in the same step as the event.
import type { Language, PublicReservation, Restaurant } from '../model';
import { countryOf, defaultSmsCountries, phoneForReader, smsWithheldReason } from '../phone';
import type { OutboxEntry } from '../store';
import { bookingFacts, formatDay, formatTime } from './facts';
import type { CallbackTask } from '../callbacks';
import { twilioErrorMeaning } from './delivery';
import { calendarInvite, type CalendarInvite } from './calendar';
import { emailHtml } from './email-html';
import { gsmLetters, isGsm7, plainTypography } from './sms-encoding';
import {
  textsFor,
  type BookingFacts,
  type CallbackFacts,
  type ChangeKind,
  type HandoffFacts,
  type UndeliveredFacts,
} from './texts';

export type MessageKind = OutboxEntry['kind'];
export type MessagePurpose =
  | 'manager_alert'
  | 'guest_confirmation'
  | 'reminder'
  | 'test'
  | 'handoff_alert'
  | 'delivery_alert'
  | 'waitlist_ready'
  | 'waitlist_reply'
  | 'callback_alert'
  | 'sms_budget_alert';

export interface NotificationSettings {
  managerEmails: string[];
  managerPhones: string[];
  /** The dashboard's address, for links in manager alerts. */
  dashboardBaseUrl: string;
  /** Countries guests are texted in (SMS_COUNTRIES); unset: the restaurant's and its neighbours. */
  smsCountries?: readonly string[] | null;
  /** Confirmations go from an alphanumeric sender (TWILIO_SMS_SENDER_ID): nobody can answer them. */
  oneWaySms?: boolean;
  /** The address guests' emails come from: the organizer of their calendar invites. */
  organizerEmail?: string;
}

export interface PlannedMessage {
  kind: MessageKind;
  to: string;
  subject: string | null;
  body: string;
  purpose: MessagePurpose;
  language: Language;
  reservationId: string | null;
  /** The same message is never queued twice. */
  dedupeKey: string;
  /** Values for a WhatsApp template when the guest is outside the 24-hour window. */
  templateVariables: Record<string, string> | null;
  /** An email's HTML part (the text is its plain part). */
  html?: string | null;
  /** An email's calendar invite. */
  calendar?: CalendarInvite | null;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const isE164 = (phone: string): boolean => E164.test(phone);

const digits = (phone: string) => phone.replace(/\D/g, '');
const samePhone = (a: string, b: string | undefined) =>
  Boolean(b) && digits(a).length >= 6 && digits(a) === digits(b ?? '');

/**
 * How a guest is answered, by the channel they booked on: a caller by SMS, WhatsApp on
 * WhatsApp, the website, widget, API or staff by SMS and by email when one was given.
 */
export function guestChannels(
  r: Pick<PublicReservation, 'channel' | 'customerPhone' | 'customerEmail'>,
): MessageKind[] {
  const out: MessageKind[] = [];
  const phoneOk = isE164(r.customerPhone);
  if (r.channel === 'whatsapp') {
    if (phoneOk) out.push('whatsapp');
    return out;
  }
  if (phoneOk) out.push('sms');
  if (r.channel !== 'voice' && r.channel !== 'sms' && r.customerEmail && EMAIL.test(r.customerEmail)) out.push('email');
  return out;
}

/**
 * The facts as an SMS states them, in GSM-7 wherever the words allow, so that a text is billed
 * in 160/153-character segments rather than 70/67: names and the day with their letters
 * outside GSM-7 written plainly ("François" → "Francois"; "août" → "aout", the 1990
 * spelling), typography made plain. A guest's name that cannot be written in GSM-7 at all
 * (another script) is left out: the guest knows it, and it would make the text UCS-2.
 */
export function smsFacts(f: BookingFacts): BookingFacts {
  const name = gsmLetters(f.customerName).trim();
  return {
    ...f,
    restaurantName: plainTypography(f.restaurantName),
    customerName: isGsm7(name) ? name : '',
    day: gsmLetters(f.day),
  };
}

/** An SMS body with its typography made plain (’ → ', « » → ", œ → oe…). */
export const smsBody = (text: string): string => plainTypography(text);

function templateVariables(restaurant: Restaurant, r: PublicReservation, language: Language): Record<string, string> {
  const f = bookingFacts(restaurant, r, language, '');
  return { '1': f.restaurantName, '2': f.customerName, '3': f.day, '4': f.time, '5': String(f.partySize) };
}

/**
 * The messages of one change: manager alerts (restaurant's language) and the guest's
 * confirmation (guest's language). `version` tells one change of a booking from the next.
 */
export function messagesForChange(
  kind: ChangeKind,
  restaurant: Restaurant,
  r: PublicReservation,
  settings: NotificationSettings,
  version = '',
  /** The calendar invite's SEQUENCE: 0 when booked, one more at each change told. */
  sequence = 0,
): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  const base = `${kind}:${r.id}${version ? `:${version}` : ''}`;
  const mLang = restaurant.defaultLanguage;
  const m = textsFor(mLang);
  const mFacts = bookingFacts(restaurant, r, mLang, settings.dashboardBaseUrl);
  for (const to of settings.managerEmails) {
    out.push({
      kind: 'email',
      to,
      subject: m.managerSubject(kind, mFacts),
      body: m.managerEmail(kind, mFacts),
      purpose: 'manager_alert',
      language: mLang,
      reservationId: r.id,
      dedupeKey: `${base}:manager:email:${to.toLowerCase()}`,
      templateVariables: null,
    });
  }
  for (const to of settings.managerPhones) {
    out.push({
      kind: 'sms',
      to,
      subject: null,
      body: smsBody(m.managerSms(kind, smsFacts(mFacts))),
      purpose: 'manager_alert',
      language: mLang,
      reservationId: r.id,
      dedupeKey: `${base}:manager:sms:${to}`,
      templateVariables: null,
    });
  }
  // A desk booking without the guest's number carries the restaurant's own: nobody to tell.
  if (samePhone(r.customerPhone, restaurant.phone)) return out;
  const gLang = r.language;
  const g = textsFor(gLang);
  const gFacts = bookingFacts(restaurant, r, gLang, settings.dashboardBaseUrl);
  for (const channel of guestChannels(r)) {
    const email = channel === 'email';
    const emailText = email ? g.guestEmail(kind, gFacts) : '';
    const emailSubject = email ? g.guestEmailSubject(kind, gFacts) : null;
    out.push({
      kind: channel,
      to: email ? (r.customerEmail as string) : r.customerPhone,
      subject: emailSubject,
      body: email
        ? emailText
        : channel === 'sms'
          ? smsBody(g.guestSms(kind, smsFacts(gFacts), !settings.oneWaySms))
          : g.guestSms(kind, gFacts),
      purpose: 'guest_confirmation',
      language: gLang,
      reservationId: r.id,
      dedupeKey: `${base}:guest:${channel}`,
      templateVariables: channel === 'whatsapp' ? templateVariables(restaurant, r, gLang) : null,
      html: email
        ? emailHtml({
            language: gLang,
            subject: emailSubject ?? '',
            text: emailText,
            restaurantName: gFacts.restaurantName,
            restaurantAddress: gFacts.restaurantAddress,
            restaurantPhone: gFacts.restaurantPhone,
          })
        : null,
      calendar: email
        ? calendarInvite(kind, restaurant, r, {
            organizerEmail: settings.organizerEmail ?? 'no-reply@localhost',
            description: emailText,
            sequence,
          })
        : null,
    });
  }
  return out;
}

/** The reminder for one slot, on the guest's phone channel (it is answered by text: 1 or 9). */
export function reminderMessage(restaurant: Restaurant, r: PublicReservation, slotKey: string): PlannedMessage | null {
  const channel: MessageKind = r.channel === 'whatsapp' ? 'whatsapp' : 'sms';
  if (!isE164(r.customerPhone)) return null;
  const t = textsFor(r.language);
  const facts = bookingFacts(restaurant, r, r.language, '');
  return {
    kind: channel,
    to: r.customerPhone,
    subject: null,
    body: channel === 'sms' ? smsBody(t.reminderSms(smsFacts(facts))) : t.reminderSms(facts),
    purpose: 'reminder',
    language: r.language,
    reservationId: r.id,
    dedupeKey: `reminder:${r.id}:${r.startAt}:${slotKey}`,
    templateVariables: channel === 'whatsapp' ? templateVariables(restaurant, r, r.language) : null,
  };
}

/** A test message to staff, by email or SMS. */
export function testMessage(
  restaurant: Restaurant,
  kind: MessageKind,
  to: string,
  now: Date,
  language: Language,
): PlannedMessage {
  const t = textsFor(language);
  const sentAt = now.toISOString();
  const when = `${formatDay(now, restaurant.timezone, language)}, ${formatTime(now, restaurant.timezone, language)}`;
  return {
    kind,
    to,
    subject: kind === 'email' ? t.testSubject(restaurant.name) : null,
    body: kind === 'sms' ? gsmLetters(t.testBody(restaurant.name, when)) : t.testBody(restaurant.name, when),
    purpose: 'test',
    language,
    reservationId: null,
    dedupeKey: `test:${kind}:${to}:${sentAt}`,
    templateVariables: null,
  };
}

/** A conversation handed to a person, as the bot reports it. */
export interface HandoffNotice {
  conversationId: string;
  channel: string;
  /** The guest's address on the channel: a phone number, or a web chat id. */
  address: string;
  reason: string;
  summary: string;
}

/**
 * The staff alert of a handoff: email and SMS to the managers, in the restaurant's language,
 * with a link to the conversation. One per conversation, reason and minute.
 */
export function handoffAlertMessages(
  restaurant: Restaurant,
  notice: HandoffNotice,
  settings: NotificationSettings,
  now: Date,
): PlannedMessage[] {
  const language = restaurant.defaultLanguage;
  const t = textsFor(language);
  const facts: HandoffFacts = {
    reason: notice.reason,
    channel: t.channelName(notice.channel),
    summary: notice.summary,
    conversationId: notice.conversationId,
    guestPhone: notice.address.startsWith('webchat:')
      ? null
      : phoneForReader(notice.address, countryOf(restaurant.phone)),
    dashboardLink: `${settings.dashboardBaseUrl.replace(/\/+$/, '')}/#/conversations?open=${encodeURIComponent(
      notice.conversationId,
    )}`,
  };
  const minute = now.toISOString().slice(0, 16);
  const key = (kind: MessageKind, to: string) =>
    `handoff:${notice.conversationId}:${notice.reason}:${kind}:${to.toLowerCase()}:${minute}`;
  const common = { purpose: 'handoff_alert' as const, language, reservationId: null, templateVariables: null };
  return [
    ...settings.managerEmails.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'email',
        to,
        subject: t.handoffSubject(facts),
        body: t.handoffEmail(facts),
        dedupeKey: key('email', to),
      }),
    ),
    ...settings.managerPhones.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'sms',
        to,
        subject: null,
        // For staff, plain letters are fine everywhere ("Maitre"): the guest's words stay readable.
        body: gsmLetters(t.handoffSms(facts)),
        dedupeKey: key('sms', to),
      }),
    ),
  ];
}

/**
 * The staff alert when a guest's confirmation or reminder was not delivered: email and SMS to
 * the managers, in the restaurant's language, once per undelivered message.
 */
export function undeliveredAlertMessages(
  restaurant: Restaurant,
  r: PublicReservation,
  entry: Pick<OutboxEntry, 'id' | 'kind' | 'to' | 'meta'>,
  settings: NotificationSettings,
): PlannedMessage[] {
  const language = restaurant.defaultLanguage;
  const t = textsFor(language);
  const b = bookingFacts(restaurant, r, language, settings.dashboardBaseUrl);
  const code = entry.meta.errorCode ?? null;
  const u: UndeliveredFacts = {
    purpose: entry.meta.purpose ?? 'message',
    channel: t.channelName(entry.kind),
    to: entry.kind === 'email' ? entry.to : phoneForReader(entry.to, countryOf(restaurant.phone)),
    errorCode: code,
    meaning: twilioErrorMeaning(code, language) ?? (language === 'fr' ? 'non remis' : 'not delivered'),
  };
  const common = { purpose: 'delivery_alert' as const, language, reservationId: r.id, templateVariables: null };
  return [
    ...settings.managerEmails.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'email',
        to,
        subject: t.undeliveredSubject(b, u),
        body: t.undeliveredEmail(b, u),
        dedupeKey: `undelivered:${entry.id}:email:${to.toLowerCase()}`,
      }),
    ),
    ...settings.managerPhones.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'sms',
        to,
        subject: null,
        body: gsmLetters(t.undeliveredSms(smsFacts(b), u)),
        dedupeKey: `undelivered:${entry.id}:sms:${to}`,
      }),
    ),
  ];
}

/** Alerts managers (email and SMS) that a caller who asked for a person is owed a call. */
export function callbackAlertMessages(
  restaurant: Restaurant,
  task: CallbackTask,
  settings: NotificationSettings,
): PlannedMessage[] {
  const language = restaurant.defaultLanguage;
  const t = textsFor(language);
  const facts: CallbackFacts = {
    guestPhone: task.phone ? phoneForReader(task.phone, countryOf(restaurant.phone)) : null,
    reason: task.reason,
    language: languageName(task.language, language),
    dashboardLink: `${settings.dashboardBaseUrl.replace(/\/+$/, '')}/#/callbacks`,
  };
  const key = (kind: MessageKind, to: string) => `callback:${task.id}:${kind}:${to.toLowerCase()}`;
  const common = { purpose: 'callback_alert' as const, language, reservationId: null, templateVariables: null };
  return [
    ...settings.managerEmails.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'email',
        to,
        subject: t.callbackSubject(facts),
        body: t.callbackEmail(facts),
        dedupeKey: key('email', to),
      }),
    ),
    ...settings.managerPhones.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'sms',
        to,
        subject: null,
        body: gsmLetters(t.callbackSms(facts)),
        dedupeKey: key('sms', to),
      }),
    ),
  ];
}

function languageName(language: Language, staff: Language): string {
  const names: Record<Language, Record<Language, string>> = {
    fr: { fr: 'français', en: 'anglais' },
    en: { fr: 'French', en: 'English' },
  };
  return names[staff][language];
}

/** Messages to the restaurant's own staff: no cap on messages to one number holds them back. */
export const STAFF_PURPOSES: ReadonlySet<string> = new Set<MessagePurpose>([
  'manager_alert',
  'handoff_alert',
  'delivery_alert',
  'callback_alert',
  'sms_budget_alert',
]);

/**
 * The staff alert when the hourly SMS budget is spent: email and SMS to the managers, in the
 * restaurant's language, once per `windowKey` (the alert's own hour).
 */
export function smsBudgetAlertMessages(
  restaurant: Restaurant,
  budget: number,
  settings: NotificationSettings,
  windowKey: string,
): PlannedMessage[] {
  const language = restaurant.defaultLanguage;
  const t = textsFor(language);
  const link = `${settings.dashboardBaseUrl.replace(/\/+$/, '')}/#/outbox`;
  const common = { purpose: 'sms_budget_alert' as const, language, reservationId: null, templateVariables: null };
  return [
    ...settings.managerEmails.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'email',
        to,
        subject: t.smsBudgetSubject(budget),
        body: t.smsBudgetEmail(budget, link),
        dedupeKey: `sms-budget:${windowKey}:email:${to.toLowerCase()}`,
      }),
    ),
    ...settings.managerPhones.map(
      (to): PlannedMessage => ({
        ...common,
        kind: 'sms',
        to,
        subject: null,
        body: gsmLetters(t.smsBudgetSms(budget)),
        dedupeKey: `sms-budget:${windowKey}:sms:${to}`,
      }),
    ),
  ];
}

/** Messages that go to a guest's number, and so follow the restaurant's texting rules. */
const TO_GUESTS: ReadonlySet<MessagePurpose> = new Set(['guest_confirmation', 'reminder']);

/** The countries a restaurant texts guests in: the setting, or its own country and its neighbours. */
export function smsCountriesOf(restaurant: Pick<Restaurant, 'phone'>, configured?: readonly string[] | null): string[] {
  return configured?.length ? [...configured] : defaultSmsCountries(countryOf(restaurant.phone));
}

/**
 * Why a planned message is never to be sent (an SMS to a landline, or to a country the
 * restaurant does not text), or null. The booking stands; the guest has the screen or email.
 */
export function withheldReason(p: PlannedMessage, smsCountries: readonly string[]): string | null {
  if (p.kind !== 'sms' || !TO_GUESTS.has(p.purpose)) return null;
  return smsWithheldReason(p.to, smsCountries);
}

/** The outbox entry of a planned message, due now (or withheld, with the reason). */
export function toOutboxEntry(p: PlannedMessage, id: string, now: Date, withheld: string | null = null): OutboxEntry {
  const meta: Record<string, string> = { purpose: p.purpose, language: p.language };
  if (p.templateVariables) meta.templateVariables = JSON.stringify(p.templateVariables);
  if (p.html) meta.html = p.html;
  if (p.calendar) {
    meta.icsMethod = p.calendar.method;
    meta.ics = p.calendar.content;
  }
  const at = now.toISOString();
  return {
    id,
    kind: p.kind,
    to: p.to,
    subject: p.subject,
    body: p.body,
    meta,
    status: withheld ? 'withheld' : 'pending',
    attempts: 0,
    lastError: withheld,
    nextAttemptAt: at,
    leaseUntil: null,
    leaseOwner: null,
    reservationId: p.reservationId,
    dedupeKey: p.dedupeKey,
    createdAt: at,
    sentAt: null,
  };
}
