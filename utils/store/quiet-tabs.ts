/**
 * Quiet tabs (contract §1 `quiet`, §3): whether a site's tab should be quiet right now, and the popup's
 * one line about it. Pure (the hours engine only; types alone from the schema, so content scripts that
 * import this bundle no zod), with the clock passed in, so the content scripts, the popup and the
 * tests agree on one answer.
 *
 * A site's tab is quiet when its `quiet` mode is not 'off', the user is not on call
 * (`preferences.onCallUntil` in the future), and the user is outside their own working time
 * (`me`: weekly hours and days off, in `me.timeZone`).
 */
import { fromLocalInput, isWorkingTime, localDate, nextWorkingTime, parseHHmm, workingTest, zoneOrUtc, type Hours } from '@/utils/hours';
import type { Preferences, Quiet, Site } from './schema';

/** The sites in the order the pages list them (the schema's SITES, repeated here to keep zod out). */
export const QUIET_SITES: readonly Site[] = ['gmail', 'slack', 'docs'];

/** How far an on-call instant may lie ahead (the setOnCall message refuses more). */
export const MAX_ON_CALL_MS = 7 * 24 * 60 * 60 * 1000;

/** What the decisions read. `Settings` and the snapshot's settings have this shape. */
export interface QuietSettings {
  me: Hours;
  quiet: Quiet;
  preferences: Pick<Preferences, 'onCallUntil'>;
}

export interface QuietState {
  /** Whether the tab should be quiet now (calm: no unread counts or notifications; shield: covered too). */
  quiet: boolean;
  /** While quiet: the user's next working start (epoch ms), or null when none within the engine's 366 days. Null when not quiet. */
  until: number | null;
}

const MINUTE = 60_000;
const STEP = 15 * MINUTE;
const WEEK = 7 * 24 * 60 * MINUTE;

/** The hours with a zone the runtime knows (UTC otherwise): a stored zone must never make a page throw. */
function usable(me: Hours): Hours {
  const timeZone = zoneOrUtc(me.timeZone);
  return timeZone === me.timeZone ? me : { ...me, timeZone };
}

/** On call: `onCallUntil` lies after `now`. An instant that has passed is simply ignored. */
export function isOnCall(preferences: Pick<Preferences, 'onCallUntil'>, now: number): boolean {
  return preferences.onCallUntil !== undefined && preferences.onCallUntil > now;
}

/** The first minute at or after `from` that is not working time, within a week (null: works all week). */
export function workingUntil(hours: Hours, from: Date): Date | null {
  const working = workingTest(hours);
  const start = Math.floor(from.getTime() / MINUTE) * MINUTE;
  let t = start;
  while (t - start <= WEEK && working(t)) t += STEP;
  if (t - start > WEEK) return null;
  // Refine back to the minute: the change lies in (t - STEP, t].
  let lo = Math.max(start, t - STEP);
  while (lo < t && working(lo)) lo += MINUTE;
  return new Date(lo);
}

/**
 * Whether `site`'s tab is quiet at `now` (epoch ms): its mode is not 'off', the user is not on call, and
 * the user is outside their working time (days off included). `until` is when it stops: the next
 * working start.
 */
export function isQuietNow(settings: QuietSettings, site: Site, now: number): QuietState {
  if (settings.quiet[site] === 'off' || isOnCall(settings.preferences, now)) return { quiet: false, until: null };
  const me = usable(settings.me);
  const at = new Date(now);
  if (isWorkingTime(me, at)) return { quiet: false, until: null };
  return { quiet: true, until: nextWorkingTime(me, at)?.getTime() ?? null };
}

/**
 * When isQuietNow's answer for `site` may next change without a settings change: the end of on-call,
 * the end or start of working time; null when it does not within the engine's reach (or the site is
 * off). A time to check again, not a promise that it changes then.
 */
export function nextQuietChange(settings: QuietSettings, site: Site, now: number): number | null {
  if (settings.quiet[site] === 'off') return null;
  const me = usable(settings.me);
  const at = new Date(now);
  const edge = isWorkingTime(me, at) ? workingUntil(me, at) : nextWorkingTime(me, at);
  const candidates = [edge?.getTime() ?? null, isOnCall(settings.preferences, now) ? settings.preferences.onCallUntil! : null];
  const times = candidates.filter((c): c is number => c !== null && c > now);
  return times.length ? Math.min(...times) : null;
}

/** The sites whose quiet mode is not 'off', in page order. */
export function quietSites(quiet: Quiet): Site[] {
  return QUIET_SITES.filter((site) => quiet[site] !== 'off');
}

/**
 * The popup's line about quiet tabs, as data (the page words it):
 * - `on-call`: "On call until 22:00: quiet tabs are off" (whatever the modes);
 * - `quiet`: outside working time now: "Quiet until Mon 09:00: Gmail, Slack" (`until` null: no working
 *   time within the engine's reach);
 * - `later`: inside working time: "Quiet from 17:00: Gmail, Slack" (`from` null: working all week);
 * - null: every site's quiet mode is off and the user is not on call.
 */
export type QuietLine =
  | { kind: 'on-call'; until: number }
  | { kind: 'quiet'; until: number | null; sites: Site[] }
  | { kind: 'later'; from: number | null; sites: Site[] };

export function quietLine(settings: QuietSettings, now: number): QuietLine | null {
  const { onCallUntil } = settings.preferences;
  if (onCallUntil !== undefined && isOnCall(settings.preferences, now)) return { kind: 'on-call', until: onCallUntil };
  const sites = quietSites(settings.quiet);
  if (!sites.length) return null;
  const me = usable(settings.me);
  const at = new Date(now);
  if (isWorkingTime(me, at)) return { kind: 'later', from: workingUntil(me, at)?.getTime() ?? null, sites };
  return { kind: 'quiet', until: nextWorkingTime(me, at)?.getTime() ?? null, sites };
}

/**
 * The next instant after `now` whose wall-clock time in `timeZone` is `hhmm` ("22:00"): today's when it
 * is still ahead, else tomorrow's (a time that a clock change skips is read as the first one after it).
 * Null for a text that is not "HH:mm". The popup's "On call until 22:00".
 */
export function nextWallClockTime(hhmm: string, timeZone: string, now: number): number | null {
  const minutes = parseHHmm(hhmm);
  if (minutes === null || minutes >= 24 * 60) return null;
  const zone = zoneOrUtc(timeZone);
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const today = localDate(zone, now);
  const atToday = fromLocalInput(`${today}T${clock}`, zone);
  if (atToday === null) return null;
  if (atToday > now) return atToday;
  // Noon today plus a day is always tomorrow, whatever the clock change in between.
  const tomorrow = localDate(zone, (fromLocalInput(`${today}T12:00`, zone) ?? now) + 24 * 60 * MINUTE);
  return fromLocalInput(`${tomorrow}T${clock}`, zone);
}
