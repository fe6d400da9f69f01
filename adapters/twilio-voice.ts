// Twilio Programmable Voice ↔ Bot Framework. A call is a conversation 'voice:<CallSid>'; each
// thing the caller says (a <Gather input="speech"> result, or a <Record>ing transcribed by the
// optional Whisper STT) is one bot turn, and the bot's replies become <Say>s in the next TwiML.
// The call's state lives in the action URLs (turn number, language, silences), so any server
// instance can answer any webhook, and a retried webhook is recognised by CallSid + turn.
import twilio from 'twilio';
import type { Request, Response, Next, Server } from 'restify';
import type { TurnRunner } from './activity-adapter';
import { readReplies, type Handoff, type TurnOutcome } from './bot-replies';
import { texts } from './channel-texts';
import { BodyError, cleanText, jsonError, parseForm, readRawBody, sendReply, xmlReply } from './http-io';
import { endActivity, joinActivity, keysActivity, messageActivity, type Sender } from './inbound';
import { e164, localeFromPhone, type ChannelLocale } from './locale';
import { withinBudget, type ReplayGuard, type WebhookReply } from './replay-guard';
import { readRelayHandoff, relayTwiml } from './twilio-relay';
import { verifyTwilioSignature, type SignatureConfig } from './twilio-signature';
import { anonymousId, callerNumber, langOf, SPEECH_HINTS } from './voice-call';
import { RecordingReadiness, recordingSidOf } from './recording-readiness';
import type { SpeechToText } from './whisper-stt';

const { VoiceResponse } = twilio.twiml;
type Twiml = InstanceType<typeof VoiceResponse>;
type SayAttributes = Exclude<Parameters<Twiml['say']>[0], string>;
type SayVoice = NonNullable<SayAttributes['voice']>;

export const VOICE_PATHS = {
  incoming: '/twilio/voice/incoming',
  gather: '/twilio/voice/gather',
  recorded: '/twilio/voice/recorded',
  wait: '/twilio/voice/wait',
  dial: '/twilio/voice/dial',
  status: '/twilio/voice/status',
  relayEnded: '/twilio/voice/relay-ended',
  voicemail: '/twilio/voice/voicemail',
  voicemailRecording: '/twilio/voice/voicemail-recording',
  voicemailTranscript: '/twilio/voice/voicemail-transcript',
  /** Whisper mode: Twilio says a turn's recording is ready (or absent); an earlier design's action too. */
  recording: '/twilio/voice/recording',
  /** An earlier design's name for `wait`: calls in progress when a number moved to Maître still end well. */
  poll: '/twilio/voice/poll',
} as const;
type VoiceRoute = keyof typeof VOICE_PATHS;

/**
 * Amazon Polly neural voices through Twilio <Say>: natural, and each reads its own language's
 * dates and numbers correctly ("20 h" in French, "8 pm" in English).
 */
export const DEFAULT_VOICES: Record<ChannelLocale, SayVoice> = {
  'fr-FR': 'Polly.Lea-Neural',
  'en-US': 'Polly.Joanna-Neural',
};

const TERMINAL_CALL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
const MAX_SPEECH_CHARS = 600;
const MAX_VOICEMAIL_CHARS = 4000;
const MAX_WAITS = 2;
const MAX_DIGITS = 12;
/**
 * How long a Whisper turn waits for Twilio to say the recording is ready before trying to download
 * it anyway (the callback may have reached another instance). Part of the turn's budget, which
 * keeps every answer within Twilio's 15 seconds.
 */
const RECORDING_READY_WAIT_MS = 3_000;
/** How long the restaurant's line rings before the caller is offered to leave a message. */
const DIAL_TIMEOUT_SECONDS = 20;
/** Longest message a caller may leave (Twilio transcribes recordings of up to two minutes). */
const VOICEMAIL_MAX_SECONDS = 120;
/** <Dial> outcomes where the caller spoke with someone (Twilio's DialCallStatus). */
const DIAL_CONNECTED = new Set(['completed', 'answered']);
/**
 * Twilio's generic model for telephone audio (8 kHz, one speaker close to the microphone), offered
 * in French and English; being generic, Twilio picks the provider and fails over when one is down.
 */
export const GATHER_SPEECH_MODEL = 'phone_call';

export interface CallEnded {
  conversationId: string;
  callSid: string;
  from: string | null;
  status: string;
  durationSeconds: number | null;
}

/** Why a caller who asked for a person did not reach one. */
export type MissedReason = 'busy' | 'no-answer' | 'failed' | 'canceled' | 'no-number' | 'forwarded-back';

/** A caller nobody answered: staff owe them a call. */
export interface MissedTransfer {
  callSid: string;
  conversationId: string;
  /** The caller's number (E.164), null when withheld. */
  from: string | null;
  locale: ChannelLocale;
  reason: MissedReason;
}

/** What became known about the message a caller left; each webhook tells a part. */
export interface VoicemailUpdate {
  callSid: string;
  recordingUrl?: string;
  recordingSeconds?: number;
  transcript?: string;
  transcriptStatus?: 'pending' | 'completed' | 'failed';
}

export interface HandoffNotice extends Handoff {
  channelId: 'voice' | 'sms' | 'whatsapp' | 'webchat';
  conversationId: string;
  from: string;
}

export interface VoiceAdapterOptions {
  signature: SignatureConfig;
  runTurn: TurnRunner;
  guard: ReplayGuard;
  defaultLocale: ChannelLocale;
  /** The restaurant's line for transfers; null when there is none. */
  transferNumber: () => Promise<string | null>;
  /** Our Twilio numbers in E.164; an empty list accepts calls to any number. */
  ownNumbers?: () => string[];
  /**
   * 'relay': the call is streamed through ConversationRelay (the socket is TwilioRelayAdapter's);
   * 'gather' (default): turn by turn, one webhook per answer.
   */
  mode?: 'gather' | 'relay';
  /** The relay socket's URL (wss://…/twilio/voice/relay), for mode 'relay'. */
  relaySocketUrl?: () => string;
  /** Whisper transcription instead of Twilio's <Gather> speech recognition. */
  stt?: SpeechToText | null;
  /** Longest a Whisper turn waits for the recording's ready callback (default 3 s). */
  recordingWaitMs?: number;
  /** Pairs <Record> actions with their ready callbacks (one per adapter unless given). */
  readiness?: RecordingReadiness;
  voices?: Partial<Record<ChannelLocale, SayVoice>>;
  /** Longest a webhook waits for the bot before answering "one moment" (Twilio gives up at 15 s). */
  turnBudgetMs?: number;
  onHandoff?: (notice: HandoffNotice) => Promise<void>;
  onCallEnded?: (call: CallEnded) => Promise<void>;
  /** A transfer nobody answered (or none possible): the caller is offered to leave a message. */
  onMissedTransfer?: (missed: MissedTransfer) => Promise<void>;
  /** The message's length, recording and transcript, as Twilio's webhooks bring them. */
  onVoicemail?: (update: VoicemailUpdate) => Promise<void>;
  log?: (line: string) => void;
}

/** Where the call is, carried in each action URL. */
interface CallStep {
  callSid: string;
  sender: Sender;
  /** The turn the next answer will be. */
  turn: number;
  locale: ChannelLocale;
  silences: number;
  /** The number the guest called (ours). */
  called: string | null;
  /** The number that forwarded the call to us, when the carrier says so. */
  forwardedFrom: string | null;
  /** The restaurant's own line forwarded this call to us: it must not be transferred back. */
  forwardedBack: boolean;
}

export class TwilioVoiceAdapter {
  private readonly voices: Record<ChannelLocale, SayVoice>;
  private readonly budgetMs: number;
  private readonly log: (line: string) => void;
  private readonly readiness: RecordingReadiness;

  constructor(private readonly options: VoiceAdapterOptions) {
    this.readiness = options.readiness ?? new RecordingReadiness();
    this.voices = { ...DEFAULT_VOICES, ...options.voices };
    this.budgetMs = options.turnBudgetMs ?? 9_000;
    this.log = options.log ?? (() => undefined);
  }

  register(server: Server): void {
    for (const route of Object.keys(VOICE_PATHS) as VoiceRoute[]) {
      server.post(VOICE_PATHS[route], (req: Request, res: Response, next: Next) => {
        this.handle(route, req).then(
          (reply) => {
            sendReply(res, reply);
            next();
          },
          (err: Error) => {
            this.log(`[voice] ${route}: ${err.stack ?? err.message}`);
            sendReply(res, xmlReply(this.apology(this.options.defaultLocale)));
            next();
          },
        );
      });
    }
  }

  /** Verifies, then answers one webhook. Never throws for bad input: a 4xx or TwiML. */
  async handle(route: VoiceRoute, req: Request): Promise<WebhookReply> {
    let params: Record<string, string>;
    try {
      params = parseForm(await readRawBody(req));
    } catch (err) {
      if (err instanceof BodyError) return jsonError(err.status, err.code, err.message);
      throw err;
    }
    const pathAndQuery = req.url ?? VOICE_PATHS[route];
    const verdict = verifyTwilioSignature(
      this.options.signature,
      pathAndQuery,
      req.headers['x-twilio-signature'],
      params,
    );
    if (!verdict.ok) {
      this.log(`[voice] refused ${route}: signature ${verdict.reason}`);
      return jsonError(
        403,
        'forbidden',
        verdict.reason === 'not_configured'
          ? 'Twilio webhooks are disabled: TWILIO_AUTH_TOKEN is not set.'
          : 'Invalid Twilio signature.',
      );
    }
    const callSid = params.CallSid ?? '';
    if (!/^[A-Za-z0-9]{2,64}$/.test(callSid))
      return jsonError(400, 'invalid_input', 'CallSid is missing or malformed.');
    const query = new URL(pathAndQuery, 'http://local').searchParams;
    const step = this.stepOf(callSid, params, query);

    switch (route) {
      case 'incoming':
        return this.incoming(step, params);
      case 'gather':
        return this.answerWithin(step, () => this.gathered(step, params));
      case 'recorded':
        return this.answerWithin(step, () => this.recorded(step, params, query.get('empty') === '1'));
      case 'wait':
      case 'poll':
        return this.wait(step, Number(query.get('tries') ?? '1'));
      case 'recording':
        return this.recordingStep(step, params);
      case 'dial':
        return this.afterDial(step, params);
      case 'status':
        return this.status(step, params);
      case 'relayEnded':
        return this.relayEnded(step, params);
      case 'voicemail':
        return this.voicemailLeft(step, params);
      case 'voicemailRecording':
        return this.voicemailRecording(step, params);
      case 'voicemailTranscript':
        return this.voicemailTranscript(step, params);
    }
  }

  private stepOf(callSid: string, params: Record<string, string>, query: URLSearchParams): CallStep {
    const caller = callerNumber(params.From);
    const lang = query.get('lang');
    const locale: ChannelLocale =
      lang === 'fr' ? 'fr-FR' : lang === 'en' ? 'en-US' : localeFromPhone(caller, this.options.defaultLocale);
    const turn = Math.min(Math.max(Number.parseInt(query.get('turn') ?? '0', 10) || 0, 0), 100_000);
    const silences = query.get('silence') === '1' ? 1 : 0;
    return {
      callSid,
      turn,
      locale,
      silences,
      called: e164(params.To),
      forwardedFrom: e164(params.ForwardedFrom),
      forwardedBack: query.get('fwd') === '1',
      sender: {
        channelId: 'voice',
        conversationId: `voice:${callSid}`,
        fromId: caller ?? anonymousId(callSid),
        locale,
      },
    };
  }

  private async incoming(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    if (!this.isOurNumber(params.To)) {
      const vr = new VoiceResponse();
      this.say(
        vr,
        step.locale,
        step.locale === 'fr-FR'
          ? 'Ce numéro ne prend pas de réservations. Au revoir.'
          : 'This number does not take reservations. Goodbye.',
      );
      vr.hangup();
      return xmlReply(vr.toString());
    }
    if (step.forwardedFrom) {
      const line = e164(await this.options.transferNumber().catch(() => null));
      step.forwardedBack = line !== null && line === step.forwardedFrom;
    }
    return this.answerWithin(step, async () => {
      const replies = await this.options.runTurn(joinActivity(step.sender, params));
      const outcome = readReplies(replies);
      if (this.options.mode === 'relay' && this.options.relaySocketUrl) return this.connectRelay(outcome, step);
      return this.render(outcome, { ...step, turn: step.turn + 1 });
    });
  }

  /** Hands the call to ConversationRelay; the bot's greeting is its welcome greeting. */
  private connectRelay(greeting: TurnOutcome, step: CallStep): WebhookReply {
    const locale = greeting.locale ?? step.locale;
    const said = greeting.messages.map((m) => m.speak).join(' ');
    return xmlReply(
      relayTwiml({
        socketUrl: this.options.relaySocketUrl?.() ?? '',
        actionUrl: this.url('relayEnded', { lang: langOf(locale), fwd: fwdOf(step) }),
        locale,
        welcomeGreeting: said || texts(locale).goodbye,
      }),
    );
  }

  /**
   * The relay session is over: its `end` asked for a transfer or a goodbye, or it failed (the
   * call goes on turn by turn), or the caller hung up.
   */
  private async relayEnded(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const handoff = readRelayHandoff(params.HandoffData);
    const vr = new VoiceResponse();
    if (handoff) {
      const locale: ChannelLocale = handoff.lang === 'fr' ? 'fr-FR' : 'en-US';
      const said = handoff.say ? [{ text: handoff.say, locale }] : [];
      if (handoff.reasonCode === 'transfer') await this.transfer(vr, said, { ...step, locale });
      else {
        for (const s of said) this.say(vr, s.locale, s.text);
        if (!said.length) this.say(vr, locale, texts(locale).goodbye);
        vr.hangup();
      }
      return xmlReply(vr.toString());
    }
    if ((params.SessionStatus ?? '').toLowerCase() === 'failed') {
      this.log(`[voice] relay session failed for ${step.callSid}: the call goes on turn by turn`);
      this.prompt(vr, [{ text: texts(step.locale).technicalVoice, locale: step.locale }], { ...step, turn: 1 });
      return xmlReply(vr.toString());
    }
    vr.hangup();
    return xmlReply(vr.toString());
  }

  /** A <Gather> result: keys pressed (Digits) or words said (SpeechResult). */
  private async gathered(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const digits = (params.Digits ?? '').replace(/[^0-9]/g, '').slice(0, MAX_DIGITS);
    if (!digits) return this.spoken(step, params, cleanText(params.SpeechResult, MAX_SPEECH_CHARS));
    const replies = await this.options.runTurn(keysActivity(step.sender, digits, params));
    return this.render(readReplies(replies), { ...step, turn: step.turn + 1, silences: 0 });
  }

  private async spoken(step: CallStep, params: Record<string, string>, speech: string): Promise<WebhookReply> {
    if (!speech) return this.silence(step);
    const activity = messageActivity(step.sender, speech, params);
    const replies = await this.options.runTurn(activity);
    return this.render(readReplies(replies), { ...step, turn: step.turn + 1, silences: 0 });
  }

  private async recorded(step: CallStep, params: Record<string, string>, empty: boolean): Promise<WebhookReply> {
    const stt = this.options.stt;
    const url = params.RecordingUrl;
    if (empty || !stt || !url || params.RecordingDuration === '0') return this.silence(step);
    const sid = recordingSidOf(params);
    if (sid) {
      const state = await this.readiness.wait(sid, this.options.recordingWaitMs ?? RECORDING_READY_WAIT_MS);
      if (state === 'absent') return this.silence(step);
    }
    let speech: string;
    try {
      speech = cleanText(await stt.transcribe(url, step.locale), MAX_SPEECH_CHARS);
    } catch (err) {
      this.log(`[voice] transcription failed for ${step.callSid}: ${(err as Error).message}`);
      const vr = new VoiceResponse();
      this.prompt(vr, [{ text: texts(step.locale).transcriptionFailed, locale: step.locale }], {
        ...step,
        turn: step.turn + 1,
      });
      return xmlReply(vr.toString());
    } finally {
      this.discardRecording(url, step);
    }
    return this.spoken(step, params, speech);
  }

  /**
   * The callback of a turn's <Record> (it carries RecordingStatus): the file is ready, or there is
   * none. Without RecordingStatus this is an earlier design's <Record> action, answered as ours.
   */
  private async recordingStep(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const status = params.RecordingStatus;
    if (status === undefined) {
      const turn = Math.max(step.turn, 1);
      return this.answerWithin({ ...step, turn }, () => this.recorded({ ...step, turn }, params, false));
    }
    const sid = recordingSidOf(params);
    if (sid && (status === 'completed' || status === 'absent')) this.readiness.settle(sid, status);
    return xmlReply(new VoiceResponse().toString());
  }

  /** A turn's recording is not kept once read: the caller's voice stays nowhere it is not needed. */
  private discardRecording(url: string, step: CallStep): void {
    const stt = this.options.stt;
    if (!stt?.discard) return;
    setImmediate(() => {
      stt
        .discard?.(url)
        .catch((err: Error) => this.log(`[voice] could not delete a recording of ${step.callSid}: ${err.message}`));
    });
  }

  /** Nothing heard: one re-prompt, then a polite goodbye. */
  private silence(step: CallStep): WebhookReply {
    const vr = new VoiceResponse();
    const t = texts(step.locale);
    if (step.silences >= 1) {
      this.say(vr, step.locale, t.silenceGoodbye);
      vr.hangup();
    } else {
      this.prompt(vr, [{ text: t.reprompt, locale: step.locale }], { ...step, turn: step.turn + 1, silences: 1 });
    }
    return xmlReply(vr.toString());
  }

  /**
   * Runs `compute` once per CallSid + turn and answers within the budget: a slow turn gets
   * "one moment" and a <Redirect> that picks the answer up when it is ready.
   */
  private async answerWithin(step: CallStep, compute: () => Promise<WebhookReply>): Promise<WebhookReply> {
    const key = this.keyOf(step);
    const answer = this.options.guard.once(key, () =>
      compute().catch((err: Error) => {
        this.log(`[voice] turn ${key} failed: ${err.stack ?? err.message}`);
        return xmlReply(this.apology(step.locale, { ...step, turn: step.turn + 1 }));
      }),
    );
    const ready = await withinBudget(answer, this.budgetMs);
    if (ready) return ready;
    return xmlReply(this.holdOn(step, texts(step.locale).hold, 1));
  }

  private async wait(step: CallStep, tries: number): Promise<WebhookReply> {
    const pending = this.options.guard.peek(this.keyOf(step));
    const ready = await withinBudget(pending, this.budgetMs);
    if (ready) return ready;
    if (tries < MAX_WAITS && (await this.options.guard.isRunning(this.keyOf(step)))) {
      return xmlReply(this.holdOn(step, texts(step.locale).stillWorking, tries + 1));
    }
    // Lost (the instance that ran it restarted) or far too slow: say so and listen again.
    return xmlReply(this.apology(step.locale, { ...step, turn: step.turn + 1 }));
  }

  private holdOn(step: CallStep, sentence: string, tries: number): string {
    const vr = new VoiceResponse();
    this.say(vr, step.locale, sentence);
    vr.redirect(
      { method: 'POST' },
      this.url('wait', {
        turn: step.turn,
        lang: langOf(step.locale),
        tries,
        silence: step.silences || undefined,
        fwd: fwdOf(step),
      }),
    );
    return vr.toString();
  }

  /** The <Dial> is over: the caller spoke with someone, or may leave a message. */
  private async afterDial(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const status = params.DialCallStatus ?? '';
    const vr = new VoiceResponse();
    if (DIAL_CONNECTED.has(status)) {
      vr.hangup();
      return xmlReply(vr.toString());
    }
    const reason: MissedReason =
      status === 'busy' || status === 'failed' || status === 'canceled' ? status : 'no-answer';
    await this.takeMessage(vr, step, reason);
    return xmlReply(vr.toString());
  }

  /**
   * Nobody can take the call: staff get a callback task, and the caller may leave a message,
   * told that it is recorded. Twilio goes on past <Record> only when nothing was recorded.
   */
  private async takeMessage(vr: Twiml, step: CallStep, reason: MissedReason): Promise<void> {
    await this.options
      .onMissedTransfer?.({
        callSid: step.callSid,
        conversationId: step.sender.conversationId,
        from: callerNumber(step.sender.fromId),
        locale: step.locale,
        reason,
      })
      .catch((err: Error) => this.log(`[voice] callback task for ${step.callSid} failed: ${err.message}`));
    const t = texts(step.locale);
    const lang = langOf(step.locale);
    this.say(vr, step.locale, t.voicemailPrompt);
    vr.record({
      action: this.url('voicemail', { lang }),
      method: 'POST',
      maxLength: VOICEMAIL_MAX_SECONDS,
      timeout: 5,
      playBeep: true,
      finishOnKey: '#',
      trim: 'trim-silence',
      recordingStatusCallback: this.url('voicemailRecording', { lang }),
      recordingStatusCallbackMethod: 'POST',
      recordingStatusCallbackEvent: ['completed', 'absent'],
      // With Whisper configured the message is transcribed here, in the caller's language.
      ...(this.options.stt ? {} : { transcribe: true, transcribeCallback: this.url('voicemailTranscript', { lang }) }),
    });
    this.say(vr, step.locale, t.voicemailNone);
    vr.hangup();
  }

  /** The <Record> action: the caller finished their message (the recording may not be ready yet). */
  private async voicemailLeft(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const seconds = Number.parseInt(params.RecordingDuration ?? '', 10);
    const vr = new VoiceResponse();
    const t = texts(step.locale);
    if (Number.isFinite(seconds) && seconds > 0) {
      await this.voicemailUpdate({
        callSid: step.callSid,
        recordingSeconds: seconds,
        transcriptStatus: 'pending',
      });
      this.say(vr, step.locale, t.voicemailThanks);
    } else {
      this.say(vr, step.locale, t.voicemailNone);
    }
    vr.hangup();
    return xmlReply(vr.toString());
  }

  /** Twilio's recordingStatusCallback: the message's file is ready (or there is none). */
  private async voicemailRecording(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const url = params.RecordingUrl;
    if ((params.RecordingStatus ?? '') !== 'completed' || !url || !/^https?:\/\//.test(url)) {
      return xmlReply(new VoiceResponse().toString());
    }
    const seconds = Number.parseInt(params.RecordingDuration ?? '', 10);
    await this.voicemailUpdate({
      callSid: step.callSid,
      recordingUrl: url,
      ...(Number.isFinite(seconds) ? { recordingSeconds: seconds } : {}),
    });
    const stt = this.options.stt;
    if (stt) {
      // After the answer: the transcription takes seconds and Twilio does not wait on it.
      setImmediate(() => {
        stt.transcribe(url, step.locale).then(
          (text) =>
            this.voicemailUpdate({
              callSid: step.callSid,
              transcript: cleanText(text, MAX_VOICEMAIL_CHARS),
              transcriptStatus: 'completed',
            }),
          (err: Error) => {
            this.log(`[voice] voicemail transcription failed for ${step.callSid}: ${err.message}`);
            return this.voicemailUpdate({ callSid: step.callSid, transcriptStatus: 'failed' });
          },
        );
      });
    }
    return xmlReply(new VoiceResponse().toString());
  }

  /** Twilio's transcribeCallback: the message as text, or a failed transcription. */
  private async voicemailTranscript(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const ok = (params.TranscriptionStatus ?? '') === 'completed';
    await this.voicemailUpdate({
      callSid: step.callSid,
      ...(ok
        ? { transcript: cleanText(params.TranscriptionText, MAX_VOICEMAIL_CHARS), transcriptStatus: 'completed' }
        : { transcriptStatus: 'failed' }),
    });
    return xmlReply(new VoiceResponse().toString());
  }

  private async voicemailUpdate(update: VoicemailUpdate): Promise<void> {
    await this.options
      .onVoicemail?.(update)
      .catch((err: Error) => this.log(`[voice] voicemail update for ${update.callSid} failed: ${err.message}`));
  }

  private async status(step: CallStep, params: Record<string, string>): Promise<WebhookReply> {
    const status = params.CallStatus ?? '';
    if (!TERMINAL_CALL_STATUSES.has(status)) return xmlReply(new VoiceResponse().toString());
    return this.options.guard.once(`voice:${step.callSid}:status`, async () => {
      const code = status === 'completed' ? 'completedSuccessfully' : 'channelFailed';
      await this.options.runTurn(endActivity(step.sender, code, params));
      const duration = Number.parseInt(params.CallDuration ?? '', 10);
      await this.options.onCallEnded?.({
        conversationId: step.sender.conversationId,
        callSid: step.callSid,
        from: callerNumber(params.From),
        status,
        durationSeconds: Number.isFinite(duration) ? duration : null,
      });
      return xmlReply(new VoiceResponse().toString());
    });
  }

  /** The bot's turn as TwiML: what it said, then listen, transfer or hang up. */
  private async render(outcome: TurnOutcome, next: CallStep): Promise<WebhookReply> {
    const locale = outcome.locale ?? next.locale;
    const step = { ...next, locale };
    const said = outcome.messages.map((m) => ({ text: m.speak, locale: m.locale ?? locale }));
    const vr = new VoiceResponse();
    if (outcome.handoff) {
      this.notifyHandoff(step, outcome.handoff);
      await this.transfer(vr, said, step);
    } else if (outcome.ended) {
      for (const s of said) this.say(vr, s.locale, s.text);
      if (!said.length) this.say(vr, locale, texts(locale).goodbye);
      vr.hangup();
    } else {
      this.prompt(vr, said, step);
    }
    return xmlReply(vr.toString());
  }

  /** Says the lines, then dials the restaurant, or says nobody can be reached and hangs up. */
  private async transfer(vr: Twiml, said: Array<{ text: string; locale: ChannelLocale }>, step: CallStep) {
    const locale = step.locale;
    const number = e164(await this.options.transferNumber().catch(() => null));
    const t = texts(locale);
    for (const s of said) this.say(vr, s.locale, s.text);
    if (number && this.isTransferable(number, step)) {
      if (!said.length) this.say(vr, locale, t.transfer);
      vr.dial(
        {
          action: this.url('dial', { lang: langOf(locale) }),
          method: 'POST',
          timeout: DIAL_TIMEOUT_SECONDS,
          answerOnBridge: true,
        },
        number,
      );
    } else {
      const forwardedBack = number !== null && (step.forwardedBack || step.forwardedFrom === number);
      await this.takeMessage(vr, step, forwardedBack ? 'forwarded-back' : 'no-number');
    }
  }

  /** Says the lines and listens for the answer (speech <Gather>, or <Record> for Whisper). */
  private prompt(vr: Twiml, lines: Array<{ text: string; locale: ChannelLocale }>, step: CallStep): void {
    const query = {
      turn: step.turn,
      lang: langOf(step.locale),
      silence: step.silences || undefined,
      fwd: fwdOf(step),
    };
    if (this.options.stt) {
      for (const l of lines) this.say(vr, l.locale, l.text);
      const action = this.url('recorded', query);
      vr.record({
        action,
        method: 'POST',
        // Twilio may call the action before the file can be downloaded; this says when it can.
        recordingStatusCallback: this.url('recording', query),
        recordingStatusCallbackMethod: 'POST',
        recordingStatusCallbackEvent: ['completed', 'absent'],
        timeout: 3,
        maxLength: 30,
        playBeep: false,
        trim: 'trim-silence',
        finishOnKey: '#',
      });
      // Twilio goes on to the next verb when nothing was recorded: that is the silence path.
      vr.redirect({ method: 'POST' }, this.url('recorded', { ...query, empty: 1 }));
      return;
    }
    const gather = vr.gather({
      input: ['dtmf', 'speech'],
      language: step.locale,
      action: this.url('gather', query),
      method: 'POST',
      timeout: 5,
      // With a speech model set, Twilio wants a number of seconds here, not "auto".
      speechTimeout: '2',
      speechModel: GATHER_SPEECH_MODEL,
      finishOnKey: '#',
      actionOnEmptyResult: true,
      hints: SPEECH_HINTS[step.locale],
      profanityFilter: false,
    });
    for (const l of lines) gather.say({ voice: this.voices[l.locale], language: l.locale }, l.text);
  }

  private say(vr: Twiml, locale: ChannelLocale, text: string): void {
    vr.say({ voice: this.voices[locale], language: locale }, text);
  }

  private apology(locale: ChannelLocale, next?: CallStep): string {
    const vr = new VoiceResponse();
    if (next) this.prompt(vr, [{ text: texts(locale).technicalVoice, locale }], { ...next, locale });
    else {
      this.say(vr, locale, texts(locale).technicalVoice);
      vr.hangup();
    }
    return vr.toString();
  }

  private notifyHandoff(step: CallStep, handoff: Handoff): void {
    const hook = this.options.onHandoff;
    if (!hook) return;
    // After the reply: a staff alert must not hold the caller.
    setImmediate(() => {
      hook({
        ...handoff,
        channelId: 'voice',
        conversationId: step.sender.conversationId,
        from: step.sender.fromId,
      }).catch((err: Error) => this.log(`[voice] handoff alert failed: ${err.message}`));
    });
  }

  /** Calling the number the guest called (ours) would loop the call back into the bot. */
  private isTransferable(number: string, step: CallStep): boolean {
    const own = this.options.ownNumbers?.() ?? [];
    // A call the restaurant's line forwarded to us would be forwarded back again, and again.
    if (step.forwardedBack || step.forwardedFrom === number) return false;
    return !own.includes(number) && number !== step.called && number !== step.sender.fromId;
  }

  private isOurNumber(to: string | undefined): boolean {
    const own = this.options.ownNumbers?.() ?? [];
    if (!own.length) return true;
    const number = e164(to);
    return number !== null && own.includes(number);
  }

  private keyOf(step: CallStep): string {
    return `voice:${step.callSid}:${step.turn}`;
  }

  private url(route: VoiceRoute, query: Record<string, string | number | undefined>): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    const qs = q.toString();
    return this.options.signature.publicBaseUrl.replace(/\/+$/, '') + VOICE_PATHS[route] + (qs ? `?${qs}` : '');
  }
}

/** The loop guard travels in the action URLs: later webhooks may not repeat ForwardedFrom. */
function fwdOf(step: CallStep): 1 | undefined {
  return step.forwardedBack ? 1 : undefined;
}
