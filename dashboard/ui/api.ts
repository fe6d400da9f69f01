// The staff API client. Errors come back as ApiError with the server's code, message and field;
// a 401 ends the session (expired or revoked token).
import { endSession, session } from './session';
import type {
  CallbackTask,
  ConversationSummary,
  Diet,
  GuestMessaging,
  Language,
  MenuSection,
  MessageKind,
  OutboxItem,
  Reservation,
  Restaurant,
  Table,
  TranscriptEntry,
  User,
  WaitlistItem,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  token = session.get()?.token,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data ?? {}) as { error?: string; message?: string; field?: string };
    if (res.status === 401 && token && path !== '/api/auth/login') endSession('expired');
    throw new ApiError(res.status, err.error ?? 'error', err.message ?? res.statusText, err.field);
  }
  return data as T;
}

export const api = {
  login: (email: string, password: string) =>
    request<{ token: string; user: User }>('POST', '/api/auth/login', { email, password }, undefined),
  me: (token: string) =>
    request<{ user: User }>('GET', '/api/auth/me', undefined, token).then(
      (r) => r.user,
      () => null,
    ),
  reservations: (q: Record<string, string>) =>
    request<Reservation[]>('GET', `/api/admin/reservations?${new URLSearchParams(q).toString()}`),
  reservation: (id: string) => request<Reservation>('GET', `/api/admin/reservations/${encodeURIComponent(id)}`),
  createReservation: (body: Record<string, unknown>) => request<Reservation>('POST', '/api/admin/reservations', body),
  patchReservation: (id: string, body: Record<string, unknown>) =>
    request<Reservation>('PATCH', `/api/admin/reservations/${encodeURIComponent(id)}`, body),
  reservationConversation: (id: string) =>
    request<{ id: string | null; transcript: TranscriptEntry[] }>(
      'GET',
      `/api/admin/reservations/${encodeURIComponent(id)}/conversation`,
    ),
  reservationMessaging: (id: string) =>
    request<GuestMessaging>('GET', `/api/admin/reservations/${encodeURIComponent(id)}/messaging`),
  tables: () => request<Table[]>('GET', '/api/admin/tables'),
  createTable: (t: Partial<Table>) => request<Table>('POST', '/api/admin/tables', t),
  updateTable: (id: string, t: Partial<Table>) =>
    request<Table>('PUT', `/api/admin/tables/${encodeURIComponent(id)}`, t),
  deleteTable: (id: string) => request<unknown>('DELETE', `/api/admin/tables/${encodeURIComponent(id)}`),
  restaurant: () => request<Restaurant>('GET', '/api/admin/restaurant'),
  saveRestaurant: (r: Partial<Restaurant>) => request<Restaurant>('PUT', '/api/admin/restaurant', r),
  menu: () => request<{ sections: MenuSection[]; allergens: string[]; diets?: Diet[] }>('GET', '/api/admin/menu'),
  saveMenu: (sections: MenuSection[]) => request<{ sections: MenuSection[] }>('PUT', '/api/admin/menu', { sections }),
  users: () => request<User[]>('GET', '/api/admin/users'),
  createUser: (u: { email: string; name: string; role: string; password: string }) =>
    request<User>('POST', '/api/admin/users', u),
  patchUser: (id: string, u: Partial<User>) => request<User>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, u),
  resetPassword: (id: string, password: string) =>
    request<unknown>('POST', `/api/admin/users/${encodeURIComponent(id)}/password`, { password }),
  conversations: (q: Record<string, string>) =>
    request<ConversationSummary[]>('GET', `/api/admin/conversations?${new URLSearchParams(q).toString()}`),
  conversation: (id: string) =>
    request<{ id: string; channel: string; transcript: TranscriptEntry[]; reservations: Reservation[] }>(
      'GET',
      `/api/admin/conversations/${encodeURIComponent(id)}`,
    ),
  insights: (from: string, to: string) => request<InsightsData>('GET', `/api/admin/insights?from=${from}&to=${to}`),
  outbox: (q: Record<string, string>) =>
    request<OutboxItem[]>('GET', `/api/admin/outbox?${new URLSearchParams(q).toString()}`),
  retryOutbox: (id: string) => request<OutboxItem>('POST', `/api/admin/outbox/${encodeURIComponent(id)}/retry`),
  testNotification: (body: { channel?: MessageKind; to?: string; language?: Language }) =>
    request<{ queued: OutboxItem[] }>('POST', '/api/notifications/test', body),
  waitlist: (all = false) => request<WaitlistItem[]>('GET', `/api/admin/waitlist${all ? '?all=1' : ''}`),
  addToWaitlist: (body: {
    name: string;
    phone?: string;
    partySize: number;
    quotedMinutes?: number | null;
    language?: Language;
  }) => request<WaitlistItem>('POST', '/api/admin/waitlist', body),
  /** notify (text "table ready"), seat (make the walk-in booking), cancel (off the list), restore. */
  waitlistAction: (id: string, action: 'notify' | 'seat' | 'cancel' | 'restore', body?: { tableIds?: string[] }) =>
    request<unknown>('POST', `/api/admin/waitlist/${encodeURIComponent(id)}/${action}`, body ?? {}),
  callbacks: (status: 'open' | 'done' | 'all') =>
    request<CallbackTask[]>('GET', `/api/admin/callbacks?status=${encodeURIComponent(status)}`),
  patchCallback: (id: string, done: boolean) =>
    request<CallbackTask>('PATCH', `/api/admin/callbacks/${encodeURIComponent(id)}`, { done }),
  sendReminder: (id: string) =>
    request<{ queued: OutboxItem[] }>('POST', `/api/notifications/reminder/${encodeURIComponent(id)}`),
};

export interface InsightsData {
  from: string;
  to: string;
  totals: { bookings: number; covers: number; cancelled: number; noShows: number; walkIns: number };
  coversByServiceAndDay: { date: string; service: string; covers: number; bookings: number }[];
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  noShowRate: number | null;
  conversations: { total: number; handoff: number; handoffRate: number | null };
}
