import type http from 'node:http';
import type { Server } from 'restify';
import type { BookingEventBus, BookingService, Clock, Store } from '../booking-core';
import type { StaffAuth } from '../dashboard/auth';
import type { Config } from './config';

/** What every module of the server gets: the wired product. */
export interface AppContext {
  config: Config;
  store: Store;
  bookings: BookingService;
  /** This instance's booking events: notifications listen here, so each booking is announced once. */
  events: BookingEventBus;
  /** Every instance's booking events: staff screens listen here. */
  feed: BookingEventBus;
  instanceId: string;
  clock: Clock;
  restaurantId: string;
  server: Server;
  /** The node http(s) server under restify (socket.io attaches here). */
  httpServer: http.Server;
  auth: StaffAuth;
  log: (line: string) => void;
  /** Run at shutdown, last registered first. */
  onClose: (fn: () => Promise<void> | void) => void;
}

export type AppModule = (ctx: AppContext) => Promise<void> | void;
