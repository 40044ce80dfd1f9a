/**
 * Public holidays of one region over a span of local dates, from the date-holidays library (passed
 * in: it is loaded only in the worker, from its own file, when needed; see utils/background/holidays.ts).
 * Only whole-day public holidays count: observances, optional, bank and school days are not asked for,
 * and a holiday that starts in the afternoon (China's half-day Youth Day) does not make a day off.
 */
import type HolidaysLibrary from 'date-holidays';
import { DateTime } from 'luxon';
import type { RegionHolidays } from './apply';
import { regionShortLabel, splitRegion } from './regions';

export type HolidaysConstructor = typeof HolidaysLibrary;

const DAY_MS = 86_400_000;

/** The local dates ("YYYY-MM-DD") one library entry makes free: its first day, and more when it lasts longer. */
function wholeDays(entry: { date: string; start: Date; end: Date }): string[] {
  const [day, time] = entry.date.split(' ');
  if (!day || (time !== undefined && time !== '00:00:00')) return [];
  const length = Math.max(1, Math.round((entry.end.getTime() - entry.start.getTime()) / DAY_MS));
  const first = DateTime.fromISO(day, { zone: 'UTC' });
  return Array.from({ length }, (_, i) => first.plus({ days: i }).toISODate()!);
}

/** `region`'s public holidays on the `days` local dates starting at `from` ("YYYY-MM-DD"). */
export function computeRegionHolidays(Library: HolidaysConstructor, region: string, from: string, days: number, locale = 'en'): RegionHolidays {
  const { country, state } = splitRegion(region);
  const library = state === undefined ? new Library(country, { types: ['public'] }) : new Library(country, state, { types: ['public'] });
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const until = start.plus({ days: days - 1 }).toISODate()!;
  const dates = new Set<string>();
  for (let year = start.year; year <= Number(until.slice(0, 4)); year++) {
    for (const entry of library.getHolidays(year)) {
      if (entry.type !== 'public') continue;
      for (const date of wholeDays(entry)) if (date >= from && date <= until) dates.add(date);
    }
  }
  return { from, until, place: regionShortLabel(region, locale), dates: [...dates].sort() };
}
