/**
 * Public holidays are exactly more days off (contract §1): a person's holiday region adds its local
 * dates to their `daysOff`, and the hours engine does not change. Pure; no library, no browser APIs.
 */
import type { Hours } from '@/utils/hours';

/** What the worker publishes per region in use: the public holidays' local dates, ascending. */
export interface RegionHolidays {
  /** First and last local date covered ("YYYY-MM-DD"); dates outside are unknown, not free. */
  from: string;
  until: string;
  /** The place, for a sentence ("Karnataka", "Germany"), in the browser's language where it has one. */
  place: string;
  dates: string[];
}

export type HolidayTable = Readonly<Record<string, RegionHolidays>>;

/** The holiday dates of `region` in `table` (none when the region is unset or not computed yet). */
export function holidayDates(region: string | undefined, table: HolidayTable | undefined): readonly string[] {
  if (!region || !table) return [];
  return table[region]?.dates ?? [];
}

/** `hours` with its region's holidays added to `daysOff` (the same object when there are none). */
export function withHolidays<H extends Hours>(hours: H, region: string | undefined, table: HolidayTable | undefined): H {
  const dates = holidayDates(region, table);
  if (dates.length === 0) return hours;
  const own = hours.daysOff ?? [];
  const merged = own.length ? [...new Set([...own, ...dates])].sort() : [...dates];
  return { ...hours, daysOff: merged };
}

/** Holidays of `region` on local dates from `fromDate` to `toDate` inclusive that are not already typed days off. */
export function holidaysBetween(region: string | undefined, table: HolidayTable | undefined, fromDate: string, toDate: string, typed: readonly string[] = []): string[] {
  return holidayDates(region, table).filter((date) => date >= fromDate && date <= toDate && !typed.includes(date));
}

/** Settings whose `me` observes its own holiday region: the user's days off as every check should see them. */
export function withOwnHolidays<S extends { me: Hours & { holidays?: string } }>(settings: S, table: HolidayTable | undefined): S {
  const me = withHolidays(settings.me, settings.me.holidays, table);
  return me === settings.me ? settings : { ...settings, me };
}

/** The region's place name and dates, for saying why a slot moved; undefined without dates. */
export function holidayInfo(region: string | undefined, table: HolidayTable | undefined): { place: string; dates: readonly string[] } | undefined {
  const entry = region ? table?.[region] : undefined;
  return entry?.dates.length ? { place: entry.place, dates: entry.dates } : undefined;
}
