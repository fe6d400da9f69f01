// English notification texts. Tone: the dialogs' — short and friendly.
import type { BookingFacts, ChangeKind, HandoffFacts, NotificationTexts, UndeliveredFacts } from './types';

const guests = (n: number) => (n === 1 ? '1 guest' : `${n} guests`);
const when = (b: BookingFacts) => `${b.day} at ${b.time}`;
// Guest SMS texts keep to GSM-7 (no typographic quotes or dashes): one such character bills the
// whole text in 70-character segments. WhatsApp and email get the same words.
const change = (b: BookingFacts, canReply = true) =>
  canReply
    ? `To change or cancel your booking, write to us here or call ${b.restaurantPhone}.`
    : `To change or cancel your booking, call ${b.restaurantPhone}.`;
const forName = (b: BookingFacts) => (b.customerName ? ` for ${b.customerName}` : '');

const managerTitle: Record<ChangeKind, string> = {
  created: 'New booking',
  changed: 'Booking changed',
  cancelled: 'Booking cancelled',
};

const channels: Record<string, string> = {
  voice: 'phone',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  webchat: 'website chat',
  website: 'website / API',
  dashboard: 'dashboard',
};

export const en: NotificationTexts = {
  waitlistReady: (r, name) => `${r}: ${name}, your table is ready! Reply OK if you are coming, or NO if you are not.`,
  waitlistComing: (r) => `${r}: great, we are keeping the table for you. See you in a moment!`,
  waitlistCancelled: (r) => `${r}: noted, you are off the waitlist. Hope to see you another time!`,
  waitlistJoined: (r, party, position) =>
    `${r}: you are on the waitlist for ${party === 1 ? '1 person' : `${party} people`} (position ${position}). ` +
    'We will text you as soon as a table is ready.',
  managerSubject: (kind, b) => `${managerTitle[kind]}: ${b.customerName}, ${guests(b.partySize)}, ${when(b)}`,
  managerEmail: (kind, b) =>
    [
      `${managerTitle[kind]} — ${b.restaurantName}`,
      '',
      `Name: ${b.customerName}`,
      `Party: ${b.partySize}`,
      `When: ${when(b)}`,
      `Table(s): ${b.tables || '—'}`,
      `Phone: ${b.customerPhone}`,
      ...(b.customerEmail ? [`Email: ${b.customerEmail}`] : []),
      `Channel: ${en.channelName(b.channel)}`,
      ...(b.notes ? [`Notes: ${b.notes}`] : []),
      '',
      `Open in the dashboard: ${b.dashboardLink}`,
    ].join('\n'),
  managerSms: (kind, b) =>
    `${managerTitle[kind]}: ${b.customerName}, ${guests(b.partySize)}, ${when(b)} (${en.channelName(b.channel)}). ${b.dashboardLink}`,
  guestSms: (kind, b, canReply = true) => {
    if (kind === 'cancelled')
      return `${b.restaurantName}: your booking for ${when(b)} is cancelled. We hope to see you another time!`;
    const head = kind === 'created' ? 'your table is booked' : 'your booking is changed';
    return `${b.restaurantName}: ${head}${forName(b)}, ${guests(b.partySize)}, ${when(b)}. ${change(b, canReply)}`;
  },
  guestEmailSubject: (kind, b) =>
    ({
      created: `Your booking at ${b.restaurantName} — ${when(b)}`,
      changed: `Your booking at ${b.restaurantName} has changed — ${when(b)}`,
      cancelled: `Your booking at ${b.restaurantName} is cancelled`,
    })[kind],
  guestEmail: (kind, b) =>
    [
      `Hello ${b.customerName},`,
      '',
      kind === 'cancelled'
        ? `Your booking for ${guests(b.partySize)} on ${when(b)} is cancelled.`
        : `${kind === 'created' ? 'Your table is booked' : 'Your booking has changed'}: ${guests(b.partySize)}, ${when(b)}.`,
      '',
      `${b.restaurantName}, ${b.restaurantAddress}`,
      ...(kind === 'cancelled' ? [] : ['', change(b)]),
      '',
      'See you soon!',
    ].join('\n'),
  reminderSms: (b) =>
    `${b.restaurantName}: a reminder of your booking on ${when(b)} for ${guests(b.partySize)}. Reply 1 to confirm or 9 to cancel.`,
  reminderEmailSubject: (b) => `Reminder: your booking at ${b.restaurantName} — ${when(b)}`,
  reminderConfirmed: (b) => `Thank you ${b.customerName}, noted: we look forward to seeing you on ${when(b)}.`,
  reminderCancelled: (b) => `Done: your booking for ${when(b)} is cancelled. Thank you for letting us know.`,
  reminderAlreadyCancelled: (b) => `Your booking for ${when(b)} was already cancelled.`,
  reminderCancelFailed: (b) => `We could not cancel your booking. Please call us on ${b.restaurantPhone}.`,
  testSubject: (name) => `${name}: test message`,
  testBody: (name, sentAt) => `${name}: this is a test message sent by Maître on ${sentAt}. Notifications work.`,
  handoffSubject: (h) => `Maître: ${guestEn(h)} needs a person`,
  handoffEmail: (h) =>
    [
      `${reasonEn(h.reason)} (${h.channel}).`,
      `Guest: ${guestEn(h)}`,
      `Summary: ${h.summary || '—'}`,
      '',
      `Conversation ${h.conversationId}: ${h.dashboardLink}`,
    ].join('\n'),
  handoffSms: (h) =>
    `Maître: ${reasonEn(h.reason)} (${h.channel}). Guest: ${guestEn(h)}. ${h.summary ? `Summary: ${h.summary}` : ''}`.trim(),
  undeliveredSubject: (b, u) => `Message not received by ${b.customerName} (${what(u)}, ${when(b)})`,
  undeliveredEmail: (b, u) =>
    [
      `The ${what(u)} to ${b.customerName} (${guests(b.partySize)}, ${when(b)}) was not delivered.`,
      `${u.channel} to ${u.to}: ${u.meaning}${u.errorCode ? ` (code ${u.errorCode})` : ''}.`,
      '',
      'The guest may not know: call them if needed.',
      `Open the booking: ${b.dashboardLink}`,
    ].join('\n'),
  undeliveredSms: (b, u) =>
    `Maitre: ${what(u)} not delivered to ${b.customerName} (${when(b)}): ${u.meaning}. ${b.dashboardLink}`,
  callbackSubject: (c) => `Maître: call back ${c.guestPhone ?? 'a caller with a withheld number'}`,
  callbackEmail: (c) =>
    [
      `A caller asked for a person and nobody answered (${missedEn(c.reason)}).`,
      `Caller: ${c.guestPhone ?? 'number withheld'} (${c.language})`,
      'They were offered to leave a message; it appears with its transcript in the callback list.',
      '',
      `Callbacks: ${c.dashboardLink}`,
    ].join('\n'),
  callbackSms: (c) =>
    `Maître: call back ${c.guestPhone ?? 'a caller (number withheld)'} (${c.language}), ` +
    `nobody answered their transfer (${missedEn(c.reason)}). ${c.dashboardLink}`,
  smsBudgetSubject: (budget) => `Maître: the ${budget} SMS an hour are used up`,
  smsBudgetEmail: (budget, link) =>
    [
      `The restaurant has sent ${budget} SMS in the last hour, as many as SMS_PER_HOUR allows.`,
      'The next ones wait in the outbox and go out as the hour frees up; none is lost.',
      'If you did not expect this many, someone may be making the restaurant text numbers: look at the outbox.',
      '',
      `Outbox: ${link}`,
    ].join('\n'),
  smsBudgetSms: (budget) => `Maitre: the ${budget} SMS an hour are used up; the next ones wait. See the outbox.`,
  channelName: (c) => channels[c] ?? c,
};

const missedReasonsEn: Record<string, string> = {
  busy: 'line busy',
  'no-answer': 'no answer',
  failed: 'the call could not go through',
  canceled: 'the call was cancelled',
  'no-number': 'no transfer number is set',
  'forwarded-back': "the call came forwarded from the restaurant's line",
};
const missedEn = (reason: string) => missedReasonsEn[reason] ?? reason;

const what = (u: UndeliveredFacts) =>
  u.purpose === 'reminder' ? 'reminder' : u.purpose === 'guest_confirmation' ? 'confirmation' : 'message';

const guestEn = (h: HandoffFacts) => h.guestPhone ?? 'a website chat guest';
const handoffReasonsEn: Record<string, string> = {
  requested: 'A guest asked for a person',
  large_party: 'A large party request',
  misunderstood: 'The bot could not understand the guest',
};
const reasonEn = (reason: string) => handoffReasonsEn[reason] ?? reason;
