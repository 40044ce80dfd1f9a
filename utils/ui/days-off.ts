/** Days off as people think of them: single days and ranges, the next ones first. Pure. */
import { DateTime } from 'luxon';
import { formatLocale, t } from '@/utils/i18n';
import { calendarDate } from '@/utils/i18n/dates';
import { LIMITS } from '@/utils/store/schema';

export const MAX_RANGE_DAYS = 366;

export interface DateRun {
  from: string;
  to: string;
}

function parse(date: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  return d.isValid ? d : null;
}

/** Every date from `from` to `to` inclusive, or why not. */
export function expandRange(from: string, to: string = from): { dates: string[] } | { error: string } {
  const start = parse(from);
  if (!start) return { error: t('daysOff.pickFirst') };
  const end = to ? parse(to) : start;
  if (!end) return { error: t('daysOff.lastNotADate') };
  const days = Math.round(end.diff(start, 'days').days);
  if (days < 0) return { error: t('daysOff.lastBeforeFirst') };
  if (days >= MAX_RANGE_DAYS) return { error: t('daysOff.rangeTooLong', { max: MAX_RANGE_DAYS }) };
  const dates: string[] = [];
  for (let i = 0; i <= days; i++) dates.push(start.plus({ days: i }).toISODate()!);
  return { dates };
}

/** Adds dates to a list: sorted, without duplicates, within the stored limit. */
export function addDates(list: readonly string[], dates: readonly string[]): { daysOff: string[] } | { error: string } {
  const merged = [...new Set([...list, ...dates])].sort();
  if (merged.length > LIMITS.daysOff) return { error: t('daysOff.tooMany', { max: LIMITS.daysOff }) };
  return { daysOff: merged };
}

/** Consecutive dates joined into runs. */
export function groupDates(dates: readonly string[]): DateRun[] {
  const sorted = [...new Set(dates)].sort();
  const runs: DateRun[] = [];
  for (const date of sorted) {
    const last = runs[runs.length - 1];
    const previous = last ? parse(last.to) : null;
    if (last && previous && previous.plus({ days: 1 }).toISODate() === date) last.to = date;
    else runs.push({ from: date, to: date });
  }
  return runs;
}

export function removeRun(list: readonly string[], run: DateRun): string[] {
  return list.filter((d) => d < run.from || d > run.to);
}

/** calendarDate's style (weekday, day, short month, year), for a date rather than an instant. */
const RUN_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };

/**
 * In the reader's locale, the shared parts written once: "Thu, 24 Dec – Fri, 25 Dec 2026" (en-GB),
 * "Do., 24. – Fr., 25. Dez. 2026" (de); a single day as calendarDate writes it.
 */
export function formatRun(run: DateRun, locale = formatLocale()): string {
  if (run.from === run.to) return calendarDate(run.from, locale);
  const day = (iso: string) => new Date(parse(iso)!.toMillis());
  return new Intl.DateTimeFormat(locale, RUN_FORMAT).formatRange(day(run.from), day(run.to));
}

export function runLength(run: DateRun): number {
  return Math.round(parse(run.to)!.diff(parse(run.from)!, 'days').days) + 1;
}
