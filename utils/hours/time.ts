/** Plain-number calendar arithmetic on "local epoch milliseconds" (wall clock read as if it were UTC). */
import { DAYS, type Day } from './types';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Minutes since midnight for "HH:mm" (00:00..23:59, or 24:00 meaning end of day); null if malformed. */
export function parseHHmm(s: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(s);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * A range bound as the engine takes it (contract §2: "seconds are ignored on input ranges"):
 * "HH:mm" or "HH:mm:ss", truncated to the minute. The settings file still accepts only "HH:mm".
 */
export function parseRangeBound(s: string): number | null {
  const match = /^(\d{2}:\d{2})(?::([0-5]\d))?$/.exec(s);
  return match ? parseHHmm(match[1]!) : null;
}

export function dayIndexOf(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

/** 1970-01-01 was a Thursday, i.e. index 3 in Monday-first order. */
export function weekdayIndexOf(dayIndex: number): number {
  return (((dayIndex + 3) % 7) + 7) % 7;
}

export function weekdayOf(dayIndex: number): Day {
  return DAYS[weekdayIndexOf(dayIndex)]!;
}

export function isoDateOf(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}
