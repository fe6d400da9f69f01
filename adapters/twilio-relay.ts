// Twilio ConversationRelay ↔ Bot Framework. Twilio turns the caller's speech into text and the
// bot's text into speech; the call talks to us over a WebSocket in JSON: `setup` (who calls),
// `prompt` (what they said; `last: true` when the utterance is final), `dtmf` (a key),
// `interrupt` (they spoke over the answer: what they heard until then). We answer with `text`
// tokens (`last: true` on the last), `language` when the guest changes language, and `end`
// with `handoffData` to transfer or hang up: the <Connect action> then carries on in TwiML.
// A socket keeps nothing the next one would need: the conversation's state is the bot's, in the
// store, so any instance can take any call's socket.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import twilio from 'twilio';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { TurnRunner } from './activity-adapter';
import { readReplies } from './bot-replies';
import { texts } from './channel-texts';
import { cleanText } from './http-io';
import { keysActivity, messageActivity, type Sender } from './inbound';
import { normaliseLocale, type ChannelLocale } from './locale';
import { verifyTwilioSignature, type SignatureConfig } from './twilio-signature';
import { anonymousId, callerNumber, langOf, SPEECH_HINTS } from './voice-call';

const { VoiceResponse } = twilio.twiml;

export const RELAY_PATH = '/twilio/voice/relay';

/**
 * Text-to-speech and speech-to-text per language: the Amazon Polly neural voices the Gather mode
 * speaks with (callers hear the same restaurant either way), and Deepgram's general model, which
 * transcribes French and English phone audio as it streams.
 */
export const RELAY_LANGUAGES: Record<ChannelLocale, { ttsProvider: string; voice: string }> = {
  'fr-FR': { ttsProvider: 'Amazon', voice: 'Lea-Neural' },
  'en-US': { ttsProvider: 'Amazon', voice: 'Joanna-Neural' },
};
const TRANSCRIPTION = { transcriptionProvider: 'Deepgram', speechModel: 'nova-3-general' } as const;

const MAX_PROMPT_CHARS = 600;
const MAX_FRAME_BYTES = 64 * 1024;
/** Digits keyed in one after another make one answer ("12"); a pause this long ends it. */
const KEYS_PAUSE_MS = 1_500;

/** What the relay's `end` hands to the <Connect action>: put the caller through, or say goodbye. */
export interface RelayHandoff {
  reasonCode: 'transfer' | 'goodbye';
  /** What the caller hears before the transfer or the hang-up (said by the action's TwiML). */
  say: string;
  lang: 'fr' | 'en';
  reason?: string;
}

/** A bot line as the transcript keeps it; the relay writes it once it knows what the caller heard. */
export interface HeardLine {
  text: string;
  [field: string]: unknown;
}

export interface RelayTwimlOptions {
  /** wss://…/twilio/voice/relay */
  socketUrl: string;
  /** The <Connect action>: …/twilio/voice/relay-ended */
  actionUrl: string;
  locale: ChannelLocale;
  welcomeGreeting: string;
}

/** The TwiML that hands a call to ConversationRelay, in the caller's likely language, FR and EN ready. */
export function relayTwiml(o: RelayTwimlOptions): string {
  const vr = new VoiceResponse();
  const connect = vr.connect({ action: o.actionUrl, method: 'POST' });
  const relay = connect.conversationRelay({
    url: o.socketUrl,
    language: o.locale,
    ...RELAY_LANGUAGES[o.locale],
    ...TRANSCRIPTION,
    welcomeGreeting: o.welcomeGreeting,
    welcomeGreetingInterruptible: 'any',
    interruptible: 'any',
    dtmfDetection: true,
    hints: `${SPEECH_HINTS[o.locale]}, ${SPEECH_HINTS[o.locale === 'fr-FR' ? 'en-US' : 'fr-FR']}`,
  });
  for (const code of Object.keys(RELAY_LANGUAGES) as ChannelLocale[])
    relay.language({ code, ...RELAY_LANGUAGES[code], ...TRANSCRIPTION });
  relay.parameter({ name: 'lang', value: langOf(o.locale) });
  return vr.toString();
}

/** Reads the `handoffData` the relay sent with `end` (null when absent or not ours). */
export function readRelayHandoff(raw: string | undefined): RelayHandoff | null {
  if (!raw || raw.length > 8_000) return null;
  try {
    const data = JSON.parse(raw) as Partial<RelayHandoff>;
    if (data.reasonCode !== 'transfer' && data.reasonCode !== 'goodbye') return null;
    if (data.lang !== 'fr' && data.lang !== 'en') return null;
    return {
      reasonCode: data.reasonCode,
      lang: data.lang,
      say: typeof data.say === 'string' ? data.say.slice(0, 2_000) : '',
      reason: typeof data.reason === 'string' ? data.reason.slice(0, 100) : undefined,
    };
  } catch {
    return null;
  }
}

export interface RelayAdapterOptions {
  signature: SignatureConfig;
  runTurn: TurnRunner;
  defaultLocale: ChannelLocale;
  /** Writes the bot's lines as the caller heard them (an interrupted answer, cut where it was). */
  recordHeard: (lines: HeardLine[]) => Promise<void>;
  log?: (line: string) => void;
  keysPauseMs?: number;
}

/** The WebSocket end of ConversationRelay: checks each handshake, then runs one session per call. */
export class TwilioRelayAdapter {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly sessions = new Set<RelaySession>();
  private readonly log: (line: string) => void;

  constructor(private readonly options: RelayAdapterOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** Takes the upgrades to RELAY_PATH on this server; other paths (socket.io) are left alone. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://local').pathname !== RELAY_PATH) return;
      if (!this.signed(req)) {
        refuse(socket, 403, 'forbidden', 'Invalid Twilio signature.');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws));
    });
  }

  /** Sessions open now (calls on this instance). */
  get openSessions(): number {
    return this.sessions.size;
  }

  close(): void {
    for (const s of this.sessions) s.close();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  /** The socket URL Twilio is told to open (wss:// for an https:// PUBLIC_BASE_URL). */
  socketUrl(): string {
    return socketBase(this.options.signature.publicBaseUrl) + RELAY_PATH;
  }

  private signed(req: IncomingMessage): boolean {
    const header = req.headers['x-twilio-signature'];
    const pathAndQuery = req.url ?? RELAY_PATH;
    // Twilio signs the socket URL it opened (wss://…), with no parameters; the https:// spelling
    // of the same URL is accepted too, as some signers normalise the scheme.
    for (const publicBaseUrl of [
      socketBase(this.options.signature.publicBaseUrl),
      this.options.signature.publicBaseUrl,
    ]) {
      const config = { authToken: this.options.signature.authToken, publicBaseUrl };
      const verdict = verifyTwilioSignature(config, pathAndQuery, header, {});
      if (verdict.ok) return true;
      if (verdict.reason !== 'mismatch') {
        this.log(`[relay] refused a socket: signature ${verdict.reason}`);
        return false;
      }
    }
    this.log('[relay] refused a socket: signature mismatch');
    return false;
  }

  private open(ws: WebSocket): void {
    const session = new RelaySession(ws, this.options, this.log);
    this.sessions.add(session);
    ws.on('close', () => {
      this.sessions.delete(session);
      session.close();
    });
  }
}

/** What was said to the caller and not yet written to the transcript (it may yet be interrupted). */
interface Answer {
  lines: HeardLine[];
  spoken: string;
}

class RelaySession {
  private sender: Sender | null = null;
  private locale: ChannelLocale;
  private queue: Promise<void> = Promise.resolve();
  private answer: Answer | null = null;
  private keys = '';
  private keysTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly options: RelayAdapterOptions,
    private readonly log: (line: string) => void,
  ) {
    this.locale = options.defaultLocale;
    ws.on('message', (data: RawData) => this.onFrame(data));
    ws.on('error', (err: Error) => this.log(`[relay] socket error: ${err.message}`));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.keysTimer) clearTimeout(this.keysTimer);
    // What was said last was heard in full: nothing interrupted it before the call ended.
    this.queue = this.queue.then(() => this.recordAnswer());
  }

  private onFrame(data: RawData): void {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(data.toString()) as Record<string, unknown>;
    } catch {
      this.log('[relay] a frame that is not JSON was ignored');
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'setup':
        this.setup(msg);
        break;
      case 'prompt':
        this.prompt(msg);
        break;
      case 'dtmf':
        this.key(typeof msg.digit === 'string' ? msg.digit : '', msg);
        break;
      case 'interrupt':
        this.interrupted(typeof msg.utteranceUntilInterrupt === 'string' ? msg.utteranceUntilInterrupt : '');
        break;
      case 'error':
        this.log(`[relay] Twilio reported: ${cleanText(String(msg.description ?? ''), 300)}`);
        break;
      default:
        break;
    }
  }

  private setup(msg: Record<string, unknown>): void {
    const callSid = typeof msg.callSid === 'string' ? msg.callSid : '';
    if (this.sender || !/^[A-Za-z0-9]{2,64}$/.test(callSid)) {
      this.log('[relay] a setup without a valid callSid (or a second one) was ignored');
      return;
    }
    const custom = (msg.customParameters ?? {}) as Record<string, unknown>;
    const lang = typeof custom.lang === 'string' ? custom.lang : '';
    this.locale = normaliseLocale(lang) ?? this.options.defaultLocale;
    const caller = callerNumber(typeof msg.from === 'string' ? msg.from : undefined);
    this.sender = {
      channelId: 'voice',
      conversationId: `voice:${callSid}`,
      fromId: caller ?? anonymousId(callSid),
      locale: this.locale,
    };
  }

  private prompt(msg: Record<string, unknown>): void {
    // Partial prompts (last: false) are previews of words still being said.
    if (msg.last === false) return;
    const said = cleanText(typeof msg.voicePrompt === 'string' ? msg.voicePrompt : '', MAX_PROMPT_CHARS);
    const sender = this.sender;
    if (!said || !sender) return;
    this.enqueue(() => messageActivity({ ...sender, locale: this.locale }, said, msg));
  }

  /** 0 alone asks for a person at once; other digits wait for the next one, a pause or '#'. */
  private key(digit: string, msg: Record<string, unknown>): void {
    if (!/^[0-9#*]$/.test(digit) || !this.sender) return;
    if (this.keysTimer) clearTimeout(this.keysTimer);
    this.keysTimer = null;
    if (digit !== '#' && digit !== '*') this.keys = (this.keys + digit).slice(-12);
    if (digit === '#' || digit === '*' || this.keys === '0') {
      this.flushKeys(msg);
      return;
    }
    this.keysTimer = setTimeout(() => this.flushKeys(msg), this.options.keysPauseMs ?? KEYS_PAUSE_MS);
  }

  private flushKeys(msg: Record<string, unknown>): void {
    const digits = this.keys;
    this.keys = '';
    const sender = this.sender;
    if (!digits || !sender) return;
    this.enqueue(() => keysActivity({ ...sender, locale: this.locale }, digits, msg));
  }

  /** The caller spoke over the answer: they heard it up to `heard`; the rest was never said. */
  private interrupted(heard: string): void {
    const answer = this.answer;
    if (!answer) return;
    const spoken = cleanText(heard, 2_000);
    const [first] = answer.lines;
    answer.lines = spoken && first ? [{ ...first, text: `${spoken} …` }] : [];
    this.queue = this.queue.then(() => this.recordAnswer());
  }

  private enqueue(activity: () => Partial<Activity>): void {
    if (this.closed) return;
    this.queue = this.queue
      .then(() => this.turn(activity()))
      .catch((err: Error) => {
        this.log(`[relay] turn failed in ${this.sender?.conversationId}: ${err.stack ?? err.message}`);
        this.sendText(texts(this.locale).technicalVoice);
      });
  }

  private async turn(activity: Partial<Activity>): Promise<void> {
    // A new turn: the previous answer was heard in full (an interruption would have come first).
    await this.recordAnswer();
    // The bot leaves its lines to us: only we know how much of them the caller heard.
    activity.channelData = { ...(activity.channelData as object), recordsReplies: true };
    const replies = await this.options.runTurn(activity);
    const outcome = readReplies(replies);
    const lines = replies
      .map((r) => (r.channelData as { transcriptEntry?: HeardLine } | undefined)?.transcriptEntry)
      .filter((l): l is HeardLine => !!l && typeof l.text === 'string');
    const speech = outcome.messages.map((m) => m.speak).join(' ');
    const locale = outcome.locale ?? this.locale;
    if (locale !== this.locale) this.switchLanguage(locale);
    if (outcome.handoff || outcome.ended) {
      // Said by the <Connect action>'s TwiML, which then dials or hangs up: heard in full.
      this.answer = { lines, spoken: speech };
      await this.recordAnswer();
      const handoff: RelayHandoff = {
        reasonCode: outcome.handoff ? 'transfer' : 'goodbye',
        say: speech,
        lang: langOf(locale),
        reason: outcome.handoff?.reason,
      };
      this.send({ type: 'end', handoffData: JSON.stringify(handoff) });
      return;
    }
    this.answer = { lines, spoken: speech };
    this.sendText(speech);
  }

  private switchLanguage(locale: ChannelLocale): void {
    this.locale = locale;
    this.send({ type: 'language', ttsLanguage: locale, transcriptionLanguage: locale });
  }

  /** Sentence by sentence, so that speech starts with the first while the others follow. */
  private sendText(speech: string): void {
    const tokens = speech.split(/(?<=[.!?…])\s+/).filter((t) => t.trim());
    tokens.forEach((token, i) => {
      const last = i === tokens.length - 1;
      this.send({ type: 'text', token: last ? token : `${token} `, last, lang: this.locale });
    });
  }

  private async recordAnswer(): Promise<void> {
    const answer = this.answer;
    this.answer = null;
    if (!answer?.lines.length) return;
    try {
      await this.options.recordHeard(answer.lines);
    } catch (err) {
      this.log(`[relay] transcript of ${this.sender?.conversationId} not recorded: ${(err as Error).message}`);
    }
  }

  private send(message: Record<string, unknown>): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }
}

function socketBase(publicBaseUrl: string): string {
  return publicBaseUrl.replace(/\/+$/, '').replace(/^http(s?):/i, 'ws$1:');
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: code, message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Bad Request'}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
