// Failed staff logins, counted in the store (so every instance sees them): per client address
// (LOGIN_RATE_LIMIT_PER_MINUTE failures a minute) and per account (from the fifth failure in an
// hour, the account waits before its next try, twice as long after each further failure, up to
// 15 minutes). Only failures count: a successful login costs nothing and clears the account's
// count. Unknown emails are counted like known ones, so the answers do not tell them apart.
import type { RecordStore } from '../booking-core';

const ADDRESS_FAILURES = 'login-failure-address';
const ACCOUNT_FAILURES = 'login-failure-account';
const ACCOUNT_LOCK = 'login-lock';

const MINUTE_MS = 60_000;
/** An account's failures are remembered this long. */
const ACCOUNT_WINDOW_MS = 60 * MINUTE_MS;
/** Failures an account may have before it must wait. */
export const FREE_ACCOUNT_FAILURES = 4;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * MINUTE_MS;

export interface LoginRefusal {
  scope: 'address' | 'account';
  retryAfterSeconds: number;
}

/** How long an account waits after its nth failure in the window (0: not at all). */
export function lockMs(failures: number): number {
  if (failures <= FREE_ACCOUNT_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ACCOUNT_FAILURES - 1), LONGEST_LOCK_MS);
}

export class LoginGuard {
  constructor(
    private readonly records: () => RecordStore,
    private readonly failuresPerMinutePerAddress: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Why this attempt may not be tried now, or null. */
  async refusal(email: string, address: string): Promise<LoginRefusal | null> {
    const now = this.now();
    const records = this.records();
    if ((await records.count(ADDRESS_FAILURES, address, now)) >= this.failuresPerMinutePerAddress)
      return { scope: 'address', retryAfterSeconds: 60 };
    const lock = await records.get<{ until: string }>(ACCOUNT_LOCK, accountKey(email), now);
    if (lock) {
      const ms = new Date(lock.until).getTime() - now.getTime();
      return { scope: 'account', retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
    }
    return null;
  }

  async failed(email: string, address: string): Promise<void> {
    const now = this.now();
    const records = this.records();
    await records.increment(ADDRESS_FAILURES, address, new Date(now.getTime() + MINUTE_MS), now);
    const key = accountKey(email);
    const failures = await records.increment(ACCOUNT_FAILURES, key, new Date(now.getTime() + ACCOUNT_WINDOW_MS), now);
    const wait = lockMs(failures);
    if (wait) {
      const until = new Date(now.getTime() + wait);
      await records.put(ACCOUNT_LOCK, key, { until: until.toISOString() }, until);
    }
  }

  async succeeded(email: string): Promise<void> {
    const records = this.records();
    await records.delete(ACCOUNT_FAILURES, accountKey(email));
    await records.delete(ACCOUNT_LOCK, accountKey(email));
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();
