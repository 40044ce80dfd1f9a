/**
 * Plan a time (issue 22): several people's working hours over the next 48 hours, and the slot to offer
 * them: the next time everyone works, or, when there is none, the earliest that reaches the most.
 * Pure, with "now" passed in; the popup draws and words it (components/PlanTime.tsx, utils/ui/plan-text.ts).
 */
import { DateTime } from 'luxon';
import { isWorkingTime, nextCommonWorkingTime, nextWorkingTime, zoneOrUtc, type Hours } from '@/utils/hours';
import { workingUntil } from '@/utils/store/quiet-tabs';

export const PLAN_SPAN_MS = 48 * 3_600_000;
const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;
/** How far the most-reaching slot is looked for: two weeks of everyone's shift starts. */
const MOST_SEARCH_MS = 14 * 24 * 3_600_000;

export interface Interval {
  start: number;
  end: number;
}

/** The working stretches of `hours` within [from, to), cut at both ends. */
export function workingIntervals(hours: Hours, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  let cursor = from;
  while (cursor < to) {
    const start = nextWorkingTime(hours, new Date(cursor))?.getTime();
    if (start === undefined || start >= to) break;
    const until = workingUntil(hours, new Date(start))?.getTime() ?? to;
    // workingUntil reads whole minutes; a start within a minute still moves on.
    const end = Math.min(Math.max(until, start + MINUTE_MS), to);
    out.push({ start, end });
    cursor = end;
  }
  return out;
}

export interface Tick {
  at: number;
  /** The local hour (0, 6, 12, 18). */
  hour: number;
  /** At local midnight: the new day's date ("YYYY-MM-DD"). */
  date?: string;
}

/** The local hours divisible by `every` within [from, to], in `timeZone`: a strip's scale in that person's time. */
export function localTicks(timeZone: string, from: number, to: number, every = 6): Tick[] {
  const ticks: Tick[] = [];
  let local = DateTime.fromMillis(from, { zone: zoneOrUtc(timeZone) }).startOf('hour');
  if (local.toMillis() < from) local = local.plus({ hours: 1 });
  for (; local.toMillis() <= to; local = local.plus({ hours: 1 })) {
    if (local.hour % every !== 0) continue;
    ticks.push({ at: local.toMillis(), hour: local.hour, ...(local.hour === 0 ? { date: local.toISODate() ?? '' } : {}) });
  }
  return ticks;
}

export interface PlanSlot {
  at: number;
  /** 'common': everyone works then; 'most': no such time, this one reaches the most. */
  basis: 'common' | 'most';
  /** When the first of those working then stops (null: not within a week). */
  until: number | null;
  /** Per person, in the order given: working at `at`. */
  working: boolean[];
}

function reach(people: readonly Hours[], at: number): number {
  return people.filter((hours) => isWorkingTime(hours, new Date(at))).length;
}

/** Now, or the next quarter hour when it reaches as many (a line saying "10:07" helps nobody). */
function rounded(people: readonly Hours[], at: number, now: number): number {
  if (at !== now) return at;
  const quarter = Math.ceil(now / QUARTER_MS) * QUARTER_MS;
  return reach(people, quarter) === reach(people, now) ? quarter : at;
}

/**
 * No time suits everyone: the earliest moment that reaches the most of them. Reach only rises when
 * someone starts, so the candidates are now and every shift start within the search.
 */
function mostReached(people: readonly Hours[], now: number): number | null {
  const candidates = new Set<number>([now]);
  for (const hours of people) for (const { start } of workingIntervals(hours, now, now + MOST_SEARCH_MS)) candidates.add(start);
  let best: number | null = null;
  let bestReach = 0;
  for (const at of [...candidates].sort((a, b) => a - b)) {
    const count = reach(people, at);
    if (count > bestReach) [best, bestReach] = [at, count];
  }
  return best;
}

/** The slot to offer `people`; null when none of them works within the engine's search. */
export function planSlot(people: readonly Hours[], now: number): PlanSlot | null {
  if (people.length === 0) return null;
  const common = nextCommonWorkingTime([...people], new Date(now));
  const found = common ? common.getTime() : mostReached(people, now);
  if (found === null) return null;
  const at = rounded(people, found, now);
  const working = people.map((hours) => isWorkingTime(hours, new Date(at)));
  const ends = people
    .filter((_, i) => working[i])
    .map((hours) => workingUntil(hours, new Date(at))?.getTime() ?? Number.POSITIVE_INFINITY);
  const until = Math.min(...ends);
  return { at, basis: common ? 'common' : 'most', until: Number.isFinite(until) ? until : null, working };
}
