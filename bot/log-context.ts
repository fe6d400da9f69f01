// Which request and which conversation turn a log line belongs to, without passing ids through
// every module: the server's modules log plain lines, and the logger adds the ids of the work
// it is running for (Node's AsyncLocalStorage follows them across awaits).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export interface LogFields {
  /** The HTTP request's id (answered in X-Request-Id). */
  reqId?: string;
  /** One conversation turn: every line the bot, the dialogs and the booking core log during it. */
  turn?: string;
}

const current = new AsyncLocalStorage<LogFields>();

export function logFields(): LogFields {
  return current.getStore() ?? {};
}

/** Runs `work` as one HTTP request: what it logs carries the request's id. */
export function inRequest<T>(reqId: string, work: () => T): T {
  return current.run({ reqId }, work);
}

/** Runs `work` as one conversation turn, inside the request that brought it if any. */
export function inTurn<T>(work: () => T): T {
  return current.run({ ...logFields(), turn: randomBytes(4).toString('hex') }, work);
}
