// SMS and WhatsApp through the twilio package's Messages API. WhatsApp only allows free text
// within 24 hours of the guest's last message; outside it, an approved template (ContentSid
// with ContentVariables) is sent instead, or the entry is "not configured".
//
// Which sender an SMS goes from: a message that needs no answer (a confirmation, a staff alert)
// from the alphanumeric sender when there is one, since French carriers filter business texts
// from ordinary mobile numbers; a message that asks for an answer (a reminder's 1 / 9, a table
// ready) from the phone number, which a guest can answer, never from the alphanumeric sender. A
// Messaging Service is named with each send (its sender pool when no From is given, its
// opt-out handling and geo-matching always).
import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';
import { NotConfiguredError, OptedOutError, SendError, type Sender, type SendResult } from './types';

export interface TwilioSenderOptions {
  accountSid: string | null;
  authToken: string | null;
  phoneNumber: string | null;
  whatsappNumber: string | null;
  /** A Messaging Service SID (MG…), named with every send. */
  messagingServiceSid?: string | null;
  /** An alphanumeric sender ID for SMS that need no answer. */
  smsSenderId?: string | null;
  /** Another address for Twilio's REST API (a regional proxy, a test double); null: Twilio's own. */
  apiBaseUrl: string | null;
  /** Approved WhatsApp templates: "reminder:fr" (or "reminder") → ContentSid "HX…". */
  whatsappTemplates: Record<string, string>;
  /** Where Twilio posts delivery receipts (absolute URL), or null for none. */
  statusCallbackUrl?: () => string | null;
  /** When the guest last wrote on WhatsApp (opens the 24-hour window). */
  lastWhatsappInbound: (phone: string) => Promise<Date | null>;
}

const WHATSAPP_WINDOW_MS = 24 * 3600_000;
/** Twilio: "Attempt to send to unsubscribed recipient". */
const TWILIO_UNSUBSCRIBED = 21610;

/**
 * Twilio's own HTTP client, sending to another base address: the library builds absolute
 * https://api.twilio.com URIs, and this client swaps the origin, nothing else.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string) {
    super({ timeout: 15_000 });
    this.base = new URL(baseUrl);
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const rebased = new URL(
      `${this.base.pathname.replace(/\/+$/, '')}${target.pathname}${target.search}`,
      this.base.origin,
    );
    return super.request({ ...opts, uri: rebased.toString() });
  }
}

/** Purposes whose text asks for no answer: they may go from the alphanumeric sender. */
const ONE_WAY_PURPOSES: ReadonlySet<string> = new Set([
  'guest_confirmation',
  'manager_alert',
  'delivery_alert',
  'handoff_alert',
  'callback_alert',
  'test',
]);

/** Whether an SMS of this purpose may go from a sender nobody can answer. */
export const isOneWayPurpose = (purpose: string | undefined): boolean => ONE_WAY_PURPOSES.has(purpose ?? '');

const whatsappAddress = (n: string) => (n.startsWith('whatsapp:') ? n : `whatsapp:${n}`);

export class TwilioMessagingSender {
  private readonly client: twilio.Twilio | null;

  constructor(private readonly options: TwilioSenderOptions) {
    this.client =
      options.accountSid && options.authToken
        ? twilio(
            options.accountSid,
            options.authToken,
            options.apiBaseUrl ? { httpClient: new BaseUrlRequestClient(options.apiBaseUrl) } : {},
          )
        : null;
  }

  /** The SMS sender. */
  sms(): Sender {
    const { phoneNumber, messagingServiceSid, smsSenderId } = this.options;
    const missing = !this.client
      ? 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set'
      : !phoneNumber && !messagingServiceSid
        ? 'TWILIO_PHONE_NUMBER or TWILIO_MESSAGING_SERVICE_SID is not set'
        : null;
    return {
      notConfigured: missing,
      send: (entry) => {
        const from = smsSenderId && isOneWayPurpose(entry.meta.purpose) ? smsSenderId : phoneNumber;
        return this.create({
          to: entry.to,
          ...(from ? { from } : {}),
          ...(messagingServiceSid ? { messagingServiceSid } : {}),
          body: entry.body,
        });
      },
    };
  }

  /** The WhatsApp sender. */
  whatsapp(): Sender {
    const missing = !this.client
      ? 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set'
      : !this.options.whatsappNumber
        ? 'TWILIO_WHATSAPP_NUMBER is not set'
        : null;
    return {
      notConfigured: missing,
      send: async (entry, now) => {
        const to = whatsappAddress(entry.to);
        const from = whatsappAddress(this.options.whatsappNumber as string);
        const purpose = entry.meta.purpose ?? 'message';
        const contentSid =
          this.options.whatsappTemplates[`${purpose}:${entry.meta.language}`] ??
          this.options.whatsappTemplates[purpose];
        const contentVariables = entry.meta.templateVariables ?? '{}';
        // A reminder's template has quick-reply buttons (1 confirms, 9 cancels): sent whenever
        // there is one, in the 24-hour window too, so the guest can tap instead of type.
        if (purpose === 'reminder' && contentSid) return this.create({ to, from, contentSid, contentVariables });
        const last = await this.options.lastWhatsappInbound(entry.to.replace(/^whatsapp:/, ''));
        if (last && now.getTime() - last.getTime() < WHATSAPP_WINDOW_MS)
          return this.create({ to, from, body: entry.body });
        if (!contentSid) {
          throw new NotConfiguredError(
            'WhatsApp outside the 24-hour window needs an approved template: ' +
              `set WHATSAPP_TEMPLATES "${purpose}:${entry.meta.language ?? 'fr'}"`,
          );
        }
        return this.create({ to, from, contentSid, contentVariables });
      },
    };
  }

  private async create(params: {
    to: string;
    from?: string;
    messagingServiceSid?: string;
    body?: string;
    contentSid?: string;
    contentVariables?: string;
  }): Promise<SendResult> {
    if (!this.client) throw new SendError('Twilio is not configured', true);
    const statusCallback = this.options.statusCallbackUrl?.() ?? null;
    try {
      const message = await this.client.messages.create(statusCallback ? { ...params, statusCallback } : params);
      return { providerId: message.sid ?? null };
    } catch (err) {
      const e = err as Error & { status?: number; code?: number | string };
      if (e.code === TWILIO_UNSUBSCRIBED) throw new OptedOutError(`Twilio ${e.code}: ${e.message}`);
      // A 4xx other than throttling is Twilio refusing this message (bad number, bad sender): final.
      const permanent = typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.status !== 429;
      const detail = e.status
        ? `Twilio ${e.status}${e.code ? `/${e.code}` : ''}: ${e.message}`
        : `${e.code ? `${e.code}: ` : ''}${e.message}`;
      throw new SendError(detail.slice(0, 500), permanent);
    }
  }
}
