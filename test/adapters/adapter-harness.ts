// A restify server with the channel adapters and a tiny scripted bot, for testing the adapters
// alone over real HTTP: what the bot receives, what each channel answers. The same body parsing
// as the product's server, so the signature checks see what they will see in production.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { CollectingAdapter } from '../../adapters/activity-adapter';
import { MemoryOptOutRegistry } from '../../adapters/opt-out';
import { MemoryReplyCache, ReplayGuard } from '../../adapters/replay-guard';
import { TwilioMessagingAdapter, type LateReply } from '../../adapters/twilio-messaging';
import { TwilioVoiceAdapter, type CallEnded, type HandoffNotice } from '../../adapters/twilio-voice';
import { MemoryWebchatHistory, WebchatAdapter } from '../../adapters/webchat';
import type { RecordingReadiness } from '../../adapters/recording-readiness';
import type { SpeechToText } from '../../adapters/whisper-stt';

export const TOKEN = 'test-twilio-auth-token-0123456789';

/**
 * Answers by script: "handoff" hands over, "bye" ends, "slow N" waits N ms, "long" sends a long
 * text, "english" answers in English, "menu" offers quick answers; anything else is echoed.
 */
export class ScriptedBot extends ActivityHandler {
  readonly seen: Partial<Activity>[] = [];

  constructor() {
    super();
    this.onConversationUpdate(async (ctx, next) => {
      this.seen.push(ctx.activity);
      const fr = ctx.activity.locale === 'fr-FR';
      await ctx.sendActivity({
        type: 'message',
        text: fr
          ? 'Bonjour, Le Petit Bistro, que puis-je faire pour vous ?'
          : 'Hello, Le Petit Bistro, how can I help?',
        locale: ctx.activity.locale,
        inputHint: 'expectingInput',
      });
      await next();
    });
    this.onMessage(async (ctx, next) => {
      this.seen.push(ctx.activity);
      await this.answer(ctx, (ctx.activity.text ?? '').trim());
      await next();
    });
    this.onEndOfConversation(async (ctx, next) => {
      this.seen.push(ctx.activity);
      await next();
    });
  }

  private async answer(ctx: TurnContext, text: string): Promise<void> {
    const locale = /english/i.test(text) ? 'en-US' : ctx.activity.locale;
    const slow = /^slow (\d+)/.exec(text);
    if (slow) await new Promise((r) => setTimeout(r, Number(slow[1])));
    if (text === 'handoff') {
      await ctx.sendActivity({
        type: 'event',
        name: 'handoff',
        value: { reason: 'requested', summary: 'guest asked for a person' },
      });
      return;
    }
    if (text === 'bye') {
      await ctx.sendActivity({ type: 'message', text: 'Au revoir !', locale, inputHint: 'acceptingInput' });
      await ctx.sendActivity({ type: ActivityTypes.EndOfConversation });
      return;
    }
    if (text === 'long') {
      const sentence =
        'Voici une phrase assez longue pour remplir un message entier sans jamais couper un mot au milieu. ';
      await ctx.sendActivity({ type: 'message', text: sentence.repeat(40).trim(), locale });
      return;
    }
    if (text === 'menu') {
      await ctx.sendActivity({
        type: 'message',
        text: 'Oui ou non ?',
        locale,
        suggestedActions: {
          to: [],
          actions: [
            { type: 'imBack', title: 'Oui', value: 'Oui' },
            { type: 'imBack', title: 'Non', value: 'Non' },
          ],
        },
      });
      return;
    }
    await ctx.sendActivity({
      type: 'message',
      text: `echo: ${text}`,
      speak: `<speak>echo ${text}</speak>`,
      locale,
      inputHint: 'expectingInput',
    });
  }

  messages(): Partial<Activity>[] {
    return this.seen.filter((a) => a.type === 'message');
  }
}

export interface Harness {
  base: string;
  bot: ScriptedBot;
  handoffs: HandoffNotice[];
  callsEnded: CallEnded[];
  lateReplies: LateReply[];
  optOuts: MemoryOptOutRegistry;
  close(): Promise<void>;
}

export interface HarnessOptions {
  ownNumbers?: string[];
  transferNumber?: string | null;
  stt?: SpeechToText;
  turnBudgetMs?: number;
  recordingWaitMs?: number;
  readiness?: RecordingReadiness;
  widgetFiles?: string[];
  /** Twilio's Advanced Opt-Out on: only OptOutType opts out. */
  advancedOptOut?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = restify.createServer({ name: 'adapter-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 64 * 1024 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const bot = new ScriptedBot();
  const adapter = new CollectingAdapter();
  const runTurn = adapter.runnerFor((ctx) => bot.run(ctx));
  const guard = new ReplayGuard(new MemoryReplyCache());
  const signature = { authToken: TOKEN, publicBaseUrl: base };
  const handoffs: HandoffNotice[] = [];
  const callsEnded: CallEnded[] = [];
  const lateReplies: LateReply[] = [];
  const optOuts = new MemoryOptOutRegistry();
  const onHandoff = async (n: HandoffNotice) => void handoffs.push(n);
  const ownNumbers = () => options.ownNumbers ?? [];

  new TwilioVoiceAdapter({
    signature,
    runTurn,
    guard,
    defaultLocale: 'fr-FR',
    ownNumbers,
    onHandoff,
    transferNumber: async () => (options.transferNumber === undefined ? '+33140000000' : options.transferNumber),
    stt: options.stt ?? null,
    turnBudgetMs: options.turnBudgetMs,
    recordingWaitMs: options.recordingWaitMs,
    readiness: options.readiness,
    onCallEnded: async (c) => void callsEnded.push(c),
  }).register(server);
  new TwilioMessagingAdapter({
    signature,
    runTurn,
    guard,
    defaultLocale: 'fr-FR',
    ownNumbers,
    onHandoff,
    optOuts,
    advancedOptOut: () => options.advancedOptOut ?? false,
    contact: async (guest) => ({
      name: 'Le Petit Bistro',
      phone: guest.startsWith('+33') ? '01 40 00 00 00' : '+33 1 40 00 00 00',
    }),
    turnBudgetMs: options.turnBudgetMs,
    onLateReply: async (r) => void lateReplies.push(r),
  }).register(server);
  new WebchatAdapter({
    runTurn,
    guard,
    defaultLocale: 'fr-FR',
    onHandoff,
    history: new MemoryWebchatHistory(),
    publicBaseUrl: base,
    widgetFiles: options.widgetFiles ?? [],
    restaurant: async () => ({ name: 'Le Petit Bistro', address: '12 rue des Halles, Paris', phone: '+33140000000' }),
  }).register(server);

  return {
    base,
    bot,
    handoffs,
    callsEnded,
    lateReplies,
    optOuts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Twilio's documented request signature: HMAC-SHA1 over the full URL followed by each POST
// parameter name and value, sorted by name, base64 (written out here, not taken from the twilio
// package, so the test checks the adapter against the documented algorithm).
export function twilioSignature(url: string, params: Record<string, string>, token = TOKEN): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

export interface PostResult {
  status: number;
  text: string;
  type: string;
  headers: Headers;
}

export async function twilioPost(
  base: string,
  pathOrUrl: string,
  params: Record<string, string>,
  opts: { sign?: boolean; token?: string; signature?: string } = {},
): Promise<PostResult> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl.replace(/&amp;/g, '&') : base + pathOrUrl;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (opts.signature !== undefined) headers['X-Twilio-Signature'] = opts.signature;
  else if (opts.sign !== false) headers['X-Twilio-Signature'] = twilioSignature(url, params, opts.token);
  const r = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
  return { status: r.status, text: await r.text(), type: r.headers.get('content-type') ?? '', headers: r.headers };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of every <tag> element, in order. */
export function twimlTexts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    decode(m[1].replace(/<[^>]+>/g, '').trim()),
  );
}

/** The attributes of the first <tag …> element. */
export function twimlAttributes(xml: string, tag: string): Record<string, string> | null {
  const m = new RegExp(`<${tag}(\\s[^>]*)?/?>`).exec(xml);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const a of (m[1] ?? '').matchAll(/([A-Za-z]+)="([^"]*)"/g)) out[a[1]] = decode(a[2]);
  return out;
}

let counter = 0;
export const sid = (prefix: string): string =>
  prefix + (Date.now().toString(16) + (counter++).toString(16)).padStart(32, '0').slice(-32);
