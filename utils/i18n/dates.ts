/**
 * Dates and times for people, in the browser's locale (see formatLocale). Every function takes the zone
 * the wall clock is read in; an unusable zone falls back to UTC rather than printing "Invalid DateTime".
 * Weekday + time keeps the contract's shape ("Tue 09:00", 24-hour) with the weekday in the text's language.
 */
import { DateTime } from 'luxon';
import { formatLocale } from './index';

export const INVALID_TIME = '--:--';

function at(ms: number, zone: string, locale: string): DateTime | null {
  if (!Number.isFinite(ms)) return null;
  const local = DateTime.fromMillis(ms, { zone, locale });
  return local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC', locale });
}

/** "Tue 09:00" / "Di. 09:00". */
export function weekdayTime(ms: number, zone: string, locale = formatLocale()): string {
  // EEE (format form): German "Di."; the stand-alone ccc would give "Di".
  return at(ms, zone, locale)?.toFormat('EEE HH:mm') ?? INVALID_TIME;
}

/** "09:00". */
export function clockTime(ms: number, zone: string, locale = formatLocale()): string {
  return at(ms, zone, locale)?.toFormat('HH:mm') ?? INVALID_TIME;
}

/** "Tue 3 Mar, 09:00" (en-GB) / "Tue, Mar 3, 09:00" (en-US) / "Di., 3. März, 09:00" (de). */
export function dateTime(ms: number, zone: string, locale = formatLocale()): string {
  const local = at(ms, zone, locale);
  if (!local) return INVALID_TIME;
  return local.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** A calendar date ("2026-03-03") with weekday and year: "Tue, 3 Mar 2026" / "Di., 3. März 2026". */
export function calendarDate(isoDate: string, locale = formatLocale()): string {
  const day = DateTime.fromISO(isoDate, { locale });
  return day.isValid ? day.toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY) : isoDate;
}

/** "3 Mar" / "Mar 3" / "3. März". */
export function dayMonth(isoDate: string, locale = formatLocale()): string {
  const day = DateTime.fromISO(isoDate, { locale });
  return day.isValid ? day.toLocaleString({ day: 'numeric', month: 'short' }) : isoDate;
}

/** "Mon 25 May" / "Mon, May 25" / "Mo., 25. Mai": a date near enough that the year goes without saying. */
export function weekdayDayMonth(isoDate: string, locale = formatLocale()): string {
  const day = DateTime.fromISO(isoDate, { locale });
  return day.isValid ? day.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' }) : isoDate;
}

/** Narrow weekday letter for chart axes: "T" / "D". */
export function weekdayLetter(isoDate: string, locale = formatLocale()): string {
  const day = DateTime.fromISO(isoDate, { locale });
  return day.isValid ? day.toFormat('ccccc') : '';
}

/** Locale-aware, case- and accent-insensitive comparison for sorting names. */
export function nameCollator(locale = formatLocale()): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
}
