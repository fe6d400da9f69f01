// The Today timeline grid: one row per table, one block per booking, a now line; blocks open
// on tap and move by drag (to another table row, or sideways in time, snapped to the slot step).
import { useRef, useState } from 'preact/hooks';
import { ChannelTag, StatusPill } from '../components';
import { t } from '../i18n';
import { hhmm, localOf } from '../time';
import { placement, type Segment } from '../timeline';
import type { Reservation } from '../types';

export function Legend() {
  return (
    <div class="legend">
      {(['confirmed', 'seated', 'completed', 'no_show'] as const).map((s) => (
        <StatusPill key={s} status={s} />
      ))}
      <span class="legend-sep" />
      {(['voice', 'sms', 'whatsapp', 'webchat', 'website', 'dashboard'] as const).map((c) => (
        <ChannelTag key={c} channel={c} />
      ))}
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

export function Timeline(props: {
  seg: Segment;
  tables: { id: string; name: string; seatsMax: number; zone: string }[];
  reservations: Reservation[];
  zone: string;
  nowMinutes: number | null;
  fresh: Set<string>;
  step: number;
  onOpen: (id: string) => void;
  onMove: (r: Reservation, tableId: string, minutes: number) => void;
}) {
  const { seg, zone } = props;
  const drag = useRef<Drag | null>(null);
  const [ghost, setGhost] = useState<{
    id: string;
    dx: number;
    dy: number;
    table: string | null;
    minutes: number;
  } | null>(null);

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
    if (!g?.table) return;
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
          {ticks.map((m) => (
            <span
              key={m}
              class={`tl-tick${m % 60 ? ' half' : ''}${pct(m) > 97 ? ' end' : pct(m) < 3 ? ' start' : ''}`}
              style={{ left: `${pct(m)}%` }}
            >
              {m % 60 ? '' : hhmm(m)}
            </span>
          ))}
          {nowPos ? <span class="tl-now head" style={{ left: `${nowPos.left}%` }} /> : null}
        </div>
      </div>
      {props.tables.map((tb) => {
        const items = byTable.get(tb.id) ?? [];
        const busyNow = props.nowMinutes !== null && items.some((r) => r.status === 'seated');
        return (
          <div key={tb.id} class={`tl-row${busyNow ? ' busy' : ''}`} data-table={tb.id}>
            <div class="tl-label">
              <b>{tb.name}</b>
              <small>
                {tb.seatsMax} {t('people')}
              </small>
            </div>
            <div class="tl-track">
              {ticks.map((m) => (
                <span key={m} class={`tl-grid${m % 60 ? ' half' : ''}`} style={{ left: `${pct(m)}%` }} />
              ))}
              {items.map((r) => {
                const start = localOf(r.startAt, zone).minutes;
                const dur = Math.round((new Date(r.endAt).getTime() - new Date(r.startAt).getTime()) / 60000);
                const p = placement(seg, start, dur);
                if (!p) return null;
                return (
                  <button
                    type="button"
                    key={r.id}
                    class={[
                      'booking',
                      `status-${r.status}`,
                      props.fresh.has(r.id) ? 'fresh' : '',
                      ghost?.id === r.id ? 'dragging' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    style={{
                      left: `${p.left}%`,
                      width: `${p.width}%`,
                      ...(ghost?.id === r.id ? { transform: `translate(${ghost.dx}px, ${ghost.dy}px)` } : {}),
                    }}
                    data-id={r.id}
                    data-testid="booking-block"
                    title={`${r.customerName} · ${r.partySize} · ${localOf(r.startAt, zone).time}`}
                    onPointerDown={(e) => down(e, r)}
                    onPointerMove={(e) => move(e, r)}
                    onPointerUp={(e) => up(e, r)}
                    onPointerCancel={() => {
                      drag.current = null;
                      setGhost(null);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') props.onOpen(r.id);
                    }}
                  >
                    {ghost?.id === r.id ? (
                      <span class="drag-hint">
                        {ghost.table ?? '—'} · {hhmm(ghost.minutes)}
                      </span>
                    ) : null}
                    <span class="b-top">
                      <span class="b-time">{localOf(r.startAt, zone).time}</span>
                      <ChannelTag channel={r.channel} short />
                      {r.tableIds.length > 1 ? <span class="b-join">{r.tableIds.join('+')}</span> : null}
                      {r.notes ? (
                        <span class="b-note" title={r.notes}>
                          ✎
                        </span>
                      ) : null}
                      <span class="b-party">
                        {r.partySize}
                        <small>p</small>
                      </span>
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
