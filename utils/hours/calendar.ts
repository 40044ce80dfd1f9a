/**
 * Local days and weeks (Monday first) in a person's zone, for summaries, snoozes and pauses. A zone
 * the runtime does not know reads as UTC, so a bad stored zone never breaks a page or the worker.
 */
import { DateTime } from 'luxon';
import { nextWorkingTime, workingTest } from './engine';
import type { Hours } from './types';
import { isValidTimeZone } from './zone';

const MINUTE_MS = 60_000;

/** The zone itself when the runtime knows it, else UTC. */
export function zoneOrUtc(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Start (epoch ms) of the local day or week (Monday 00:00) containing `at`. */
export function startOf(unit: 'day' | 'week', at: number, timeZone: string): number {
  return DateTime.fromMillis(at, { zone: zoneOrUtc(timeZone) }).startOf(unit).toMillis();
}

/** Starts of `count` consecutive local periods ending with the one containing `now`, plus the end of the last. */
export function periodBounds(unit: 'day' | 'week', count: number, timeZone: string, now: number): number[] {
  const current = DateTime.fromMillis(now, { zone: zoneOrUtc(timeZone) }).startOf(unit);
  const bounds: number[] = [];
  for (let i = count - 1; i >= 0; i--) bounds.push(current.minus({ [unit]: i }).toMillis());
  bounds.push(current.plus({ [unit]: 1 }).toMillis());
  return bounds;
}

/** Starts of the seven local days (Monday first) of the week containing `at`, plus the next Monday. */
export function daysOfWeek(at: number, timeZone: string): number[] {
  const monday = DateTime.fromMillis(at, { zone: zoneOrUtc(timeZone) }).startOf('week');
  return Array.from({ length: 8 }, (_, d) => monday.plus({ days: d }).toMillis());
}

/** The local date ("YYYY-MM-DD") of `at` in the zone. */
export function localDate(timeZone: string, at: number): string {
  return DateTime.fromMillis(at, { zone: zoneOrUtc(timeZone) }).toISODate() ?? '';
}

/**
 * Tomorrow's work start: the first instant on a later local date than today at which a working range
 * begins. A night shift still running at midnight is not a "start": its end is skipped past first.
 * Without any working time in reach it is tomorrow 09:00, so whatever waits for it still ends.
 */
export function nextDayWorkStart(hours: Hours, now: number): number {
  const tomorrow = DateTime.fromMillis(now, { zone: zoneOrUtc(hours.timeZone) }).plus({ days: 1 }).startOf('day');
  const fallback = tomorrow.set({ hour: 9 }).toMillis();
  let from = tomorrow.toMillis();
  // Skip the rest of a shift that crosses midnight (at most two days of 15-minute steps).
  const working = workingTest(hours);
  for (let steps = 0; steps < 192 && working(from); steps++) from += 15 * MINUTE_MS;
  if (working(from)) return fallback;
  const next = nextWorkingTime(hours, new Date(from));
  return next ? next.getTime() : fallback;
}

/** A template's default deadline: tomorrow 17:00 in the zone (epoch ms). */
export function defaultDeadline(at: number, timeZone: string): number {
  return DateTime.fromMillis(at, { zone: zoneOrUtc(timeZone) }).plus({ days: 1 }).set({ hour: 17, minute: 0 }).toMillis();
}

/** An instant as a datetime-local input's value ("2026-03-06T17:00") in the zone. */
export function toLocalInput(at: number, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: zoneOrUtc(timeZone) }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A datetime-local input's value read in the zone; null when it is not a valid time. */
export function fromLocalInput(text: string, timeZone: string): number | null {
  const local = DateTime.fromISO(text, { zone: zoneOrUtc(timeZone) });
  return local.isValid ? local.toMillis() : null;
}

/** The Friday after a local date (or a week on, when it is a Friday), as "YYYY-MM-DD". */
export function nextFriday(date: string): string {
  const d = DateTime.fromISO(date);
  const ahead = (5 - d.weekday + 7) % 7 || 7;
  return d.plus({ days: ahead }).toISODate() ?? date;
}
