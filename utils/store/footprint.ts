/**
 * The sender's own after-hours footprint (issue 21), from the event log: per local week (Monday
 * first, in the user's zone) and site, how many sends reached someone more than an hour outside
 * their working time, how many waited for the recipients' hours (scheduled sends, and Docs comments
 * kept for later), and the sends that went at once, by reason. Counts and times only. Pure.
 */
import { localDate, zoneOrUtc } from '@/utils/hours';
import { bucketOf, historyBounds } from './history';
import { SEND_NOW_REASONS, SITES, type SendNowReason, type Site } from './names';
import type { AppEvent } from './schema';

/** Why a held send went now; 'none' when no reason was asked for or given. */
export const URGENT_REASONS = [...SEND_NOW_REASONS, 'none'] as const;
export type UrgentReason = SendNowReason | 'none';

export const FOOTPRINT_WEEKS = 12;

export interface FootprintCounts {
  /** Sends that went out (sent anyway, past a nudge, let through) reaching anyone over an hour outside their hours. */
  lateSends: number;
  /** The people those sends reached that far outside, summed. */
  latePeople: number;
  /** Gmail and Slack sends scheduled for the recipients' hours. */
  moved: number;
  /** Google Docs comments kept for the recipients' hours. */
  heldComments: number;
  /** Held sends that went at once ("Send now"), by the reason chosen. */
  urgent: Record<UrgentReason, number>;
}

export interface FootprintWeek {
  /** Local Monday "YYYY-MM-DD". */
  week: string;
  start: number;
  bySite: Record<Site, FootprintCounts>;
}

export type FootprintEvent = Pick<AppEvent, 'at' | 'site' | 'action'> & Partial<Pick<AppEvent, 'reason' | 'farOutside'>>;

/** Actions after which the message went out at once. */
const WENT_OUT: ReadonlySet<AppEvent['action']> = new Set(['sent-anyway', 'nudged', 'failed-open']);

export function emptyFootprint(): FootprintCounts {
  return {
    lateSends: 0,
    latePeople: 0,
    moved: 0,
    heldComments: 0,
    urgent: Object.fromEntries(URGENT_REASONS.map((r) => [r, 0])) as Record<UrgentReason, number>,
  };
}

/** Adds one event to a week's counts for its site. */
function count(counts: FootprintCounts, event: FootprintEvent): void {
  const far = event.farOutside ?? 0;
  if (WENT_OUT.has(event.action) && far > 0) {
    counts.lateSends += 1;
    counts.latePeople += far;
  }
  if (event.action === 'scheduled') {
    if (event.site === 'docs') counts.heldComments += 1;
    else counts.moved += 1;
  }
  if (event.action === 'sent-anyway') counts.urgent[event.reason ?? 'none'] += 1;
}

/** The bounds of the last `weeks` local weeks, this one included (as the history's). */
export function footprintBounds(timeZone: string, now: number, weeks = FOOTPRINT_WEEKS): number[] {
  return historyBounds(weeks, timeZone, now);
}

/** Counts per week and site over the weeks of `bounds` (from footprintBounds, in the same zone). */
export function summariseFootprint(events: Iterable<FootprintEvent>, bounds: readonly number[], timeZone: string): FootprintWeek[] {
  const zone = zoneOrUtc(timeZone);
  const weeks: FootprintWeek[] = bounds.slice(0, -1).map((start) => ({
    week: localDate(zone, start),
    start,
    bySite: Object.fromEntries(SITES.map((s) => [s, emptyFootprint()])) as Record<Site, FootprintCounts>,
  }));
  for (const event of events) {
    const i = bucketOf(bounds, event.at);
    if (i >= 0) count(weeks[i]!.bySite[event.site], event);
  }
  return weeks;
}

/** One site's counts, or all sites added up. */
export function footprintFor(week: FootprintWeek, site: Site | 'all'): FootprintCounts {
  if (site !== 'all') return week.bySite[site];
  const out = emptyFootprint();
  for (const s of SITES) {
    const c = week.bySite[s];
    out.lateSends += c.lateSends;
    out.latePeople += c.latePeople;
    out.moved += c.moved;
    out.heldComments += c.heldComments;
    for (const r of URGENT_REASONS) out.urgent[r] += c.urgent[r];
  }
  return out;
}

export function urgentTotal(counts: FootprintCounts): number {
  return URGENT_REASONS.reduce((sum, r) => sum + counts.urgent[r], 0);
}

/** The popup's line: this week against last week. */
export interface FootprintLine {
  late: number;
  /** Moved to their hours: scheduled sends and kept Docs comments. */
  waited: number;
}

export function footprintLine(week: FootprintWeek | undefined): FootprintLine {
  const c = week ? footprintFor(week, 'all') : emptyFootprint();
  return { late: c.lateSends, waited: c.moved + c.heldComments };
}

/** Column names of the CSV file: stable identifiers (a data file, not translated). */
export const FOOTPRINT_CSV_COLUMNS = [
  'week_start',
  'site',
  'late_sends',
  'people_reached_late',
  'moved_to_their_hours',
  'held_comments',
  'urgent_sends',
  ...URGENT_REASONS.map((r) => `urgent_${r.replace('-', '_')}`),
] as const;

/** The footprint as CSV: one row per week and site, oldest week first; CRLF line ends (RFC 4180). Numbers and dates only. */
export function footprintCsv(weeks: readonly FootprintWeek[]): string {
  const rows: string[] = [FOOTPRINT_CSV_COLUMNS.join(',')];
  for (const week of weeks) {
    for (const site of SITES) {
      const c = week.bySite[site];
      rows.push([week.week, site, c.lateSends, c.latePeople, c.moved, c.heldComments, urgentTotal(c), ...URGENT_REASONS.map((r) => c.urgent[r])].join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
