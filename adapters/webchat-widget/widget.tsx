// The chat itself: a round button that opens a panel with the conversation. Keyboard first:
// the button and every control are real buttons, Escape closes the panel and gives focus back to
// the button, the message list is a polite live region so screen readers read new replies.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessage } from '../webchat-protocol';
import { WEBCHAT_MAX_TEXT } from '../webchat-protocol';
import { ApiError, type ChatApi, messageId } from './api';
import { textsFor } from './i18n';

export interface WidgetProps {
  api: ChatApi;
  /** The page's language: the widget's words until the conversation has one of its own. */
  locale: 'fr-FR' | 'en-US';
}

const STORE_ID = 'maitre.webchat.conversation';
const STORE_OPEN = 'maitre.webchat.open';
const POLL_MS = 15_000;

interface Pending {
  id: string;
  text: string;
  failed: boolean;
}

const storage = {
  get(area: 'local' | 'session', key: string): string | null {
    try {
      return (area === 'local' ? localStorage : sessionStorage).getItem(key);
    } catch {
      return null; // storage disabled (private mode, sandboxed iframe): the chat still works
    }
  },
  set(area: 'local' | 'session', key: string, value: string | null): void {
    try {
      const s = area === 'local' ? localStorage : sessionStorage;
      if (value === null) s.removeItem(key);
      else s.setItem(key, value);
    } catch {
      /* see get */
    }
  },
};

export function ChatWidget({ api, locale: pageLocale }: WidgetProps) {
  const [open, setOpen] = useState(storage.get('session', STORE_OPEN) === '1');
  const [conversationId, setConversationId] = useState<string | null>(storage.get('local', STORE_ID));
  const [loaded, setLoaded] = useState(false);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [ended, setEnded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [restaurant, setRestaurant] = useState('');
  const [draft, setDraft] = useState('');
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  const root = useRef<HTMLDivElement>(null);
  const opening = useRef(false);
  // The chat's own words follow the conversation: a guest who switches language mid-way gets
  // the title, the field and the buttons in that language too, and their messages go with it.
  const lastSaid = [...messages].reverse().find((m) => m.from === 'bot');
  const locale = lastSaid?.locale ?? pageLocale;
  const t = textsFor(locale === 'fr-FR' ? 'fr' : 'en');

  const merge = useCallback(
    (incoming: ChatMessage[]) =>
      setMessages((current) => {
        const seen = new Set(current.map((m) => m.seq));
        return [...current, ...incoming.filter((m) => !seen.has(m.seq))].sort((a, b) => a.seq - b.seq);
      }),
    [],
  );

  const start = useCallback(
    async (id: string | null) => {
      setBusy(true);
      try {
        const view = await api.open(id, locale);
        storage.set('local', STORE_ID, view.conversationId);
        setConversationId(view.conversationId);
        setRestaurant(view.restaurantName);
        setMessages(view.messages);
        setEnded(view.ended);
        setNotice(view.restarted ? t.restarted : null);
        setLoaded(true);
      } catch {
        setNotice(t.failed);
      } finally {
        setBusy(false);
      }
    },
    [api, locale, t],
  );

  useEffect(() => {
    storage.set('session', STORE_OPEN, open ? '1' : null);
    if (open) input.current?.focus();
  }, [open]);

  // Opened (or reopened after a reload): fetch the conversation once per opening, not again
  // after a failure (the guest sees the notice and can send, which retries).
  useEffect(() => {
    if (!open || loaded || opening.current) return;
    opening.current = true;
    void start(conversationId).finally(() => {
      opening.current = false;
    });
  }, [open, loaded, conversationId, start]);

  // Slow polling while open, for anything the server says outside a turn.
  useEffect(() => {
    if (!open || !loaded || !conversationId) return;
    const timer = setInterval(() => {
      if (busy || document.hidden) return;
      const last = messages.length ? messages[messages.length - 1].seq : 0;
      api.since(conversationId, last).then(
        (r) => {
          merge(r.messages);
          setEnded(r.ended);
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, merge, open, loaded, conversationId, busy, messages]);

  // Keep the newest message in view: whatever is added to the log (a reply, the guest's
  // pending message, the typing dots) scrolls it to the bottom.
  useEffect(() => {
    const el = list.current;
    if (!open || !el) return;
    el.scrollTop = el.scrollHeight;
    const observer = new MutationObserver(() => {
      el.scrollTop = el.scrollHeight;
    });
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, []);

  // Escape closes the chat from whichever of its controls has the focus (keydown bubbles up).
  useEffect(() => {
    const el = root.current;
    if (!open || !el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [open, close]);

  const send = async (text: string, id = messageId()) => {
    if (!conversationId || busy) return;
    setPending({ id, text, failed: false });
    setBusy(true);
    try {
      const turn = await api.send(conversationId, text, id, locale);
      merge(turn.messages);
      setEnded(turn.ended);
      setPending(null);
      setNotice(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        // The server forgot this conversation: start afresh, keep what the guest typed.
        setPending(null);
        setDraft(text);
        await start(null);
      } else setPending({ id, text, failed: true });
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text || busy) return;
    if (text.length > WEBCHAT_MAX_TEXT) {
      setNotice(t.tooLong);
      return;
    }
    setDraft('');
    void send(text);
  };

  const restart = () => {
    storage.set('local', STORE_ID, null);
    setMessages([]);
    void start(null);
  };

  const suggestions =
    !busy && !pending && lastSaid === messages[messages.length - 1] ? (lastSaid?.suggestions ?? []) : [];

  return (
    <div class="maitre-root" ref={root} lang={locale.slice(0, 2)}>
      {open && (
        <section
          class="panel"
          id="maitre-chat-panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="maitre-chat-title"
        >
          <header class="head">
            <div>
              <h2 id="maitre-chat-title">{t.title(restaurant)}</h2>
              <p class="sub">{t.subtitle}</p>
            </div>
            <button type="button" class="icon" aria-label={t.close} onClick={close}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
              </svg>
            </button>
          </header>
          <ol
            class="log"
            ref={list}
            role="log"
            aria-live="polite"
            aria-relevant="additions"
            aria-label={t.history}
            aria-busy={busy ? 'true' : 'false'}
          >
            {messages.map((m) => (
              <li key={m.seq} class={`msg ${m.from}`} lang={m.locale.slice(0, 2)}>
                <span class="sr-only">{m.from === 'guest' ? t.you : t.bot} : </span>
                {m.text}
              </li>
            ))}
            {pending && (
              <li class={`msg guest${pending.failed ? ' failed' : ''}`}>
                <span class="sr-only">{t.you} : </span>
                {pending.text}
                {pending.failed && (
                  <span class="fail">
                    {t.failed}{' '}
                    <button type="button" class="link" onClick={() => void send(pending.text, pending.id)}>
                      {t.retry}
                    </button>
                  </span>
                )}
              </li>
            )}
            {busy && (
              <li class="msg bot typing" aria-label={t.typing}>
                <span aria-hidden="true">•••</span>
              </li>
            )}
          </ol>
          {notice && (
            <p class="notice" role="status">
              {notice}
            </p>
          )}
          {suggestions.length > 0 && (
            <fieldset class="chips">
              <legend class="sr-only">{t.suggestions}</legend>
              {suggestions.map((s) => (
                <button type="button" class="chip" key={s} onClick={() => void send(s)}>
                  {s}
                </button>
              ))}
            </fieldset>
          )}
          {ended ? (
            <div class="ended">
              <p role="status">{t.ended}</p>
              <button type="button" class="primary" onClick={restart}>
                {t.restart}
              </button>
            </div>
          ) : (
            <form class="compose" onSubmit={submit}>
              <label for="maitre-chat-input" class="sr-only">
                {t.inputLabel}
              </label>
              <input
                id="maitre-chat-input"
                ref={input}
                type="text"
                autocomplete="off"
                maxLength={WEBCHAT_MAX_TEXT}
                placeholder={t.placeholder}
                value={draft}
                onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="send" aria-label={t.send} disabled={busy || !conversationId}>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                  <path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor" />
                </svg>
              </button>
            </form>
          )}
        </section>
      )}
      <button
        type="button"
        class="launcher"
        ref={launcher}
        aria-label={open ? t.close : t.open}
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="maitre-chat-panel"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
          {open ? (
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          ) : (
            <path d="M4 5h16v11H8l-4 4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          )}
        </svg>
      </button>
    </div>
  );
}
