// Messages: what the outbox sent, is sending or could not send (texts, WhatsApp, emails),
// with a retry for the ones that failed, and a test message to check the set-up.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner, Field } from '../components';
import { errorText, lang, t, tv } from '../i18n';
import { lastEvent, reconnects } from '../live';
import { go, route } from '../router';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import {
  addressProblem,
  awaitsReceipt,
  canRetry,
  errorInWords,
  isInFlight,
  newestFirst,
  OUTBOX_STATUSES,
  summaryOf,
  whenText,
} from '../outbox-logic';
import type { Language, MessageKind, OutboxItem } from '../types';

const KIND_BADGE: Record<MessageKind, string> = { sms: 'SMS', whatsapp: 'WA', email: 'MAIL' };

export function KindTag({ kind }: { kind: MessageKind }) {
  return (
    <span class={`chan kind-${kind}`} title={tv('kind', kind)}>
      <span class="chan-badge" aria-hidden="true">
        {KIND_BADGE[kind] ?? kind}
      </span>
      <span class="sr-only">{tv('kind', kind)}</span>
    </span>
  );
}

export function OutboxPill({ status }: { status: OutboxItem['status'] }) {
  return (
    <span class={`pill out-${status}`} data-status={status}>
      {tv('outbox', status)}
    </span>
  );
}

export function OutboxView() {
  const rest = useSignal(restaurant);
  const r = useSignal(route);
  const l = useSignal(lang);
  const zone = rest?.timezone ?? 'Europe/Paris';
  const status = r.params.get('status') ?? '';
  const booking = r.params.get('booking') ?? '';
  const [list, setList] = useState<OutboxItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const set = (k: string, v: string) => {
    const p: Record<string, string> = Object.fromEntries(r.params.entries());
    if (v) p[k] = v;
    else delete p[k];
    go('/outbox', p);
  };
  const load = useCallback(() => {
    const q: Record<string, string> = {};
    if (status) q.status = status;
    if (booking) q.reservationId = booking;
    return api.outbox(q).then(
      (items) => {
        setList(newestFirst(items));
        setLoadError(null);
      },
      (e) => setLoadError(errorText(e)),
    );
  }, [status, booking]);
  useEffect(() => {
    void load();
  }, [load]);
  // A booking event queues its messages a moment later: look again once they are written.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = lastEvent.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 700);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [load]);
  useEffect(() => reconnects.subscribe(() => void load()), [load]);
  // While something is on its way, look again so "pending" turns into what really happened;
  // a message already refused once waits minutes for its next try, so look less often.
  const moving = (list ?? []).filter((e) => isInFlight(e.status));
  // A text just sent gets its receipt from Twilio within seconds to minutes: look again for it.
  const waiting = (list ?? []).some((e) => awaitsReceipt(e, new Date()));
  const lookAgainMs = moving.length ? (moving.some((e) => e.attempts === 0) ? 1500 : 10_000) : waiting ? 15_000 : null;
  useEffect(() => {
    if (lookAgainMs === null) return;
    const timer = setInterval(() => void load(), lookAgainMs);
    return () => clearInterval(timer);
  }, [lookAgainMs, load]);

  const retry = async (id: string) => {
    setBusyId(id);
    try {
      await api.retryOutbox(id);
      setResult({ kind: 'ok', text: t('retried') });
    } catch (e) {
      setResult({ kind: 'error', text: errorText(e) });
    } finally {
      setBusyId(null);
      await load();
    }
  };

  const rows = list ?? [];
  const now = new Date();
  const unconfigured = rows.some((e) => e.status === 'not_configured');

  return (
    <section class="page outbox" data-testid="outbox">
      <div class="page-head">
        <div>
          <h1>{t('messages')}</h1>
          <p class="muted page-intro">{t('messagesIntro')}</p>
        </div>
        <div class="page-actions">
          <Field label={t('status')}>
            <select value={status} data-testid="outbox-status" onChange={(e) => set('status', e.currentTarget.value)}>
              <option value="">{t('all')}</option>
              {OUTBOX_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tv('outbox', s)}
                </option>
              ))}
            </select>
          </Field>
          <button type="button" class="secondary" data-testid="outbox-refresh" onClick={() => void load()}>
            ↻ {t('refresh')}
          </button>
        </div>
      </div>
      {booking ? (
        <div class="filter-chip" role="status">
          {t('bookingMessages')}{' '}
          <button type="button" class="ghost small" onClick={() => set('booking', '')}>
            {t('showAll')}
          </button>
        </div>
      ) : null}
      {loadError ? <Banner kind="error">{loadError}</Banner> : null}
      {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
      {unconfigured ? <Banner kind="info">{t('notConfiguredHint')}</Banner> : null}

      <div class="table-wrap">
        <table class="list outbox-list">
          <thead>
            <tr>
              <th>{t('queuedAt')}</th>
              <th>{t('recipient')}</th>
              <th>{t('message')}</th>
              <th>{t('status')}</th>
              <th>
                <span class="sr-only">{t('retry')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr data-testid="outbox-row" data-id={e.id} data-status={e.status} key={e.id}>
                <td class="nowrap">{whenText(e.createdAt, zone, l, now)}</td>
                <td class="recipient">
                  <KindTag kind={e.kind} /> <span class="to">{e.to}</span>
                </td>
                <td class="msg-cell">
                  {e.purpose ? <span class="purpose">{tv('purpose', e.purpose)}</span> : null}
                  <span class="msg-summary" title={e.body}>
                    {summaryOf(e, 160)}
                  </span>
                </td>
                <td class="status-cell">
                  <OutboxPill status={e.status} />
                  {e.sentAt ? <span class="sent-at"> {whenText(e.sentAt, zone, l, now)}</span> : null}
                  {e.attempts ? (
                    <small class="muted attempts">
                      {' '}
                      · {e.attempts} {e.attempts > 1 ? t('attempts') : t('attempt')}
                    </small>
                  ) : null}
                  {e.errorCode ? (
                    <span class="error-code" data-testid="error-code">
                      {t('code')} {e.errorCode}
                      {e.errorMeaning ? ` · ${e.errorMeaning[l]}` : ''}
                    </span>
                  ) : e.lastError ? (
                    <span class="last-error" title={errorInWords(e.lastError, l)}>
                      {errorInWords(e.lastError, l)}
                    </span>
                  ) : null}
                  {e.steps.length ? (
                    <ol class="delivery-steps" data-testid="delivery-steps" aria-label={t('deliverySteps')}>
                      {e.steps.map((st) => (
                        <li key={`${st.status}-${st.at}`} data-step={st.status}>
                          {tv('step', st.status)} <time dateTime={st.at}>{whenText(st.at, zone, l, now)}</time>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td class="row-actions">
                  {canRetry(e.status) ? (
                    <button
                      type="button"
                      class="ghost small"
                      data-action="retry"
                      disabled={busyId === e.id}
                      onClick={() => void retry(e.id)}
                    >
                      ↻ {t('retry')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list && !rows.length ? <div class="empty">{t('noMessages')}</div> : null}
        {!list && !loadError ? <div class="empty">{t('loading')}</div> : null}
      </div>

      <TestForm defaultLanguage={rest?.defaultLanguage ?? 'fr'} list={rows} onQueued={() => void load()} />
    </section>
  );
}

function TestForm({
  defaultLanguage,
  list,
  onQueued,
}: {
  defaultLanguage: Language;
  list: OutboxItem[];
  onQueued: () => void;
}) {
  const l = useSignal(lang);
  const [kind, setKind] = useState<MessageKind>('email');
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<OutboxItem[]>([]);
  const problem = addressProblem(kind, to);

  const send = async () => {
    setError(null);
    setQueued([]);
    if (problem) return setError(problem === 'email' ? t('badEmail') : t('badPhone'));
    setBusy(true);
    try {
      const res = await api.testNotification({ channel: kind, to: to.trim() || undefined, language });
      setQueued(res.queued);
      onQueued();
    } catch (e) {
      // The server's reasons are in English; the two a host can meet are said in their language.
      if (e instanceof ApiError && e.code === 'invalid_input' && e.field === 'to')
        setError(to.trim() ? (kind === 'email' ? t('badEmail') : t('badPhone')) : t('noRecipient'));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  // What became of the test: the list's fresher copy of each queued entry.
  const latest = queued.map((q) => list.find((e) => e.id === q.id) ?? q);

  return (
    <form
      class="card form test-form"
      data-testid="test-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2>{t('testTitle')}</h2>
      <p class="muted">{t('testHelp')}</p>
      <div class="grid4">
        <Field label={t('channel')}>
          <select name="channel" value={kind} onChange={(e) => setKind(e.currentTarget.value as MessageKind)}>
            {(['email', 'sms', 'whatsapp'] as const).map((k) => (
              <option key={k} value={k}>
                {tv('kind', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('testTo')} error={problem && to ? (problem === 'email' ? t('badEmail') : t('badPhone')) : null}>
          <input
            name="to"
            value={to}
            placeholder={t('testToPlaceholder')}
            inputMode={kind === 'email' ? 'email' : 'tel'}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </Field>
        <Field label={t('language')}>
          <select
            name="language"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value === 'en' ? 'en' : 'fr')}
          >
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </Field>
        <div class="field test-submit">
          <button class="primary" type="submit" disabled={busy}>
            {t('sendTest')}
          </button>
        </div>
      </div>
      {error ? <Banner kind="error">{error}</Banner> : null}
      {latest.length ? (
        <Banner
          kind={
            latest.some((e) => e.status === 'failed')
              ? 'error'
              : latest.every((e) => e.status === 'sent' || e.status === 'delivered')
                ? 'ok'
                : 'info'
          }
        >
          <span data-testid="test-result">
            {t('testQueued')}{' '}
            {latest.map((e, i) => (
              <span class="test-line" key={e.id}>
                {i ? ' · ' : ''}
                {tv('kind', e.kind)} → {e.to}: <OutboxPill status={e.status} />
                {e.lastError ? <small> {errorInWords(e.lastError, l)}</small> : null}
              </span>
            ))}
          </span>
        </Banner>
      ) : null}
    </form>
  );
}
