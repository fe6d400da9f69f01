// Plays Twilio's side of a ConversationRelay call for tests: opens the socket with a signed
// handshake, sends what Twilio sends (setup, prompt, dtmf, interrupt) and collects what the
// application answers, one answer at a time (text tokens up to `last: true`, or an `end`).
import WebSocket from 'ws';
import { twilioSignature } from './adapter-harness';

export interface RelayAnswer {
  /** The text tokens joined: what the caller hears. */
  text: string;
  tokens: Array<{ token: string; last: boolean; lang?: string }>;
  /** A `language` message sent before the tokens, if any. */
  language: { ttsLanguage: string; transcriptionLanguage: string } | null;
  /** The `end` message, when the application ended the session instead of speaking. */
  end: { handoffData?: string } | null;
}

type Frame = Record<string, unknown> & { type: string };

export class RelayCall {
  private readonly frames: Frame[] = [];
  private wake: (() => void) | null = null;

  private constructor(
    private readonly ws: WebSocket,
    readonly callSid: string,
  ) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake?.();
    });
    ws.on('close', () => this.wake?.());
  }

  /** Opens the socket as Twilio does (signed handshake) and sends `setup`. */
  static async open(
    socketUrl: string,
    token: string,
    setup: { callSid: string; from: string; to: string; lang: 'fr' | 'en' },
  ): Promise<RelayCall> {
    const ws = new WebSocket(socketUrl, { headers: { 'X-Twilio-Signature': twilioSignature(socketUrl, {}, token) } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
    const call = new RelayCall(ws, setup.callSid);
    call.send({
      type: 'setup',
      sessionId: `VX${'0'.repeat(32)}`,
      accountSid: `AC${'0'.repeat(32)}`,
      parentCallSid: '',
      callSid: setup.callSid,
      from: setup.from,
      to: setup.to,
      forwardedFrom: '',
      callType: 'PSTN',
      callerName: '',
      direction: 'inbound',
      callStatus: 'IN-PROGRESS',
      customParameters: { lang: setup.lang },
    });
    return call;
  }

  send(message: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  /** The caller says something: partial prompts first, as Twilio streams them, then the final one. */
  say(words: string, lang = 'fr-FR'): void {
    const cut = words.split(' ');
    if (cut.length > 2) this.send({ type: 'prompt', voicePrompt: cut.slice(0, 2).join(' '), lang, last: false });
    this.send({ type: 'prompt', voicePrompt: words, lang, last: true });
  }

  press(digits: string): void {
    for (const digit of digits) this.send({ type: 'dtmf', digit });
  }

  interrupt(heard: string, ms = 800): void {
    this.send({ type: 'interrupt', utteranceUntilInterrupt: heard, durationUntilInterruptMs: ms });
  }

  /** Waits for the application's next answer: text tokens up to `last: true`, or an `end`. */
  async answer(timeoutMs = 10_000): Promise<RelayAnswer> {
    const out: RelayAnswer = { text: '', tokens: [], language: null, end: null };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = this.frames.shift();
      if (!frame) {
        if (this.ws.readyState !== WebSocket.OPEN) throw new Error('the socket closed before an answer');
        if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now());
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
        continue;
      }
      if (frame.type === 'language') out.language = frame as unknown as RelayAnswer['language'];
      else if (frame.type === 'end') {
        out.end = frame as RelayAnswer['end'];
        return out;
      } else if (frame.type === 'text') {
        const token = frame as unknown as RelayAnswer['tokens'][number];
        out.tokens.push(token);
        out.text += token.token;
        if (token.last) return out;
      }
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

/** Tries a handshake and returns the HTTP status it was refused with (101 when accepted). */
export function handshakeStatus(socketUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}
