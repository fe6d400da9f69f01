// The shape of a notification catalogue: every language has the same keys (the compiler
// checks it), and each text is built from the booking's essentials, already formatted.

/** A booking as the texts need it: dates and times already in the restaurant's words. */
export interface BookingFacts {
  restaurantName: string;
  restaurantPhone: string;
  restaurantAddress: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  partySize: number;
  /** "samedi 28 novembre" / "Saturday 28 November". */
  day: string;
  /** "19h30" / "7:30 pm". */
  time: string;
  tables: string;
  channel: string;
  notes: string;
  /** Where staff see it in the dashboard. */
  dashboardLink: string;
}

export type ChangeKind = 'created' | 'changed' | 'cancelled';

/** Why a conversation was handed to a person (the dialogs' handoff reasons). */
export type HandoffReasonCode = 'requested' | 'large_party' | 'misunderstood';

/** A guest handed to staff, as the alert tells it. */
export interface HandoffFacts {
  reason: HandoffReasonCode | string;
  /** Channel name, already in the staff's words. */
  channel: string;
  /** The guest's phone number, or null for a website chat guest. */
  guestPhone: string | null;
  summary: string;
  conversationId: string;
  dashboardLink: string;
}

/** A guest message that did not reach the guest, as the staff alert tells it. */
export interface UndeliveredFacts {
  purpose: 'reminder' | 'guest_confirmation' | string;
  /** Channel name, already in the staff's words. */
  channel: string;
  to: string;
  errorCode: string | null;
  /** The error code's meaning in the staff's language. */
  meaning: string;
}

/** A caller nobody answered, as the staff alert tells it. */
export interface CallbackFacts {
  /** The caller's number, or null when withheld. */
  guestPhone: string | null;
  /** Why nobody answered: busy, no-answer, failed, canceled, no-number, forwarded-back. */
  reason: string;
  /** The caller's language, already in the staff's words. */
  language: string;
  dashboardLink: string;
}

export interface NotificationTexts {
  /** Manager alerts (email subject + body, and a short SMS). */
  managerSubject(kind: ChangeKind, b: BookingFacts): string;
  managerEmail(kind: ChangeKind, b: BookingFacts): string;
  managerSms(kind: ChangeKind, b: BookingFacts): string;
  /** Guest confirmations (SMS/WhatsApp text, email subject + body). */
  /** `canReply` false: it goes from a sender nobody can answer, so it gives only the number to call. */
  guestSms(kind: ChangeKind, b: BookingFacts, canReply?: boolean): string;
  guestEmailSubject(kind: ChangeKind, b: BookingFacts): string;
  guestEmail(kind: ChangeKind, b: BookingFacts): string;
  /** The reminder, answered with 1 (confirm) or 9 (cancel). */
  reminderSms(b: BookingFacts): string;
  reminderEmailSubject(b: BookingFacts): string;
  /** Replies to the reminder's answer. */
  reminderConfirmed(b: BookingFacts): string;
  reminderCancelled(b: BookingFacts): string;
  reminderAlreadyCancelled(b: BookingFacts): string;
  reminderCancelFailed(b: BookingFacts): string;
  /** Staff's test message. */
  testSubject(restaurantName: string): string;
  testBody(restaurantName: string, sentAt: string): string;
  /** Staff alert when a guest asks for a person (or the bot cannot help). */
  handoffSubject(h: HandoffFacts): string;
  handoffEmail(h: HandoffFacts): string;
  handoffSms(h: HandoffFacts): string;
  /** Staff alert: a confirmation or reminder did not reach the guest. */
  undeliveredSubject(b: BookingFacts, u: UndeliveredFacts): string;
  undeliveredEmail(b: BookingFacts, u: UndeliveredFacts): string;
  undeliveredSms(b: BookingFacts, u: UndeliveredFacts): string;
  /** Staff alert when a caller asked for a person and nobody answered: a call to return. */
  callbackSubject(c: CallbackFacts): string;
  callbackEmail(c: CallbackFacts): string;
  callbackSms(c: CallbackFacts): string;
  /** Staff alert: the hourly SMS budget is spent; messages wait until it frees up. */
  smsBudgetSubject(budget: number): string;
  smsBudgetEmail(budget: number, dashboardLink: string): string;
  smsBudgetSms(budget: number): string;
  /** Channel names, for the manager's alert. */
  channelName(channel: string): string;
  /** Waitlist: the party's table is ready; the guest answers to say they come or give up. */
  waitlistReady(restaurantName: string, name: string): string;
  waitlistComing(restaurantName: string): string;
  waitlistCancelled(restaurantName: string): string;
  /** A guest who texted is on the list. */
  waitlistJoined(restaurantName: string, partySize: number, position: number): string;
}
