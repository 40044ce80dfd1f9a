/** Days off as people think of them: single days and ranges, the next ones first. Pure. */
import { DateTime } from 'luxon';
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
  if (!start) return { error: 'Pick the first day off.' };
  const end = to ? parse(to) : start;
  if (!end) return { error: 'The last day is not a date.' };
  const days = Math.round(end.diff(start, 'days').days);
  if (days < 0) return { error: 'The last day is before the first.' };
  if (days >= MAX_RANGE_DAYS) return { error: `A range can be at most ${MAX_RANGE_DAYS} days.` };
  const dates: string[] = [];
  for (let i = 0; i <= days; i++) dates.push(start.plus({ days: i }).toISODate()!);
  return { dates };
}

/** Adds dates to a list: sorted, without duplicates, within the stored limit. */
export function addDates(list: readonly string[], dates: readonly string[]): { daysOff: string[] } | { error: string } {
  const merged = [...new Set([...list, ...dates])].sort();
  if (merged.length > LIMITS.daysOff) return { error: `That would be more than ${LIMITS.daysOff} days off; remove past ones first.` };
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

/** "Thu 24 Dec 2026" or "Thu 24 Dec – Fri 1 Jan 2027". */
export function formatRun(run: DateRun, locale = 'en-GB'): string {
  const a = parse(run.from)!.setLocale(locale);
  const b = parse(run.to)!.setLocale(locale);
  if (run.from === run.to) return a.toFormat('ccc d LLL yyyy');
  const sameYear = a.year === b.year;
  return `${a.toFormat(sameYear ? 'ccc d LLL' : 'ccc d LLL yyyy')} – ${b.toFormat('ccc d LLL yyyy')}`;
}

export function runLength(run: DateRun): number {
  return Math.round(parse(run.to)!.diff(parse(run.from)!, 'days').days) + 1;
}
