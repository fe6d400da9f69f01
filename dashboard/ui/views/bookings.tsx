// All bookings as a list: search by name or phone, filter by date, status and channel.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { ChannelTag, StatusPill } from '../components';
import { t, tv } from '../i18n';
import { lastEvent } from '../live';
import { go, route } from '../router';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import { localOf, todayIn } from '../time';
import { CHANNELS, STATUSES, type Reservation } from '../types';
import { BookingDetail } from './booking-detail';

export function BookingsView() {
  const rest = useSignal(restaurant);
  const r = useSignal(route);
  const zone = rest?.timezone ?? 'Europe/Paris';
  const date = r.params.get('date') ?? (rest ? todayIn(zone) : '');
  const status = r.params.get('status') ?? '';
  const channel = r.params.get('channel') ?? '';
  const q = r.params.get('q') ?? '';
  const openId = r.params.get('open');
  const [list, setList] = useState<Reservation[] | null>(null);
  const [search, setSearch] = useState(q);
  const typing = useRef<ReturnType<typeof setTimeout>>();

  const set = (k: string, v: string) => {
    const p: Record<string, string> = Object.fromEntries(route.get().params.entries());
    if (v) p[k] = v;
    else delete p[k];
    go('/bookings', p);
  };
  const load = useCallback(() => {
    if (!date && !q) return;
    const query: Record<string, string> = {};
    if (date) query.date = date;
    if (status) query.status = status;
    if (channel) query.channel = channel;
    if (q) query.q = q;
    api.reservations(query).then(setList, () => setList([]));
  }, [date, status, channel, q]);
  useEffect(load, [load]);
  useEffect(() => lastEvent.subscribe(() => load()), [load]);
  useEffect(() => () => clearTimeout(typing.current), []);
  // The search runs once the host stops typing for a moment.
  const onSearch = (value: string) => {
    setSearch(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => set('q', value.trim()), 300);
  };

  const rows = [...(list ?? [])].sort((a, b) => a.startAt.localeCompare(b.startAt));
  const selected = openId ? (rows.find((x) => x.id === openId) ?? null) : null;

  return (
    <section class="page">
      <div class="filters">
        <nav class="view-switch" aria-label={t('views')}>
          <a href={date ? `#/today?date=${date}` : '#/today'}>{t('timeline')}</a>
          <a class="active" aria-current="page" href={`#/bookings${date ? `?date=${date}` : ''}`}>
            {t('list')}
          </a>
        </nav>
        <input
          type="search"
          class="search"
          placeholder={t('search')}
          value={search}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
        <input type="date" value={date} onChange={(e) => set('date', e.currentTarget.value)} aria-label={t('date')} />
        <select value={status} onChange={(e) => set('status', e.currentTarget.value)} aria-label={t('status')}>
          <option value="">
            {t('status')}: {t('all')}
          </option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tv('status', s)}
            </option>
          ))}
        </select>
        <select value={channel} onChange={(e) => set('channel', e.currentTarget.value)} aria-label={t('channel')}>
          <option value="">
            {t('channel')}: {t('all')}
          </option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {tv('channel', c)}
            </option>
          ))}
        </select>
        <span class="count">
          {rows.length} · {rows.filter((x) => x.status !== 'cancelled').reduce((n, x) => n + x.partySize, 0)}{' '}
          {t('covers')}
        </span>
      </div>
      <div class="table-wrap">
        <table class="list" data-testid="booking-list">
          <thead>
            <tr>
              <th>{t('time')}</th>
              <th>{t('name')}</th>
              <th>{t('party')}</th>
              <th>{t('table')}</th>
              <th>{t('channel')}</th>
              <th>{t('status')}</th>
              <th>{t('phone')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => {
              const l = localOf(x.startAt, zone);
              return (
                <tr key={x.id} class={`row-${x.status}`} onClick={() => set('open', x.id)}>
                  <td>
                    <b>{l.time}</b>
                    {l.date !== date ? <small> {l.date}</small> : null}
                  </td>
                  <td>
                    {x.customerName}
                    {x.notes ? <small class="muted"> — {x.notes}</small> : null}
                  </td>
                  <td>{x.partySize}</td>
                  <td>{x.tableIds.join('+')}</td>
                  <td>
                    <ChannelTag channel={x.channel} />
                  </td>
                  <td>
                    <StatusPill status={x.status} />
                  </td>
                  <td class="muted">{x.customerPhone}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {list && !rows.length ? <div class="empty">{t('noBookings')}</div> : null}
      </div>
      {selected ? (
        <BookingDetail
          key={selected.id}
          reservation={selected}
          onClose={() => set('open', '')}
          onChanged={(x) => setList((cur) => (cur ?? []).map((y) => (y.id === x.id ? x : y)))}
        />
      ) : null}
    </section>
  );
}
