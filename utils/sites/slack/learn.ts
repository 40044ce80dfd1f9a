/**
 * Learns a member's time zone from the profile pane's "9:41 AM local time". Slack shows a wall
 * clock, not a zone, so the zone is inferred from the offset it implies: the best-known zone with
 * that offset now. Stored as "learned from Slack profile"; a zone the user typed always wins.
 */
import { DateTime } from 'luxon';
import { parseTimeText } from '../time-text';

/** Most-used zones first: for an offset shared by many zones, the likeliest one wins. */
const PREFERRED = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix',
  'America/Anchorage', 'Pacific/Honolulu', 'America/Sao_Paulo', 'America/Mexico_City', 'America/Bogota',
  'America/Halifax', 'America/St_Johns', 'America/Argentina/Buenos_Aires', 'Europe/London', 'Europe/Berlin',
  'Europe/Paris', 'Europe/Athens', 'Europe/Moscow', 'Europe/Istanbul', 'Africa/Lagos', 'Africa/Cairo',
  'Africa/Johannesburg', 'Africa/Nairobi', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu',
  'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Jakarta', 'Asia/Shanghai', 'Asia/Singapore', 'Asia/Manila', 'Asia/Tokyo',
  'Asia/Seoul', 'Australia/Perth', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney',
  'Pacific/Auckland', 'UTC',
];

function allZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** How far behind the profile pane's clock may be (it is redrawn once a minute). */
const STALE_CLOCK_MINUTES = 2;

/** Minutes between the shown wall clock and UTC now, rounded to Slack's whole-minute display. */
export function offsetFromWallClock(shown: string, now: Date): number | null {
  const minutes = parseTimeText(shown);
  if (minutes === null) return null;
  const utc = now.getUTCHours() * 60 + now.getUTCMinutes();
  let offset = minutes - utc;
  // The shown clock may be on the other side of midnight from UTC.
  if (offset > 14 * 60) offset -= 1440;
  if (offset < -12 * 60) offset += 1440;
  // Every zone's offset is a multiple of 15 minutes; a clock read just before Slack redraws it is a
  // minute or two behind.
  const nearest = Math.round(offset / 15) * 15;
  return Math.abs(offset - nearest) <= STALE_CLOCK_MINUTES ? nearest : offset;
}

/** The likeliest zone whose offset right now is one of `offsets` (in the order given, per list). */
export function zoneForOffset(offset: number | readonly number[], now: Date, zones: readonly string[] = allZones()): string | null {
  const wanted = typeof offset === 'number' ? [offset] : offset;
  const fits = (zone: string) => wanted.includes(DateTime.fromJSDate(now, { zone }).offset);
  return PREFERRED.find(fits) ?? zones.find(fits) ?? null;
}

/**
 * Zones span UTC−12 to UTC+14, 26 hours: for two hours of every day one wall clock fits two offsets
 * a day apart (9:00 at 20:00 UTC is Auckland's +13 or Niue's −11). Both are tried.
 */
function candidateOffsets(offset: number): number[] {
  return [offset, offset + 1440, offset - 1440].filter((o) => o >= -12 * 60 && o <= 14 * 60);
}

export function zoneFromLocalTime(shown: string, now: Date): string | null {
  const offset = offsetFromWallClock(shown, now);
  return offset === null ? null : zoneForOffset(candidateOffsets(offset), now);
}
