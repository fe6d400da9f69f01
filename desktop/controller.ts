// The cashier app's behaviour, free of Electron: which page the window shows (first-run setup,
// the server's service view, or the offline list), the staff token, the live feed that raises
// native alerts, and reconnection. main.ts wires it to Electron; tests wire it to fakes.
import { BookingAlerts, type NewBooking } from './booking-alerts';
import type { AlertsLike, ConnectSocket, Probe, SocketLike, WindowLike } from './electron-api';
import { type OfflineCache, renderOfflinePage, sanitiseList } from './offline-cache';
import { normaliseServerUrl, type SettingsStore } from './settings';
import type { TokenStore } from './token-store';

export type DesktopState = 'starting' | 'setup' | 'online' | 'offline';

export interface ControllerDeps {
  window: WindowLike;
  alerts: AlertsLike;
  settings: SettingsStore;
  tokens: TokenStore;
  cache: OfflineCache;
  connect: ConnectSocket;
  probe: Probe;
  /** The app's own first-run page (file:// URL). */
  setupPageUrl: string;
  now?: () => Date;
  retryMs?: number;
  log?: (line: string) => void;
}

/** The path of the server's service view for today, compact for the desk. */
export const SERVICE_VIEW = '/#/today?desktop=1';

export class DesktopController {
  state: DesktopState = 'starting';
  private serverUrl: string | null = null;
  private language: 'fr' | 'en' = 'fr';
  private timezone = 'Europe/Paris';
  private socket: SocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  readonly alerts: BookingAlerts;

  constructor(private readonly deps: ControllerDeps) {
    this.alerts = new BookingAlerts(deps.alerts, { language: () => this.language, timezone: () => this.timezone });
  }

  async start(): Promise<void> {
    const s = this.deps.settings.load();
    this.language = s.language;
    this.serverUrl = s.serverUrl;
    this.timezone = this.deps.cache.load()?.timezone ?? this.timezone;
    if (!this.serverUrl) {
      this.state = 'setup';
      await this.deps.window.loadURL(this.deps.setupPageUrl);
      return;
    }
    await this.openServer();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = null;
  }

  /** From the setup page: checks the server answers before keeping its URL. */
  async setServerUrl(input: string): Promise<{ ok: boolean; error?: string }> {
    const url = normaliseServerUrl(input);
    if (!url)
      return {
        ok: false,
        error:
          this.language === 'fr'
            ? 'Adresse invalide (ex. http://192.168.1.20:3978).'
            : 'Not a valid address (e.g. http://192.168.1.20:3978).',
      };
    if (!(await this.deps.probe(url)))
      return {
        ok: false,
        error:
          this.language === 'fr' ? `Aucun serveur Maître ne répond à ${url}.` : `No Maître server answers at ${url}.`,
      };
    this.serverUrl = url;
    this.deps.settings.save({ ...this.deps.settings.load(), serverUrl: url });
    await this.openServer();
    return { ok: true };
  }

  /** Forgets the server (a menu item): back to the first-run page. */
  async resetServer(): Promise<void> {
    this.socket?.close();
    this.socket = null;
    this.serverUrl = null;
    this.deps.tokens.save(null);
    this.deps.settings.save({ ...this.deps.settings.load(), serverUrl: null });
    this.state = 'setup';
    await this.deps.window.loadURL(this.deps.setupPageUrl);
  }

  // The page's bridge (preload). Only the configured server's own pages may use it.
  getToken(senderUrl: string): string | null {
    return this.trusted(senderUrl) ? this.deps.tokens.load() : null;
  }

  setToken(senderUrl: string, token: string | null): void {
    if (!this.trusted(senderUrl)) return;
    if (token !== null && (typeof token !== 'string' || token.length > 4096)) return;
    const before = this.deps.tokens.load();
    this.deps.tokens.save(token);
    if (token && token !== before) this.connectLive();
    if (!token) {
      this.socket?.close();
      this.socket = null;
    }
  }

  reportList(senderUrl: string, payload: unknown): void {
    if (!this.trusted(senderUrl)) return;
    const tz =
      payload && typeof payload === 'object' && typeof (payload as { timezone?: unknown }).timezone === 'string'
        ? (payload as { timezone: string }).timezone
        : this.timezone;
    const list = sanitiseList(payload, tz, this.now());
    if (!list) return;
    this.timezone = tz;
    this.deps.cache.save(list);
  }

  windowFocused(): void {
    this.alerts.seen();
    this.deps.window.flashFrame(false);
  }

  private trusted(senderUrl: string): boolean {
    if (!this.serverUrl) return false;
    try {
      return new URL(senderUrl).origin === this.serverUrl;
    } catch {
      return false;
    }
  }

  private async openServer(): Promise<void> {
    const url = this.serverUrl;
    if (!url) return;
    if (await this.deps.probe(url)) {
      this.state = 'online';
      await this.deps.window.loadURL(url + SERVICE_VIEW);
      this.connectLive();
    } else {
      await this.showOffline();
    }
  }

  private async showOffline(): Promise<void> {
    if (this.stopped || !this.serverUrl) return;
    if (this.state !== 'offline') {
      this.state = 'offline';
      this.log('server unreachable: showing the last known list');
      const html = renderOfflinePage(this.deps.cache.load(), this.language, this.serverUrl);
      await this.deps.window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retry();
    }, this.deps.retryMs ?? 5000);
    this.retryTimer.unref?.();
  }

  private async retry(): Promise<void> {
    if (this.stopped || !this.serverUrl) return;
    if (await this.deps.probe(this.serverUrl)) {
      this.log('server back: reopening the service view');
      this.state = 'online';
      await this.deps.window.loadURL(this.serverUrl + SERVICE_VIEW);
      if (!this.socket) this.connectLive();
    } else {
      this.scheduleRetry();
    }
  }

  /** The main process's own socket: alerts arrive even when the window is hidden. */
  private connectLive(): void {
    const token = this.deps.tokens.load();
    if (!this.serverUrl || !token || this.stopped) return;
    this.socket?.close();
    const socket = this.deps.connect(this.serverUrl, token);
    this.socket = socket;
    socket.on('reservation:created', (r: unknown) => {
      if (isBooking(r)) {
        this.alerts.newBooking(r, this.deps.window.isFocused());
        if (!this.deps.window.isFocused()) this.deps.window.flashFrame(true);
      }
    });
    const forget = () => {
      this.deps.tokens.save(null);
      socket.close();
      if (this.socket === socket) this.socket = null;
    };
    socket.on('connect_error', (err: unknown) => {
      // The token expired or was revoked: the page will ask to log in again.
      if (err instanceof Error && /unauthorized/.test(err.message)) return forget();
      void this.checkServer();
    });
    socket.on('disconnect', (reason: unknown) => {
      // The server closed it: the session ended (password reset, role changed, account disabled, expiry).
      if (reason === 'io server disconnect') return forget();
      void this.checkServer();
    });
    socket.on('connect', () => {
      if (this.state === 'offline') void this.retry();
    });
  }

  private async checkServer(): Promise<void> {
    if (this.stopped || !this.serverUrl || this.state === 'offline') return;
    if (!(await this.deps.probe(this.serverUrl))) await this.showOffline();
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private log(line: string): void {
    this.deps.log?.(`[desktop] ${line}`);
  }
}

function isBooking(r: unknown): r is NewBooking {
  return (
    !!r &&
    typeof r === 'object' &&
    typeof (r as NewBooking).customerName === 'string' &&
    typeof (r as NewBooking).startAt === 'string'
  );
}
