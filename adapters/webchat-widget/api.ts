// The widget's calls to the server (protocol in adapters/webchat-protocol.ts).
import type { ChatMessage, ConversationView, TurnView } from '../webchat-protocol';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ChatApi {
  constructor(private readonly base: string) {}

  open(conversationId: string | null, locale: string): Promise<ConversationView> {
    return this.call<ConversationView>('POST', '/webchat/api/conversations', {
      conversationId,
      locale,
      page: location.href.slice(0, 300),
    });
  }

  send(conversationId: string, text: string, clientMessageId: string, locale: string): Promise<TurnView> {
    return this.call<TurnView>('POST', '/webchat/api/messages', { conversationId, text, clientMessageId, locale });
  }

  since(conversationId: string, after: number): Promise<{ messages: ChatMessage[]; ended: boolean }> {
    const q = new URLSearchParams({ conversationId, after: String(after) });
    return this.call('GET', `/webchat/api/messages?${q.toString()}`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const err = (data ?? {}) as { error?: string; message?: string };
      throw new ApiError(response.status, err.error ?? 'http_error', err.message ?? `HTTP ${response.status}`);
    }
    return data as T;
  }
}

/** A random id for a message, so a resent message is not answered twice. */
export function messageId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
