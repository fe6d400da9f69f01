// Web chat ↔ Bot Framework, over plain HTTP (see webchat-protocol.ts): the widget posts a message,
// the bot's replies for that turn come back in the response. The conversation id lives in the
// guest's browser and the conversation (dialog state, and the history the widget redraws after
// a reload) on the server. Also serves the widget bundle and a demo restaurant page.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Request, Response, Next, Server } from 'restify';
import type { Activity } from 'botbuilder';
import { KeyedSerializer, type TurnRunner } from './activity-adapter';
import { readReplies } from './bot-replies';
import { texts } from './channel-texts';
import { BodyError, cleanText, jsonError, jsonReply, readRawBody, sendReply } from './http-io';
import { joinActivity, messageActivity, type Sender } from './inbound';
import { normaliseLocale, type ChannelLocale } from './locale';
import type { ReplayGuard, WebhookReply } from './replay-guard';
import type { HandoffNotice } from './twilio-voice';
import { demoPage, type DemoRestaurant } from './webchat-demo-page';
import {
  CONVERSATION_ID,
  WEBCHAT_MAX_TEXT,
  type ChatMessage,
  type ConversationView,
  type TurnView,
} from './webchat-protocol';

export const WEBCHAT_PATHS = {
  widget: '/webchat/widget.js',
  widgetMap: '/webchat/widget.js.map',
  demo: '/webchat/demo',
  conversations: '/webchat/api/conversations',
  messages: '/webchat/api/messages',
} as const;

/** What a web chat request does, for its rate limits. */
export type WebchatRequestKind =
  | { kind: 'open' }
  | { kind: 'message'; conversationId: string }
  | { kind: 'poll'; conversationId: string };

/** What the server keeps of a web chat conversation, besides the bot's own dialog state. */
export interface WebchatRecord {
  createdAt: string;
  locale: ChannelLocale;
  messages: ChatMessage[];
  ended: boolean;
}

export interface WebchatHistory {
  load(conversationId: string): Promise<WebchatRecord | null>;
  save(conversationId: string, record: WebchatRecord): Promise<void>;
}

export class MemoryWebchatHistory implements WebchatHistory {
  private readonly records = new Map<string, WebchatRecord>();
  async load(id: string): Promise<WebchatRecord | null> {
    const r = this.records.get(id);
    return r ? structuredClone(r) : null;
  }
  async save(id: string, record: WebchatRecord): Promise<void> {
    this.records.set(id, structuredClone(record));
  }
}

export interface WebchatAdapterOptions {
  runTurn: TurnRunner;
  guard: ReplayGuard;
  history: WebchatHistory;
  defaultLocale: ChannelLocale;
  publicBaseUrl: string;
  /** Candidate paths of the built widget (dist/webchat/widget.js), first found wins. */
  widgetFiles: string[];
  restaurant: () => Promise<DemoRestaurant>;
  /**
   * Budget for requests; false means "too many requests". Asked for every opening, message
   * and poll, with the request (its client) and the conversation it is about.
   */
  allow?: (req: Request, what: WebchatRequestKind) => Promise<boolean>;
  onHandoff?: (notice: HandoffNotice) => Promise<void>;
  /** Told of each new conversation and the request that opened it (limits follow its client). */
  onOpened?: (conversationId: string, req: Request) => Promise<void>;
  log?: (line: string) => void;
}

/** Keeps the history the widget redraws bounded; the full transcript is the bot's to keep. */
const MAX_HISTORY = 200;
const MAX_JSON_BYTES = 16 * 1024;

type Body = Record<string, unknown>;

export class WebchatAdapter {
  private readonly log: (line: string) => void;
  private readonly serializer = new KeyedSerializer();
  private widgetCache: { js: string; map: string | null } | null = null;

  constructor(private readonly options: WebchatAdapterOptions) {
    this.log = options.log ?? (() => undefined);
  }

  register(server: Server): void {
    const on = (method: 'get' | 'post' | 'opts', path: string, handler: (req: Request) => Promise<WebhookReply>) => {
      server[method](path, (req: Request, res: Response, next: Next) => {
        handler(req)
          .catch((err: Error) => {
            if (err instanceof BodyError) return jsonError(err.status, err.code, err.message);
            this.log(`[webchat] ${req.method} ${path}: ${err.stack ?? err.message}`);
            return jsonError(503, 'unavailable_now', 'The chat is unavailable for a moment; please try again.');
          })
          .then((reply) => {
            // The widget runs on the restaurant's own site: its API calls are cross-origin.
            if (path.startsWith('/webchat/api/')) corsHeaders(res);
            sendReply(res, reply);
            next();
          });
      });
    };
    on('get', WEBCHAT_PATHS.widget, () => this.widget('js'));
    on('get', WEBCHAT_PATHS.widgetMap, () => this.widget('map'));
    on('get', WEBCHAT_PATHS.demo, () => this.demo());
    on('opts', WEBCHAT_PATHS.conversations, async () => ({ status: 204, contentType: 'text/plain', body: '' }));
    on('opts', WEBCHAT_PATHS.messages, async () => ({ status: 204, contentType: 'text/plain', body: '' }));
    on('post', WEBCHAT_PATHS.conversations, (req) => this.open(req));
    on('post', WEBCHAT_PATHS.messages, (req) => this.message(req));
    on('get', WEBCHAT_PATHS.messages, (req) => this.since(req));
  }

  /** Starts a conversation, or resumes the one whose id the browser kept. */
  private async open(req: Request): Promise<WebhookReply> {
    const body = await readJson(req);
    if ('error' in body) return body.error;
    if (!(await this.allowed(req, { kind: 'open' }))) return tooMany();
    const locale = normaliseLocale(str(body.value.locale)) ?? this.options.defaultLocale;
    const restaurant = await this.options.restaurant();
    const asked = str(body.value.conversationId);
    if (asked && CONVERSATION_ID.test(asked)) {
      const record = await this.options.history.load(asked);
      if (record) {
        const view: ConversationView = {
          conversationId: asked,
          locale: record.locale,
          restaurantName: restaurant.name,
          messages: record.messages,
          ended: record.ended,
          restarted: false,
        };
        return jsonReply(200, view);
      }
    }
    const conversationId = `webchat:${randomUUID()}`;
    await this.options.onOpened?.(conversationId, req);
    const sender = this.sender(conversationId, locale);
    const record: WebchatRecord = { createdAt: new Date().toISOString(), locale, messages: [], ended: false };
    const turn = await this.serializer.run(conversationId, async () => {
      const outcome = await this.runAndRecord(
        record,
        sender,
        joinActivity(sender, { event: 'open', locale, page: str(body.value.page)?.slice(0, 300) ?? null }),
      );
      await this.options.history.save(conversationId, record);
      return outcome;
    });
    const view: ConversationView = {
      conversationId,
      locale: record.locale,
      restaurantName: restaurant.name,
      messages: turn.messages,
      ended: turn.ended,
      restarted: Boolean(asked),
    };
    return jsonReply(201, view);
  }

  private async message(req: Request): Promise<WebhookReply> {
    const body = await readJson(req);
    if ('error' in body) return body.error;
    const conversationId = str(body.value.conversationId);
    if (!conversationId || !CONVERSATION_ID.test(conversationId))
      return jsonError(400, 'invalid_input', 'conversationId is missing or malformed.');
    const raw = str(body.value.text);
    if (raw === null) return jsonError(400, 'invalid_input', 'text must be a string.');
    if (raw.length > WEBCHAT_MAX_TEXT)
      return jsonError(400, 'invalid_input', `text is longer than ${WEBCHAT_MAX_TEXT} characters.`);
    const text = cleanText(raw, WEBCHAT_MAX_TEXT);
    if (!text) return jsonError(400, 'invalid_input', 'text is empty.');
    const clientMessageId = str(body.value.clientMessageId) ?? randomUUID();
    if (!/^[A-Za-z0-9-]{1,64}$/.test(clientMessageId))
      return jsonError(400, 'invalid_input', 'clientMessageId is malformed.');
    if (!(await this.allowed(req, { kind: 'message', conversationId }))) return tooMany();

    return this.options.guard.once(`webchat:${conversationId}:${clientMessageId}`, () =>
      this.serializer.run(conversationId, async () => {
        const record = await this.options.history.load(conversationId);
        if (!record) return jsonError(404, 'not_found', 'Unknown conversation: start a new one.');
        const locale = normaliseLocale(str(body.value.locale)) ?? record.locale;
        const sender = this.sender(conversationId, locale);
        const guest = this.push(record, { from: 'guest', text, locale });
        const outcome = await this.runAndRecord(
          record,
          sender,
          messageActivity(sender, text, { text, clientMessageId }),
        );
        await this.options.history.save(conversationId, record);
        const view: TurnView = { messages: [guest, ...outcome.messages], ended: outcome.ended };
        return jsonReply(200, view);
      }),
    );
  }

  private async since(req: Request): Promise<WebhookReply> {
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    const conversationId = query.get('conversationId');
    if (!conversationId || !CONVERSATION_ID.test(conversationId))
      return jsonError(400, 'invalid_input', 'conversationId is missing or malformed.');
    if (!(await this.allowed(req, { kind: 'poll', conversationId }))) return tooMany();
    const after = Number.parseInt(query.get('after') ?? '0', 10) || 0;
    const record = await this.options.history.load(conversationId);
    if (!record) return jsonError(404, 'not_found', 'Unknown conversation.');
    return jsonReply(200, { messages: record.messages.filter((m) => m.seq > after), ended: record.ended });
  }

  /** Runs the bot and appends its replies to the record; returns the new bot messages. */
  private async runAndRecord(record: WebchatRecord, sender: Sender, activity: Partial<Activity>): Promise<TurnView> {
    let replies: Partial<Activity>[];
    try {
      replies = await this.options.runTurn(activity);
    } catch (err) {
      this.log(`[webchat] turn failed in ${sender.conversationId}: ${(err as Error).stack ?? String(err)}`);
      return {
        messages: [this.push(record, { from: 'bot', text: texts(sender.locale).technicalText, locale: sender.locale })],
        ended: false,
      };
    }
    const outcome = readReplies(replies);
    if (outcome.locale) record.locale = outcome.locale;
    const added: ChatMessage[] = [];
    for (const m of outcome.messages) {
      added.push(
        this.push(record, {
          from: 'bot',
          text: m.text,
          locale: m.locale ?? record.locale,
          ...(m.suggestions.length ? { suggestions: m.suggestions } : {}),
        }),
      );
    }
    if (outcome.handoff) {
      if (!added.length)
        added.push(this.push(record, { from: 'bot', text: texts(record.locale).handoffText, locale: record.locale }));
      const hook = this.options.onHandoff;
      const notice: HandoffNotice = {
        ...outcome.handoff,
        channelId: 'webchat',
        conversationId: sender.conversationId,
        from: sender.fromId,
      };
      if (hook)
        setImmediate(
          () => void hook(notice).catch((err: Error) => this.log(`[webchat] handoff alert failed: ${err.message}`)),
        );
    }
    if (outcome.ended) record.ended = true;
    return { messages: added, ended: record.ended };
  }

  private push(record: WebchatRecord, m: Omit<ChatMessage, 'seq' | 'at'>): ChatMessage {
    const last = record.messages[record.messages.length - 1];
    const message: ChatMessage = { seq: (last?.seq ?? 0) + 1, at: new Date().toISOString(), ...m };
    record.messages.push(message);
    if (record.messages.length > MAX_HISTORY) record.messages.splice(0, record.messages.length - MAX_HISTORY);
    return message;
  }

  private sender(conversationId: string, locale: ChannelLocale): Sender {
    return { channelId: 'webchat', conversationId, fromId: conversationId, locale };
  }

  private async allowed(req: Request, what: WebchatRequestKind): Promise<boolean> {
    return this.options.allow ? this.options.allow(req, what) : true;
  }

  private async widget(kind: 'js' | 'map'): Promise<WebhookReply> {
    if (!this.widgetCache) {
      for (const file of this.options.widgetFiles) {
        const js = await readFile(file, 'utf8').catch(() => null);
        if (js === null) continue;
        const map = await readFile(`${file}.map`, 'utf8').catch(() => null);
        this.widgetCache = { js, map };
        break;
      }
    }
    if (!this.widgetCache) return jsonError(503, 'not_built', 'The web chat widget is not built: run `npm run build`.');
    if (kind === 'map') {
      return this.widgetCache.map
        ? { status: 200, contentType: 'application/json; charset=utf-8', body: this.widgetCache.map }
        : jsonError(404, 'not_found', 'No source map.');
    }
    return { status: 200, contentType: 'application/javascript; charset=utf-8', body: this.widgetCache.js };
  }

  private async demo(): Promise<WebhookReply> {
    const restaurant = await this.options.restaurant();
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: demoPage(restaurant, this.options.publicBaseUrl),
    };
  }
}

function corsHeaders(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  res.setHeader('Access-Control-Max-Age', '600');
}

async function readJson(req: Request): Promise<{ value: Body } | { error: WebhookReply }> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/application\/json|text\/plain/i.test(type))
    return { error: jsonError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).') };
  const parsed = (req as Request & { body?: unknown }).body;
  if (parsed && typeof parsed === 'object' && !Buffer.isBuffer(parsed))
    return Array.isArray(parsed) ? { error: notAnObject() } : { value: parsed as Body };
  const raw = await readRawBody(req, MAX_JSON_BYTES);
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' && !Array.isArray(value)
      ? { value: value as Body }
      : { error: notAnObject() };
  } catch {
    return { error: jsonError(400, 'invalid_input', 'The body is not valid JSON.') };
  }
}

const notAnObject = () => jsonError(400, 'invalid_input', 'The body must be a JSON object.');
const tooMany = () => jsonError(429, 'rate_limited', 'Too many messages; please wait a moment.');
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
