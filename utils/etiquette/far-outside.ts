/**
 * The footprint's measure of an after-hours send (issue 21): whom it reached "more than an hour
 * outside their working time". Pure; the instant is the moment the send went out.
 *
 * Exactly: a person is far outside at `at` when none of their working time lies within an hour of
 * it on either side, i.e. their working time ended more than 60 minutes before `at` (or not within
 * the engine's horizon) and their next working time starts more than 60 minutes after `at` (or not
 * within the horizon). Someone working at `at`, who stopped at most an hour ago or starts within the
 * hour, is not. Days off (and holidays, which are days off) count as outside, as in the engine.
 */
import { nextWorkingTime, type Hours } from '../hours';

export const FAR_OUTSIDE_MS = 60 * 60_000;

/**
 * One engine call: the earliest working instant at or after `at - 60 min - 1 ms`. A range ends at
 * its exclusive end E, so a working instant there means E > at - 60 min (stopped at most an hour ago);
 * otherwise the first one found is the next start, which must be more than an hour after `at`.
 * `nextStart` (already known from the verdict: null when working or none) skips the call when it is
 * within the hour.
 */
export function isFarOutside(hours: Hours, at: number, nextStart?: number | null): boolean {
  if (nextStart !== undefined && nextStart !== null && nextStart - at <= FAR_OUTSIDE_MS) return false;
  const next = nextWorkingTime(hours, new Date(at - FAR_OUTSIDE_MS - 1));
  return next === null || next.getTime() - at > FAR_OUTSIDE_MS;
}
