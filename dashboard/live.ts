// The staff live feed: socket.io on the server's own port. A socket must show a valid staff
// JWT in its handshake (`auth: {token}`); it then receives every reservation event. The token
// is checked again before each event goes to the socket and on each packet the socket sends:
// a session ended on any instance (password reset, role change, disable) closes the socket at
// its next event, without waiting for the token's expiry.
import type http from 'node:http';
import jwt from 'jsonwebtoken';
import { Server as SocketServer, type Socket } from 'socket.io';
import { BOOKING_EVENT_NAMES, type BookingEventBus, type User } from '../booking-core';

/** Room every authenticated staff socket joins; events go to it only. */
const STAFF_ROOM = 'staff';

export interface LiveAuth {
  verify(token: string | undefined | null): Promise<User | null>;
}

export interface LiveFeed {
  io: SocketServer;
  /** Drops a user's open sockets at once (disabled account, reset password). */
  disconnectUser(userId: string): void;
  connectedCount(): number;
  close(): Promise<void>;
}

export function attachLiveFeed(
  httpServer: http.Server,
  events: BookingEventBus,
  auth: LiveAuth,
  log: (line: string) => void = () => {},
  /** Further names each event is also emitted under, for older clients the host still serves. */
  aliases: Partial<Record<string, readonly string[]>> = {},
): LiveFeed {
  const io = new SocketServer(httpServer, { serveClient: false, path: '/socket.io' });

  io.use((socket, next) => {
    const raw: unknown = socket.handshake.auth?.token;
    const token = typeof raw === 'string' ? raw : null;
    auth.verify(token).then(
      (user) => {
        if (!user)
          return next(
            new Error(token ? 'unauthorized: invalid or expired token' : 'unauthorized: a token is required'),
          );
        socket.data.userId = user.id;
        socket.data.role = user.role;
        next();
      },
      () => next(new Error('unauthorized')),
    );
  });

  /** Still the same valid session? If not, the socket is closed. */
  const stillValid = async (socket: Socket): Promise<boolean> => {
    const raw: unknown = socket.handshake.auth?.token;
    const user = await auth.verify(typeof raw === 'string' ? raw : null).catch(() => null);
    if (user && user.id === socket.data.userId) return true;
    socket.disconnect(true);
    return false;
  };
  /** Per socket, events leave in the order they came, each after its check. */
  const queues = new WeakMap<Socket, Promise<void>>();
  const deliver = (names: readonly string[], payload: unknown) => {
    for (const socket of io.of('/').sockets.values()) {
      if (!socket.rooms.has(STAFF_ROOM)) continue;
      const previous = queues.get(socket) ?? Promise.resolve();
      const sent = previous.then(async () => {
        if (await stillValid(socket)) for (const name of names) socket.emit(name, payload);
      });
      queues.set(socket, sent);
    }
  };

  io.on('connection', (socket: Socket) => {
    void socket.join(STAFF_ROOM);
    socket.use((_packet, next) => {
      stillValid(socket).then(
        (ok) => (ok ? next() : undefined),
        () => undefined,
      );
    });
    socket.emit('hello', { userId: socket.data.userId, role: socket.data.role });
    // A token stops being good at its expiry: the socket closes then, and the page logs in again.
    const exp = expiryOf(socket.handshake.auth?.token);
    if (exp) {
      const ms = exp * 1000 - Date.now();
      const timer = setTimeout(() => socket.disconnect(true), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
      timer.unref();
      socket.on('disconnect', () => clearTimeout(timer));
    }
  });

  const unsubscribe = BOOKING_EVENT_NAMES.map((name) =>
    events.on(name, (reservation) => {
      // Holds are internal: staff see a booking once it is made.
      if (reservation.status === 'held') return;
      deliver([name, ...(aliases[name] ?? [])], reservation);
    }),
  );
  unsubscribe.push(events.on('waitlist:changed', (entry) => deliver(['waitlist:changed'], entry)));
  unsubscribe.push(events.on('callback:changed', (task) => deliver(['callback:changed'], task)));
  unsubscribe.push(events.on('message:undelivered', (message) => deliver(['message:undelivered'], message)));

  log('[live] socket.io staff feed on /socket.io');
  return {
    io,
    disconnectUser(userId) {
      for (const [, socket] of io.of('/').sockets) if (socket.data.userId === userId) socket.disconnect(true);
    },
    connectedCount: () => io.of('/').sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const off of unsubscribe) off();
        // io.close() would also close the http server, which the app closes itself.
        io.disconnectSockets(true);
        io.engine.close();
        resolve();
      }),
  };
}

function expiryOf(token: unknown): number | null {
  if (typeof token !== 'string') return null;
  const decoded = jwt.decode(token);
  return decoded && typeof decoded === 'object' && typeof decoded.exp === 'number' ? decoded.exp : null;
}
