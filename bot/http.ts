// HTTP plumbing shared by every route: one JSON error shape ({"error","message"}), body
// validation, rate limits, security headers. The booking core's error table is mapped to
// statuses here, once; dashboard/http-kit.ts is the part of it the dashboard's routes get.
import type { Request, Response, Next } from 'restify';
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { z } from 'zod';
import { BookingError, ERROR_CODES, type ErrorCode } from '../booking-core';

export function sendError(res: Response, err: unknown, log?: (line: string) => void): void {
  let code: ErrorCode = 'internal';
  let message: string = ERROR_CODES.internal.message;
  const extra: Record<string, unknown> = {};
  if (err instanceof BookingError) {
    code = err.code;
    message = err.message;
    if (err.details.field) extra.field = err.details.field;
    if (err.details.alternatives) extra.alternatives = err.details.alternatives;
  } else {
    // Never a stack trace or a driver message to the client; the log gets the detail.
    log?.(`[http] unexpected error: ${(err as Error)?.stack ?? String(err)}`);
  }
  if (code === 'unavailable' && !('alternatives' in extra)) extra.alternatives = [];
  if (res.headersSent) return;
  res.status(ERROR_CODES[code].status);
  res.json({ error: code, message, ...extra });
}

/** Wraps an async handler: every failure becomes the JSON error shape. */
export function route(handler: (req: Request, res: Response) => Promise<void>, log?: (line: string) => void) {
  return (req: Request, res: Response, next: Next): void => {
    handler(req, res).then(
      () => next(),
      (err: unknown) => {
        sendError(res, err, log);
        next();
      },
    );
  };
}

/** Parses a JSON body against a schema, naming the first bad field. */
export function parseBody<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const type = String(req.headers['content-type'] ?? '');
  if (req.body !== undefined && req.body !== null && !/application\/json/i.test(type)) {
    throw new BookingError('unsupported_media_type');
  }
  // No body at all reads as {} (the schema names what is missing); a JSON null does not.
  return parseWith(schema, req.body === undefined || req.body === '' ? {} : req.body);
}

export function parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return parseWith(schema, req.query ?? {});
}

function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new BookingError('invalid_input', 'The body must be a JSON object.');
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '');
  const message =
    issue.code === 'unrecognized_keys'
      ? `Unknown field: ${issue.keys.join(', ')}.`
      : `${field || 'body'}: ${issue.message}`;
  throw new BookingError('invalid_input', message, field ? { field } : {});
}

const clientAddresses = new WeakMap<object, string>();

/**
 * The client's address, for rate limits and counts: the connection's, or behind
 * `trustedProxies` proxies (TRUST_PROXY) the one X-Forwarded-For names that many hops back.
 * Only the entries our own proxies appended are believed: a client can write anything in
 * front of them.
 */
export function clientAddress(req: Request, trustedProxies: number): string {
  const remote = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return remote;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const hops = [remote, ...forwarded.reverse()];
  return hops[Math.min(trustedProxies, hops.length - 1)];
}

/** A middleware that reads each request's client address once (see clientAddress). */
export function readClientAddress(trustedProxies: number) {
  return (req: Request, _res: Response, next: Next): void => {
    clientAddresses.set(req, clientAddress(req, trustedProxies));
    next();
  };
}

/** The key rate limits count a client by. */
export function clientKey(req: Request): string {
  return clientAddresses.get(req) ?? req.socket?.remoteAddress ?? 'unknown';
}

/**
 * Per-client request budget per minute; over it, 429 in the JSON error shape. Counted by
 * `limiter` when given (bot/rate-limiters.ts: shared by instances on MongoDB), else in memory.
 */
export function rateLimit(
  pointsPerMinute: number,
  keyOf: (req: Request) => string = clientKey,
  limiter: RateLimiterAbstract = new RateLimiterMemory({ points: pointsPerMinute, duration: 60 }),
) {
  return (req: Request, res: Response, next: Next): void => {
    limiter.consume(keyOf(req)).then(
      () => next(),
      (rej: { msBeforeNext?: number }) => {
        res.header('Retry-After', String(Math.ceil((rej.msBeforeNext ?? 60_000) / 1000)));
        sendError(res, new BookingError('rate_limited'));
        next(false);
      },
    );
  };
}

/**
 * What a page this server sends may load: its own scripts and styles (the widget's script may
 * come from PUBLIC_BASE_URL when that is another origin), talk to this server only, and be
 * framed by no one. Sent with every response, so every HTML route has the same policy.
 */
export function pagePolicy(publicBaseUrl: string): string {
  let origin = '';
  try {
    origin = new URL(publicBaseUrl).origin;
  } catch {
    /* no public origin to allow */
  }
  const self = origin ? `'self' ${origin}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${self}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${self} ws: wss:`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Headers on every response. Framing is refused everywhere: the web chat is embedded as a
 * script, never a frame. Source maps are not served in production.
 */
export function securityHeaders(options: { publicBaseUrl: string; production: boolean }) {
  const policy = pagePolicy(options.publicBaseUrl);
  return (req: Request, res: Response, next: Next): void => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.header('Cross-Origin-Opener-Policy', 'same-origin');
    res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.header('Content-Security-Policy', policy);
    res.header('X-Frame-Options', 'DENY');
    if (req.isSecure()) res.header('Strict-Transport-Security', 'max-age=31536000');
    if (options.production && req.path().endsWith('.map')) {
      sendError(res, new BookingError('not_found', `No file ${req.path()}.`));
      next(false);
      return;
    }
    next();
  };
}
