// How a failed send is retried: exponential backoff, capped, then given up ("failed").
export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  factor: number;
  maxMs: number;
  /** Attempts in all (the first one included) before an entry is marked failed. */
  maxAttempts: number;
}

/** 30 s, 1, 2, 4, 8 min, then failed: a short SMTP or Twilio outage is ridden out. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 2, maxMs: 3_600_000, maxAttempts: 6 };

/** The wait before the next try, after `attempts` tries have failed (attempts >= 1). */
export function retryDelayMs(policy: BackoffPolicy, attempts: number): number {
  const exp = policy.baseMs * policy.factor ** Math.max(0, attempts - 1);
  return Math.min(policy.maxMs, Math.round(exp));
}

export type FailureOutcome = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What becomes of an entry whose attempt number `attempts` just failed. */
export function afterFailure(policy: BackoffPolicy, attempts: number, now: Date, permanent: boolean): FailureOutcome {
  if (permanent || attempts >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(policy, attempts)) };
}
