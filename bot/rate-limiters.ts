// Rate limiters by name: each one counts requests per key (a client address, a conversation)
// in a window. Held in this process's memory.
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** A limiter of `points` per `durationSeconds`; `name` keeps its counts apart from the others'. */
export type Limiters = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

export const memoryLimiters: Limiters = (name, points, duration) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration });

/** Takes one point for each key; false when any of them has none left. */
export async function consumeAll(checks: Array<[RateLimiterAbstract, string]>): Promise<boolean> {
  const outcomes = await Promise.allSettled(checks.map(([limiter, key]) => limiter.consume(key)));
  return outcomes.every((o) => o.status === 'fulfilled');
}
