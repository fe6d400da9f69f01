// The HTTP plumbing the dashboard's routes use. The server that hosts them gives it
// (bot/http.ts implements it), so errors are mapped to statuses in one place for every route.
import type { Next, Request, RequestHandler, Response } from 'restify';
import type { z } from 'zod';

/**
 * Every failure answered in one JSON error shape, bodies and queries checked against a
 * schema, per-client rate limits. Routes throw BookingError with a code from
 * booking-core/errors.ts; `sendError` maps it to its status.
 */
export interface HttpKit {
  /** Wraps an async handler: whatever it throws becomes `{"error","message"}` with its status. */
  route(handler: (req: Request, res: Response) => Promise<void>, log?: (line: string) => void): RequestHandler;
  /** The JSON body checked against `schema`; throws invalid_input naming the first bad field. */
  parseBody<T extends z.ZodType>(req: Request, schema: T): z.infer<T>;
  parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T>;
  /** A middleware allowing `pointsPerMinute` requests per client, then 429. */
  rateLimit(pointsPerMinute: number): (req: Request, res: Response, next: Next) => void;
  /** The client's address as rate limits count it (behind TRUST_PROXY proxies, the real client). */
  clientKey(req: Request): string;
  /** Answers `err` in the JSON error shape (for middlewares, which do not throw). */
  sendError(res: Response, err: unknown, log?: (line: string) => void): void;
}
