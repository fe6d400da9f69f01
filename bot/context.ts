import type { BookingEventBus, Clock } from '../booking-core';
import type { DashboardContext } from '../dashboard/context';
import type { Config } from './config';
import type { Limiters } from './rate-limiters';

/** What every module of the server gets: the wired product (the dashboard's needs and more). */
export interface AppContext extends DashboardContext {
  config: Config;
  /** This instance's booking events: notifications listen here, so each booking is announced once. */
  events: BookingEventBus;
  instanceId: string;
  clock: Clock;
  /** Rate limiters by name (shared by every instance when the store can hold them). */
  limiters: Limiters;
}

export type AppModule = (ctx: AppContext) => Promise<void> | void;
