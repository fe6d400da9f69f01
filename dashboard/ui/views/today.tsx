// Today: tables × time for the day's services, one block per booking, live. A host should
// see at a glance who is coming, who is seated, and which tables are free.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { ChannelTag, StatusPill } from '../components';
import { errorText, lang, t } from '../i18n';
import { lastEvent, reconnects } from '../live';
import { go, route } from '../router';
import { useSignal } from '../signal';
import { restaurant, tables as tablesSignal, toast } from '../store';
import { addDays, hhmm, localOf, longDate, todayIn, weekdayOf } from '../time';
import { currentSegment, placement, segmentsFor, type Segment } from '../timeline';
import type { Reservation } from '../types';
import { BookingDetail } from './booking-detail';
import { NewBookingForm } from './booking-forms';

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
  const [segIndex, setSegIndex] = useState<number | null>(null);
  const [form, setForm] = useState<null | 'walkin' | 'booking'>(null);
  const [now, setNow] = useState(Date.now());
  const [focusMinutes, setFocusMinutes] = useState<number | null>(null);
  const openId = r.params.get('open');

  const load = () => {
    if (!date) return;
    api.reservations({ date }).then((rs) => { setList(rs); setError(null); }, (e: Error) => setError(e.message));
  };
  useEffect(load, [date]);
  useEffect(() => reconnects.subscribe(load), [date]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // Live: a booking for this day appears, changes or goes, without a reload.
  useEffect(() => lastEvent.subscribe((ev) => {
    if (!ev || !rest) return;
    const res = ev.reservation;
    const onDay = localOf(res.startAt, rest.timezone).date === date;
    setList((cur) => {
      if (!cur) return cur;
      const rest2 = cur.filter((x) => x.id !== res.id);
      return onDay ? [...rest2, res] : rest2;
    });
    if (ev.kind === 'created' && onDay) {
      setFresh((f) => new Set(f).add(res.id));
      setTimeout(() => setFresh((f) => { const n = new Set(f); n.delete(res.id); return n; }), 15_000);
    }
  }), [date, rest]);

  // The desktop app keeps the last list it saw, to show it read-only when the server is away.
  useEffect(() => {
    if (list && rest && window.maitreDesktop && date === today) window.maitreDesktop.reportList({ date, timezone: rest.timezone, reservations: list });
  }, [list]);

  const reservations = useMemo(() => (list ?? []).filter((x) => ON_FLOOR.includes(x.status)), [list]);
  const services = rest ? rest.services[String(weekdayOf(date || today))] ?? [] : [];
  const closure = rest?.closures.find((c) => c.date === date);
  const segments = useMemo(() => (rest ? segmentsFor(services, reservations, rest.timezone) : []), [rest, date, reservations]);
  const nowLocal = rest && date === today ? localOf(new Date(now), rest.timezone).minutes : null;
  const countIn = (sg: Segment) => reservations.filter((x) => { const m = localOf(x.startAt, rest?.timezone ?? 'UTC').minutes; return m >= sg.start && m < sg.end; }).length;
  // Today: the service going on (or next). Another day: the busiest service.
  const busiest = segments.reduce((best, sg, i) => (countIn(sg) > countIn(segments[best]) ? i : best), 0);
  // A booking just made at the desk, or opened from an alert, brings its service into view.
  const focusSeg = focusMinutes === null ? -1 : segments.findIndex((sg) => focusMinutes >= sg.start && focusMinutes < sg.end);
  const idx = Math.min(segIndex ?? (focusSeg >= 0 ? focusSeg : nowLocal !== null ? currentSegment(segments, nowLocal) : busiest), Math.max(0, segments.length - 1));
  const seg = segments[idx];
  useEffect(() => { setSegIndex(null); setFocusMinutes(null); }, [date]);
  useEffect(() => {
    const opened = openId && rest ? (list ?? []).find((x) => x.id === openId) : null;
    if (opened) { setSegIndex(null); setFocusMinutes(localOf(opened.startAt, rest?.timezone ?? 'UTC').minutes); }
  }, [openId, list === null]);

  if (!rest) return <div class="empty">{t('loading')}</div>;
  const inSeg = (x: Reservation) => !seg || (() => { const m = localOf(x.startAt, rest.timezone).minutes; return m >= seg.start && m < seg.end; })();
  const segRes = reservations.filter(inSeg);
  const covers = (xs: Reservation[]) => xs.reduce((n, x) => n + x.partySize, 0);
  const selected = openId ? (list ?? []).find((x) => x.id === openId) ?? null : null;
  const activeTables = allTables.filter((tb) => tb.active || reservations.some((x) => x.tableIds.includes(tb.id)));
  const setParam = (k: string, v: string | null) => {
    const p: Record<string, string> = Object.fromEntries(r.params.entries());
    if (v === null) delete p[k]; else p[k] = v;
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
          <button class="icon-btn" aria-label={t('prevDay')} onClick={() => setParam('date', addDays(date, -1))}>‹</button>
          <h1 class="day-title">{longDate(date, l)}{date === today ? <span class="today-badge">{t('today')}</span> : null}</h1>
          <button class="icon-btn" aria-label={t('nextDay')} onClick={() => setParam('date', addDays(date, 1))}>›</button>
          {date !== today ? <button class="ghost small" onClick={() => setParam('date', null)}>{t('today')}</button> : null}
          <input type="date" class="date-pick" value={date} onChange={(e) => setParam('date', e.currentTarget.value)} />
        </div>
        <div class="today-actions">
          <div class="view-switch" role="group">
            <button class="active" aria-pressed="true">{t('timeline')}</button>
            <button data-testid="to-list" onClick={() => go('/bookings', { date })}>{t('list')}</button>
          </div>
          <button class="secondary" data-testid="walkin-btn" onClick={() => setForm('walkin')}>+ {t('walkIn')}</button>
          <button class="primary" onClick={() => setForm('booking')}>+ {t('newBookingBtn')}</button>
        </div>
      </div>

      <div class="summary">
        <Stat value={covers(segRes.filter((x) => x.status !== 'no_show'))} label={`${t('covers')} ${t('expected')}`} />
        <Stat value={covers(segRes.filter((x) => x.status === 'seated'))} label={t('seatedNow')} tone="seated" />
        <Stat value={covers(segRes.filter((x) => x.status === 'confirmed'))} label={t('toCome')} tone="confirmed" />
        <Stat value={segRes.filter((x) => x.status === 'no_show').length} label={t('noShow')} tone="no_show" />
        <div class="next-up">
          {upcoming.slice(0, 4).map((x) => (
            <button class="next-chip" onClick={() => setParam('open', x.id)}>
              <b>{localOf(x.startAt, rest.timezone).time}</b> {x.customerName} · {x.partySize}
            </button>
          ))}
        </div>
      </div>

      {closure ? <div class="banner banner-info">{t('closedToday')}{closure.reason ? ` — ${closure.reason}` : ''}</div> : null}
      {error ? <div class="banner banner-error">{error}</div> : null}

      {segments.length > 1 ? (
        <div class="seg-tabs" role="tablist">
          {segments.map((s, i) => (
            <button role="tab" aria-selected={i === idx} data-seg={s.name} class={i === idx ? 'active' : ''} onClick={() => setSegIndex(i)}>
              {s.name === 'lunch' ? t('lunch') : s.name === 'dinner' ? t('dinner') : s.name === 'other' ? t('other') : s.name} <small>{hhmm(s.start)}–{hhmm(s.end)}</small>
              <span class="seg-count">{countIn(s)}</span>
            </button>
          ))}
        </div>
      ) : null}

      {seg ? (
        <Timeline seg={seg} tables={activeTables} reservations={segRes} zone={rest.timezone} nowMinutes={nowLocal} fresh={fresh} step={rest.rules.slotStepMinutes || 15} onOpen={(id) => setParam('open', id)} onMove={moveTo} />
      ) : (
        <div class="empty">{list === null ? t('loading') : closure || !services.length ? t('closedToday') : t('noBookings')}</div>
      )}

      <Legend />

      {selected ? <BookingDetail reservation={selected} onClose={() => setParam('open', null)} onChanged={(x) => setList((cur) => (cur ?? []).map((y) => (y.id === x.id ? x : y)))} /> : null}
      {form ? <NewBookingForm walkIn={form === 'walkin'} date={date} reservations={reservations} onClose={() => setForm(null)} onCreated={(x) => { setForm(null); setSegIndex(null); setFocusMinutes(localOf(x.startAt, rest.timezone).minutes); setList((cur) => [...(cur ?? []).filter((y) => y.id !== x.id), x]); }} /> : null}
    </section>
  );
}

function Stat({ value, label, tone }: { value: number; label: string; tone?: string }) {
  return <div class={`stat${tone ? ` stat-${tone}` : ''}`}><span class="stat-value">{value}</span><span class="stat-label">{label}</span></div>;
}

function Legend() {
  return (
    <div class="legend">
      {(['confirmed', 'seated', 'completed', 'no_show'] as const).map((s) => <StatusPill status={s} />)}
      <span class="legend-sep" />
      {(['voice', 'sms', 'whatsapp', 'webchat', 'website', 'dashboard'] as const).map((c) => <ChannelTag channel={c} />)}
    </div>
  );
}

interface Drag {
  id: string;
  x: number;
  y: number;
  moved: boolean;
  trackWidth: number;
}

function Timeline(props: { seg: Segment; tables: { id: string; name: string; seatsMax: number; zone: string }[]; reservations: Reservation[]; zone: string; nowMinutes: number | null; fresh: Set<string>; step: number; onOpen: (id: string) => void; onMove: (r: Reservation, tableId: string, minutes: number) => void }) {
  const { seg, zone } = props;
  const drag = useRef<Drag | null>(null);
  const [ghost, setGhost] = useState<{ id: string; dx: number; dy: number; table: string | null; minutes: number } | null>(null);

  // Drag a block to another table (row) or time (sideways), snapped to the slot step.
  const shiftOf = (r: Reservation, dxPx: number, width: number) => {
    const start = localOf(r.startAt, zone).minutes;
    const raw = start + (dxPx / width) * (seg.end - seg.start);
    return Math.round(raw / props.step) * props.step;
  };
  const down = (e: PointerEvent, r: Reservation) => {
    if (!['confirmed', 'seated'].includes(r.status)) return;
    const track = (e.currentTarget as HTMLElement).parentElement;
    drag.current = { id: r.id, x: e.clientX, y: e.clientY, moved: false, trackWidth: track?.clientWidth ?? 1 };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const move = (e: PointerEvent, r: Reservation) => {
    const d = drag.current;
    if (!d || d.id !== r.id) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 8) return;
    d.moved = true;
    // The row under the finger, looking past the dragged block itself (it still sits in its old row).
    const self = e.currentTarget as HTMLElement;
    const under = document.elementsFromPoint(e.clientX, e.clientY).find((el) => !self.contains(el));
    const row = under?.closest<HTMLElement>('.tl-row[data-table]') ?? undefined;
    setGhost({ id: r.id, dx, dy, table: row?.dataset.table ?? null, minutes: shiftOf(r, dx, d.trackWidth) });
  };
  const up = (e: PointerEvent, r: Reservation) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.id !== r.id) return;
    if (!d.moved) return props.onOpen(r.id);
    const g = ghost;
    setGhost(null);
    if (!g || !g.table) return;
    const same = r.tableIds.length === 1 && r.tableIds[0] === g.table && g.minutes === localOf(r.startAt, zone).minutes;
    if (!same) props.onMove(r, g.table, g.minutes);
    e.preventDefault();
  };
  const ticks: number[] = [];
  for (let m = Math.ceil(seg.start / 30) * 30; m <= seg.end; m += 30) ticks.push(m);
  const nowPos = props.nowMinutes !== null ? placement(seg, props.nowMinutes, 1) : null;
  const byTable = new Map<string, Reservation[]>();
  for (const r of props.reservations) for (const id of r.tableIds) byTable.set(id, [...(byTable.get(id) ?? []), r]);
  const pct = (m: number) => ((m - seg.start) / (seg.end - seg.start)) * 100;

  return (
    <div class="timeline" data-testid="timeline">
      <div class="tl-row tl-axis">
        <div class="tl-label" />
        <div class="tl-track">
          {ticks.map((m) => <span class={`tl-tick${m % 60 ? ' half' : ''}${pct(m) > 97 ? ' end' : pct(m) < 3 ? ' start' : ''}`} style={{ left: `${pct(m)}%` }}>{m % 60 ? '' : hhmm(m)}</span>)}
          {nowPos ? <span class="tl-now head" style={{ left: `${nowPos.left}%` }} /> : null}
        </div>
      </div>
      {props.tables.map((tb) => {
        const items = byTable.get(tb.id) ?? [];
        const busyNow = props.nowMinutes !== null && items.some((r) => r.status === 'seated');
        return (
          <div class={`tl-row${busyNow ? ' busy' : ''}`} data-table={tb.id}>
            <div class="tl-label"><b>{tb.name}</b><small>{tb.seatsMax} {t('people')}</small></div>
            <div class="tl-track">
              {ticks.map((m) => <span class={`tl-grid${m % 60 ? ' half' : ''}`} style={{ left: `${pct(m)}%` }} />)}
              {items.map((r) => {
                const start = localOf(r.startAt, zone).minutes;
                const dur = Math.round((new Date(r.endAt).getTime() - new Date(r.startAt).getTime()) / 60000);
                const p = placement(seg, start, dur);
                if (!p) return null;
                return (
                  <button
                    class={`booking status-${r.status}${props.fresh.has(r.id) ? ' fresh' : ''}${ghost?.id === r.id ? ' dragging' : ''}`}
                    style={{ left: `${p.left}%`, width: `${p.width}%`, ...(ghost?.id === r.id ? { transform: `translate(${ghost.dx}px, ${ghost.dy}px)` } : {}) }}
                    data-id={r.id}
                    data-testid="booking-block"
                    title={`${r.customerName} · ${r.partySize} · ${localOf(r.startAt, zone).time}`}
                    onPointerDown={(e) => down(e, r)}
                    onPointerMove={(e) => move(e, r)}
                    onPointerUp={(e) => up(e, r)}
                    onPointerCancel={() => { drag.current = null; setGhost(null); }}
                    onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') props.onOpen(r.id); }}
                  >
                    {ghost?.id === r.id ? <span class="drag-hint">{ghost.table ?? '—'} · {hhmm(ghost.minutes)}</span> : null}
                    <span class="b-top">
                      <span class="b-time">{localOf(r.startAt, zone).time}</span>
                      <ChannelTag channel={r.channel} short />
                      {r.tableIds.length > 1 ? <span class="b-join">{r.tableIds.join('+')}</span> : null}
                      {r.notes ? <span class="b-note" title={r.notes}>✎</span> : null}
                      <span class="b-party">{r.partySize}<small>p</small></span>
                    </span>
                    <span class="b-name">{r.customerName}</span>
                  </button>
                );
              })}
              {nowPos ? <span class="tl-now" style={{ left: `${nowPos.left}%` }} /> : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}
