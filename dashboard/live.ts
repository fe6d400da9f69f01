// The staff live feed: socket.io on the server's own port. A socket must show a valid staff
// JWT in its handshake (`auth: {token}`); it then receives every reservation event.
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

  io.on('connection', (socket: Socket) => {
    void socket.join(STAFF_ROOM);
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
      io.to(STAFF_ROOM).emit(name, reservation);
      for (const alias of aliases[name] ?? []) io.to(STAFF_ROOM).emit(alias, reservation);
    }),
  );
  unsubscribe.push(events.on('waitlist:changed', (entry) => io.to(STAFF_ROOM).emit('waitlist:changed', entry)));
  unsubscribe.push(events.on('callback:changed', (task) => io.to(STAFF_ROOM).emit('callback:changed', task)));

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
