// The staff session: the JWT from login, kept for the browser session (sessionStorage), or by
// the desktop app (its preload bridge keeps it encrypted). Expiry logs out by itself.
import { signal } from './signal';
import type { User } from './types';

/** The desktop app's preload API (desktop/preload.ts), when the page runs inside it. */
export interface DesktopBridge {
  getToken(): Promise<string | null>;
  setToken(token: string | null): Promise<void>;
  reportList(payload: { date: string; timezone: string; reservations: unknown[] }): void;
}

declare global {
  interface Window {
    maitreDesktop?: DesktopBridge;
  }
}

export interface Session {
  token: string;
  user: User;
}

const KEY = 'maitre.session';
export const session = signal<Session | null>(null);
export const notice = signal<string | null>(null);
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

export function tokenExpiry(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

export function startSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
  void window.maitreDesktop?.setToken(s.token);
  clearTimeout(expiryTimer);
  const exp = tokenExpiry(s.token);
  if (exp) expiryTimer = setTimeout(() => endSession('expired'), Math.max(0, Math.min(exp - Date.now(), 2 ** 31 - 1)));
  notice.set(null);
  session.set(s);
}

export function endSession(reason: 'logout' | 'expired'): void {
  sessionStorage.removeItem(KEY);
  void window.maitreDesktop?.setToken(null);
  clearTimeout(expiryTimer);
  if (reason === 'expired') notice.set('expired');
  session.set(null);
}

/** The session saved in this tab, or the desktop's kept token, if still valid. */
export async function restoreSession(me: (token: string) => Promise<User | null>): Promise<void> {
  const saved = sessionStorage.getItem(KEY);
  let token: string | null = null;
  if (saved) {
    try {
      token = (JSON.parse(saved) as Session).token;
    } catch {
      token = null;
    }
  }
  if (!token && window.maitreDesktop) token = await window.maitreDesktop.getToken();
  if (!token) return;
  const exp = tokenExpiry(token);
  if (exp && exp < Date.now()) return endSession('expired');
  const user = await me(token);
  if (user) startSession({ token, user });
  else endSession('expired');
}
