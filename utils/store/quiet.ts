/**
 * Reading the two "be quiet" preferences: a pause of all nudges and holds, and per-recipient snoozes.
 * Pure (Luxon and the hours engine only), shared by the guard, the background and the pages, so all
 * three agree on whether a pause is on and when it ends.
 */
import { DateTime } from 'luxon';
import { isValidTimeZone, isWorkingTime, nextWorkingTime, type Hours } from '@/utils/hours';
import type { Pause, Snooze } from './schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A pause is on from the moment it is set until `until` (exclusive), or for good when `until` is null. */
export function isPaused(pause: Pause | undefined, now: number): boolean {
  return pause !== undefined && (pause.until === null || pause.until > now);
}

export const PAUSE_KINDS = ['hour', 'next-start', 'until-resumed'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

function zoneOf(hours: Hours): string {
  return isValidTimeZone(hours.timeZone) ? hours.timeZone : 'UTC';
}

/**
 * Tomorrow's work start: the first instant on a later local date than today at which a working range
 * begins. A night shift still running at midnight is not a "start": its end is skipped past first.
 * Without any working time in reach it is tomorrow 09:00, so the pause still ends.
 */
export function nextDayWorkStart(hours: Hours, now: number): number {
  const zone = zoneOf(hours);
  const tomorrow = DateTime.fromMillis(now, { zone }).plus({ days: 1 }).startOf('day');
  const fallback = tomorrow.set({ hour: 9 }).toMillis();
  let from = tomorrow.toMillis();
  // Skip the rest of a shift that crosses midnight (at most two days of 15-minute steps).
  for (let steps = 0; steps < 192 && isWorkingTime(hours, new Date(from)); steps++) from += 15 * MINUTE;
  if (isWorkingTime(hours, new Date(from))) return fallback;
  const next = nextWorkingTime(hours, new Date(from));
  return next ? next.getTime() : fallback;
}

/** When a pause of `kind` set at `now` ends; null for "until I turn it back on". */
export function pauseEnd(kind: PauseKind, me: Hours, now: number): number | null {
  if (kind === 'hour') return now + HOUR;
  if (kind === 'until-resumed') return null;
  return nextDayWorkStart(me, now);
}

/** Today's date ("YYYY-MM-DD") in the user's zone: snoozes end at the start of their `until` date. */
export function localDate(timeZone: string, now: number): string {
  return DateTime.fromMillis(now, { zone: isValidTimeZone(timeZone) ? timeZone : 'UTC' }).toISODate() ?? '';
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
