// Today: tables × time for the day's services, one block per booking, live. A host should
// see at a glance who is coming, who is seated, and which tables are free.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { errorText, lang, serviceName, t } from '../i18n';
import { lastEvent, reconnects } from '../live';
import { go, route } from '../router';
import { useSignal } from '../signal';
import { restaurant, tables as tablesSignal, toast } from '../store';
import { addDays, hhmm, localOf, longDate, todayIn, weekdayOf } from '../time';
import { currentSegment, segmentsFor, type Segment } from '../timeline';
import type { Reservation } from '../types';
import { BookingDetail } from './booking-detail';
import { NewBookingForm } from './booking-forms';
import { Legend, Timeline } from './today-timeline';

const ON_FLOOR = ['confirmed', 'seated', 'completed', 'no_show'];

export function TodayView() {
  const rest = useSignal(restaurant);
  const allTables = useSignal(tablesSignal);
  const r = useSignal(route);
  const l = useSignal(lang);
  const today = rest ? todayIn(rest.timezone) : '';
  const date = r.params.get('date') ?? today;
  const [list, setList] = useState<Reservation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  // The service shown: the host's pick (a tab), or the one holding a time to bring into view
  // (a booking just made at the desk, or the one last opened). Both hold for the day they were made on.
  const [pick, setPick] = useState<{ date: string; index: number | null; minutes: number | null } | null>(null);
  const [form, setForm] = useState<null | 'walkin' | 'booking'>(null);
  const [now, setNow] = useState(Date.now());
  const openId = r.params.get('open');
  const zone = rest?.timezone ?? null;

  const load = useCallback(() => {
    if (!date) return;
    api.reservations({ date }).then(
      (rs) => {
        setList(rs);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [date]);
  useEffect(load, [load]);
  useEffect(() => reconnects.subscribe(load), [load]);
  // Events come from the instance this page is connected to; with several server instances
  // (MongoDB) a booking taken by another one shows up by this periodic refresh.
  useEffect(() => {
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [load]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // Live: a booking for this day appears, changes or goes, without a reload.
  useEffect(
    () =>
      lastEvent.subscribe((ev) => {
        if (!ev || !zone) return;
        const res = ev.reservation;
        const onDay = localOf(res.startAt, zone).date === date;
        setList((cur) => {
          if (!cur) return cur;
          const rest2 = cur.filter((x) => x.id !== res.id);
          return onDay ? [...rest2, res] : rest2;
        });
        if (ev.kind === 'created' && onDay) {
          setFresh((f) => new Set(f).add(res.id));
          setTimeout(
            () =>
              setFresh((f) => {
                const n = new Set(f);
                n.delete(res.id);
                return n;
              }),
            15_000,
          );
        }
      }),
    [date, zone],
  );

  // The desktop app keeps the last list it saw, to show it read-only when the server is away.
  useEffect(() => {
    if (list && zone && window.maitreDesktop && date === today)
      window.maitreDesktop.reportList({ date, timezone: zone, reservations: list });
  }, [list, zone, date, today]);

  const reservations = useMemo(() => (list ?? []).filter((x) => ON_FLOOR.includes(x.status)), [list]);
  const services = useMemo(
    () => (rest ? (rest.services[String(weekdayOf(date || today))] ?? []) : []),
    [rest, date, today],
  );
  const closure = rest?.closures.find((c) => c.date === date);
  const segments = useMemo(
    () => (zone ? segmentsFor(services, reservations, zone) : []),
    [zone, services, reservations],
  );
  const nowLocal = rest && date === today ? localOf(new Date(now), rest.timezone).minutes : null;
  const countIn = (sg: Segment) =>
    reservations.filter((x) => {
      const m = localOf(x.startAt, rest?.timezone ?? 'UTC').minutes;
      return m >= sg.start && m < sg.end;
    }).length;
  // Today: the service going on (or next). Another day: the busiest service.
  const busiest = segments.reduce((best, sg, i) => (countIn(sg) > countIn(segments[best]) ? i : best), 0);
  const selected = openId ? ((list ?? []).find((x) => x.id === openId) ?? null) : null;
  // An open booking (tapped, or opened from an alert) brings its service into view, and so does
  // a booking just made at the desk; otherwise the host's tab, else the service going on.
  const focusMinutes = selected
    ? localOf(selected.startAt, zone ?? 'UTC').minutes
    : pick?.date === date
      ? pick.minutes
      : null;
  const focusSeg =
    focusMinutes === null ? -1 : segments.findIndex((sg) => focusMinutes >= sg.start && focusMinutes < sg.end);
  const chosen = !selected && pick?.date === date ? pick.index : null;
  const idx = Math.min(
    chosen ?? (focusSeg >= 0 ? focusSeg : nowLocal !== null ? currentSegment(segments, nowLocal) : busiest),
    Math.max(0, segments.length - 1),
  );
  const seg = segments[idx];

  if (!rest) return <div class="empty">{t('loading')}</div>;
  const inSeg = (x: Reservation) =>
    !seg ||
    (() => {
      const m = localOf(x.startAt, rest.timezone).minutes;
      return m >= seg.start && m < seg.end;
    })();
  const segRes = reservations.filter(inSeg);
  const covers = (xs: Reservation[]) => xs.reduce((n, x) => n + x.partySize, 0);
  const activeTables = allTables.filter((tb) => tb.active || reservations.some((x) => x.tableIds.includes(tb.id)));
  const setParam = (k: string, v: string | null) => {
    const p: Record<string, string> = Object.fromEntries(r.params.entries());
    if (v === null) delete p[k];
    else p[k] = v;
    go('/today', p);
  };
  const moveTo = (x: Reservation, tableId: string, minutes: number) => {
    const table = allTables.find((tb) => tb.id === tableId);
    if (table && x.partySize > table.seatsMax && !confirm(t('tooSmall').replace('{n}', String(table.seatsMax)))) return;
    api.patchReservation(x.id, { tableIds: [tableId], time: hhmm(minutes) }).then(
      (updated) => setList((cur) => (cur ?? []).map((y) => (y.id === updated.id ? updated : y))),
      (err: unknown) => toast({ kind: 'error', title: t('error'), body: errorText(err) }),
    );
  };
  const upcoming = segRes.filter((x) => x.status === 'confirmed').sort((a, b) => a.startAt.localeCompare(b.startAt));

  return (
    <section class="today">
      <div class="today-head">
        <div class="day-nav">
          <button
            type="button"
            class="icon-btn"
            aria-label={t('prevDay')}
            onClick={() => setParam('date', addDays(date, -1))}
          >
            ‹
          </button>
          <h1 class="day-title">
            {longDate(date, l)}
            {date === today ? <span class="today-badge">{t('today')}</span> : null}
          </h1>
          <button
            type="button"
            class="icon-btn"
            aria-label={t('nextDay')}
            onClick={() => setParam('date', addDays(date, 1))}
          >
            ›
          </button>
          {date !== today ? (
            <button type="button" class="ghost small" onClick={() => setParam('date', null)}>
              {t('today')}
            </button>
          ) : null}
          <input type="date" class="date-pick" value={date} onChange={(e) => setParam('date', e.currentTarget.value)} />
        </div>
        <div class="today-actions">
          <nav class="view-switch" aria-label={t('views')}>
            <a class="active" aria-current="page" href={`#/today?date=${date}`}>
              {t('timeline')}
            </a>
            <a data-testid="to-list" href={`#/bookings?date=${date}`}>
              {t('list')}
            </a>
          </nav>
          <button type="button" class="secondary" data-testid="walkin-btn" onClick={() => setForm('walkin')}>
            + {t('walkIn')}
          </button>
          <button type="button" class="primary" onClick={() => setForm('booking')}>
            + {t('newBookingBtn')}
          </button>
        </div>
      </div>

      <p class="summary-of" data-testid="summary-of">
        {t('countsOf')}{' '}
        <b>{seg ? `${serviceName(seg.name, services, l)} ${hhmm(seg.start)}–${hhmm(seg.end)}` : t('wholeDay')}</b>
      </p>
      <div class="summary" aria-describedby="summary-of">
        <Stat value={covers(segRes.filter((x) => x.status !== 'no_show'))} label={`${t('covers')} ${t('expected')}`} />
        <Stat value={covers(segRes.filter((x) => x.status === 'seated'))} label={t('seatedNow')} tone="seated" />
        <Stat value={covers(segRes.filter((x) => x.status === 'confirmed'))} label={t('toCome')} tone="confirmed" />
        <Stat value={segRes.filter((x) => x.status === 'no_show').length} label={t('noShow')} tone="no_show" />
        <div class="next-up">
          {upcoming.slice(0, 4).map((x) => (
            <button type="button" class="next-chip" key={x.id} onClick={() => setParam('open', x.id)}>
              <b>{localOf(x.startAt, rest.timezone).time}</b> {x.customerName} · {x.partySize}
            </button>
          ))}
        </div>
      </div>

      {closure ? (
        <div class="banner banner-info">
          {t('closedToday')}
          {closure.reason ? ` — ${closure.reason}` : ''}
        </div>
      ) : null}
      {error ? <div class="banner banner-error">{error}</div> : null}

      {segments.length > 1 ? (
        <div class="seg-tabs" role="tablist">
          {segments.map((s, i) => (
            <button
              type="button"
              role="tab"
              key={`${s.name}@${s.start}`}
              aria-selected={i === idx}
              data-seg={s.name}
              class={i === idx ? 'active' : ''}
              onClick={() => setPick({ date, index: i, minutes: null })}
            >
              {serviceName(s.name, services, l)}{' '}
              <small>
                {hhmm(s.start)}–{hhmm(s.end)}
              </small>
              <span class="seg-count">{countIn(s)}</span>
            </button>
          ))}
        </div>
      ) : null}

      {seg ? (
        <Timeline
          seg={seg}
          tables={activeTables}
          reservations={segRes}
          zone={rest.timezone}
          nowMinutes={nowLocal}
          fresh={fresh}
          step={rest.rules.slotStepMinutes || 15}
          onOpen={(id) => setParam('open', id)}
          onMove={moveTo}
        />
      ) : (
        <div class="empty">
          {list === null ? t('loading') : closure || !services.length ? t('closedToday') : t('noBookings')}
        </div>
      )}

      <Legend />

      {selected ? (
        <BookingDetail
          key={selected.id}
          reservation={selected}
          onClose={() => {
            // Back on the timeline, the service of the booking just looked at stays in view.
            setPick({ date, index: null, minutes: localOf(selected.startAt, rest.timezone).minutes });
            setParam('open', null);
          }}
          onChanged={(x) => setList((cur) => (cur ?? []).map((y) => (y.id === x.id ? x : y)))}
        />
      ) : null}
      {form ? (
        <NewBookingForm
          walkIn={form === 'walkin'}
          date={date}
          reservations={reservations}
          onClose={() => setForm(null)}
          onCreated={(x) => {
            setForm(null);
            setPick({ date, index: null, minutes: localOf(x.startAt, rest.timezone).minutes });
            setList((cur) => [...(cur ?? []).filter((y) => y.id !== x.id), x]);
          }}
        />
      ) : null}
    </section>
  );
}

function Stat({ value, label, tone }: { value: number; label: string; tone?: string }) {
  return (
    <div class={`stat${tone ? ` stat-${tone}` : ''}`}>
      <span class="stat-value">{value}</span>
      <span class="stat-label">{label}</span>
    </div>
  );
}
