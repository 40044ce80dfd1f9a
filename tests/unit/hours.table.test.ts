/**
 * Table tests for the working-hours engine: every expected instant is written out by hand,
 * as an ISO string in the local offset of the zone under test.
 */
import { describe, expect, it } from 'vitest';
import {
  DAYS,
  isValidTimeZone,
  isWorkingTime,
  nextCommonWorkingTime,
  nextWorkingTime,
  parseHHmm,
  wallClock,
  type Hours,
  type Weekly,
} from '@/utils/hours';

type Range = [string, string];

const NINE_TO_FIVE: Range[] = [['09:00', '17:00']];

function week(days: Partial<Weekly>): Weekly {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...days };
}

function weekdays(ranges: Range[]): Weekly {
  return week({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges });
}

function hours(timeZone: string, weekly: Weekly, daysOff?: string[]): Hours {
  return daysOff ? { timeZone, weekly, daysOff } : { timeZone, weekly };
}

/** Local dates of `count` consecutive weeks starting at `first` (same weekday). */
function weeklyDates(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

function next(h: Hours, from: string): string | null {
  return nextWorkingTime(h, new Date(from))?.toISOString() ?? null;
}

function common(people: Hours[], from: string): string | null {
  return nextCommonWorkingTime(people, new Date(from))?.toISOString() ?? null;
}

/** Normalise an expected ISO-with-offset to the Z form that Date#toISOString prints. */
function iso(s: string): string {
  return new Date(s).toISOString();
}

interface MembershipCase {
  name: string;
  hours: Hours;
  at: string;
  working: boolean;
}

interface NextCase {
  name: string;
  hours: Hours;
  from: string;
  expected: string | null;
}

const berlinOffice = hours('Europe/Berlin', weekdays(NINE_TO_FIVE));
// Contract example: America/New_York falls back on Sunday 2026-11-01, 02:00 EDT -> 01:00 EST.
const nyFallBack = hours('America/New_York', week({ sun: [['01:30', '05:00']] }));
const berlinNight = hours('Europe/Berlin', week({ mon: [['22:00', '06:00']] }));
const berlinNightMondayOff = hours('Europe/Berlin', week({ mon: [['22:00', '06:00']] }), ['2026-03-02']);
const sundayNightMondayOff = hours('Europe/Berlin', week({ sun: [['22:00', '06:00']] }), ['2026-03-02']);
const lateEvening = hours('UTC', week({ mon: [['18:00', '24:00']] }));
const fullDayFromNine = hours('UTC', week({ mon: [['09:00', '09:00']] }));
const fullDayFromMidnight = hours('UTC', week({ wed: [['00:00', '00:00']] }));
const sydneyEarly = hours('Australia/Sydney', week({ sun: [['02:30', '04:00']] }));
const aucklandEarly = hours('Pacific/Auckland', week({ sun: [['02:00', '02:30']] }));
const lordHoweFallBack = hours('Australia/Lord_Howe', week({ sun: [['01:30', '01:45']] }));
const dubai = hours('Asia/Dubai', week({ sun: [['08:00', '16:00']], mon: [['08:00', '16:00']], tue: [['08:00', '16:00']], wed: [['08:00', '16:00']], thu: [['08:00', '16:00']] }));

const membershipCases: MembershipCase[] = [
  { name: 'start of a range is working', hours: berlinOffice, at: '2026-03-02T09:00:00+01:00', working: true },
  { name: 'just before a range is not', hours: berlinOffice, at: '2026-03-02T08:59:59.999+01:00', working: false },
  { name: 'seconds are inside the last minute', hours: berlinOffice, at: '2026-03-02T16:59:59+01:00', working: true },
  { name: 'milliseconds are inside the last minute', hours: berlinOffice, at: '2026-03-02T16:59:59.999+01:00', working: true },
  { name: 'the end is exclusive', hours: berlinOffice, at: '2026-03-02T17:00:00+01:00', working: false },
  { name: 'weekend is not working', hours: berlinOffice, at: '2026-03-07T12:00:00+01:00', working: false },
  // Fall-back night, membership by wall clock alone.
  { name: 'fall-back: 01:29 first pass', hours: nyFallBack, at: '2026-11-01T01:29:00-04:00', working: false },
  { name: 'fall-back: 01:30 first pass', hours: nyFallBack, at: '2026-11-01T01:30:00-04:00', working: true },
  { name: 'fall-back: 01:59 first pass', hours: nyFallBack, at: '2026-11-01T01:59:59-04:00', working: true },
  { name: 'fall-back: 01:00 second pass', hours: nyFallBack, at: '2026-11-01T01:00:00-05:00', working: false },
  { name: 'fall-back: 01:29 second pass', hours: nyFallBack, at: '2026-11-01T01:29:59-05:00', working: false },
  { name: 'fall-back: 01:30 second pass', hours: nyFallBack, at: '2026-11-01T01:30:00-05:00', working: true },
  { name: 'fall-back: 04:59 after the change', hours: nyFallBack, at: '2026-11-01T04:59:00-05:00', working: true },
  { name: 'fall-back: 05:00 end', hours: nyFallBack, at: '2026-11-01T05:00:00-05:00', working: false },
  // Night shift crossing midnight.
  { name: 'night shift: Monday 23:00', hours: berlinNight, at: '2026-03-02T23:00:00+01:00', working: true },
  { name: 'night shift: Tuesday 05:59', hours: berlinNight, at: '2026-03-03T05:59:00+01:00', working: true },
  { name: 'night shift: Tuesday 06:00', hours: berlinNight, at: '2026-03-03T06:00:00+01:00', working: false },
  { name: 'night shift: Monday 21:59', hours: berlinNight, at: '2026-03-02T21:59:00+01:00', working: false },
  { name: 'night shift off: Monday 23:00', hours: berlinNightMondayOff, at: '2026-03-02T23:00:00+01:00', working: false },
  { name: 'night shift off: after midnight dropped too', hours: berlinNightMondayOff, at: '2026-03-03T01:00:00+01:00', working: false },
  { name: 'night shift off: next week works', hours: berlinNightMondayOff, at: '2026-03-10T01:00:00+01:00', working: true },
  { name: 'day off does not cut a range that started the day before', hours: sundayNightMondayOff, at: '2026-03-02T03:00:00+01:00', working: true },
  // "24:00" and 24-hour ranges.
  { name: '24:00 end: 23:59:59', hours: lateEvening, at: '2026-03-02T23:59:59Z', working: true },
  { name: '24:00 end: next midnight', hours: lateEvening, at: '2026-03-03T00:00:00Z', working: false },
  { name: '09:00-09:00: Monday 08:59 is before it', hours: fullDayFromNine, at: '2026-03-02T08:59:00Z', working: false },
  { name: '09:00-09:00: Monday 09:00', hours: fullDayFromNine, at: '2026-03-02T09:00:00Z', working: true },
  { name: '09:00-09:00: Tuesday 08:59', hours: fullDayFromNine, at: '2026-03-03T08:59:59Z', working: true },
  { name: '09:00-09:00: Tuesday 09:00', hours: fullDayFromNine, at: '2026-03-03T09:00:00Z', working: false },
  { name: '00:00-00:00: whole Wednesday, at 00:00', hours: fullDayFromMidnight, at: '2026-03-04T00:00:00Z', working: true },
  { name: '00:00-00:00: whole Wednesday, at 23:59', hours: fullDayFromMidnight, at: '2026-03-04T23:59:00Z', working: true },
  { name: '00:00-00:00: Thursday 00:00', hours: fullDayFromMidnight, at: '2026-03-05T00:00:00Z', working: false },
  // Southern hemisphere fall-back (Sydney, 2026-04-05 03:00 AEDT -> 02:00 AEST).
  { name: 'Sydney fall-back: 02:45 first pass', hours: sydneyEarly, at: '2026-04-05T02:45:00+11:00', working: true },
  { name: 'Sydney fall-back: 02:10 second pass', hours: sydneyEarly, at: '2026-04-05T02:10:00+10:00', working: false },
  { name: 'Sydney fall-back: 02:30 second pass', hours: sydneyEarly, at: '2026-04-05T02:30:00+10:00', working: true },
  // Lord Howe falls back by 30 minutes (2026-04-05 02:00 +11:00 -> 01:30 +10:30).
  { name: 'Lord Howe fall-back: 01:40 first pass', hours: lordHoweFallBack, at: '2026-04-05T01:40:00+11:00', working: true },
  { name: 'Lord Howe fall-back: 01:50 first pass', hours: lordHoweFallBack, at: '2026-04-05T01:50:00+11:00', working: false },
  { name: 'Lord Howe fall-back: 01:40 second pass', hours: lordHoweFallBack, at: '2026-04-05T01:40:00+10:30', working: true },
  // Fri-Sat weekend.
  { name: 'Dubai: Friday is weekend', hours: dubai, at: '2026-03-06T10:00:00+04:00', working: false },
  { name: 'Dubai: Saturday is weekend', hours: dubai, at: '2026-03-07T10:00:00+04:00', working: false },
  { name: 'Dubai: Sunday is a workday', hours: dubai, at: '2026-03-08T10:00:00+04:00', working: true },
  // Unusual offsets.
  { name: 'Kolkata +05:30: 09:00', hours: hours('Asia/Kolkata', weekdays(NINE_TO_FIVE)), at: '2026-03-02T09:00:00+05:30', working: true },
  { name: 'Kolkata +05:30: 08:59', hours: hours('Asia/Kolkata', weekdays(NINE_TO_FIVE)), at: '2026-03-02T08:59:00+05:30', working: false },
  { name: 'Calcutta alias: 16:59', hours: hours('Asia/Calcutta', weekdays(NINE_TO_FIVE)), at: '2026-03-02T16:59:00+05:30', working: true },
  { name: 'Calcutta alias: 17:00', hours: hours('Asia/Calcutta', weekdays(NINE_TO_FIVE)), at: '2026-03-02T17:00:00+05:30', working: false },
  { name: 'Kathmandu +05:45: 09:00', hours: hours('Asia/Kathmandu', weekdays(NINE_TO_FIVE)), at: '2026-03-02T09:00:00+05:45', working: true },
  { name: 'Kathmandu +05:45: 08:59', hours: hours('Asia/Kathmandu', weekdays(NINE_TO_FIVE)), at: '2026-03-02T08:59:00+05:45', working: false },
  { name: 'Kiritimati +14: Monday there while Sunday in UTC', hours: hours('Pacific/Kiritimati', weekdays(NINE_TO_FIVE)), at: '2026-03-01T19:00:00Z', working: true },
  { name: 'Pago Pago -11: Friday there while Saturday in UTC', hours: hours('Pacific/Pago_Pago', weekdays(NINE_TO_FIVE)), at: '2026-03-07T03:59:00Z', working: true },
  { name: 'Pago Pago -11: Friday 17:00', hours: hours('Pacific/Pago_Pago', weekdays(NINE_TO_FIVE)), at: '2026-03-07T04:00:00Z', working: false },
  // POSIX-style sign: Etc/GMT+5 is five hours behind UTC.
  { name: 'Etc/GMT+5: 09:00 local is 14:00Z', hours: hours('Etc/GMT+5', weekdays(NINE_TO_FIVE)), at: '2026-03-02T14:00:00Z', working: true },
  { name: 'Etc/GMT+5: 08:59 local', hours: hours('Etc/GMT+5', weekdays(NINE_TO_FIVE)), at: '2026-03-02T13:59:00Z', working: false },
  { name: 'zone names are matched case-insensitively, like Intl', hours: hours('asia/kolkata', weekdays(NINE_TO_FIVE)), at: '2026-03-02T09:00:00+05:30', working: true },
  { name: 'empty week is never working', hours: hours('UTC', week({})), at: '2026-03-02T12:00:00Z', working: false },
];

const nextCases: NextCase[] = [
  { name: 'working from is returned as is', hours: berlinOffice, from: '2026-03-02T10:15:30.123+01:00', expected: '2026-03-02T10:15:30.123+01:00' },
  { name: 'before work: start of the day', hours: berlinOffice, from: '2026-03-02T07:00:00+01:00', expected: '2026-03-02T09:00:00+01:00' },
  { name: 'after work Friday: Monday', hours: berlinOffice, from: '2026-03-06T17:00:00+01:00', expected: '2026-03-09T09:00:00+01:00' },
  // Spring-forward gaps: a start that does not exist begins at the transition instant.
  { name: 'Berlin gap start 02:30 begins at 03:00 CEST', hours: hours('Europe/Berlin', week({ sun: [['02:30', '05:00']] })), from: '2026-03-29T00:00:00+01:00', expected: '2026-03-29T03:00:00+02:00' },
  { name: 'Berlin range inside the gap does not happen', hours: hours('Europe/Berlin', week({ sun: [['02:15', '02:45']] })), from: '2026-03-29T00:00:00+01:00', expected: '2026-04-05T02:15:00+02:00' },
  { name: 'New York gap start 02:30 begins at 03:00 EDT', hours: hours('America/New_York', week({ sun: [['02:30', '05:00']] })), from: '2026-03-08T00:00:00-05:00', expected: '2026-03-08T03:00:00-04:00' },
  { name: 'Sydney gap start 02:30 begins at 03:00 AEDT', hours: sydneyEarly, from: '2026-10-04T00:00:00+10:00', expected: '2026-10-04T03:00:00+11:00' },
  { name: 'Auckland range that is exactly the skipped hour does not happen', hours: hours('Pacific/Auckland', week({ sun: [['02:00', '03:00']] })), from: '2026-09-27T00:00:00+12:00', expected: '2026-10-04T02:00:00+13:00' },
  { name: 'Lord Howe 30-minute gap: 02:10 begins at 02:30 +11', hours: hours('Australia/Lord_Howe', week({ sun: [['02:10', '03:00']] })), from: '2026-10-04T00:00:00+10:30', expected: '2026-10-04T02:30:00+11:00' },
  { name: 'Lord Howe range inside the 30-minute gap does not happen', hours: hours('Australia/Lord_Howe', week({ sun: [['02:00', '02:30']] })), from: '2026-10-04T00:00:00+10:30', expected: '2026-10-11T02:00:00+11:00' },
  // Fall-back overlaps.
  { name: 'contract example: start is the first 01:30', hours: nyFallBack, from: '2026-11-01T00:00:00-04:00', expected: '2026-11-01T01:30:00-04:00' },
  { name: 'contract example: from the second 01:00, the second 01:30', hours: nyFallBack, from: '2026-11-01T01:00:00-05:00', expected: '2026-11-01T01:30:00-05:00' },
  { name: 'Sydney: from working 02:45 AEDT returns it', hours: sydneyEarly, from: '2026-04-05T02:45:00+11:00', expected: '2026-04-05T02:45:00+11:00' },
  { name: 'Sydney: from the second 02:00, the second 02:30', hours: sydneyEarly, from: '2026-04-05T02:00:00+10:00', expected: '2026-04-05T02:30:00+10:00' },
  { name: 'Auckland: after the first pass, the second pass', hours: aucklandEarly, from: '2026-04-05T02:30:00+13:00', expected: '2026-04-05T02:00:00+12:00' },
  { name: 'Lord Howe: after the first pass, the second 01:30', hours: lordHoweFallBack, from: '2026-04-05T01:50:00+11:00', expected: '2026-04-05T01:30:00+10:30' },
  {
    // Every later Sunday is off, so the second pass of the repeated hour is the only working time left.
    name: 'fall-back: the second pass is the last chance',
    hours: hours('America/New_York', week({ sun: [['01:00', '01:30']] }), weeklyDates('2026-11-08', 53)),
    from: '2026-11-01T01:45:00-04:00',
    expected: '2026-11-01T01:00:00-05:00',
  },
  // Santiago changes at midnight: on 2026-04-04 24:00 -03 -> 23:00 -04 Saturday repeats its last hour;
  // on 2026-09-05 24:00 -04 -> 01:00 -03 Sunday 00:00-00:59 never happens.
  { name: 'Santiago: Saturday 23:30 first pass', hours: hours('America/Santiago', week({ sat: [['23:00', '24:00']] })), from: '2026-04-04T23:30:00-03:00', expected: '2026-04-04T23:30:00-03:00' },
  { name: 'Santiago: Saturday repeated hour, from Sunday midnight', hours: hours('America/Santiago', week({ sat: [['23:00', '24:00']], sun: [['00:00', '01:00']] })), from: '2026-04-04T23:00:00-04:00', expected: '2026-04-04T23:00:00-04:00' },
  { name: 'Santiago: Sunday starting at a skipped midnight begins at 01:00', hours: hours('America/Santiago', week({ sun: [['00:00', '02:00']] })), from: '2026-09-05T12:00:00-04:00', expected: '2026-09-06T01:00:00-03:00' },
  { name: 'Santiago: Sunday 00:00-01:00 that never happens', hours: hours('America/Santiago', week({ sun: [['00:00', '01:00']] })), from: '2026-09-05T12:00:00-04:00', expected: '2026-09-13T00:00:00-03:00' },
  // Midnight-crossing ranges and days off.
  { name: 'night shift: from Tuesday 01:00 is working', hours: berlinNight, from: '2026-03-03T01:00:00+01:00', expected: '2026-03-03T01:00:00+01:00' },
  { name: 'night shift on a day off is dropped whole', hours: berlinNightMondayOff, from: '2026-03-02T12:00:00+01:00', expected: '2026-03-09T22:00:00+01:00' },
  { name: 'night shift day off: from after midnight', hours: berlinNightMondayOff, from: '2026-03-03T00:30:00+01:00', expected: '2026-03-09T22:00:00+01:00' },
  { name: '24:00 end continues into a 00:00 start', hours: hours('UTC', week({ mon: [['18:00', '24:00']], tue: [['00:00', '02:00']] })), from: '2026-03-03T00:00:00Z', expected: '2026-03-03T00:00:00Z' },
  { name: '24:00 end: after it, next week', hours: lateEvening, from: '2026-03-03T00:00:00Z', expected: '2026-03-09T18:00:00Z' },
  { name: '09:00-09:00 reaches Tuesday morning', hours: fullDayFromNine, from: '2026-03-03T08:00:00Z', expected: '2026-03-03T08:00:00Z' },
  { name: '09:00-09:00 ends Tuesday 09:00', hours: fullDayFromNine, from: '2026-03-03T09:00:00Z', expected: '2026-03-09T09:00:00Z' },
  // Weekends and holidays.
  { name: 'Dubai: from Friday, Sunday morning', hours: dubai, from: '2026-03-06T10:00:00+04:00', expected: '2026-03-08T08:00:00+04:00' },
  { name: 'Christmas 24-26 then the weekend', hours: hours('Europe/Berlin', weekdays(NINE_TO_FIVE), ['2026-12-24', '2026-12-25', '2026-12-26']), from: '2026-12-23T17:00:00+01:00', expected: '2026-12-28T09:00:00+01:00' },
  { name: 'Christmas to New Year off', hours: hours('Europe/Berlin', weekdays(NINE_TO_FIVE), ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']), from: '2026-12-23T17:00:00+01:00', expected: '2027-01-04T09:00:00+01:00' },
  // Unusual offsets.
  { name: 'Kolkata +05:30', hours: hours('Asia/Kolkata', weekdays(NINE_TO_FIVE)), from: '2026-03-02T00:00:00Z', expected: '2026-03-02T09:00:00+05:30' },
  { name: 'Calcutta alias +05:30', hours: hours('Asia/Calcutta', weekdays(NINE_TO_FIVE)), from: '2026-03-02T00:00:00Z', expected: '2026-03-02T09:00:00+05:30' },
  { name: 'Kathmandu +05:45', hours: hours('Asia/Kathmandu', weekdays(NINE_TO_FIVE)), from: '2026-03-02T00:00:00Z', expected: '2026-03-02T09:00:00+05:45' },
  { name: 'Kiritimati +14: Monday there is Sunday in UTC', hours: hours('Pacific/Kiritimati', weekdays(NINE_TO_FIVE)), from: '2026-03-01T12:00:00Z', expected: '2026-03-02T09:00:00+14:00' },
  { name: 'Kiritimati +14: after Monday work, Tuesday', hours: hours('Pacific/Kiritimati', weekdays(NINE_TO_FIVE)), from: '2026-03-02T04:00:00Z', expected: '2026-03-03T09:00:00+14:00' },
  { name: 'Pago Pago -11: Friday work is Saturday in UTC', hours: hours('Pacific/Pago_Pago', week({ fri: NINE_TO_FIVE })), from: '2026-03-06T12:00:00Z', expected: '2026-03-06T09:00:00-11:00' },
  { name: 'Pago Pago -11: after Friday, next Friday', hours: hours('Pacific/Pago_Pago', week({ fri: NINE_TO_FIVE })), from: '2026-03-07T05:00:00Z', expected: '2026-03-13T09:00:00-11:00' },
  // Horizons.
  { name: 'empty week: null', hours: hours('UTC', week({})), from: '2026-03-02T00:00:00Z', expected: null },
  { name: 'every Monday off for 53 weeks: null', hours: hours('Europe/Berlin', week({ mon: NINE_TO_FIVE }), weeklyDates('2026-03-02', 53)), from: '2026-03-02T00:00:00+01:00', expected: null },
  { name: 'every Monday off for 52 weeks: found 364 days later', hours: hours('Europe/Berlin', week({ mon: NINE_TO_FIVE }), weeklyDates('2026-03-02', 52)), from: '2026-03-02T00:00:00+01:00', expected: '2027-03-01T09:00:00+01:00' },
  // Sundays 2026-03-08 .. 2027-02-28 are off; 2027-03-07 09:00Z is exactly 366 x 24 h after 2026-03-06 09:00Z.
  { name: 'horizon is inclusive: exactly 366 days later', hours: hours('UTC', week({ sun: NINE_TO_FIVE }), weeklyDates('2026-03-08', 52)), from: '2026-03-06T09:00:00Z', expected: '2027-03-07T09:00:00Z' },
  { name: 'horizon: 366 days plus a minute is too late', hours: hours('UTC', week({ sun: NINE_TO_FIVE }), weeklyDates('2026-03-08', 52)), from: '2026-03-06T08:59:00Z', expected: null },
];

describe('parseHHmm', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s -> %i', (text, minutes) => expect(parseHHmm(text)).toBe(minutes));

  it.each(['24:01', '25:00', '9:00', '09:0', '09:60', ' 09:00', '09:00 ', '09:00:00', '0900', '', 'ab:cd', '-1:00'])(
    'rejects %j',
    (text) => expect(parseHHmm(text)).toBeNull(),
  );
});

describe('DAYS', () => {
  it('lists Monday to Sunday', () => expect(DAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']));
});

describe('isValidTimeZone', () => {
  it.each(['Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'Etc/GMT+5', 'Etc/GMT-14', 'Australia/Lord_Howe'])(
    'accepts %s',
    (zone) => expect(isValidTimeZone(zone)).toBe(true),
  );
  it.each(['Mars/Base', '+05:30', '-03:00', '+0530', '5', 'UTC+5', 'GMT-03:00', ''])('refuses %j', (zone) =>
    expect(isValidTimeZone(zone)).toBe(false),
  );
});

describe('seconds on input ranges (contract §2: ignored)', () => {
  const withSeconds = hours('UTC', weekdays([['09:00:53', '18:00:35']]));
  it.each([
    ['2026-03-02T08:59:59Z', false],
    ['2026-03-02T09:00:00Z', true],
    ['2026-03-02T17:59:59Z', true],
    ['2026-03-02T18:00:00Z', false],
    ['2026-03-02T18:00:30Z', false],
  ])('["09:00:53", "18:00:35"] at %s is working: %s', (at, working) => {
    expect(isWorkingTime(withSeconds, new Date(at))).toBe(working);
  });
  it('finds the same next start as 09:00-18:00', () => {
    expect(next(withSeconds, '2026-03-02T18:00:00Z')).toBe(next(hours('UTC', weekdays([['09:00', '18:00']])), '2026-03-02T18:00:00Z'));
    expect(nextCommonWorkingTime([withSeconds], new Date('2026-03-02T07:00:00Z'))?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
  it('reads "24:00:00" as the end of the day', () => {
    expect(isWorkingTime(hours('UTC', weekdays([['23:00:10', '24:00:00']])), new Date('2026-03-02T23:59:59Z'))).toBe(true);
  });
});

describe('invalid input', () => {
  it('throws a clear error for an unknown zone', () => {
    const mars = hours('Mars/Base', weekdays(NINE_TO_FIVE));
    expect(() => isWorkingTime(mars, new Date())).toThrow('Unknown time zone "Mars/Base"');
    expect(() => nextWorkingTime(mars, new Date())).toThrow('Unknown time zone "Mars/Base"');
    expect(() => nextCommonWorkingTime([berlinOffice, mars], new Date())).toThrow('Unknown time zone "Mars/Base"');
  });
  it('refuses a bare offset as a zone', () => {
    expect(() => isWorkingTime(hours('+05:30', weekdays(NINE_TO_FIVE)), new Date())).toThrow('Unknown time zone "+05:30"');
  });
  it('refuses malformed ranges', () => {
    expect(() => isWorkingTime(hours('UTC', week({ mon: [['9:00', '17:00']] })), new Date())).toThrow(/Invalid working-hours range/);
    expect(() => isWorkingTime(hours('UTC', week({ mon: [['24:00', '02:00']] })), new Date())).toThrow(/Invalid working-hours range/);
  });
  it('refuses seconds out of range and fractions of a second', () => {
    expect(() => isWorkingTime(hours('UTC', week({ mon: [['09:00:60', '17:00']] })), new Date())).toThrow(/Invalid working-hours range/);
    expect(() => isWorkingTime(hours('UTC', week({ mon: [['09:00:00.5', '17:00']] })), new Date())).toThrow(/Invalid working-hours range/);
  });
  it('ignores malformed days off (they match no date)', () => {
    const h = hours('UTC', weekdays(NINE_TO_FIVE), ['2026-3-2', '2026-02-30', 'monday']);
    expect(isWorkingTime(h, new Date('2026-03-02T10:00:00Z'))).toBe(true);
  });
  it('refuses an invalid Date', () => {
    expect(() => nextWorkingTime(berlinOffice, new Date(Number.NaN))).toThrow('Invalid date');
  });
});

describe('wallClock', () => {
  it('reads the local wall clock after a spring-forward', () => {
    expect(wallClock('Europe/Berlin', new Date('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', day: 'sun', minutes: 180 });
  });
  it('reads a date ahead of UTC at +14', () => {
    expect(wallClock('Pacific/Kiritimati', new Date('2026-03-01T19:00:30Z'))).toEqual({ date: '2026-03-02', day: 'mon', minutes: 540 });
  });
  it('reads a date behind UTC at -11', () => {
    expect(wallClock('Pacific/Pago_Pago', new Date('2026-03-07T03:59:00Z'))).toEqual({ date: '2026-03-06', day: 'fri', minutes: 1019 });
  });
});

describe('isWorkingTime', () => {
  it.each(membershipCases)('$name', ({ hours: h, at, working }) => {
    expect(isWorkingTime(h, new Date(at))).toBe(working);
  });
});

describe('nextWorkingTime', () => {
  it.each(nextCases)('$name', ({ hours: h, from, expected }) => {
    expect(next(h, from)).toBe(expected === null ? null : iso(expected));
  });

  it('returns a Date equal to a working from, milliseconds included', () => {
    const from = new Date('2026-03-02T16:59:59.999+01:00');
    expect(nextWorkingTime(berlinOffice, from)?.getTime()).toBe(from.getTime());
  });
});

describe('nextCommonWorkingTime', () => {
  const berlin = hours('Europe/Berlin', weekdays(NINE_TO_FIVE));
  const newYork = hours('America/New_York', weekdays(NINE_TO_FIVE));

  it.each([
    // Both on standard time: Berlin 09:00-17:00 is 08-16Z, New York 14-22Z.
    { name: 'both on standard time', from: '2026-03-02T00:00:00Z', expected: '2026-03-02T09:00:00-05:00' },
    // US moved to EDT on 8 March, the EU only on 29 March: overlap starts an hour earlier in UTC.
    { name: 'US on summer time, EU not yet', from: '2026-03-09T00:00:00Z', expected: '2026-03-09T14:00:00+01:00' },
    { name: 'US on summer time, EU not yet (New York view)', from: '2026-03-09T00:00:00Z', expected: '2026-03-09T09:00:00-04:00' },
    { name: 'both on summer time', from: '2026-03-30T00:00:00Z', expected: '2026-03-30T15:00:00+02:00' },
    // The EU falls back on 25 October, the US only on 1 November.
    { name: 'EU back on standard time, US not yet', from: '2026-10-26T00:00:00Z', expected: '2026-10-26T14:00:00+01:00' },
    { name: 'from inside the overlap', from: '2026-03-09T15:30:00Z', expected: '2026-03-09T15:30:00Z' },
    { name: 'after Friday overlap, Monday', from: '2026-03-13T16:00:00Z', expected: '2026-03-16T09:00:00-04:00' },
  ])('Berlin + New York: $name', ({ from, expected }) => {
    expect(common([berlin, newYork], from)).toBe(iso(expected));
    expect(common([newYork, berlin], from)).toBe(iso(expected));
  });

  it('returns from for an empty list (vacuously everyone works)', () => {
    expect(common([], '2026-03-07T03:00:00.5Z')).toBe('2026-03-07T03:00:00.500Z');
  });

  it('for one person equals nextWorkingTime', () => {
    expect(common([berlin], '2026-03-06T18:00:00Z')).toBe(iso('2026-03-09T09:00:00+01:00'));
  });

  it('is null for people who never overlap', () => {
    const mornings = hours('Europe/Berlin', weekdays([['09:00', '12:00']]));
    const afternoons = hours('Europe/Berlin', weekdays([['13:00', '17:00']]));
    expect(common([mornings, afternoons], '2026-03-02T00:00:00Z')).toBeNull();
  });

  it('is null when the first common slot is beyond 28 days', () => {
    const mondays = hours('UTC', week({ mon: NINE_TO_FIVE }));
    const offFourMondays = hours('UTC', week({ mon: NINE_TO_FIVE }), weeklyDates('2026-03-02', 4));
    // Each alone works on 2026-03-02 or 2026-03-30; together only from 2026-03-30 09:00Z, 28 d 9 h away.
    expect(nextWorkingTime(offFourMondays, new Date('2026-03-02T00:00:00Z'))?.toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(common([mondays, offFourMondays], '2026-03-02T00:00:00Z')).toBeNull();
  });

  it('horizon of 28 days is inclusive', () => {
    const mondays = hours('UTC', week({ mon: NINE_TO_FIVE }));
    const offFourWeeks = hours('UTC', week({ mon: NINE_TO_FIVE }), weeklyDates('2026-03-02', 4));
    expect(common([mondays, offFourWeeks], '2026-03-02T09:00:00Z')).toBe('2026-03-30T09:00:00.000Z');
    expect(common([mondays, offFourWeeks], '2026-03-02T08:59:59.999Z')).toBeNull();
  });

  it('meets a night shift across zones on the fall-back night', () => {
    // New York works Sunday 01:30-05:00 local (contract example); Kolkata works Sunday and Monday 10:00-13:00.
    const kolkata = hours('Asia/Kolkata', week({ mon: [['10:00', '13:00']], sun: [['10:00', '13:00']] }));
    // The second 01:30 EST is 06:30Z = 12:00 IST, inside Kolkata's Sunday; the first 01:30 EDT (05:30Z = 11:00 IST) too.
    expect(common([nyFallBack, kolkata], '2026-11-01T05:00:00Z')).toBe(iso('2026-11-01T01:30:00-04:00'));
    expect(common([nyFallBack, kolkata], '2026-11-01T06:00:00Z')).toBe(iso('2026-11-01T01:30:00-05:00'));
  });
});
