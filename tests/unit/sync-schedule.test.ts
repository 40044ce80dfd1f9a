/**
 * Write coalescing for storage.sync (issue 10): a debounce, and Chrome's write-rate limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEBOUNCE_MS, MAX_WAIT_MS, nextWriteDelay, pruneWriteHistory } from '@/utils/sync';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('nextWriteDelay', () => {
  it('waits 2 s after the last change', () => {
    expect(DEBOUNCE_MS).toBe(2_000);
    expect(nextWriteDelay([], T0)).toBe(2_000);
    expect(nextWriteDelay([], T0, { lastChangeAt: T0 - 500 })).toBe(1_500);
    expect(nextWriteDelay([], T0, { lastChangeAt: T0 - 5_000 })).toBe(0);
  });

  it('does not wait more than 10 s after the first unwritten change, however busy the user is', () => {
    expect(nextWriteDelay([], T0, { lastChangeAt: T0, pendingSince: T0 - MAX_WAIT_MS + 500 })).toBe(500);
    expect(nextWriteDelay([], T0, { lastChangeAt: T0, pendingSince: T0 - MAX_WAIT_MS - 1 })).toBe(0);
  });

  it('stays under the per-minute limit (90% of 120 operations)', () => {
    // 108 operations in the last minute: one more write (2 ops) needs two of them out of the window.
    const history = Array.from({ length: 108 }, (_, i) => T0 - 50_000 + i * 100);
    // The 2nd oldest, at T0 - 49,900, leaves it at T0 + 10,100.
    expect(nextWriteDelay(history, T0)).toBe(10_100);
    // With 107, only the oldest (T0 - 50,000) must leave; with 106 the debounce is all.
    expect(nextWriteDelay(history.slice(0, 107), T0)).toBe(10_000);
    expect(nextWriteDelay(history.slice(0, 106), T0)).toBe(2_000);
  });

  it('stays under the per-hour limit (90% of 1,800 operations)', () => {
    // 1,620 operations spread over the last hour, none in the last minute.
    const history = Array.from({ length: 1_620 }, (_, i) => T0 - HOUR + 1_000 + i * 2_000);
    expect(history.at(-1)! < T0 - MINUTE).toBe(true);
    const delay = nextWriteDelay(history, T0);
    expect(delay).toBe(history[1]! + HOUR - T0);
  });

  it('keeps any sequence of writes within both limits (property, injected clock)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_500 }), { minLength: 1, maxLength: 2_000 }),
        fc.constantFrom(0, 2_000),
        fc.integer({ min: 0, max: 1_700 }),
        (gaps, debounceMs, earlier) => {
          let now = T0;
          // Operations already made in the hour before (spread over its first 50 minutes).
          let history = Array.from({ length: earlier }, (_, i) => T0 - HOUR + 1 + Math.floor((i * 50 * MINUTE) / Math.max(1, earlier)));
          const all = [...history];
          let pendingSince: number | null = null;
          let writeAt: number | null = null;
          const flushUntil = (until: number): void => {
            if (writeAt !== null && writeAt <= until) {
              history.push(writeAt, writeAt);
              all.push(writeAt, writeAt);
              pendingSince = null;
              writeAt = null;
            }
          };
          for (const gap of gaps) {
            now += gap;
            flushUntil(now);
            pendingSince ??= now; // a change: (re)schedule the write
            history = pruneWriteHistory(history, now);
            writeAt = now + nextWriteDelay(history, now, { lastChangeAt: now, pendingSince, debounceMs });
          }
          flushUntil(Infinity);
          // Sliding windows over every operation.
          for (const [span, limit] of [
            [MINUTE, 120],
            [HOUR, 1_800],
          ] as const) {
            let lo = 0;
            for (let hi = 0; hi < all.length; hi++) {
              while (all[lo]! <= all[hi]! - span) lo++;
              expect(hi - lo + 1).toBeLessThanOrEqual(limit);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps an hour of history, oldest first', () => {
    expect(pruneWriteHistory([T0 - HOUR - 1, T0 - 10, T0 - HOUR + 1, T0], T0)).toEqual([T0 - HOUR + 1, T0 - 10, T0]);
  });
});
