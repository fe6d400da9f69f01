// Twilio Messaging (SMS and WhatsApp share one webhook) ↔ Bot Framework. A guest's thread is the
// conversation 'sms:<E164>' or 'whatsapp:<E164>', the sender is their phone number, and the bot's
// replies for the turn come back as TwiML <Message>s in the webhook's answer.
import twilio from 'twilio';
import type { Request, Response, Next, Server } from 'restify';
import type { TurnRunner } from './activity-adapter';
import { readReplies } from './bot-replies';
import { texts } from './channel-texts';
import { BodyError, cleanText, jsonError, jsonReply, parseForm, readRawBody, sendReply, xmlReply } from './http-io';
import { messageActivity, type Sender } from './inbound';
import { e164, localeFromPhone, type ChannelLocale } from './locale';
import { packMessages } from './message-split';
import { readKeyword, type OptOutRegistry } from './opt-out';
import { withinBudget, type ReplayGuard, type WebhookReply } from './replay-guard';
import { verifyTwilioSignature, type SignatureConfig } from './twilio-signature';
import type { HandoffNotice } from './twilio-voice';

const { MessagingResponse } = twilio.twiml;

export const MESSAGING_PATH = '/twilio/messaging';
/** Twilio's status callback for the messages we send (each send names it as its StatusCallback). */
export const MESSAGING_STATUS_PATH = '/twilio/messaging/status';
/** Longer than any booking request; a 10,000-character message is cut here, not refused. */
const MAX_INBOUND_CHARS = 1000;

export interface LateReply {
  channel: 'sms' | 'whatsapp';
  /** The guest's E.164 number. */
  to: string;
  /** The number they wrote to (ours), as Twilio gave it. */
  from: string;
  texts: string[];
}

/** A delivery receipt: Twilio's status callback for one message we sent. */
export interface DeliveryReceipt {
  messageSid: string;
  /** Twilio's MessageStatus: queued, sent, delivered, undelivered, failed, read… */
  status: string;
  /** Twilio's ErrorCode (e.g. "30003"), when it gave one. */
  errorCode: string | null;
  /** The number it went to, E.164, or null. */
  to: string | null;
  channel: 'sms' | 'whatsapp';
}

export interface MessagingAdapterOptions {
  signature: SignatureConfig;
  runTurn: TurnRunner;
  guard: ReplayGuard;
  optOuts: OptOutRegistry;
  /** Twilio's Advanced Opt-Out is on: only the webhook's OptOutType opts a guest out or in. */
  advancedOptOut?: () => boolean;
  /** Who the guest is texting, for the answer to HELP / INFO / AIDE: the phone as the guest writes it. */
  contact?: (guestPhone: string) => Promise<{ name: string; phone: string }>;
  defaultLocale: ChannelLocale;
  /** Our Twilio numbers in E.164; with no number and no Messaging Service, messages to any number are taken. */
  ownNumbers?: () => string[];
  /** Our Messaging Service (MG…): a message to any number of its sender pool is ours. */
  messagingServiceSid?: () => string | null;
  /** Twilio waits 15 s for the webhook; past this budget the answer goes out as `onLateReply`. */
  turnBudgetMs?: number;
  onLateReply?: (reply: LateReply) => Promise<void>;
  onHandoff?: (notice: HandoffNotice) => Promise<void>;
  /** A delivery receipt (status callback), already checked as Twilio's. */
  onStatus?: (receipt: DeliveryReceipt) => Promise<void>;
  log?: (line: string) => void;
}

export class TwilioMessagingAdapter {
  private readonly log: (line: string) => void;
  private readonly budgetMs: number;

  constructor(private readonly options: MessagingAdapterOptions) {
    this.log = options.log ?? (() => undefined);
    this.budgetMs = options.turnBudgetMs ?? 11_000;
  }

  register(server: Server): void {
    server.post(MESSAGING_PATH, (req: Request, res: Response, next: Next) => {
      this.handle(req).then(
        (reply) => {
          sendReply(res, reply);
          next();
        },
        (err: Error) => {
          this.log(`[messaging] ${err.stack ?? err.message}`);
          sendReply(res, xmlReply(this.twiml([texts(this.options.defaultLocale).technicalText])));
          next();
        },
      );
    });
    server.post(MESSAGING_STATUS_PATH, (req: Request, res: Response, next: Next) => {
      this.handleStatus(req).then(
        (reply) => {
          sendReply(res, reply);
          next();
        },
        (err: Error) => {
          // A 500 makes Twilio try again later: the receipt is not lost.
          this.log(`[messaging] status callback: ${err.stack ?? err.message}`);
          sendReply(res, jsonError(500, 'internal', 'The receipt could not be recorded.'));
          next();
        },
      );
    });
  }

  /** A status callback: checked like every webhook, then handed over as a receipt. */
  async handleStatus(req: Request): Promise<WebhookReply> {
    let params: Record<string, string>;
    try {
      params = parseForm(await readRawBody(req));
    } catch (err) {
      if (err instanceof BodyError) return jsonError(err.status, err.code, err.message);
      throw err;
    }
    const verdict = verifyTwilioSignature(
      this.options.signature,
      req.url ?? MESSAGING_STATUS_PATH,
      req.headers['x-twilio-signature'],
      params,
    );
    if (!verdict.ok) {
      this.log(`[messaging] status callback refused: signature ${verdict.reason}`);
      return jsonError(403, 'forbidden', 'Invalid Twilio signature.');
    }
    const sid = params.MessageSid ?? params.SmsSid ?? '';
    const status = (params.MessageStatus ?? params.SmsStatus ?? '').trim().toLowerCase();
    if (!/^[A-Za-z0-9]{2,64}$/.test(sid)) return jsonError(400, 'invalid_input', 'MessageSid is missing or malformed.');
    if (!/^[a-z_]{2,32}$/.test(status))
      return jsonError(400, 'invalid_input', 'MessageStatus is missing or malformed.');
    const code = (params.ErrorCode ?? '').trim();
    const receipt: DeliveryReceipt = {
      messageSid: sid,
      status,
      errorCode: /^\d{1,6}$/.test(code) && code !== '0' ? code : null,
      to: e164(params.To),
      channel: /^whatsapp:/i.test(params.To ?? params.From ?? '') ? 'whatsapp' : 'sms',
    };
    await this.options.onStatus?.(receipt);
    return jsonReply(200, { received: true });
  }

  async handle(req: Request): Promise<WebhookReply> {
    let params: Record<string, string>;
    try {
      params = parseForm(await readRawBody(req));
    } catch (err) {
      if (err instanceof BodyError) return jsonError(err.status, err.code, err.message);
      throw err;
    }
    const verdict = verifyTwilioSignature(
      this.options.signature,
      req.url ?? MESSAGING_PATH,
      req.headers['x-twilio-signature'],
      params,
    );
    if (!verdict.ok) {
      this.log(`[messaging] refused: signature ${verdict.reason}`);
      return jsonError(
        403,
        'forbidden',
        verdict.reason === 'not_configured'
          ? 'Twilio webhooks are disabled: TWILIO_AUTH_TOKEN is not set.'
          : 'Invalid Twilio signature.',
      );
    }
    const sid = params.MessageSid ?? params.SmsMessageSid ?? params.SmsSid ?? '';
    if (!/^[A-Za-z0-9]{2,64}$/.test(sid)) return jsonError(400, 'invalid_input', 'MessageSid is missing or malformed.');
    const phone = e164(params.From);
    if (!phone) return jsonError(400, 'invalid_input', 'From is missing or is not a phone number.');
    if (!this.isOurs(params)) {
      this.log(`[messaging] message to unknown number ${params.To ?? '(none)'} refused`);
      return jsonError(404, 'unknown_number', "This number is not one of the restaurant's numbers.");
    }
    const channel = /^whatsapp:/i.test(params.From ?? '') ? 'whatsapp' : 'sms';
    const sender: Sender = {
      channelId: channel,
      conversationId: `${channel}:${phone}`,
      fromId: phone,
      locale: localeFromPhone(phone, this.options.defaultLocale),
      ...(channel === 'whatsapp' && params.ProfileName ? { profileName: cleanText(params.ProfileName, 80) } : {}),
    };

    let ranHere = false;
    const answer = this.options.guard.once(`msg:${sender.conversationId}:${sid}`, () => {
      ranHere = true;
      return this.turn(sender, channel, params).catch((err: Error) => {
        this.log(`[messaging] turn ${sid} failed: ${err.stack ?? err.message}`);
        return xmlReply(this.twiml([texts(sender.locale).technicalText]));
      });
    });
    const ready = await withinBudget(answer, this.budgetMs);
    if (ready) return ready;
    // Too slow for Twilio's 15 s: answer empty now, send the bot's words when they are ready.
    // Only the request that ran the turn sends them (a retry waiting on it would send them twice);
    // it may start running only after this answer, taking over from an instance that died.
    void answer.then(async (late) => {
      if (ranHere) await this.deliverLate(late, channel, phone, params.To ?? '');
    });
    return xmlReply(this.twiml([]));
  }

  private async turn(
    sender: Sender,
    channel: 'sms' | 'whatsapp',
    params: Record<string, string>,
  ): Promise<WebhookReply> {
    // A tapped quick-reply button (a WhatsApp template's) answers with its id: "1" or "9" for a
    // reminder, read like the same digit typed; Body holds the button's words.
    const body = cleanText(params.ButtonPayload || params.Body, MAX_INBOUND_CHARS);
    const t = texts(sender.locale);
    const key = readKeyword(body, params.OptOutType, this.options.advancedOptOut?.() ?? false);
    const optedOut = await this.options.optOuts.isOptedOut(channel, sender.fromId);
    if (key?.intent === 'stop') {
      await this.options.optOuts.record(channel, sender.fromId, true, body.slice(0, 40));
      this.log(`[messaging] ${channel} ${sender.fromId} opted out (${params.OptOutType ?? 'keyword'})`);
      // Twilio confirms an opt-out itself and refuses anything more to that guest.
      return xmlReply(this.twiml([]));
    }
    if (key?.intent === 'start' && (optedOut || !key.onlyWhenOptedOut)) {
      await this.options.optOuts.record(channel, sender.fromId, false, body.slice(0, 40));
      // With Advanced Opt-Out, Twilio sends its own confirmation; otherwise we do.
      return xmlReply(this.twiml(params.OptOutType ? [] : [t.resubscribed]));
    }
    if (optedOut) {
      this.log(`[messaging] ${channel} ${sender.fromId} has opted out: message not answered`);
      return xmlReply(this.twiml([]));
    }
    if (key?.intent === 'help') {
      // OptOutType=HELP: Advanced Opt-Out answered with the help reply set on the Messaging
      // Service (README, "Twilio set-up"); a second answer would only repeat it.
      if (params.OptOutType) return xmlReply(this.twiml([]));
      const contact = await this.options.contact?.(sender.fromId).catch(() => null);
      return xmlReply(this.twiml([t.help(contact?.name ?? '', contact?.phone ?? '')]));
    }
    const media = Number.parseInt(params.NumMedia ?? '0', 10) || 0;
    if (!body) return xmlReply(this.twiml([media > 0 ? t.mediaOnly : t.emptyMessage]));

    const outcome = readReplies(await this.options.runTurn(messageActivity(sender, body, params)));
    const lines = outcome.messages.map((m) => m.text);
    if (outcome.handoff) {
      if (!lines.length) lines.push(texts(outcome.locale ?? sender.locale).handoffText);
      const notice: HandoffNotice = {
        ...outcome.handoff,
        channelId: channel,
        conversationId: sender.conversationId,
        from: sender.fromId,
      };
      const hook = this.options.onHandoff;
      if (hook)
        setImmediate(
          () => void hook(notice).catch((err: Error) => this.log(`[messaging] handoff alert failed: ${err.message}`)),
        );
    }
    return xmlReply(this.twiml(packMessages(lines)));
  }

  private twiml(messages: string[]): string {
    const mr = new MessagingResponse();
    for (const m of messages) mr.message(m);
    return mr.toString();
  }

  private async deliverLate(reply: WebhookReply, channel: 'sms' | 'whatsapp', to: string, from: string): Promise<void> {
    const hook = this.options.onLateReply;
    const lines = [...reply.body.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => decodeXml(m[1]));
    if (!lines.length) return;
    if (!hook) {
      this.log(`[messaging] a slow answer to ${to} could not be delivered (no late-reply sender)`);
      return;
    }
    await hook({ channel, to, from, texts: lines }).catch((err: Error) =>
      this.log(`[messaging] late reply to ${to} failed: ${err.message}`),
    );
  }

  /** Sent to one of our numbers, or to any number of our Messaging Service (Twilio names it in the webhook). */
  private isOurs(params: Record<string, string>): boolean {
    const own = this.options.ownNumbers?.() ?? [];
    const service = this.options.messagingServiceSid?.() ?? null;
    if (service && params.MessagingServiceSid === service) return true;
    if (!own.length && !service) return true;
    const number = e164(params.To);
    return number !== null && own.includes(number);
  }
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
