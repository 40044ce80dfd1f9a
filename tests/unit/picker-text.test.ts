import { describe, expect, it } from 'vitest';
import { formatDateLike, parseDateText, showsDate, type CalendarDate } from '@/utils/sites/picker/date-text';
import { chooseTimeOption } from '@/utils/sites/picker/time-options';

const TODAY: CalendarDate = { year: 2026, month: 11, day: 20 };
const DEC_8: CalendarDate = { year: 2026, month: 12, day: 8 };

describe('parseDateText', () => {
  it.each([
    ['Tuesday, December 8', 'en-US', DEC_8, false],
    ['Tue, Dec 8', 'en-US', DEC_8, false],
    ['Dec 8, 2026', 'en-US', DEC_8, true],
    ['December 8th', 'en-US', DEC_8, false],
    ['12/8/2026', 'en-US', DEC_8, true],
    ['8/12/2026', 'en-GB', DEC_8, true],
    ['8 December 2026', 'en-GB', DEC_8, true],
    ['Dienstag, 8. Dezember', 'de-DE', DEC_8, false],
    ['Di., 8. Dez.', 'de-DE', DEC_8, false],
    ['08.12.2026', 'de-DE', DEC_8, true],
    ['8. Dez. 2026', 'de-DE', DEC_8, true],
    ['2026-12-08', 'en-US', DEC_8, true],
  ])('%s (%s)', (text, locale, date, hasYear) => {
    expect(parseDateText(text, locale, TODAY)).toEqual({ date, hasYear });
  });

  it('reads a year-less date as the next one to come, across the new year', () => {
    expect(parseDateText('January 5', 'en-US', { year: 2026, month: 12, day: 20 })?.date).toEqual({ year: 2027, month: 1, day: 5 });
    expect(parseDateText('Tuesday, January 5', 'en-US', { year: 2026, month: 12, day: 20 })?.date).toEqual({ year: 2027, month: 1, day: 5 });
  });

  it('takes the year whose weekday fits', () => {
    // 8 December is a Tuesday in 2026 and a Wednesday in 2027.
    expect(parseDateText('Wednesday, December 8', 'en-US', TODAY)?.date).toEqual({ year: 2027, month: 12, day: 8 });
  });

  it.each(['8:00 AM', '20:00', 'Tomorrow', '', 'Friday, December 8, 2026', '31/31/2026', 'Dec 32', '12/8'])('refuses %j', (text) => {
    // "Friday, December 8, 2026": the weekday does not fit. "12/8" has no year and is read as a date only with one.
    const parsed = parseDateText(text, 'en-US', TODAY);
    if (text === '12/8') expect(parsed?.date).toEqual(DEC_8);
    else expect(parsed).toBeNull();
  });
});

describe('formatDateLike', () => {
  const JAN_14: CalendarDate = { year: 2027, month: 1, day: 14 };
  it.each([
    ['Tuesday, December 8', 'en-US', 'Thursday, January 14'],
    ['Dec 8, 2026', 'en-US', 'Jan 14, 2027'],
    ['12/8/2026', 'en-US', '1/14/2027'],
    ['Dienstag, 8. Dezember', 'de-DE', 'Donnerstag, 14. Januar'],
    ['08.12.2026', 'de-DE', '14.01.2027'],
    ['8. Dez. 2026', 'de-DE', '14. Jan. 2027'],
    ['2026-12-08', 'de-DE', '2027-01-14'],
  ])('writes in the shape of %j', (shown, locale, expected) => {
    const written = formatDateLike(shown, JAN_14, locale, TODAY);
    expect(written.replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
    expect(showsDate(written, JAN_14, locale, TODAY)).toBe(true);
  });

  it('falls back to the locale\u2019s medium date for an empty field', () => {
    expect(formatDateLike('', DEC_8, 'en-US', TODAY)).toBe('Dec 8, 2026');
  });
});

describe('chooseTimeOption', () => {
  const quarter = ['8:45 AM', '9:00 AM', '9:15 AM', '9:30 AM'];
  const half = ['08:30', '09:00', '09:30', '10:00'];
  it('picks the exact minute', () => expect(chooseTimeOption(quarter, 9 * 60 + 15)).toEqual({ index: 2, minutes: 555 }));
  it('else the first option not earlier', () => expect(chooseTimeOption(half, 9 * 60 + 15)).toEqual({ index: 2, minutes: 570 }));
  it('ignores options that are not times', () => expect(chooseTimeOption(['Custom', '09:30'], 9 * 60)).toEqual({ index: 1, minutes: 570 }));
  it('gives nothing when every option is earlier', () => expect(chooseTimeOption(half, 23 * 60)).toBeNull());
});
