// New bookings made at the desk: a walk-in seated now, or a booking taken by phone.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner, Drawer, Field } from '../components';
import { errorText, t } from '../i18n';
import { TimeField } from '../time-field';
import { useSignal } from '../signal';
import { restaurant, tables as tablesSignal } from '../store';
import { hhmm, localOf, todayIn } from '../time';
import type { Reservation } from '../types';

export function NewBookingForm(props: {
  walkIn: boolean;
  date: string;
  reservations: Reservation[];
  onClose: () => void;
  onCreated: (r: Reservation) => void;
}) {
  const rest = useSignal(restaurant);
  const allTables = useSignal(tablesSignal);
  const zone = rest?.timezone ?? 'Europe/Paris';
  const nowLocal = localOf(new Date(), zone);
  const [name, setName] = useState(props.walkIn ? t('walkInName') : '');
  const [phone, setPhone] = useState('');
  const [party, setParty] = useState('2');
  const [date, setDate] = useState(props.walkIn ? todayIn(zone) : props.date);
  const [time, setTime] = useState(props.walkIn ? hhmm(Math.floor(nowLocal.minutes / 5) * 5) : '20:00');
  const [table, setTable] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // For a walk-in: tables with nobody on them now.
  const busyNow = new Set(
    props.reservations
      .filter(
        (r) =>
          r.status === 'seated' ||
          (r.status === 'confirmed' &&
            Math.abs(localOf(r.startAt, zone).minutes - nowLocal.minutes) < 90 &&
            localOf(r.startAt, zone).date === nowLocal.date),
      )
      .flatMap((r) => r.tableIds),
  );
  const choices = allTables.filter((tb) => tb.active && tb.seatsMax >= Number(party || 1));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.createReservation({
        customerName: name.trim() || t('walkInName'),
        // A walk-in often gives no number: the restaurant's own stands in.
        phoneNumber: phone.trim() || (props.walkIn ? (rest?.phone ?? '+33100000000') : ''),
        partySize: Number(party),
        date,
        time,
        ...(table ? { tableIds: [table] } : {}),
        notes: props.walkIn ? ['Walk-in', notes].filter(Boolean).join(' — ') : notes,
        ...(props.walkIn ? { walkIn: true } : {}),
      });
      props.onCreated(created);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? { message: err.field ? err.message : errorText(err), field: err.field }
          : { message: String(err) },
      );
    } finally {
      setBusy(false);
    }
  };
  const bad = (f: string) => (error?.field === f ? error.message : null);

  return (
    <Drawer title={props.walkIn ? t('walkIn') : t('newBookingBtn')} onClose={props.onClose}>
      <form class="form" onSubmit={submit} data-testid={props.walkIn ? 'walkin-form' : 'booking-form'}>
        {error && !error.field ? <Banner kind="error">{error.message}</Banner> : null}
        <div class="grid2">
          <Field label={t('party')} error={bad('partySize')}>
            <input
              name="partySize"
              type="number"
              min={1}
              max={100}
              required
              value={party}
              onInput={(e) => setParty(e.currentTarget.value)}
            />
          </Field>
          <Field label={t('table')} error={bad('tableIds')}>
            <select name="table" value={table} onChange={(e) => setTable(e.currentTarget.value)}>
              <option value="">{t('autoTable')}</option>
              {choices.map((tb) => (
                <option key={tb.id} value={tb.id}>
                  {tb.name} · {tb.seatsMax} {props.walkIn && busyNow.has(tb.id) ? '(!)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('name')} error={bad('customerName')}>
            <input
              name="customerName"
              required={!props.walkIn}
              value={name}
              maxLength={80}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </Field>
          <Field label={t('phone')} error={bad('phoneNumber')}>
            <input
              name="phoneNumber"
              type="tel"
              required={!props.walkIn}
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </Field>
          {!props.walkIn ? (
            <Field label={t('date')} error={bad('date')}>
              <input name="date" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
            </Field>
          ) : null}
          <Field label={t('time')} error={bad('time')}>
            <TimeField name="time" required value={time} onChange={setTime} />
          </Field>
        </div>
        <Field label={t('notes')} wide>
          <textarea rows={2} maxLength={450} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        </Field>
        {error?.field ? <Banner kind="error">{error.message}</Banner> : null}
        <button class="primary big" type="submit" disabled={busy}>
          {props.walkIn ? t('seat') : t('save')}
        </button>
      </form>
    </Drawer>
  );
}
