// Twilio may request a <Record> action before the recording's file can be downloaded; it says
// when the file is ready through the recordingStatusCallback, a separate webhook that can arrive
// before or after the action. This pairs the two on one instance: the action waits a moment for
// the callback, and a callback that came first is remembered for a while.

export type RecordingState = 'completed' | 'absent';

/** How long a callback that came before its action is remembered. */
const REMEMBER_MS = 60_000;
/** Bound on what is remembered, whatever the call volume. */
const MAX_REMEMBERED = 5_000;

export class RecordingReadiness {
  private readonly settled = new Map<string, { state: RecordingState; at: number }>();
  private readonly waiters = new Map<string, Array<(state: RecordingState) => void>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The recordingStatusCallback arrived: the file is ready, or there is none. */
  settle(recordingSid: string, state: RecordingState): void {
    this.forgetOld();
    const waiting = this.waiters.get(recordingSid);
    if (waiting) {
      this.waiters.delete(recordingSid);
      for (const resolve of waiting) resolve(state);
    }
    if (this.settled.size >= MAX_REMEMBERED) {
      const oldest = this.settled.keys().next().value;
      if (oldest !== undefined) this.settled.delete(oldest);
    }
    this.settled.set(recordingSid, { state, at: this.now() });
  }

  /**
   * The recording's state once its callback arrived, or 'unknown' after `ms` (the callback may
   * have gone to another instance, or be late): the caller then tries the download anyway.
   */
  wait(recordingSid: string, ms: number): Promise<RecordingState | 'unknown'> {
    const known = this.settled.get(recordingSid);
    if (known) return Promise.resolve(known.state);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(recordingSid) ?? [];
        const rest = list.filter((w) => w !== done);
        if (rest.length) this.waiters.set(recordingSid, rest);
        else this.waiters.delete(recordingSid);
        resolve('unknown');
      }, ms);
      const done = (state: RecordingState) => {
        clearTimeout(timer);
        resolve(state);
      };
      this.waiters.set(recordingSid, [...(this.waiters.get(recordingSid) ?? []), done]);
    });
  }

  /** Whether a turn is waiting for this recording's callback now. */
  isAwaited(recordingSid: string): boolean {
    return this.waiters.has(recordingSid);
  }

  private forgetOld(): void {
    const cutoff = this.now() - REMEMBER_MS;
    for (const [sid, entry] of this.settled) {
      if (entry.at >= cutoff) break;
      this.settled.delete(sid);
    }
  }
}

/** A recording's sid: Twilio sends it, and it is the last segment of its URL. */
export function recordingSidOf(params: Record<string, string>): string | null {
  const sid = params.RecordingSid || /\/Recordings\/(RE\w+?)(?:\.\w+)?$/.exec(params.RecordingUrl ?? '')?.[1];
  return sid && /^RE[A-Za-z0-9]{1,64}$/.test(sid) ? sid : null;
}
