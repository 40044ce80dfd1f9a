/**
 * Write coalescing: when to write next, pure and driven by an injected clock.
 *
 * Each storage.sync `set` or `remove` call is one write operation; Chrome allows 120 a minute and
 * 1,800 an hour (Firefox documents no rate limit). We write DEBOUNCE_MS after the last change (a
 * burst of edits becomes one write), no later than MAX_WAIT_MS after the first unwritten change,
 * and never so that the operations in any sliding minute or hour would exceed 90% of the limits.
 */
import { CHROME_SYNC_QUOTA, type SyncQuota } from './quota';

export const DEBOUNCE_MS = 2_000;
export const MAX_WAIT_MS = 10_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface WriteScheduleOptions {
  /** When the settings last changed (default: now). */
  lastChangeAt?: number;
  /** When the oldest change not yet written happened: caps the debounce at MAX_WAIT_MS after it. */
  pendingSince?: number;
  debounceMs?: number;
  maxWaitMs?: number;
  /** Operations the coming write takes (a set and a remove: 2). */
  opsPerWrite?: number;
  quota?: SyncQuota;
}

function countAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Milliseconds from `now` until the next write may start. `history` holds the time of each write
 * operation made (any order; older than an hour is ignored). An operation at time h counts against
 * the minute (hour) window of every instant in [h, h + 1 min) ([h, h + 1 h)).
 */
export function nextWriteDelay(history: readonly number[], now: number, options: WriteScheduleOptions = {}): number {
  const quota = options.quota ?? CHROME_SYNC_QUOTA;
  const perMinute = Math.floor(quota.MAX_WRITE_OPERATIONS_PER_MINUTE * 0.9);
  const perHour = Math.floor(quota.MAX_WRITE_OPERATIONS_PER_HOUR * 0.9);
  const ops = options.opsPerWrite ?? 2;
  const debounced = (options.lastChangeAt ?? now) + (options.debounceMs ?? DEBOUNCE_MS);
  const capped = options.pendingSince === undefined ? debounced : Math.min(debounced, options.pendingSince + (options.maxWaitMs ?? MAX_WAIT_MS));
  const earliest = Math.max(now, capped);
  const sorted = history.filter((h) => h > earliest - HOUR - MINUTE).sort((a, b) => a - b);
  const inWindow = (at: number, span: number): number => countAtOrBefore(sorted, at) - countAtOrBefore(sorted, at - span);
  const allowed = (at: number): boolean => inWindow(at, MINUTE) + ops <= perMinute && inWindow(at, HOUR) + ops <= perHour;
  if (allowed(earliest)) return earliest - now;
  // Windows only empty as time passes: the first instant an operation leaves one is the candidate.
  const candidates = sorted
    .flatMap((h) => [h + MINUTE, h + HOUR])
    .filter((c) => c > earliest)
    .sort((a, b) => a - b);
  for (const c of candidates) if (allowed(c)) return c - now;
  return HOUR; // unreachable unless ops alone exceed a limit
}

/** The history worth keeping: the last hour, oldest first. */
export function pruneWriteHistory(history: readonly number[], now: number): number[] {
  return history.filter((h) => h > now - HOUR).sort((a, b) => a - b);
}
