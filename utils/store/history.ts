/**
 * The event log summarised for people: counts per day of this week (popup) and per week by site
 * (options). Buckets are local days and weeks (Monday first) in the user's zone. Pure.
 */
import { daysOfWeek, localDate, periodBounds, zoneOrUtc } from '@/utils/hours';
import { EVENT_ACTIONS, SITES, type EventAction, type Site } from './names';
import type { AppEvent } from './schema';

export type ActionCounts = Record<EventAction, number>;

export function emptyCounts(): ActionCounts {
  return Object.fromEntries(EVENT_ACTIONS.map((action) => [action, 0])) as ActionCounts;
}

/** Index of the period `at` falls in, or -1 outside all of them (binary search over the bounds). */
export function bucketOf(bounds: readonly number[], at: number): number {
  if (at < bounds[0]! || at >= bounds[bounds.length - 1]!) return -1;
  let lo = 0;
  let hi = bounds.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at >= bounds[mid]!) lo = mid;
    else hi = mid;
  }
  return lo;
}

export interface DayCounts {
  /** Local date "YYYY-MM-DD". */
  date: string;
  held: number;
  scheduled: number;
  sentAnyway: number;
}

export interface WeekNumbers {
  /** Start of this local week (Monday 00:00), epoch ms. */
  since: number;
  held: number;
  scheduled: number;
  sentAnyway: number;
  nudged: number;
  /** Quiet tabs: days this week on which a tab went quiet, and how often "Open anyway" was chosen. */
  quietEvenings: number;
  peeks: number;
  /** Held sends this week that met at least one recipient with no known time zone (issue 20). */
  unknownZoneHolds?: number;
  /** Monday to Sunday. */
  days: DayCounts[];
}

export type WeekEvent = Pick<AppEvent, 'at' | 'action'> & Partial<Pick<AppEvent, 'unknownZones'>>;

/** This week's numbers, day by day; `events` may hold older ones, which are ignored. */
export function summariseWeek(events: Iterable<WeekEvent>, timeZone: string, now: number): WeekNumbers {
  const zone = zoneOrUtc(timeZone);
  const bounds = daysOfWeek(now, zone);
  const days: DayCounts[] = bounds.slice(0, 7).map((start) => ({
    date: localDate(zone, start),
    held: 0,
    scheduled: 0,
    sentAnyway: 0,
  }));
  const out: WeekNumbers = { since: bounds[0]!, held: 0, scheduled: 0, sentAnyway: 0, nudged: 0, quietEvenings: 0, peeks: 0, unknownZoneHolds: 0, days };
  const quietDays = new Set<number>();
  for (const event of events) {
    const i = bucketOf(bounds, event.at);
    if (i < 0) continue;
    const day = days[i]!;
    if (event.action === 'held') {
      out.held++;
      day.held++;
      if ((event.unknownZones ?? 0) > 0) out.unknownZoneHolds = (out.unknownZoneHolds ?? 0) + 1;
    }
    else if (event.action === 'scheduled') (out.scheduled++, day.scheduled++);
    else if (event.action === 'sent-anyway') (out.sentAnyway++, day.sentAnyway++);
    else if (event.action === 'nudged') out.nudged++;
    else if (event.action === 'quieted') quietDays.add(i);
    else if (event.action === 'peeked') out.peeks++;
  }
  out.quietEvenings = quietDays.size;
  return out;
}

export interface HistoryWeek {
  /** Local Monday "YYYY-MM-DD". */
  week: string;
  start: number;
  bySite: Record<Site, ActionCounts>;
}

export interface History {
  weeks: HistoryWeek[];
  /** Events in the whole log (not only in these weeks). */
  total: number;
}

export const MAX_HISTORY_WEEKS = 104;

export function historyBounds(weeks: number, timeZone: string, now: number): number[] {
  return periodBounds('week', Math.min(Math.max(1, weeks), MAX_HISTORY_WEEKS), timeZone, now);
}

/** Counts per week, site and action over the weeks of `bounds` (from historyBounds). */
export function summariseHistory(events: Iterable<Pick<AppEvent, 'at' | 'action' | 'site'>>, bounds: readonly number[], timeZone: string): HistoryWeek[] {
  const zone = zoneOrUtc(timeZone);
  const weeks: HistoryWeek[] = bounds.slice(0, -1).map((start) => ({
    week: localDate(zone, start),
    start,
    bySite: Object.fromEntries(SITES.map((s) => [s, emptyCounts()])) as Record<Site, ActionCounts>,
  }));
  for (const event of events) {
    const i = bucketOf(bounds, event.at);
    if (i >= 0) weeks[i]!.bySite[event.site][event.action] += 1;
  }
  return weeks;
}
