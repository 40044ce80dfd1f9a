/**
 * Dates and times for people, in the browser's locale (see formatLocale). Every function takes the zone
 * the wall clock is read in; an unusable zone falls back to UTC rather than printing "Invalid DateTime".
 * Weekday + time keeps the contract's shape (§3): "Tue 09:00" where the locale's clock is 24-hour,
 * "Tue 9:00 AM" where it is 12-hour (en-US), with the weekday in the text's language.
 */
import { DateTime } from 'luxon';
import { formatLocale } from './index';

export const INVALID_TIME = '--:--';

function at(ms: number, zone: string, locale: string): DateTime | null {
  if (!Number.isFinite(ms)) return null;
  const local = DateTime.fromMillis(ms, { zone, locale });
  return local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC', locale });
}

const twelveHour = new Map<string, boolean>();

/** Whether `locale` writes times on a 12-hour clock ("9:00 AM"): en-US yes, en-GB and de no. */
export function usesTwelveHourClock(locale: string): boolean {
  let known = twelveHour.get(locale);
  if (known === undefined) {
    try {
      const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
      known = cycle === 'h12' || cycle === 'h11';
    } catch {
      known = false;
    }
    twelveHour.set(locale, known);
  }
  return known;
}

/** The time of day in the locale's clock: "09:00", or "9:00 AM" (plain spaces, not ICU's narrow ones). */
function timeOfDay(local: DateTime, locale: string): string {
  if (!usesTwelveHourClock(locale)) return local.toFormat('HH:mm');
  return local.toLocaleString({ hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).replace(/[\u202f\u00a0]/g, ' ');
}

/** "Tue 09:00" / "Tue 9:00 AM" (en-US) / "Di. 09:00". */
export function weekdayTime(ms: number, zone: string, locale = formatLocale()): string {
  const local = at(ms, zone, locale);
  // EEE (format form): German "Di."; the stand-alone ccc would give "Di".
  return local ? `${local.toFormat('EEE')} ${timeOfDay(local, locale)}` : INVALID_TIME;
}

/** "09:00" / "9:00 AM" (en-US). */
export function clockTime(ms: number, zone: string, locale = formatLocale()): string {
  const local = at(ms, zone, locale);
  return local ? timeOfDay(local, locale) : INVALID_TIME;
}

/** "Tue 3 Mar, 09:00" (en-GB) / "Tue, Mar 3, 09:00" (en-US) / "Di., 3. März, 09:00" (de). */
export function dateTime(ms: number, zone: string, locale = formatLocale()): string {
  const local = at(ms, zone, locale);
  if (!local) return INVALID_TIME;
  const twelve = usesTwelveHourClock(locale);
  const text = local.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: twelve ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: twelve ? 'h12' : 'h23' });
  return text.replace(/[\u202f\u00a0]/g, ' ');
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
