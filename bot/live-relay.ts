// One live feed for staff screens, whichever app instance made the booking. Events of this
// instance go out at once and into the store; events of the other instances are read back
// from the store by polling (MongoDB change streams are not relied on). Notifications keep
// listening to the local bus only, so each booking is announced to guests once.
import { randomUUID } from 'node:crypto';
import {
  BookingEventBus,
  LIVE_EVENT_NAMES,
  type BookingEventName,
  type BookingEvents,
  type Store,
} from '../booking-core';

const POLL_MS = 1000;
/** Events are read back with this much overlap, so a slow writer's event is not missed. */
const OVERLAP_MS = 15_000;
const KEEP_MS = 24 * 3600_000;

export interface LiveRelay {
  feed: BookingEventBus;
  instanceId: string;
  /** Reads the other instances' events now (tests; the timer does it every second). */
  pollOnce(): Promise<void>;
  close(): void;
}

export function startLiveRelay(
  local: BookingEventBus,
  store: Store,
  log: (line: string) => void,
  instanceId = randomUUID(),
): LiveRelay {
  const feed = new BookingEventBus();
  const seen = new Map<string, number>();
  let cursor = new Date(Date.now() - OVERLAP_MS).toISOString();

  const unsubscribe = LIVE_EVENT_NAMES.map((name) =>
    local.on(name, (payload) => {
      feed.emit(name, payload);
      const id = randomUUID();
      seen.set(id, Date.now());
      store
        .appendFeed({ id, name, payload, at: new Date().toISOString(), instance: instanceId })
        .catch((err: Error) => log(`[live] could not share ${name} with other instances: ${err.message}`));
    }),
  );

  let polling = false;
  const pollOnce = async () => {
    if (polling) return;
    polling = true;
    try {
      const events = await store.feedSince(cursor, 500);
      for (const e of events) {
        if (e.instance === instanceId || seen.has(e.id) || !LIVE_EVENT_NAMES.includes(e.name as BookingEventName))
          continue;
        seen.set(e.id, Date.now());
        feed.emit(e.name as BookingEventName, e.payload as BookingEvents[BookingEventName]);
      }
      const now = Date.now();
      cursor = new Date(now - OVERLAP_MS).toISOString();
      for (const [id, at] of seen) if (now - at > OVERLAP_MS * 4) seen.delete(id);
    } catch (err) {
      log(`[live] could not read other instances' events: ${(err as Error).message}`);
    } finally {
      polling = false;
    }
  };

  const poller = setInterval(() => void pollOnce(), POLL_MS);
  poller.unref();
  const pruner = setInterval(() => {
    store.pruneFeed(new Date(Date.now() - KEEP_MS).toISOString()).catch(() => undefined);
  }, 3600_000);
  pruner.unref();

  return {
    feed,
    instanceId,
    pollOnce,
    close: () => {
      clearInterval(poller);
      clearInterval(pruner);
      for (const off of unsubscribe) off();
    },
  };
}
