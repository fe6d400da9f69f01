// Optional speech-to-text for calls (VOICE_STT=whisper with OPENAI_API_KEY): the call <Record>s
// each answer and the recording is transcribed with OpenAI's audio transcription API, which reads
// French better than the telephony recognisers. Only the text goes to the bot.
import OpenAI, { toFile } from 'openai';
import type { ChannelLocale } from './locale';

export interface SpeechToText {
  /** The caller's words in a recording Twilio made, or '' for silence. */
  transcribe(recordingUrl: string, locale: ChannelLocale): Promise<string>;
  /** Deletes the recording from Twilio once it has been read (needs Twilio credentials). */
  discard?(recordingUrl: string): Promise<void>;
}

export interface WhisperOptions {
  apiKey: string;
  /** OPENAI_BASE_URL, for a compatible server (tests run one locally). */
  baseUrl?: string | null;
  /** whisper-1 reads French phone audio well and costs little. */
  model?: string;
  /** Twilio credentials, for accounts that protect recordings with HTTP basic auth. */
  twilioAccountSid?: string | null;
  twilioAuthToken?: string | null;
  /** Bounds the whole download + transcription, so a call never waits on it for long. */
  timeoutMs?: number;
}

const MAX_RECORDING_BYTES = 10 * 1024 * 1024;
/** Twilio answers 404 for a recording whose file is not written yet: a few short retries. */
const NOT_READY_RETRIES = 3;
const NOT_READY_PAUSE_MS = 400;
const PROMPTS: Record<ChannelLocale, string> = {
  'fr-FR': 'Réservation au restaurant : une table pour quatre personnes demain à vingt heures, au nom de Dupont.',
  'en-US': 'Restaurant booking: a table for four tomorrow at 8 pm, under the name Smith.',
};

export function createWhisperStt(options: WhisperOptions): SpeechToText {
  const timeoutMs = options.timeoutMs ?? 12_000;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl ?? undefined,
    timeout: timeoutMs,
    maxRetries: 1,
  });
  const model = options.model ?? 'whisper-1';
  const auth =
    options.twilioAccountSid && options.twilioAuthToken
      ? `Basic ${Buffer.from(`${options.twilioAccountSid}:${options.twilioAuthToken}`).toString('base64')}`
      : null;

  const download = async (url: URL, signal: AbortSignal): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, { headers: auth ? { Authorization: auth } : {}, signal });
      if (response.status !== 404 || attempt >= NOT_READY_RETRIES) return response;
      await response.body?.cancel();
      await delay(NOT_READY_PAUSE_MS * (attempt + 1), signal);
    }
  };

  return {
    async transcribe(recordingUrl, locale) {
      const url = recordingUrlOf(recordingUrl);
      // Twilio serves a recording as WAV when no extension is asked for; ask explicitly.
      if (!/\.(wav|mp3)$/i.test(url.pathname)) url.pathname += '.wav';
      // One deadline for the download and the transcription together.
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await download(url, signal);
      if (!response.ok) throw new Error(`recording download failed: HTTP ${response.status}`);
      const audio = Buffer.from(await response.arrayBuffer());
      if (audio.length > MAX_RECORDING_BYTES) throw new Error('recording too large');
      if (audio.length === 0) return '';
      const file = await toFile(audio, url.pathname.endsWith('.mp3') ? 'answer.mp3' : 'answer.wav');
      // No forced language: a caller may switch; the prompt only biases toward the expected one.
      const result = await client.audio.transcriptions.create({ file, model, prompt: PROMPTS[locale] }, { signal });
      return result.text.trim();
    },
    async discard(recordingUrl) {
      if (!auth) return;
      const url = recordingUrlOf(recordingUrl);
      // The Recording resource is the URL Twilio gave, as JSON (Twilio's REST API: DELETE …/Recordings/RE….json).
      url.pathname = `${url.pathname.replace(/\.(wav|mp3|json)$/i, '')}.json`;
      const response = await fetch(url, {
        method: 'DELETE',
        headers: { Authorization: auth },
        signal: AbortSignal.timeout(timeoutMs),
      });
      // 404: already gone (deleted by an earlier try, or by the account's retention settings).
      if (!response.ok && response.status !== 404) throw new Error(`recording delete failed: HTTP ${response.status}`);
    },
  };
}

function recordingUrlOf(recordingUrl: string): URL {
  const url = new URL(recordingUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('recording URL is not http(s)');
  return url;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
