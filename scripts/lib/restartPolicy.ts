/**
 * How `npm start` restarts a service that exits on its own, as a process supervisor would:
 * exponential backoff so that a service that cannot start does not spin, and a fresh start for
 * one that had been running well for a while.
 */
export const RESTART_POLICY = {
  /** Delay before the first restart. */
  firstDelayMs: 1_000,
  /** The delay doubles with each consecutive restart up to this. */
  maxDelayMs: 30_000,
  /** A service that was ready this long before it exited starts again from the first delay. */
  stableAfterMs: 60_000,
};

/** Delay before the `attempt`-th consecutive restart (1-based): 1 s, 2 s, 4 s, ... capped at 30 s. */
export function restartDelayMs(attempt: number, policy = RESTART_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

export interface RestartEvent {
  name: string;
  /** The exit code, or the signal's name when it was killed. */
  code: number | string;
  delayMs: number;
  attempt: number;
}

/** e.g. `registry exited (code 1); restarting in 2 s (attempt 3)`. */
export function restartMessage(event: RestartEvent): string {
  const how = typeof event.code === "number" ? `code ${event.code}` : /^SIG/.test(event.code) ? `signal ${event.code}` : event.code;
  const delay = event.delayMs % 1000 === 0 ? `${event.delayMs / 1000} s` : `${(event.delayMs / 1000).toFixed(1)} s`;
  return `${event.name} exited (${how}); restarting in ${delay} (attempt ${event.attempt})`;
}
