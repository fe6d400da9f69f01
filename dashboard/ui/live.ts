// The browser side of the live feed: one socket.io connection with the staff token,
// reconnecting by itself after a network cut. Views subscribe to reservation and waitlist events.
import { io, type Socket } from 'socket.io-client';
import { signal } from './signal';
import { endSession } from './session';
import type { CallbackTask, Reservation, UndeliveredMessage } from './types';

export type LiveState = 'connecting' | 'live' | 'reconnecting';
export type LiveEvent = { kind: 'created' | 'updated' | 'cancelled'; reservation: Reservation };

export const liveState = signal<LiveState>('connecting');
export const lastEvent = signal<LiveEvent | null>(null);
/** The last guest message Twilio could not deliver (a toast says so). */
export const lastUndelivered = signal<UndeliveredMessage | null>(null);
/** Bumped on each waitlist change (added, texted, answered, seated, gone): the waitlist page reloads. */
export const waitlistChanges = signal(0);
/** Bumped on each reconnect: views refetch what they may have missed. */
export const reconnects = signal(0);
/** The latest change to a call to return, as the server announced it. */
export const lastCallback = signal<CallbackTask | null>(null);

let socket: Socket | null = null;

export function startLive(token: string): void {
  stopLive();
  liveState.set('connecting');
  const s = io({
    auth: { token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = s;
  let wasConnected = false;
  s.on('connect', () => {
    liveState.set('live');
    if (wasConnected) reconnects.set(reconnects.get() + 1);
    wasConnected = true;
  });
  s.on('disconnect', (reason) => {
    liveState.set('reconnecting');
    // The server closed the socket (token expired or account disabled): it will not come back by itself.
    if (reason === 'io server disconnect') endSession('expired');
  });
  s.on('connect_error', (err) => {
    liveState.set('reconnecting');
    if (/unauthorized/.test(err.message)) endSession('expired');
  });
  s.on('reservation:created', (r: Reservation) => lastEvent.set({ kind: 'created', reservation: r }));
  s.on('reservation:updated', (r: Reservation) => lastEvent.set({ kind: 'updated', reservation: r }));
  s.on('reservation:cancelled', (r: Reservation) => lastEvent.set({ kind: 'cancelled', reservation: r }));
  s.on('waitlist:changed', () => waitlistChanges.set(waitlistChanges.get() + 1));
  s.on('callback:changed', (task: CallbackTask) => lastCallback.set(task));
  s.on('message:undelivered', (m: UndeliveredMessage) => lastUndelivered.set(m));
}

export function stopLive(): void {
  socket?.removeAllListeners();
  socket?.close();
  socket = null;
}
