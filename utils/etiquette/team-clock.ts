/**
 * The team clock (issue 22): who is working now, who starts within two hours, who is off, over the
 * user's contacts and the organisation's directory. Pure, with "now" passed in: the worker builds the
 * index once per settings revision (names folded, schedules shared) and answers each query from it,
 * so a search over 10,000 people costs a filter, one engine call per distinct schedule and a sort.
 */
import { isValidTimeZone, nextWorkingTime, isWorkingTime, wallClock, type Hours, type Weekly } from '@/utils/hours';
import { holidayDates } from '@/utils/holidays/apply';
import type { HolidayTable } from '@/utils/holidays/apply';
import { workingUntil } from '@/utils/store/quiet-tabs';
import { fold } from '@/utils/store/contact-query';

/** In the order the popup lists them: the soonest available first. */
export const TEAM_GROUPS = ['working', 'soon', 'off', 'unknown'] as const;
export type TeamGroup = (typeof TEAM_GROUPS)[number];

/** "Starting within 2 hours". */
export const SOON_MS = 2 * 3_600_000;
export const MAX_TEAM_PAGE = 200;
const DAY_MS = 86_400_000;
/** A row carries the days off of this window only: enough for plan-a-time's 48 hours and its 28-day search. */
const DAYS_OFF_BEFORE = 2;
const DAYS_OFF_AFTER = 30;

/** What the index needs of a contact (a stored one, or a directory entry with a negative id). */
export interface TeamSource {
  id: number;
  name: string;
  emails: readonly string[];
  slackIds?: readonly string[];
  timeZone?: string;
  weekly?: Weekly;
  daysOff?: readonly string[];
  holidays?: string;
}

export interface TeamDefaults {
  weekly: Weekly;
  holidays?: string;
}

interface Schedule {
  /** With the public holidays among its days off, as the engine takes it. */
  hours: Hours;
  typedDaysOff: ReadonlySet<string>;
  holidays: ReadonlySet<string>;
}

interface Member {
  id: number;
  name: string;
  address?: string;
  /** Name, addresses and ids, folded (case and accents ignored). */
  text: string;
  /** Position in name order (the reader's collation), so a query sorts by numbers only. */
  rank: number;
  /** Index into `schedules`; -1: time zone unknown. */
  schedule: number;
}

export interface TeamIndex {
  members: readonly Member[];
  /** The members in name order: `byRank[member.rank] === member`. */
  byRank: readonly Member[];
  schedules: readonly Schedule[];
  /** When each working schedule's shift ends, for one instant: every page and search of that minute reuses it. */
  shiftEnds: { at: number; bySchedule: Map<number, number | null> };
}

export interface TeamStatus {
  group: TeamGroup;
  /** Working: when it ends (null: not within a week). */
  until?: number | null;
  /** Not working: the next start (null: none within a year). */
  nextStart?: number | null;
  /** Not working because today (their local date) is a day off or a public holiday. */
  reason?: 'day-off' | 'holiday';
}

export interface TeamRow {
  id: number;
  name: string;
  address?: string;
  timeZone?: string;
  status: TeamStatus;
  /** For plan-a-time: the person's hours, days off limited to the weeks ahead. Absent: zone unknown. */
  hours?: Hours;
}

export type TeamCounts = Record<TeamGroup, number>;

export interface TeamPage {
  /** The instant the groups were computed for. */
  at: number;
  /** Matches per group. */
  counts: TeamCounts;
  /** People matching the search. */
  total: number;
  /** Everyone in the team clock. */
  all: number;
  offset: number;
  rows: TeamRow[];
}

function scheduleKey(source: TeamSource, region: string | undefined): string {
  return [source.timeZone, source.weekly ? JSON.stringify(source.weekly) : '', (source.daysOff ?? []).join(','), region ?? ''].join('\n');
}

/** Builds the index once; `compare` orders names as the reader's language does. */
export function buildTeamIndex(
  sources: readonly TeamSource[],
  defaults: TeamDefaults,
  table: HolidayTable | undefined,
  compare: (a: string, b: string) => number,
): TeamIndex {
  const schedules: Schedule[] = [];
  const byKey = new Map<string, number>();
  const scheduleOf = (source: TeamSource): number => {
    if (!source.timeZone || !isValidTimeZone(source.timeZone)) return -1;
    const region = source.holidays ?? defaults.holidays;
    const key = scheduleKey(source, region);
    let index = byKey.get(key);
    if (index === undefined) {
      const typed = source.daysOff ?? [];
      const holidays = holidayDates(region, table);
      const daysOff = holidays.length ? [...new Set([...typed, ...holidays])].sort() : [...typed];
      index = schedules.push({ hours: { timeZone: source.timeZone, weekly: source.weekly ?? defaults.weekly, daysOff }, typedDaysOff: new Set(typed), holidays: new Set(holidays) }) - 1;
      byKey.set(key, index);
    }
    return index;
  };
  const members = sources.map((source) => ({
    id: source.id,
    name: source.name,
    ...(source.emails[0] ?? source.slackIds?.[0] ? { address: source.emails[0] ?? source.slackIds?.[0] } : {}),
    text: fold([source.name, ...source.emails, ...(source.slackIds ?? [])].join(' ')),
    rank: 0,
    schedule: scheduleOf(source),
  }));
  const byRank = [...members].sort((a, b) => compare(a.name, b.name) || a.id - b.id);
  byRank.forEach((member, rank) => (member.rank = rank));
  return { members, byRank, schedules, shiftEnds: { at: Number.NaN, bySchedule: new Map() } };
}

/** When a working schedule's shift ends after `at` (dozens of engine steps: computed once per minute). */
function shiftEnd(index: TeamIndex, schedule: number, at: number): number | null {
  if (index.shiftEnds.at !== at) index.shiftEnds = { at, bySchedule: new Map() };
  const known = index.shiftEnds.bySchedule;
  if (!known.has(schedule)) known.set(schedule, workingUntil(index.schedules[schedule]!.hours, new Date(at))?.getTime() ?? null);
  return known.get(schedule)!;
}

/** Where one schedule stands at `now` (a working one without `until`: see teamPage). */
export function scheduleStatus(schedule: Schedule, now: number): TeamStatus {
  const at = new Date(now);
  const { hours } = schedule;
  // When a shift ends takes many engine calls and does not change the order: rows get it (teamPage), not all.
  if (isWorkingTime(hours, at)) return { group: 'working' };
  const nextStart = nextWorkingTime(hours, at)?.getTime() ?? null;
  const today = wallClock(hours.timeZone, at).date;
  const reason = schedule.holidays.has(today) ? 'holiday' : schedule.typedDaysOff.has(today) ? 'day-off' : undefined;
  return { group: nextStart !== null && nextStart - now <= SOON_MS ? 'soon' : 'off', nextStart, ...(reason ? { reason } : {}) };
}

/** Members whose name, address or id contains every word of `search` (case and accents ignored). */
export function searchTeam(index: TeamIndex, search = ''): readonly Member[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (!words.length) return index.members;
  return index.members.filter((member) => words.every((word) => member.text.includes(word)));
}

export interface OrderedTeam {
  at: number;
  all: number;
  counts: TeamCounts;
  /** The matches in order, each as (position of its status) × RANKS + its name's rank: see entriesOf. */
  keys: Float64Array;
  byRank: readonly Member[];
  statuses: readonly TeamStatus[];
  index: TeamIndex;
}

const UNKNOWN: TeamStatus = { group: 'unknown' };
/** More than anyone's name rank (contacts and directory are at most 20,000 each). */
const RANKS = 2 ** 20;

/** When someone is next available, for sorting: now while working, else their next start. */
function availableAt(status: TeamStatus, now: number): number {
  if (status.group === 'working') return now;
  return status.nextStart ?? Number.POSITIVE_INFINITY;
}

/**
 * The search's matches grouped and sorted by when each is next available, then by name. Everyone on one
 * schedule has one status, so the statuses are ranked first and each member sorts by a single number
 * (that rank, then their name's rank): a plain numeric sort, not 10,000 comparator calls.
 */
export function orderTeam(index: TeamIndex, search: string | undefined, now: number): OrderedTeam {
  const matches = searchTeam(index, search);
  const used = new Uint8Array(index.schedules.length);
  for (const member of matches) if (member.schedule >= 0) used[member.schedule] = 1;
  const statuses = index.schedules.map((schedule, i) => (used[i] ? scheduleStatus(schedule, now) : UNKNOWN));

  // Distinct (group, time) pairs in order; equal pairs share a position so their members mix by name.
  const pairOf = (status: TeamStatus) => `${TEAM_GROUPS.indexOf(status.group)}:${availableAt(status, now)}`;
  const pairs = [...new Set([...statuses.filter((_, i) => used[i]).map(pairOf), pairOf(UNKNOWN)])]
    .map((pair) => pair.split(':').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((pair) => pair.join(':'));
  const positionOfPair = new Map(pairs.map((pair, i) => [pair, i]));
  const positions = statuses.map((status, i) => (used[i] ? positionOfPair.get(pairOf(status))! : 0));
  const unknownPosition = positionOfPair.get(pairOf(UNKNOWN))!;

  const keys = new Float64Array(matches.length);
  const counts: TeamCounts = { working: 0, soon: 0, off: 0, unknown: 0 };
  for (let i = 0; i < matches.length; i++) {
    const member = matches[i]!;
    const known = member.schedule >= 0;
    counts[known ? statuses[member.schedule]!.group : 'unknown'] += 1;
    keys[i] = (known ? positions[member.schedule]! : unknownPosition) * RANKS + member.rank;
  }
  keys.sort();
  return { at: now, all: index.members.length, counts, keys, byRank: index.byRank, statuses, index };
}

/** The ordered matches from `start` to `end`, with their statuses (only these are unpacked). */
export function entriesOf(ordered: OrderedTeam, start = 0, end = ordered.keys.length): Array<{ member: Member; status: TeamStatus }> {
  return Array.from(ordered.keys.subarray(start, end), (key) => {
    const member = ordered.byRank[key % RANKS]!;
    return { member, status: member.schedule < 0 ? UNKNOWN : ordered.statuses[member.schedule]! };
  });
}

function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** A row's hours with only the days off near `now` (a region's 400 days of holidays need not travel). */
function rowHours(schedule: Schedule, now: number): Hours {
  const from = isoDay(now - DAYS_OFF_BEFORE * DAY_MS);
  const until = isoDay(now + DAYS_OFF_AFTER * DAY_MS);
  const { hours } = schedule;
  return { ...hours, daysOff: (hours.daysOff ?? []).filter((date) => date >= from && date <= until) };
}

/** One page of an ordered team. */
export function teamPage(ordered: OrderedTeam, offset = 0, limit = 50): TeamPage {
  const size = Math.min(Math.max(1, limit), MAX_TEAM_PAGE);
  const total = ordered.keys.length;
  const start = Math.max(0, Math.min(offset, total));
  const rows = entriesOf(ordered, start, start + size).map(({ member, status }): TeamRow => {
    const schedule = member.schedule >= 0 ? ordered.index.schedules[member.schedule] : undefined;
    return {
      id: member.id,
      name: member.name,
      ...(member.address ? { address: member.address } : {}),
      ...(schedule ? { timeZone: schedule.hours.timeZone, hours: rowHours(schedule, ordered.at) } : {}),
      status: status.group === 'working' && schedule ? { ...status, until: shiftEnd(ordered.index, member.schedule, ordered.at) } : status,
    };
  });
  return { at: ordered.at, counts: ordered.counts, total, all: ordered.all, offset: start, rows };
}
