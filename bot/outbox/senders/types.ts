// What a sender is: one channel (SMS, WhatsApp, email) that delivers an outbox entry or
// says why it could not, in a way the worker can act on.
import type { OutboxEntry } from '../../../booking-core';

export interface SendResult {
  /** The provider's id for the message (Twilio's SM…, the SMTP message id). */
  providerId: string | null;
}

export interface Sender {
  /** Why this sender cannot send (missing settings), or null when it can. */
  readonly notConfigured: string | null;
  send(entry: OutboxEntry, now: Date): Promise<SendResult>;
}

/** A send that failed. `permanent`: trying again will not help (bad number, refused address). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** The recipient opted out (Twilio error 21610): nothing more goes to them on that channel. */
export class OptedOutError extends SendError {
  constructor(message: string) {
    super(message, true);
    this.name = 'OptedOutError';
  }
}

/** The message cannot be sent with the settings at hand (e.g. no approved WhatsApp template). */
export class NotConfiguredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotConfiguredError';
  }
}
