// The last list of today's bookings the app saw, kept on disk, and the read-only page that
// shows it while the server cannot be reached.
import type { FilesLike } from './electron-api';

export interface CachedReservation {
  id: string;
  customerName: string;
  partySize: number;
  startAt: string;
  tableIds: string[];
  status: string;
  channel: string;
  notes?: string;
  customerPhone?: string;
}

export interface CachedList {
  date: string;
  savedAt: string;
  timezone: string;
  reservations: CachedReservation[];
}

const MAX_ITEMS = 500;

/** Keeps only the fields the offline page shows, from whatever the page reported. */
export function sanitiseList(input: unknown, timezone: string, now: Date): CachedList | null {
  if (!input || typeof input !== 'object') return null;
  const { date, reservations } = input as { date?: unknown; reservations?: unknown };
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Array.isArray(reservations)) return null;
  const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
  const list: CachedReservation[] = reservations.slice(0, MAX_ITEMS).flatMap((r: unknown) => {
    if (!r || typeof r !== 'object') return [];
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.startAt !== 'string') return [];
    return [
      {
        id: str(o.id, 64),
        customerName: str(o.customerName, 80),
        partySize: typeof o.partySize === 'number' ? o.partySize : 0,
        startAt: str(o.startAt, 40),
        tableIds: Array.isArray(o.tableIds) ? o.tableIds.map((x) => str(x, 20)) : [],
        status: str(o.status, 20),
        channel: str(o.channel, 20),
        notes: str(o.notes, 500),
        customerPhone: str(o.customerPhone, 30),
      },
    ];
  });
  return { date, savedAt: now.toISOString(), timezone, reservations: list };
}

export class OfflineCache {
  constructor(
    private readonly files: FilesLike,
    private readonly path: string,
  ) {}

  save(list: CachedList): void {
    this.files.write(this.path, JSON.stringify(list));
  }

  load(): CachedList | null {
    const raw = this.files.read(this.path);
    if (!raw) return null;
    try {
      return JSON.parse(raw.toString('utf8')) as CachedList;
    } catch {
      return null;
    }
  }
}

const WORDS = {
  fr: {
    title: 'Serveur injoignable',
    lead: 'Le serveur ne répond pas. Voici la dernière liste connue, en lecture seule. Nouvel essai automatique…',
    savedAt: 'Liste enregistrée le',
    none: 'Aucune liste enregistrée pour l’instant.',
    time: 'Heure',
    name: 'Nom',
    party: 'Couverts',
    table: 'Table',
    status: 'Statut',
    statuses: {
      confirmed: 'Confirmée',
      seated: 'À table',
      completed: 'Terminée',
      cancelled: 'Annulée',
      no_show: 'Absent',
    } as Record<string, string>,
  },
  en: {
    title: 'Server unreachable',
    lead: 'The server is not answering. This is the last known list, read-only. Retrying automatically…',
    savedAt: 'List saved at',
    none: 'No list saved yet.',
    time: 'Time',
    name: 'Name',
    party: 'Party',
    table: 'Table',
    status: 'Status',
    statuses: {
      confirmed: 'Confirmed',
      seated: 'Seated',
      completed: 'Completed',
      cancelled: 'Cancelled',
      no_show: 'No-show',
    } as Record<string, string>,
  },
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A self-contained page (no script): the cached list and a plain statement that it is offline. */
export function renderOfflinePage(list: CachedList | null, lang: 'fr' | 'en', serverUrl: string): string {
  const w = WORDS[lang];
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const zone = list?.timezone || 'Europe/Paris';
  const time = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
    } catch {
      return iso;
    }
  };
  const rows = (list?.reservations ?? [])
    .filter((r) => r.status !== 'cancelled')
    .sort((a, b) => a.startAt.localeCompare(b.startAt))
    .map(
      (r) =>
        `<tr class="s-${esc(r.status)}"><td><b>${esc(time(r.startAt))}</b></td>` +
        `<td>${esc(r.customerName)}${r.notes ? `<small> — ${esc(r.notes)}</small>` : ''}</td>` +
        `<td>${r.partySize}</td><td>${esc(r.tableIds.join('+'))}</td>` +
        `<td>${esc(w.statuses[r.status] ?? r.status)}</td></tr>`,
    )
    .join('');
  const savedAt = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const saved = list ? `${w.savedAt} ${savedAt(list.savedAt)}` : w.none;
  const csp = `default-src 'none'; style-src 'unsafe-inline'`;
  const head = `<th>${w.time}</th><th>${w.name}</th><th>${w.party}</th><th>${w.table}</th><th>${w.status}</th>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><title>Maître — ${esc(w.title)}</title>
<style>${OFFLINE_CSS}</style></head>
<body><div class="bar" data-testid="offline-banner"><h1>${esc(w.title)}</h1><p>${esc(w.lead)}</p></div>
<main><p class="meta">${esc(saved)} · ${esc(serverUrl)}</p>
<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
}

const OFFLINE_CSS = [
  'body{font-family:system-ui,sans-serif;margin:0;background:#f5f3ee;color:#1d2430}',
  '.bar{background:#b45309;color:#fff;padding:14px 20px}.bar h1{margin:0;font-size:20px}.bar p{margin:4px 0 0}',
  'main{padding:16px 20px}',
  'table{width:100%;border-collapse:collapse;background:#fff;border-radius:10px;overflow:hidden}',
  'th,td{padding:10px 12px;border-bottom:1px solid #eee;text-align:left}',
  'th{font-size:12px;text-transform:uppercase;color:#6b7280}',
  '.s-seated td{color:#15803d}.s-no_show td{color:#b91c1c}.s-completed td{color:#6b7280}',
  '.meta{color:#6b7280;margin:0 0 10px}',
].join('\n');
