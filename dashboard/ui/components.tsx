// Small building blocks shared by the views.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { lang, t, tv } from './i18n';
import type { Channel, Status } from './types';

export function StatusPill({ status }: { status: Status }) {
  return <span class={`pill status-${status}`}>{tv('status', status)}</span>;
}

// Short badges rather than emoji: they read the same on every tablet and font.
const CHANNEL_BADGE: Record<Channel, [string, string]> = {
  voice: ['TÉL', 'TEL'],
  sms: ['SMS', 'SMS'],
  whatsapp: ['WA', 'WA'],
  webchat: ['CHAT', 'CHAT'],
  website: ['WEB', 'WEB'],
  dashboard: ['SALLE', 'DESK'],
};

export function ChannelTag({ channel, short }: { channel: Channel; short?: boolean }) {
  return (
    <span class={`chan chan-${channel}`} title={tv('channel', channel)}>
      <span class="chan-badge">{CHANNEL_BADGE[channel]?.[lang.get() === 'fr' ? 0 : 1] ?? channel}</span>
      {short ? null : <span class="chan-name">{tv('channel', channel)}</span>}
    </span>
  );
}

export function Field({
  label,
  error,
  children,
  wide,
}: {
  label: string;
  error?: string | null;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children; wrapping it is what labels it
    <label class={`field${error ? ' invalid' : ''}${wide ? ' wide' : ''}`}>
      <span class="field-label">{label}</span>
      {children}
      {error ? <span class="field-error">{error}</span> : null}
    </label>
  );
}

export function Drawer({
  title,
  onClose,
  children,
}: {
  title: ComponentChildren;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const panel = useRef<HTMLElement>(null);
  // A dialog: focus goes in when it opens and back where it was when it closes; Escape closes it.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    return () => before?.focus?.();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div class="drawer-backdrop">
      {/* The dimmed page beside the panel closes it on a tap, as the ✕ button does for keyboards. */}
      <button type="button" class="drawer-scrim" tabIndex={-1} aria-hidden="true" onClick={onClose} />
      <aside class="drawer" role="dialog" aria-modal="true" tabIndex={-1} ref={panel}>
        <header class="drawer-head">
          <h2>{title}</h2>
          <button type="button" class="icon-btn" aria-label={t('close')} onClick={onClose}>
            ✕
          </button>
        </header>
        <div class="drawer-body">{children}</div>
      </aside>
    </div>
  );
}

export function Forbidden() {
  return (
    <div class="empty forbidden" data-testid="forbidden">
      <div class="empty-icon" aria-hidden="true">
        <svg
          width="40"
          height="40"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          aria-hidden="true"
        >
          <rect x="4" y="11" width="16" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
      </div>
      <p>{t('forbidden')}</p>
    </div>
  );
}

export function Banner({ kind, children }: { kind: 'error' | 'ok' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
