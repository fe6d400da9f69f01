// Reads what the bot sent during a turn, per the channel protocol (README, "Channels: phone, SMS,
// WhatsApp, web chat"): message activities (text, speak, locale, inputHint), a 'handoff' event,
// an endOfConversation.
import { ActivityTypes, type Activity } from 'botbuilder';
import { normaliseLocale, type ChannelLocale } from './locale';

export interface BotMessage {
  text: string;
  /** Ear-friendly text for voice, plain (any SSML markup is dropped). */
  speak: string;
  locale: ChannelLocale | null;
  /** Quick answers offered with the message (suggestedActions), for channels that show buttons. */
  suggestions: string[];
}

export interface Handoff {
  reason: string;
  summary: string;
}

export interface TurnOutcome {
  messages: BotMessage[];
  handoff: Handoff | null;
  ended: boolean;
  /** The language the bot last spoke in, if it said. */
  locale: ChannelLocale | null;
}

export function readReplies(activities: Partial<Activity>[]): TurnOutcome {
  const outcome: TurnOutcome = { messages: [], handoff: null, ended: false, locale: null };
  for (const a of activities) {
    if (a.type === ActivityTypes.Message) {
      const text = typeof a.text === 'string' ? a.text.trim() : '';
      const speak = typeof a.speak === 'string' && a.speak.trim() ? plainSpeech(a.speak) : plainSpeech(text);
      const locale = normaliseLocale(a.locale);
      if (locale) outcome.locale = locale;
      if (text || speak) outcome.messages.push({ text: text || speak, speak, locale, suggestions: suggestionsOf(a) });
    } else if (a.type === ActivityTypes.Event && a.name === 'handoff') {
      const value = (a.value ?? {}) as { reason?: unknown; summary?: unknown };
      outcome.handoff = {
        reason: typeof value.reason === 'string' ? value.reason : 'requested',
        summary: typeof value.summary === 'string' ? value.summary : '',
      };
    } else if (a.type === ActivityTypes.EndOfConversation) {
      outcome.ended = true;
    }
  }
  return outcome;
}

/** Speech from text or SSML: tags dropped, markdown marks and links left out, spaces tidied. */
export function plainSpeech(input: string): string {
  return input
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function suggestionsOf(activity: Partial<Activity>): string[] {
  const actions = activity.suggestedActions?.actions ?? [];
  return actions
    .map((a) => (typeof a.value === 'string' ? a.value : a.title))
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 80)
    .slice(0, 6);
}
