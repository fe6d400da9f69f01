// One booking: everything about it, the staff actions (seat, no-show, finish, move, cancel)
// and the conversation that made it.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner, ChannelTag, Drawer, Field, StatusPill } from '../components';
import { errorText, lang, t, tv } from '../i18n';
import { TimeField } from '../time-field';
import { reminderAllowed } from '../outbox-logic';
import { GuestMessagingNotes } from './guest-messaging';
import { useSignal } from '../signal';
import { restaurant, tables as tablesSignal } from '../store';
import { localOf, longDate, shortDate } from '../time';
import type { Reservation, TranscriptEntry } from '../types';

export function BookingDetail({
  reservation: r,
  onClose,
  onChanged,
}: {
  reservation: Reservation;
  onClose: () => void;
  onChanged: (r: Reservation) => void;
}) {
  const rest = useSignal(restaurant);
  const allTables = useSignal(tablesSignal);
  const l = useSignal(lang);
  const zone = rest?.timezone ?? 'Europe/Paris';
  const local = localOf(r.startAt, zone);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moveDate, setMoveDate] = useState(local.date);
  const [moveTime, setMoveTime] = useState(local.time);
  const [moveTable, setMoveTable] = useState(r.tableIds.length === 1 ? r.tableIds[0] : '');
  const [party, setParty] = useState(String(r.partySize));
  const [notes, setNotes] = useState(r.notes);
  const [transcript, setTranscript] = useState<TranscriptEntry[] | null>(null);
  const [reminder, setReminder] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // The form starts again from the booking whenever the booking changes (saved, or moved live).
  const soleTable = r.tableIds.length === 1 ? r.tableIds[0] : '';
  useEffect(() => {
    setMoveDate(local.date);
    setMoveTime(local.time);
    setParty(String(r.partySize));
    setNotes(r.notes);
    setMoveTable(soleTable);
  }, [local.date, local.time, r.partySize, r.notes, soleTable]);
  useEffect(() => {
    setReminder(null);
    setTranscript(null);
    api.reservationConversation(r.id).then(
      (c) => setTranscript(c.transcript),
      () => setTranscript([]),
    );
  }, [r.id]);

  const patch = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.patchReservation(r.id, body));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const move = () => {
    const body: Record<string, unknown> = {};
    if (moveDate !== local.date) body.date = moveDate;
    if (moveTime !== local.time) body.time = moveTime;
    if (moveTable && !(r.tableIds.length === 1 && r.tableIds[0] === moveTable)) body.tableIds = [moveTable];
    if (Number(party) !== r.partySize) body.partySize = Number(party);
    if (notes !== r.notes) body.notes = notes;
    if (Object.keys(body).length) void patch(body);
  };
  const editable = ['confirmed', 'seated'].includes(r.status);
  const sendReminder = async () => {
    setBusy(true);
    setReminder(null);
    try {
      const { queued } = await api.sendReminder(r.id);
      setReminder({
        kind: 'ok',
        text: `${t('reminderQueued')} ${queued.map((e) => `${e.to} (${tv('kind', e.kind)})`).join(', ')}.`,
      });
    } catch (e) {
      setReminder({
        kind: 'error',
        text: e instanceof ApiError && e.field === 'customerPhone' ? t('reminderNoPhone') : errorText(e),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={
        <span class="detail-title">
          {r.customerName} <StatusPill status={r.status} />
        </span>
      }
      onClose={onClose}
    >
      <div class="detail" data-testid="booking-detail">
        <dl class="facts">
          <dt>{t('date')}</dt>
          <dd>
            {longDate(local.date, l)} · <b>{local.time}</b>–{localOf(r.endAt, zone).time}
          </dd>
          <dt>{t('party')}</dt>
          <dd>
            <b>{r.partySize}</b> {t('people')}
          </dd>
          <dt>{t('table')}</dt>
          <dd>{r.tableIds.join(' + ') || '—'}</dd>
          <dt>{t('phone')}</dt>
          <dd>
            <a href={`tel:${r.customerPhone}`}>{r.customerPhone}</a>
          </dd>
          {r.customerEmail ? (
            <>
              <dt>{t('email')}</dt>
              <dd>{r.customerEmail}</dd>
            </>
          ) : null}
          <dt>{t('channel')}</dt>
          <dd>
            <ChannelTag channel={r.channel} /> · {r.language.toUpperCase()}
          </dd>
          {r.notes ? (
            <>
              <dt>{t('notes')}</dt>
              <dd class="notes">{r.notes}</dd>
            </>
          ) : null}
          <dt>{t('created')}</dt>
          <dd>
            {shortDate(localOf(r.createdAt, zone).date, l)} {localOf(r.createdAt, zone).time}
          </dd>
        </dl>

        <GuestMessagingNotes reservationId={r.id} zone={zone} />
        {error ? <Banner kind="error">{error}</Banner> : null}

        <div class="actions">
          {r.status === 'confirmed' ? (
            <button
              type="button"
              class="primary big"
              data-action="seat"
              disabled={busy}
              onClick={() => patch({ status: 'seated' })}
            >
              ✓ {t('seat')}
            </button>
          ) : null}
          {r.status === 'confirmed' ? (
            <button
              type="button"
              class="warn"
              data-action="no_show"
              disabled={busy}
              onClick={() => patch({ status: 'no_show' })}
            >
              {t('noShow')}
            </button>
          ) : null}
          {r.status === 'seated' ? (
            <button
              type="button"
              class="primary"
              data-action="complete"
              disabled={busy}
              onClick={() => patch({ status: 'completed' })}
            >
              {t('complete')}
            </button>
          ) : null}
          {r.status === 'seated' || r.status === 'no_show' ? (
            <button
              type="button"
              class="ghost"
              data-action="undo"
              disabled={busy}
              onClick={() => patch({ status: 'confirmed' })}
            >
              ↺ {t('undo')}
            </button>
          ) : null}
          {r.status === 'confirmed' ? (
            <button
              type="button"
              class="danger ghost"
              data-action="cancel"
              disabled={busy}
              onClick={() => {
                if (confirm(t('confirmCancel'))) void patch({ status: 'cancelled' });
              }}
            >
              {t('cancelBooking')}
            </button>
          ) : null}
        </div>

        {reminderAllowed(r, new Date()) ? (
          <div class="reminder">
            <button
              type="button"
              class="secondary"
              data-action="remind"
              disabled={busy}
              onClick={() => void sendReminder()}
            >
              ✉ {t('sendReminder')}
            </button>
            {reminder ? (
              <Banner kind={reminder.kind}>
                <span data-testid="reminder-result">{reminder.text}</span>
              </Banner>
            ) : null}
            {reminder?.kind === 'ok' ? (
              <a href={`#/outbox?booking=${encodeURIComponent(r.id)}`} data-testid="see-messages">
                {t('seeMessages')}
              </a>
            ) : null}
          </div>
        ) : null}

        {editable ? (
          <fieldset class="move">
            <legend>{t('move')}</legend>
            <div class="grid4">
              <Field label={t('date')}>
                <input type="date" value={moveDate} onInput={(e) => setMoveDate(e.currentTarget.value)} />
              </Field>
              <Field label={t('time')}>
                <TimeField name="time" value={moveTime} onChange={setMoveTime} />
              </Field>
              <Field label={t('table')}>
                <select
                  value={moveTable}
                  data-testid="move-table"
                  onChange={(e) => setMoveTable(e.currentTarget.value)}
                >
                  <option value="">{r.tableIds.length > 1 ? r.tableIds.join('+') : t('autoTable')}</option>
                  {allTables
                    .filter((tb) => tb.active)
                    .map((tb) => (
                      <option key={tb.id} value={tb.id}>
                        {tb.name} ({tb.seatsMax})
                      </option>
                    ))}
                </select>
              </Field>
              <Field label={t('party')}>
                <input type="number" min={1} max={100} value={party} onInput={(e) => setParty(e.currentTarget.value)} />
              </Field>
            </div>
            <Field label={t('notes')} wide>
              <textarea rows={2} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
            </Field>
            <button type="button" class="secondary" data-action="move" disabled={busy} onClick={move}>
              {t('save')}
            </button>
          </fieldset>
        ) : null}

        <h3>{t('transcript')}</h3>
        <Transcript entries={transcript} />
      </div>
    </Drawer>
  );
}

export function Transcript({ entries }: { entries: TranscriptEntry[] | null }) {
  useSignal(lang);
  // Times as the restaurant's clock shows them, wherever the device is.
  const zone = useSignal(restaurant)?.timezone ?? 'Europe/Paris';
  if (entries === null) return <p class="muted">{t('loading')}</p>;
  if (!entries.length) return <p class="muted">{t('noTranscript')}</p>;
  return (
    <ol class="transcript" data-testid="transcript">
      {entries.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a transcript is append-only, its position is its identity
        <li key={i} class={`msg from-${e.from}`}>
          <span class="msg-who">
            {e.from === 'guest' ? t('guest') : e.from === 'bot' ? t('bot') : t('system')} · {localOf(e.at, zone).time}
          </span>
          <span class="msg-text">{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
