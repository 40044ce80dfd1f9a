/**
 * Reading the two "be quiet" preferences: a pause of all nudges and holds, and per-recipient snoozes.
 * Pure (the hours engine only), shared by the guard, the background and the pages, so all
 * three agree on whether a pause is on and when it ends.
 */
import { localDate, nextDayWorkStart, type Hours } from '@/utils/hours';
import type { Pause, Snooze } from './schema';

const HOUR = 3_600_000;

/** A pause is on from the moment it is set until `until` (exclusive), or for good when `until` is null. */
export function isPaused(pause: Pause | undefined, now: number): boolean {
  return pause !== undefined && (pause.until === null || pause.until > now);
}

export const PAUSE_KINDS = ['hour', 'next-start', 'until-resumed'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

/** When a pause of `kind` set at `now` ends; null for "until I turn it back on". */
export function pauseEnd(kind: PauseKind, me: Hours, now: number): number | null {
  if (kind === 'hour') return now + HOUR;
  if (kind === 'until-resumed') return null;
  return nextDayWorkStart(me, now);
}

export function isSnoozeActive(snooze: Snooze, today: string): boolean {
  return snooze.until > today;
}

/** The recipient keys not to ask about right now. */
export function activeSnoozeKeys(snoozes: readonly Snooze[] | undefined, timeZone: string, now: number): Set<string> {
  const keys = new Set<string>();
  if (!snoozes?.length) return keys;
  const today = localDate(timeZone, now);
  for (const snooze of snoozes) {
    if (isSnoozeActive(snooze, today)) for (const key of snooze.keys) keys.add(key);
  }
  return keys;
}
