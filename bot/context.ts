import type { BookingEventBus, Clock } from '../booking-core';
import type { DashboardContext } from '../dashboard/context';
import type { Config } from './config';

/** What every module of the server gets: the wired product (the dashboard's needs and more). */
export interface AppContext extends DashboardContext {
  config: Config;
  /** This instance's booking events: notifications listen here, so each booking is announced once. */
  events: BookingEventBus;
  instanceId: string;
  clock: Clock;
}

export type AppModule = (ctx: AppContext) => Promise<void> | void;
