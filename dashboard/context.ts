// What the dashboard needs from the server that hosts it. The dashboard imports only the
// booking core and itself; bot/app.ts builds this context (its AppContext extends it) and
// hands it to registerStaffApi and registerDashboard.
import type http from 'node:http';
import type { Server } from 'restify';
import type { BookingEventBus, BookingService, Store } from '../booking-core';
import type { StaffAuth } from './auth';
import type { HttpKit } from './http-kit';

export interface DashboardContext {
  server: Server;
  /** The node http(s) server under restify (socket.io attaches here). */
  httpServer: http.Server;
  http: HttpKit;
  store: Store;
  bookings: BookingService;
  /** Every instance's booking events: staff screens listen here. */
  feed: BookingEventBus;
  auth: StaffAuth;
  restaurantId: string;
  /** Now, as the server sees it (tests move it by hand). */
  clock: () => Date;
  config: { loginRateLimitPerMinute: number };
  log: (line: string) => void;
  /** Extra names the live feed also emits each booking event under (earlier clients' names). */
  liveEventAliases?: Partial<Record<string, readonly string[]>>;
  /** Run at shutdown, last registered first. */
  onClose: (fn: () => Promise<void> | void) => void;
}
