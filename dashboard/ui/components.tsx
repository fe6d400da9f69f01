// Small building blocks shared by the views.
import type { ComponentChildren } from 'preact';
import { t, tv } from './i18n';
import type { Channel, Status } from './types';

export function StatusPill({ status }: { status: Status }) {
  return <span class={`pill status-${status}`}>{tv('status', status)}</span>;
}

// Short badges rather than emoji: they read the same on every tablet and font.
const CHANNEL_BADGE: Record<Channel, string> = {
  voice: 'TEL',
  sms: 'SMS',
  whatsapp: 'WA',
  webchat: 'CHAT',
  website: 'WEB',
  dashboard: 'DESK',
};

export function ChannelTag({ channel, short }: { channel: Channel; short?: boolean }) {
  return (
    <span class={`chan chan-${channel}`} title={tv('channel', channel)}>
      <span class="chan-badge">{CHANNEL_BADGE[channel] ?? channel}</span>
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
  return (
    <div
      class="drawer-backdrop"
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <aside class="drawer" role="dialog" aria-modal="true">
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
        <svg width="40" height="40" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
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
