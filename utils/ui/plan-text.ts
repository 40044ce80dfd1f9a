/**
 * Plan-a-time's words: the line a person copies into a message ("Tue 09:00 Berlin · 13:30 Kolkata ·
 * 03:00 New York (outside hours)") and the strips' spoken descriptions. Pure given the locale.
 */
import { DateTime } from 'luxon';
import { isWorkingTime, wallClock, type Hours } from '@/utils/hours';
import type { Interval, Tick } from '@/utils/etiquette/plan';
import { formatLocale, t } from '@/utils/i18n';
import { clockTime, usesTwelveHourClock, weekdayTime } from '@/utils/i18n/dates';
import { cityOf } from './zone-city';

/**
 * One entry per zone, in the order people are given (the user first): the first with its weekday, the
 * others with theirs only when their date differs. A zone is "(outside hours)" when anyone in it is.
 */
export function planLine(people: readonly Hours[], at: number, locale = formatLocale()): string {
  const zones = new Map<string, boolean>();
  for (const hours of people) {
    const outside = !isWorkingTime(hours, new Date(at));
    zones.set(hours.timeZone, (zones.get(hours.timeZone) ?? false) || outside);
  }
  let firstDate: string | null = null;
  return [...zones]
    .map(([zone, outside]) => {
      const date = wallClock(zone, new Date(at)).date;
      const time = firstDate === date ? clockTime(at, zone, locale) : weekdayTime(at, zone, locale);
      firstDate ??= date;
      return `${time} ${cityOf(zone)}${outside ? ` ${t('plan.outsideHours')}` : ''}`;
    })
    .join(' · ');
}

/** "Tue 09:00–17:00" in `zone`; the end's weekday too when it is another day ("Fri 22:00–Sat 06:00"). */
export function intervalText({ start, end }: Interval, zone: string, locale = formatLocale()): string {
  const sameDay = wallClock(zone, new Date(start)).date === wallClock(zone, new Date(end - 1)).date;
  return `${weekdayTime(start, zone, locale)}–${sameDay ? clockTime(end, zone, locale) : weekdayTime(end, zone, locale)}`;
}

/** What a strip says to a screen reader: "Priya Raman, Kolkata: working Tue 09:00–17:00, Wed 09:00–17:00". */
export function stripDescription(name: string, zone: string, intervals: readonly Interval[], locale = formatLocale()): string {
  const hours = intervals.length
    ? t('plan.stripWorking', { ranges: intervals.map((interval) => intervalText(interval, zone, locale)).join(', ') })
    : t('plan.stripNone');
  return t('plan.strip', { name, place: cityOf(zone), hours });
}

/** A strip's scale mark in its person's time: the weekday at midnight ("Wed", "Mi."), else the hour ("06", "6 AM"). */
export function tickLabel(tick: Tick, zone: string, locale = formatLocale()): string {
  const local = DateTime.fromMillis(tick.at, { zone, locale });
  if (!local.isValid) return '';
  if (tick.date) return local.toFormat('EEE');
  return usesTwelveHourClock(locale) ? local.toFormat('h a') : local.toFormat('HH');
}
