// Tonight's waitlist at the host stand: add a walk-in party, see how long each has waited and
// which tables free up soonest for them, text "table ready", seat them (the walk-in booking)
// or take them off. Live: a guest's answer or a party joining by text shows without a reload.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Banner, Field } from '../components';
import { errorText, lang, t, tv } from '../i18n';
import { reconnects, waitlistChanges } from '../live';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import { localOf } from '../time';
import type { Language, WaitlistItem } from '../types';

const BLANK = { name: '', phone: '', partySize: '2', quotedMinutes: '', language: '' };

export function WaitlistView() {
  const rest = useSignal(restaurant);
  const l = useSignal(lang);
  const [list, setList] = useState<WaitlistItem[] | null>(null);
  const [form, setForm] = useState(BLANK);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(() => {
    api.waitlist().then(setList, (e: unknown) => setResult({ kind: 'error', text: errorText(e) }));
  }, []);
  useEffect(load, [load]);
  useEffect(() => waitlistChanges.subscribe(load), [load]);
  useEffect(() => reconnects.subscribe(load), [load]);
  // The waited minutes and the soonest tables move with the clock.
  useEffect(() => {
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [load]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      setResult({ kind: 'ok', text: done });
      load();
    } catch (e) {
      setResult({ kind: 'error', text: errorText(e) });
    }
  };
  const add = (e: Event) => {
    e.preventDefault();
    const quoted = form.quotedMinutes.trim();
    void run(async () => {
      await api.addToWaitlist({
        name: form.name.trim(),
        phone: form.phone.trim() || undefined,
        partySize: Number(form.partySize),
        quotedMinutes: quoted ? Number(quoted) : null,
        language: (form.language || l) as Language,
      });
      setForm(BLANK);
    }, t('waitlistAdded'));
  };
  const zone = rest?.timezone ?? 'Europe/Paris';
  const soonest = (w: WaitlistItem) =>
    w.soonest.slice(0, 2).map((s) => {
      const tables = s.tableIds.join(' + ');
      return s.inMinutes === 0
        ? `${tables} ${t('freeNow')}`
        : `${tables} ${t('freeAt')} ${localOf(s.freeAt, zone).time}`;
    });

  return (
    <section class="page waitlist" data-testid="waitlist">
      <div class="page-head">
        <h1>{t('waitlist')}</h1>
        {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
      </div>
      <form class="card form" data-testid="waitlist-form" onSubmit={add}>
        <div class="grid4">
          <Field label={t('name')}>
            <input
              name="name"
              required
              maxLength={80}
              value={form.name}
              onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('phone')}>
            <input
              name="phone"
              type="tel"
              value={form.phone}
              placeholder="06 12 34 56 78"
              onInput={(e) => setForm({ ...form, phone: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('party')}>
            <input
              name="partySize"
              type="number"
              min={1}
              max={100}
              required
              value={form.partySize}
              onInput={(e) => setForm({ ...form, partySize: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('quotedWait')}>
            <input
              name="quotedMinutes"
              type="number"
              min={0}
              max={600}
              step={5}
              value={form.quotedMinutes}
              onInput={(e) => setForm({ ...form, quotedMinutes: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('guestLanguage')}>
            <select
              name="language"
              value={form.language || l}
              onChange={(e) => setForm({ ...form, language: e.currentTarget.value })}
            >
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </Field>
        </div>
        <button class="primary" type="submit">
          + {t('addToWaitlist')}
        </button>
      </form>
      {list && list.length === 0 ? <div class="empty">{t('waitlistEmpty')}</div> : null}
      {list && list.length > 0 ? (
        <div class="table-wrap">
          <table class="list" data-testid="waitlist-list">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('party')}</th>
                <th>{t('waited')}</th>
                <th>{t('status')}</th>
                <th>{t('soonestTables')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((w) => (
                <tr key={w.id} data-entry={w.name}>
                  <td>
                    <b>{w.name}</b>
                    {w.channel !== 'dashboard' ? <small class="muted"> · {tv('channel', w.channel)}</small> : null}
                  </td>
                  <td>
                    {w.partySize} {t('people')}
                  </td>
                  <td>
                    {w.waitedMinutes} min
                    {w.quotedMinutes !== null ? (
                      <small class="muted">
                        {' '}
                        / {w.quotedMinutes} min {t('quoted')}
                      </small>
                    ) : null}
                  </td>
                  <td>
                    <span class={`pill waitlist-${w.status}`}>{tv('waitlist', w.status)}</span>
                  </td>
                  <td>{soonest(w).join(' · ') || '—'}</td>
                  <td class="row-actions">
                    {w.phone ? (
                      <button
                        type="button"
                        class="secondary small"
                        data-action="notify"
                        onClick={() => run(() => api.waitlistAction(w.id, 'notify'), t('tableReadySent'))}
                      >
                        {w.status === 'waiting' ? t('tableReady') : t('textAgain')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      class="primary small"
                      data-action="seat"
                      onClick={() => run(() => api.waitlistAction(w.id, 'seat'), t('waitlistSeated'))}
                    >
                      {t('seat')}
                    </button>
                    <button
                      type="button"
                      class="ghost small"
                      data-action="cancel"
                      onClick={() => run(() => api.waitlistAction(w.id, 'cancel'), t('waitlistRemoved'))}
                    >
                      {t('removeFromWaitlist')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
