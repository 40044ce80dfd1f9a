/**
 * A compiled weekly schedule, queried in "local epoch ms" (wall clock read as if UTC).
 * Membership is decided by wall-clock time alone, so this layer knows nothing about offsets.
 */
import { DAYS, type Day, type Hours } from './types';
import { DAY_MS, MINUTES_PER_DAY, MINUTE_MS, dayIndexOf, isoDateOf, parseRangeBound, weekdayIndexOf } from './time';

/** A range in ms from the local midnight of the date it starts on; `end` beyond one day means it crosses midnight. */
interface Span {
  start: number;
  end: number;
}

export interface Schedule {
  /** Indexed Monday-first like DAYS. */
  spansByWeekday: Span[][];
  /**
   * Local dates "YYYY-MM-DD" whose ranges are dropped whole. Kept as the raw strings because
   * building this Set natively is far cheaper than parsing up to 2,000 dates on every query;
   * malformed entries simply never match (the settings schema rejects them earlier).
   */
  daysOff: ReadonlySet<string>;
  isEmpty: boolean;
}

function toSpan([startText, endText]: readonly [string, string], day: Day): Span {
  const start = parseRangeBound(startText);
  const end = parseRangeBound(endText);
  if (start === null || end === null || start === MINUTES_PER_DAY) {
    throw new Error(`Invalid working-hours range ["${startText}", "${endText}"] on ${day}`);
  }
  // An end at or before the start is on the next day; equal ends make a full 24 hours.
  const endMinutes = end > start ? end : end + MINUTES_PER_DAY;
  return { start: start * MINUTE_MS, end: endMinutes * MINUTE_MS };
}

export function compileSchedule(hours: Hours): Schedule {
  // `?? []` because stored data from older versions may lack a day.
  const spansByWeekday = DAYS.map((day) => (hours.weekly[day] ?? []).map((range) => toSpan(range, day)));
  return {
    spansByWeekday,
    daysOff: new Set(hours.daysOff ?? []),
    isEmpty: spansByWeekday.every((spans) => spans.length === 0),
  };
}

/** Earliest point of a range starting on `dayIndex` that is >= `local`, or null (ranges of one date start within it). */
function firstOnDate(schedule: Schedule, dayIndex: number, local: number): number | null {
  if (schedule.daysOff.size > 0 && schedule.daysOff.has(isoDateOf(dayIndex))) return null;
  const midnight = dayIndex * DAY_MS;
  let earliest: number | null = null;
  for (const { start, end } of schedule.spansByWeekday[weekdayIndexOf(dayIndex)]!) {
    if (midnight + end <= local) continue;
    const candidate = Math.max(midnight + start, local);
    if (earliest === null || candidate < earliest) earliest = candidate;
  }
  return earliest;
}

/**
 * Earliest local time >= `local` and < `before` that lies in a range, or null.
 * Dates are visited in order from the previous one (its midnight-crossing ranges reach into today);
 * the first date with any candidate wins, because every range starts on its own date.
 */
export function firstWorkingLocal(schedule: Schedule, local: number, before: number): number | null {
  if (schedule.isEmpty) return null;
  for (let dayIndex = dayIndexOf(local) - 1; dayIndex * DAY_MS < before; dayIndex++) {
    const found = firstOnDate(schedule, dayIndex, local);
    if (found !== null) return found < before ? found : null;
  }
  return null;
}

export function isWorkingLocal(schedule: Schedule, local: number): boolean {
  return firstWorkingLocal(schedule, local, local + 1) === local;
}
