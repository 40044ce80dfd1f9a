/**
 * Working-time queries over instants.
 *
 * The map instant -> wall clock is piecewise "instant + offset", with jumps at DST transitions.
 * Within one constant-offset segment, the first working instant is simply the first working
 * wall-clock time minus the offset; a gap or a repeated hour is handled by moving on to the
 * next segment and searching again from its wall-clock time.
 */
import { compileSchedule, firstWorkingLocal, isWorkingLocal, type Schedule } from './schedule';
import { DAY_MS, MINUTE_MS, dayIndexOf, isoDateOf, weekdayOf } from './time';
import type { Day, Hours } from './types';
import { zoneClock, type ZoneClock } from './zone';

/** Horizons are elapsed time: a result must be at most this long after `from` (inclusive). */
const WORKING_HORIZON_MS = 366 * DAY_MS;
const COMMON_HORIZON_MS = 28 * DAY_MS;

interface Person {
  clock: ZoneClock;
  schedule: Schedule;
}

function toPerson(hours: Hours): Person {
  return { clock: zoneClock(hours.timeZone), schedule: compileSchedule(hours) };
}

function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new Error('Invalid date');
  return instant;
}

export interface WallClock {
  /** Local date "YYYY-MM-DD". */
  date: string;
  day: Day;
  /** Whole minutes since local midnight (seconds dropped). */
  minutes: number;
}

/** The local date, weekday and minute-of-day of an instant in a zone. */
export function wallClock(timeZone: string, at: Date): WallClock {
  const instant = instantOf(at);
  const local = instant + zoneClock(timeZone).offsetAt(instant);
  const dayIndex = dayIndexOf(local);
  return {
    date: isoDateOf(dayIndex),
    day: weekdayOf(dayIndex),
    minutes: Math.floor((local - dayIndex * DAY_MS) / MINUTE_MS),
  };
}

function isWorkingAt(person: Person, instant: number): boolean {
  return isWorkingLocal(person.schedule, instant + person.clock.offsetAt(instant));
}

/** Earliest working instant in [from, until], or null. */
function nextWorkingInstant(person: Person, from: number, until: number): number | null {
  const { clock, schedule } = person;
  let segmentStart = from;
  while (segmentStart <= until) {
    const offset = clock.offsetAt(segmentStart);
    const local = firstWorkingLocal(schedule, segmentStart + offset, until + offset + 1);
    const candidate = local === null ? null : local - offset;
    // The candidate only holds if the offset does not change before it; otherwise the
    // segment had no working time and the next one starts at the transition.
    const transition = clock.nextTransition(segmentStart, candidate ?? until);
    if (transition === null) return candidate;
    segmentStart = transition;
  }
  return null;
}

export function isWorkingTime(hours: Hours, at: Date): boolean {
  return isWorkingAt(toPerson(hours), instantOf(at));
}

/**
 * isWorkingTime for many instants of one person: the schedule is compiled once (a year of public
 * holidays among the days off makes compiling the costly part), so a scan minute by minute stays cheap.
 */
export function workingTest(hours: Hours): (instant: number) => boolean {
  const person = toPerson(hours);
  return (instant) => isWorkingAt(person, instant);
}

/** Earliest instant >= from that is working time (`from` itself if working); null if none within 366 days. */
export function nextWorkingTime(hours: Hours, from: Date): Date | null {
  const start = instantOf(from);
  const found = nextWorkingInstant(toPerson(hours), start, start + WORKING_HORIZON_MS);
  return found === null ? null : new Date(found);
}

/**
 * Earliest instant >= from when every person is working; null if none within 28 days.
 * An empty list returns `from`: with nobody to wait for, everyone is (vacuously) working.
 *
 * Leapfrog: every common time >= t is also >= each person's next working time from t, so t can
 * jump to that; it settles once a full round of people all agree that t is working time.
 */
export function nextCommonWorkingTime(people: Hours[], from: Date): Date | null {
  const start = instantOf(from);
  const persons = people.map(toPerson);
  const until = start + COMMON_HORIZON_MS;
  let candidate = start;
  let agreeing = 0;
  for (let i = 0; agreeing < persons.length; i = (i + 1) % persons.length) {
    const next = nextWorkingInstant(persons[i]!, candidate, until);
    if (next === null) return null;
    agreeing = next === candidate ? agreeing + 1 : 1;
    candidate = next;
  }
  return new Date(candidate);
}
