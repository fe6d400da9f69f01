// The web chat's HTTP protocol, shared by the server adapter and the browser widget (types only,
// so the widget bundle pulls in nothing from the server).
//
//   POST /webchat/api/conversations  {conversationId?, locale?}          → ConversationView
//        starts a conversation (the bot greets) or resumes a known one (history, no new greeting)
//   POST /webchat/api/messages       {conversationId, text, clientMessageId, locale?} → TurnView
//        one guest message, one bot turn; a retry with the same clientMessageId is not run twice
//   GET  /webchat/api/messages?conversationId=…&after=<seq>             → {messages, ended}
//        anything newer than `after` (the widget polls slowly while open, for messages the
//        server sends outside a turn)
// Errors: {"error": code, "message": text} with a 4xx status.

export interface ChatMessage {
  /** Position in the conversation, from 1. */
  seq: number;
  from: 'guest' | 'bot';
  text: string;
  at: string;
  locale: 'fr-FR' | 'en-US';
  /** Quick answers the bot offered (suggestedActions), e.g. ["Oui", "Non"]. */
  suggestions?: string[];
}

export interface ConversationView {
  conversationId: string;
  locale: 'fr-FR' | 'en-US';
  restaurantName: string;
  messages: ChatMessage[];
  ended: boolean;
  /** True when an unknown or expired id was replaced by a new conversation. */
  restarted: boolean;
}

export interface TurnView {
  messages: ChatMessage[];
  ended: boolean;
}

export const WEBCHAT_MAX_TEXT = 1000;
export const CONVERSATION_ID = /^webchat:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
