import { describe, expect, it } from 'vitest';
import { clockTime, dateTime, usesTwelveHourClock, weekdayTime } from '@/utils/i18n/dates';

/** Tuesday 6 January 2026, 09:05 and 21:05 in Berlin. */
const MORNING = Date.UTC(2026, 0, 6, 8, 5);
const EVENING = Date.UTC(2026, 0, 6, 20, 5);

describe('times in the locale\u2019s clock (contract §3)', () => {
  it.each([
    ['en-US', true],
    ['en-GB', false],
    ['de', false],
    ['de-AT', false],
    ['not a locale!', false],
  ])('%s uses a 12-hour clock: %s', (locale, twelve) => expect(usesTwelveHourClock(locale)).toBe(twelve));

  it('12-hour where the locale says so, with plain spaces; 24-hour with two-digit hours elsewhere', () => {
    expect(weekdayTime(MORNING, 'Europe/Berlin', 'en-US')).toBe('Tue 9:05 AM');
    expect(weekdayTime(EVENING, 'Europe/Berlin', 'en-US')).toBe('Tue 9:05 PM');
    expect(clockTime(EVENING, 'Europe/Berlin', 'en-US')).toBe('9:05 PM');
    expect(weekdayTime(MORNING, 'Europe/Berlin', 'en-GB')).toBe('Tue 09:05');
    expect(weekdayTime(EVENING, 'Europe/Berlin', 'de')).toBe('Di. 21:05');
    expect(clockTime(MORNING, 'Europe/Berlin', 'de')).toBe('09:05');
    expect(dateTime(EVENING, 'Europe/Berlin', 'en-US')).toBe('Tue, Jan 6, 9:05 PM');
    expect(dateTime(EVENING, 'Europe/Berlin', 'de')).toMatch(/^Di\., 6\. Jan\.?, 21:05$/);
    for (const text of [weekdayTime(MORNING, 'UTC', 'en-US'), dateTime(MORNING, 'UTC', 'en-US')]) expect(text).not.toMatch(/[\u202f\u00a0]/);
  });
});
