// Inbound activities as the channel protocol defines them (README, "Channels: phone, SMS,
// WhatsApp, web chat"), built in one place so every channel names conversations, senders and
// locales the same way.
import { ActivityTypes, type Activity } from 'botbuilder';
import type { ChannelLocale } from './locale';

export type ChannelId = 'voice' | 'sms' | 'whatsapp' | 'webchat';

export interface Sender {
  channelId: ChannelId;
  /** 'voice:<CallSid>' | 'sms:<E164>' | 'whatsapp:<E164>' | 'webchat:<uuid>'. */
  conversationId: string;
  /** The guest: their E.164 phone, or 'webchat:<uuid>'. */
  fromId: string;
  locale: ChannelLocale;
  /** The name the guest shows on WhatsApp (Twilio's ProfileName), which the bot may offer as the booking's name. */
  profileName?: string;
}

export function messageActivity(sender: Sender, text: string, raw: unknown): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    ...addressing(sender),
    text,
    textFormat: 'plain',
    channelData: sender.profileName ? { raw, profileName: sender.profileName } : { raw },
  };
}

/** Digits the caller pressed on the phone keypad: the dialogs read `value.keys` (0 is a person). */
export function keysActivity(sender: Sender, digits: string, raw: unknown): Partial<Activity> {
  return { ...messageActivity(sender, digits, raw), value: { keys: digits } };
}

/** A new phone call or web chat: the bot greets the guest who joined. */
export function joinActivity(sender: Sender, raw: unknown): Partial<Activity> {
  return {
    type: ActivityTypes.ConversationUpdate,
    ...addressing(sender),
    membersAdded: [{ id: sender.fromId, name: 'guest' }],
    channelData: { raw },
  };
}

/** The guest hung up (voice) or the conversation is otherwise over. */
export function endActivity(sender: Sender, code: string, raw: unknown): Partial<Activity> {
  return {
    type: ActivityTypes.EndOfConversation,
    ...addressing(sender),
    code,
    channelData: { raw },
  };
}

function addressing(sender: Sender): Partial<Activity> {
  return {
    channelId: sender.channelId,
    conversation: { id: sender.conversationId, isGroup: false, conversationType: 'personal', name: sender.channelId },
    from: { id: sender.fromId, name: 'guest', role: 'user' },
    recipient: { id: 'maitre', name: 'Maître', role: 'bot' },
    locale: sender.locale,
  };
}
