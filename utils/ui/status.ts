import { isWorkingTime, nextWorkingTime, type Hours } from '@/utils/hours';
import { weekdayTime } from '@/utils/i18n/dates';

const MINUTE = 60_000;
const STEP = 15 * MINUTE;
const WEEK = 7 * 24 * 60 * MINUTE;

/** The first minute at or after `from` that is not working time, within a week (null: works all week). */
export function workingUntil(hours: Hours, from: Date): Date | null {
  const start = Math.floor(from.getTime() / MINUTE) * MINUTE;
  let t = start;
  while (t - start <= WEEK && isWorkingTime(hours, new Date(t))) t += STEP;
  if (t - start > WEEK) return null;
  // Refine back to the minute: the change lies in (t - STEP, t].
  let lo = Math.max(start, t - STEP);
  while (lo < t && isWorkingTime(hours, new Date(lo))) lo += MINUTE;
  return new Date(lo);
}

export interface WorkingStatus {
  working: boolean;
  localTime: string;
  /** When working flips next, formatted in the person's zone, or null when it does not within a week/year. */
  changesAt: string | null;
}

export function workingStatus(hours: Hours, now: Date): WorkingStatus {
  const working = isWorkingTime(hours, now);
  const next = working ? workingUntil(hours, now) : nextWorkingTime(hours, now);
  const fmt = (d: Date) => weekdayTime(d.getTime(), hours.timeZone);
  return { working, localTime: fmt(now), changesAt: next ? fmt(next) : null };
}
