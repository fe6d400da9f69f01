// Wires the product together: store, booking core, staff auth, the restify server and every
// module (public API, staff API, channels, live feed, notifications).
import { inRequest } from './log-context';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type http from 'node:http';
import restify from 'restify';
import {
  BookingError,
  BookingEventBus,
  BookingService,
  demoRestaurant,
  demoTables,
  systemClock,
  type Clock,
  type Store,
} from '../booking-core';
import { SqliteStore } from '../booking-core/stores/sqlite-store';
import { StaffAuth } from '../dashboard/auth';
import { sqliteFileIn } from './backup';
import { bookingsPerAddress } from './booking-gate';
import { FIRST_DESIGN_EVENT_NAMES } from './compat/first-design';
import type { Config } from './config';
import type { AppContext } from './context';
import {
  clientKey,
  parseBody,
  parseQuery,
  rateLimit,
  readClientAddress,
  route,
  securityHeaders,
  sendError,
} from './http';
import { startLiveRelay } from './live-relay';
import { MODULES } from './modules';
import { memoryLimiters, mongoConnectionOf, mongoLimiters, sweepRateLimits } from './rate-limiters';

const MAX_BODY_BYTES = 64 * 1024;
const HOLD_SWEEP_MS = 30_000;
/** Expired records (webhook answers, counters) are deleted this often; reads ignore them already. */
const RECORD_SWEEP_MS = 10 * 60_000;
/** How long /health waits for the store before saying it is down. */
const HEALTH_STORE_MS = 2000;

export interface App {
  ctx: AppContext;
  /**
   * The first admin's login, as start-up prints it: a generated password is never printed, only
   * written once to `passwordFile`, readable by its owner alone.
   */
  admin: { email: string; passwordFile: string | null; created: boolean };
  listen(): Promise<string>;
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<Store> {
  if (config.mongodbUri) {
    const { MongoStore } = await import('../booking-core/stores/mongo-store');
    return new MongoStore(config.mongodbUri);
  }
  return new SqliteStore(sqliteFileIn(config.dataDir));
}

/** Where a generated first admin password is written (in DATA_DIR). */
const FIRST_ADMIN_FILE = 'first-admin-password.txt';

/** Writes `text` to `dir/name`, readable and writable by the owner only; returns the path. */
function writeOwnerOnly(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, name);
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** Whether the store answers a read within HEALTH_STORE_MS (a lost database may hang rather than fail). */
function storeAnswers(store: Store): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), HEALTH_STORE_MS);
    store
      .records()
      .get('health', 'probe', new Date())
      .then(
        () => resolve(true),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer));
  });
}

/** Seeds the demo restaurant into an empty store; returns the restaurant to serve. */
async function restaurantOf(store: Store): Promise<string> {
  const existing = await store.firstRestaurant();
  if (existing) return existing.id;
  const demo = demoRestaurant();
  await store.saveRestaurant(demo);
  for (const t of demoTables(demo.id)) await store.saveTable(t);
  return demo.id;
}

export async function createApp(
  config: Config,
  options: { clock?: Clock; store?: Store; log?: (line: string) => void } = {},
): Promise<App> {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore(config));
  await store.init();
  const restaurantId = await restaurantOf(store);
  const events = new BookingEventBus();
  const bookings = new BookingService(store, restaurantId, {
    clock,
    events,
    limits: { activeBookingsPerGuest: config.caps.activeBookingsPerGuest },
    gate: bookingsPerAddress(store, clock, config.caps.bookingsPerAddressPerHour),
  });
  const auth = new StaffAuth(store, config.jwtSecret, sendError, config.jwtTtlSeconds);
  const firstAdmin = await auth.ensureFirstAdmin(config.admin, config.production);
  const admin = {
    email: firstAdmin.email,
    created: firstAdmin.created,
    passwordFile: firstAdmin.password ? writeOwnerOnly(config.dataDir, FIRST_ADMIN_FILE, firstAdmin.password) : null,
  };

  const server = restify.createServer({
    name: 'maitre',
    handleUncaughtExceptions: false,
    ...(config.tls ? { certificate: readFileSync(config.tls.certPath), key: readFileSync(config.tls.keyPath) } : {}),
  });
  server.pre(restify.plugins.pre.dedupeSlashes());
  server.pre(readClientAddress(config.trustProxy));
  server.use(securityHeaders(config));
  // One id per request, answered in X-Request-Id and carried by its log line.
  server.use((req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.header('X-Request-Id', req.getId());
    next();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const ms = Date.now() - (req.time?.() ?? Date.now());
    log(`[http] ${req.method} ${req.path()} ${res.statusCode} ${ms}ms req=${req.getId()}`);
  });
  server.use(
    restify.plugins.queryParser({ mapParams: false, allowDots: false, plainObjects: true, arrayLimit: 20, depth: 2 }),
  );
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));
  // After the body is read (its events run outside the request's async context): from here on,
  // every line logged for this request carries its id.
  server.use((req: restify.Request, _res: restify.Response, next: restify.Next) => inRequest(req.getId(), next));
  server.on(
    'restifyError',
    (
      req: restify.Request,
      _res: restify.Response,
      err: Error & { statusCode?: number; body?: { code?: string } },
      cb: () => void,
    ) => {
      // restify's own errors (bad JSON, body too large, unknown route) in the API's error shape.
      const status = err.statusCode ?? 500;
      const code =
        status === 404
          ? 'not_found'
          : status === 405
            ? 'not_found'
            : status === 413
              ? 'payload_too_large'
              : status === 415
                ? 'unsupported_media_type'
                : status >= 500
                  ? 'internal'
                  : 'invalid_input';
      const message =
        status === 404 || status === 405
          ? `No route ${req.method} ${req.path()}.`
          : status >= 500
            ? 'Something went wrong on our side.'
            : status === 413
              ? 'The request body is too large.'
              : 'The request could not be read (malformed body).';
      if (status >= 500) log(`[http] ${req.method} ${req.path()}: ${err.stack ?? err.message}`);
      (err as Error & { toJSON?: () => unknown }).toJSON = () => ({ error: code, message });
      cb();
    },
  );
  server.on('uncaughtException', (req: restify.Request, res: restify.Response, _route: unknown, err: Error) => {
    log(`[http] uncaught in ${req.method} ${req.path()}: ${err.stack ?? err.message}`);
    sendError(res, new BookingError('internal'));
  });

  // Rate limits shared by every instance on MongoDB; this instance's own on the embedded store.
  const mongo = mongoConnectionOf(store);
  const limiters = mongo ? await mongoLimiters(mongo) : memoryLimiters;
  const closers: Array<() => Promise<void> | void> = [];
  const relay = startLiveRelay(events, store, log);
  closers.push(() => relay.close());
  const ctx: AppContext = {
    config,
    store,
    bookings,
    events,
    feed: relay.feed,
    instanceId: relay.instanceId,
    clock,
    limiters,
    restaurantId,
    server,
    httpServer: server.server as unknown as http.Server,
    http: {
      route,
      parseBody,
      parseQuery,
      rateLimit: (points) => rateLimit(points, clientKey, limiters(`requests-${points}-per-minute`, points, 60)),
      sendError,
      clientKey,
    },
    auth,
    log,
    liveEventAliases: FIRST_DESIGN_EVENT_NAMES,
    onClose: (fn) => closers.push(fn),
  };

  const startedAt = Date.now();
  server.get('/health', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    void storeAnswers(store).then((up) => {
      const about = {
        instance: relay.instanceId.slice(0, 8),
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
      if (up) res.json({ status: 'ok', store: store.kind, ...about });
      else {
        res.status(503);
        res.json({
          error: 'unavailable_service',
          message: 'The store cannot be reached.',
          status: 'down',
          store: 'down',
          ...about,
        });
      }
      next();
    });
  });

  for (const register of MODULES) await register(ctx);

  const sweeper = setInterval(() => {
    bookings.sweepExpiredHolds().catch((err: Error) => log(`[holds] sweep failed: ${err.message}`));
  }, HOLD_SWEEP_MS);
  sweeper.unref();
  const recordSweeper = setInterval(() => {
    store
      .records()
      .sweep(clock())
      .catch((err: Error) => log(`[records] sweep failed: ${err.message}`));
    if (mongo) sweepRateLimits(mongo, clock()).catch((err: Error) => log(`[limits] sweep failed: ${err.message}`));
  }, RECORD_SWEEP_MS);
  recordSweeper.unref();

  return {
    ctx,
    admin,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve(server.url));
      }),
    close: async () => {
      clearInterval(sweeper);
      clearInterval(recordSweeper);
      for (const fn of closers.reverse()) await fn();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
