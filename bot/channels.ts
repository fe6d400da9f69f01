// Wires the channel adapters (Twilio voice, SMS/WhatsApp, web chat) to the bot and the server.
// The adapters only translate; what they need from the product is given here: the bot's turn,
// the store-backed memory of webhook answers, opt-outs and web chat histories, the restaurant's
// phone for transfers, staff alerts and the transcript line of a finished call.
import { inTurn } from './log-context';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Middleware, MiddlewareHandler } from 'botbuilder';
import { CollectingAdapter, type BotLogic } from '../adapters/activity-adapter';
import { e164, type ChannelLocale } from '../adapters/locale';
import { ReplayGuard, type ReplyCache, type WebhookReply } from '../adapters/replay-guard';
import { TwilioMessagingAdapter, type LateReply } from '../adapters/twilio-messaging';
import { TwilioRelayAdapter, type HeardLine } from '../adapters/twilio-relay';
import {
  TwilioVoiceAdapter,
  type CallEnded,
  type HandoffNotice,
  type MissedTransfer,
  type VoicemailUpdate,
} from '../adapters/twilio-voice';
import { WebchatAdapter, type WebchatHistory, type WebchatRecord } from '../adapters/webchat';
import { createWhisperStt } from '../adapters/whisper-stt';
import { newCallbackTask, WaitlistService, type OutboxEntry, type Store, type TranscriptEntry } from '../booking-core';
import { callbackAlertMessages, handoffAlertMessages, toOutboxEntry } from '../booking-core/notifications';
import { putLatest, StoreOptOuts } from '../booking-core/notifications/documents';
import { countryOf, phoneForReader } from '../booking-core/phone';
import type { AppContext } from './context';
import { clientKey } from './http';
import { alertOnUndelivered, DeliveryReceipts } from './outbox/receipts';
import { rememberWebchatClient } from './booking-gate';
import { createBot } from './create-bot';
import { storeLeases } from './store-leases';
import { waitlistMiddleware } from './waitlist-texts';
import { webchatLimits } from './webchat-limits';
import type { HandoffAlert } from './maitre-bot';

/** What the channels need from the bot: its turn logic, and middleware to run around it. */
export interface ChannelBot {
  logic: BotLogic;
  middleware?: Array<Middleware | MiddlewareHandler>;
  /** Raises the staff alert for a handoff; without it the handoff is only logged. */
  onHandoff?: (notice: HandoffNotice) => Promise<void>;
}

export interface Channels {
  adapter: CollectingAdapter;
  voice: TwilioVoiceAdapter;
  /** The ConversationRelay socket (VOICE_MODE=relay), null otherwise. */
  relay: TwilioRelayAdapter | null;
  messaging: TwilioMessagingAdapter;
  webchat: WebchatAdapter;
}

/** Which instance is running a webhook's turn right now (see bot/store-leases.ts). Key: the webhook key. */
export const WEBHOOK_LEASE_COLLECTION = 'webhookLease';
/** Web chat conversations as the widget redraws them. Key: "webchat:<uuid>". */
export const WEBCHAT_COLLECTION = 'webchatConversation';

/** The server module: the bot, its staff alert, and every channel's routes. */
export async function registerChannels(ctx: AppContext): Promise<void> {
  const { config } = ctx;
  const waitlist = new WaitlistService(ctx.store, ctx.bookings, ctx.events, { clock: ctx.clock });
  const created = createBot({
    store: ctx.store,
    waitlist,
    bookings: ctx.bookings,
    clock: ctx.clock,
    openai: config.openai
      ? { apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl ?? undefined, model: config.openai.model }
      : null,
    // The bot raises the alert once per handoff (the adapters only log theirs).
    onHandoff: (alert) => alertStaff(ctx, alert),
    log: ctx.log,
  });
  mountChannels(ctx, { logic: created.adapterLogic, middleware: [waitlistMiddleware(waitlist, ctx.log)] });
  // The start-up rehearsal is over before the server listens: the first guest does not share the CPU with it.
  await created.ready;
}

export function mountChannels(ctx: AppContext, bot: ChannelBot): Channels {
  const { config, store, log } = ctx;
  const adapter = new CollectingAdapter();
  for (const m of bot.middleware ?? []) adapter.use(m);
  const runBotTurn = adapter.runnerFor(bot.logic);
  // One line per turn, carrying the turn's id (and the request's): a failure logged during it
  // can be read beside the turn it broke.
  const runTurn: typeof runBotTurn = (activity) =>
    inTurn(async () => {
      const started = performance.now();
      const replies = await runBotTurn(activity);
      const ms = (performance.now() - started).toFixed(1);
      log(`[turn] ${activity.channelId ?? '?'} ${activity.type ?? '?'}: ${replies.length} replies in ${ms} ms`);
      return replies;
    });
  const guard = new ReplayGuard(storeReplyCache(store, ctx.clock), storeLeases(store, WEBHOOK_LEASE_COLLECTION), log);
  const defaultLocale: ChannelLocale = config.defaultLocale === 'en' ? 'en-US' : 'fr-FR';
  // Read at each request: a base URL settled after start-up (tests on port 0) is the one checked.
  const signature = {
    get authToken() {
      return config.twilio.authToken ?? undefined;
    },
    get publicBaseUrl() {
      return config.publicBaseUrl;
    },
  };
  const ownNumbers = () =>
    [config.twilio.phoneNumber, config.twilio.whatsappNumber]
      .map((n) => e164(n))
      .filter((n): n is string => n !== null);
  const onHandoff = async (notice: HandoffNotice) => {
    log(`[channels] handoff (${notice.reason}) on ${notice.channelId} ${notice.conversationId}: ${notice.summary}`);
    await bot.onHandoff?.(notice);
  };

  const relay =
    config.voiceMode === 'relay'
      ? new TwilioRelayAdapter({
          signature,
          runTurn,
          defaultLocale,
          log,
          recordHeard: (lines: HeardLine[]) => recordTranscript(store, lines as unknown as TranscriptEntry[]),
        })
      : null;
  const voice = new TwilioVoiceAdapter({
    signature,
    runTurn,
    guard,
    defaultLocale,
    ownNumbers,
    onHandoff,
    log,
    mode: relay ? 'relay' : 'gather',
    relaySocketUrl: () => relay?.socketUrl() ?? '',
    transferNumber: async () => (await ctx.bookings.restaurant()).phone || null,
    stt:
      config.voiceStt === 'whisper' && config.openai
        ? createWhisperStt({
            apiKey: config.openai.apiKey,
            baseUrl: config.openai.baseUrl,
            twilioAccountSid: config.twilio.accountSid,
            twilioAuthToken: config.twilio.authToken,
          })
        : null,
    onCallEnded: (call) => recordCallEnd(store, call),
    onMissedTransfer: (missed) => openCallbackTask(ctx, missed),
    onVoicemail: (update) => recordVoicemail(ctx, update),
  });
  if (config.voiceStt === 'whisper' && !config.openai)
    log('[channels] VOICE_STT=whisper needs OPENAI_API_KEY: using Twilio speech recognition');

  const receipts = new DeliveryReceipts({
    store,
    clock: () => ctx.clock(),
    log,
    onUndelivered: alertOnUndelivered(
      store,
      ctx.restaurantId,
      {
        get managerEmails() {
          return config.managerEmails;
        },
        get managerPhones() {
          return config.managerPhones;
        },
        get dashboardBaseUrl() {
          return config.publicBaseUrl;
        },
      },
      () => ctx.clock(),
      ctx.events,
    ),
  });
  const messaging = new TwilioMessagingAdapter({
    signature,
    runTurn,
    guard,
    defaultLocale,
    ownNumbers,
    onHandoff,
    log,
    optOuts: new StoreOptOuts(store, () => ctx.clock()),
    advancedOptOut: () => config.twilio.advancedOptOut ?? false,
    messagingServiceSid: () => config.twilio.messagingServiceSid ?? null,
    contact: async (guestPhone) => {
      const r = await ctx.bookings.restaurant();
      return { name: r.name, phone: r.phone ? phoneForReader(r.phone, countryOf(guestPhone)) : '' };
    },
    onLateReply: (reply) => queueLateReply(store, reply, ctx.clock()),
    onStatus: (receipt) => receipts.record(receipt),
  });

  const webchat = new WebchatAdapter({
    runTurn,
    guard,
    defaultLocale,
    onHandoff,
    log,
    history: storeWebchatHistory(store),
    get publicBaseUrl() {
      return config.publicBaseUrl;
    },
    // dist/server.js is bundled into dist/, so the widget sits beside it; under tsx, in dist/.
    widgetFiles: [join(__dirname, 'webchat', 'widget.js'), join(process.cwd(), 'dist', 'webchat', 'widget.js')],
    restaurant: async () => {
      const r = await ctx.bookings.restaurant();
      return { name: r.name, address: r.address, phone: r.phone, services: r.services };
    },
    onOpened: (conversationId, req) => rememberWebchatClient(store, ctx.clock, conversationId, clientKey(req)),
    allow: webchatLimits(ctx.limiters, config.rateLimitPerMinute),
  });

  voice.register(ctx.server);
  if (relay) {
    relay.attach(ctx.httpServer);
    ctx.onClose(() => relay.close());
  }
  messaging.register(ctx.server);
  webchat.register(ctx.server);
  return { adapter, voice, relay, messaging, webchat };
}

/**
 * Webhook answers, kept 48 hours in the store's expiring records under their keys
 * ("voice:CA…:3", "msg:sms:+336…:SM…"): a MessageSid or a call's turn replayed any time in
 * those hours gets the first answer again, and the bot does not run twice. Swept by the app.
 */
export function storeReplyCache(store: Store, clock: () => Date = () => new Date()): ReplyCache {
  const records = store.records();
  return {
    get: (key) => records.get<WebhookReply>(WEBHOOK_REPLY_KIND, key, clock()),
    async put(key, reply) {
      // First answer wins: a concurrent retry on another instance keeps the stored one.
      const now = clock();
      await records.putNew(WEBHOOK_REPLY_KIND, key, reply, new Date(now.getTime() + WEBHOOK_REPLY_MS), now);
    },
  };
}

const WEBHOOK_REPLY_KIND = 'webhookReply';
/** How long a webhook's answer is kept for replays. */
export const WEBHOOK_REPLY_MS = 48 * 3600_000;

function storeWebchatHistory(store: Store): WebchatHistory {
  return {
    async load(id) {
      return (await store.getDocument<WebchatRecord>(WEBCHAT_COLLECTION, id))?.value ?? null;
    },
    save: (id, record) => putLatest(store, WEBCHAT_COLLECTION, id, record),
  };
}

/** Lines of a conversation, in order, as one write where the store can. */
async function recordTranscript(store: Store, entries: TranscriptEntry[]): Promise<void> {
  if (store.appendTranscripts) await store.appendTranscripts(entries);
  else for (const e of entries) await store.appendTranscript(e);
}

/** The call stays in its transcript with how it ended. */
async function recordCallEnd(store: Store, call: CallEnded): Promise<void> {
  const duration = call.durationSeconds !== null ? `, ${call.durationSeconds} s` : '';
  await store.appendTranscript({
    conversationId: call.conversationId,
    channel: 'voice',
    from: 'system',
    text: `Call ended (${call.status}${duration})`,
    at: new Date().toISOString(),
    address: call.from ?? undefined,
  });
}

/** A reply too slow for the webhook goes out through the outbox, like any message. */
async function queueLateReply(store: Store, reply: LateReply, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const [i, body] of reply.texts.entries()) {
    const entry: OutboxEntry = {
      id: randomUUID(),
      kind: reply.channel,
      to: reply.to,
      subject: null,
      body,
      meta: { purpose: 'late_reply' },
      status: 'pending',
      attempts: 0,
      lastError: null,
      nextAttemptAt: at,
      leaseUntil: null,
      leaseOwner: null,
      reservationId: null,
      dedupeKey: `late:${reply.channel}:${reply.to}:${at}:${i}`,
      createdAt: at,
      sentAt: null,
    };
    await store.enqueueOutbox(entry);
  }
}

/** Tells the managers (email and SMS, through the outbox) that a guest wants a person. */
async function alertStaff(ctx: AppContext, alert: HandoffAlert): Promise<void> {
  const { config, store } = ctx;
  const restaurant = await ctx.bookings.restaurant();
  const now = ctx.clock();
  const settings = {
    managerEmails: config.managerEmails,
    managerPhones: config.managerPhones,
    dashboardBaseUrl: config.publicBaseUrl,
  };
  const planned = handoffAlertMessages(restaurant, alert, settings, now);
  if (!planned.length)
    ctx.log(
      `[channels] handoff in ${alert.conversationId} (${alert.reason}): no MANAGER_EMAILS / MANAGER_PHONES to alert`,
    );
  for (const message of planned) await store.enqueueOutbox(toOutboxEntry(message, randomUUID(), now));
}

/** A caller nobody answered: a callback task for staff, and one alert per task (not per retry). */
async function openCallbackTask(ctx: AppContext, missed: MissedTransfer): Promise<void> {
  const { config, store } = ctx;
  const task = newCallbackTask({
    id: missed.callSid,
    conversationId: missed.conversationId,
    phone: missed.from,
    language: missed.locale === 'en-US' ? 'en' : 'fr',
    reason: missed.reason,
    now: ctx.clock(),
  });
  if (!(await store.createCallbackTask(task))) return;
  ctx.events.emit('callback:changed', task);
  const restaurant = await ctx.bookings.restaurant();
  const settings = {
    managerEmails: config.managerEmails,
    managerPhones: config.managerPhones,
    dashboardBaseUrl: config.publicBaseUrl,
  };
  const planned = callbackAlertMessages(restaurant, task, settings);
  if (!planned.length) ctx.log('[channels] callback task opened: no MANAGER_EMAILS / MANAGER_PHONES to alert');
  const now = ctx.clock();
  for (const message of planned) await store.enqueueOutbox(toOutboxEntry(message, randomUUID(), now));
}

/** The message a caller left, as Twilio's webhooks bring its parts. */
async function recordVoicemail(ctx: AppContext, update: VoicemailUpdate): Promise<void> {
  const { callSid, ...patch } = update;
  const task = await ctx.store.patchCallbackTask(callSid, patch, ctx.clock());
  if (task) ctx.events.emit('callback:changed', task);
}
