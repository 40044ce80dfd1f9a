import Holidays from 'date-holidays';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createHolidays, HOLIDAY_DAYS, needsDates, regionsInUse } from '@/utils/background/holidays';
import { holidayView } from './helpers/holiday-view';
import { sendVerdict } from '@/utils/etiquette/verdict';
import { holidayInfo, withHolidays, withOwnHolidays, type HolidayTable } from '@/utils/holidays/apply';
import { computeRegionHolidays } from '@/utils/holidays/compute';
import { canonicalRegion, regionLabel, regionShortLabel } from '@/utils/holidays/regions';
import { wallClock, type Hours, type Weekly } from '@/utils/hours';
import { weekdayDayMonth } from '@/utils/i18n/dates';
import { parseSettingsValue, toSettingsFile } from '@/utils/store/settings-file';
import { createService } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { parsePolicy } from '@/utils/store/policy';
import Dexie from 'dexie';
import { regionModule, regionTable } from '../tools/holiday-regions.mjs';

const twoYears = (region: string) => computeRegionHolidays(Holidays, region, '2026-01-01', 730).dates;

/**
 * Public holidays of 2026 and 2027 as the date-holidays library documents them (its data files), checked
 * by hand against each government's calendar where marked. Three continents and then some, subdivisions
 * (DE-BY, US-CA, IN-KA, GB-ENG, AU-NSW, CA-QC) and holidays that follow the moon (CN, SG).
 */
const EXPECTED: Record<string, string> = {
  // Bavaria: Epiphany and Corpus Christi, not Assumption (only in Catholic municipalities); Easter 5 Apr 2026, 28 Mar 2027.
  'DE-BY': '2026-01-01 2026-01-06 2026-04-03 2026-04-06 2026-05-01 2026-05-14 2026-05-25 2026-06-04 2026-10-03 2026-11-01 2026-12-25 2026-12-26 2027-01-01 2027-01-06 2027-03-26 2027-03-29 2027-05-01 2027-05-06 2027-05-17 2027-05-27 2027-10-03 2027-11-01 2027-12-25 2027-12-26',
  FR: '2026-01-01 2026-04-06 2026-05-01 2026-05-08 2026-05-14 2026-05-25 2026-07-14 2026-08-15 2026-11-01 2026-11-11 2026-12-25 2027-01-01 2027-03-29 2027-05-01 2027-05-06 2027-05-08 2027-05-17 2027-07-14 2027-08-15 2027-11-01 2027-11-11 2027-12-25',
  // England: Boxing Day 2026 is a Saturday, so Monday 28 Dec is the substitute.
  'GB-ENG': '2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-26 2026-12-28 2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-25 2027-12-26 2027-12-27 2027-12-28',
  // Federal holidays with their observed days (4 Jul 2026 is a Saturday: Friday 3 Jul; 25 Dec 2027 a Saturday: 24 Dec).
  US: '2026-01-01 2026-01-19 2026-02-16 2026-05-25 2026-06-19 2026-07-03 2026-07-04 2026-09-07 2026-10-12 2026-11-11 2026-11-26 2026-12-25 2027-01-01 2027-01-18 2027-02-15 2027-05-31 2027-06-18 2027-06-19 2027-07-04 2027-07-05 2027-09-06 2027-10-11 2027-11-11 2027-11-25 2027-12-24 2027-12-25 2027-12-31',
  'US-CA': '2026-01-01 2026-01-19 2026-02-16 2026-03-31 2026-05-25 2026-06-19 2026-07-03 2026-07-04 2026-09-07 2026-11-11 2026-11-26 2026-11-27 2026-12-25 2027-01-01 2027-01-18 2027-02-15 2027-03-31 2027-05-31 2027-06-18 2027-06-19 2027-07-04 2027-07-05 2027-09-06 2027-11-11 2027-11-25 2027-11-26 2027-12-24 2027-12-25 2027-12-31',
  'CA-QC': '2026-01-01 2026-04-03 2026-05-18 2026-06-24 2026-07-01 2026-09-07 2026-10-12 2026-12-25 2027-01-01 2027-03-26 2027-05-24 2027-06-24 2027-07-01 2027-09-06 2027-10-11 2027-12-25',
  BR: '2026-01-01 2026-04-03 2026-04-21 2026-05-01 2026-09-07 2026-10-04 2026-10-12 2026-10-25 2026-11-02 2026-11-15 2026-11-20 2026-12-25 2027-01-01 2027-03-26 2027-04-21 2027-05-01 2027-09-07 2027-10-12 2027-11-02 2027-11-15 2027-11-20 2027-12-25',
  'IN-KA': '2026-01-26 2026-04-03 2026-04-14 2026-04-30 2026-08-15 2026-09-17 2026-10-02 2026-11-01 2026-11-08 2026-12-25 2027-01-26 2027-03-26 2027-04-14 2027-04-30 2027-08-15 2027-09-17 2027-10-02 2027-11-01 2027-11-08 2027-12-25',
  // Spring Festival (lunar new year 17 Feb 2026, 6 Feb 2027), Dragon Boat, Mid-Autumn; half days (8 Mar, 4 May, 1 Aug) are not days off.
  CN: '2026-01-01 2026-02-16 2026-02-17 2026-02-18 2026-04-05 2026-05-01 2026-06-01 2026-06-19 2026-09-25 2026-10-01 2026-10-02 2026-10-03 2027-01-01 2027-02-05 2027-02-06 2027-02-07 2027-04-05 2027-05-01 2027-06-01 2027-06-09 2027-09-15 2027-10-01 2027-10-02 2027-10-03',
  // Lunar new year, Vesak, Deepavali (8 Nov 2026 a Sunday: Monday 9 Nov), Hari Raya; substitutes for Sundays.
  SG: '2026-01-01 2026-02-17 2026-02-18 2026-03-21 2026-04-03 2026-05-01 2026-05-27 2026-05-31 2026-06-01 2026-08-09 2026-08-10 2026-11-08 2026-11-09 2026-12-25 2027-01-01 2027-02-06 2027-02-07 2027-02-08 2027-03-09 2027-03-26 2027-05-01 2027-05-16 2027-08-09 2027-10-28 2027-12-25',
  JP: '2026-01-01 2026-01-12 2026-02-11 2026-02-23 2026-03-20 2026-04-29 2026-05-03 2026-05-04 2026-05-05 2026-05-06 2026-07-20 2026-08-11 2026-09-21 2026-09-22 2026-09-23 2026-10-12 2026-11-03 2026-11-23 2027-01-01 2027-01-11 2027-02-11 2027-02-23 2027-03-21 2027-03-22 2027-04-29 2027-05-03 2027-05-04 2027-05-05 2027-07-19 2027-08-11 2027-09-20 2027-09-23 2027-10-11 2027-11-03 2027-11-23',
  'AU-NSW': '2026-01-01 2026-01-26 2026-04-03 2026-04-04 2026-04-05 2026-04-06 2026-04-25 2026-04-27 2026-06-08 2026-10-05 2026-12-25 2026-12-26 2026-12-28 2027-01-01 2027-01-26 2027-03-26 2027-03-27 2027-03-28 2027-03-29 2027-04-25 2027-04-26 2027-06-14 2027-10-04 2027-12-25 2027-12-26 2027-12-27 2027-12-28',
  ZA: '2026-01-01 2026-03-21 2026-04-03 2026-04-06 2026-04-27 2026-05-01 2026-06-16 2026-08-09 2026-08-10 2026-09-24 2026-12-16 2026-12-25 2026-12-26 2027-01-01 2027-03-21 2027-03-22 2027-03-26 2027-03-29 2027-04-27 2027-05-01 2027-06-16 2027-08-09 2027-09-24 2027-12-16 2027-12-25 2027-12-26 2027-12-27',
};

describe('public holidays from the library', () => {
  it.each(Object.entries(EXPECTED))('%s: 2026 and 2027 as documented', (region, dates) => {
    expect(twoYears(region)).toEqual(dates.split(' '));
  });

  it('counts whole public days only: no half days, no observances, and each day of a longer holiday', () => {
    const cn = twoYears('CN');
    expect(cn).not.toContain('2026-03-08'); // Women's Day: a half day from 12:00
    expect(cn.filter((d) => d.startsWith('2026-02-1'))).toEqual(['2026-02-16', '2026-02-17', '2026-02-18']);
    expect(twoYears('US')).not.toContain('2026-02-14'); // Valentine's Day is an observance
  });

  it('covers exactly the asked span of local dates', () => {
    const span = computeRegionHolidays(Holidays, 'DE', '2026-12-24', 3);
    expect(span).toMatchObject({ from: '2026-12-24', until: '2026-12-26', dates: ['2026-12-25', '2026-12-26'], place: 'Germany' });
    expect(computeRegionHolidays(Holidays, 'IN-KA', '2026-01-01', 10, 'de').place).toBe('Karnataka');
  });

  it('the committed region list is the library\u2019s (rerun tests/tools/holiday-regions.mjs after an upgrade)', () => {
    expect(readFileSync('utils/holidays/regions.generated.ts', 'utf8')).toBe(regionModule(regionTable()));
  });
});

describe('region codes', () => {
  it.each([
    ['DE', 'DE'],
    ['de-by', 'DE-BY'],
    [' IN-KA ', 'IN-KA'],
    ['us-ca', 'US-CA'],
    ['GB-ENG', 'GB-ENG'],
  ])('%j is %s', (code, canonical) => expect(canonicalRegion(code)).toBe(canonical));

  it.each(['XX', 'DE-XX', 'DEU', 'DE_BY', '', 'D', 'DE-BY-A'])('%j is not a region', (code) => expect(canonicalRegion(code)).toBeNull());

  it('names places for people', () => {
    expect(regionLabel('DE-BY', 'en')).toBe('Bayern, Germany');
    expect(regionLabel('DE', 'de')).toBe('Deutschland');
    expect(regionShortLabel('IN-KA')).toBe('Karnataka');
    expect(regionShortLabel('US', 'en')).toBe('United States');
  });
});

const DE: HolidayTable = { DE: { from: '2026-01-01', until: '2027-02-04', place: 'Germany', dates: ['2026-12-25', '2026-12-26'] } };

describe('holidays are days off', () => {
  const week: Weekly = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] };

  it('adds the region\u2019s dates to daysOff, sorted and once, and leaves hours without a region alone', () => {
    const hours: Hours = { timeZone: 'Europe/Berlin', weekly: week, daysOff: ['2026-12-26', '2026-12-31'] };
    expect(withHolidays(hours, 'DE', DE).daysOff).toEqual(['2026-12-25', '2026-12-26', '2026-12-31']);
    expect(withHolidays(hours, undefined, DE)).toBe(hours);
    expect(withHolidays(hours, 'FR', DE)).toBe(hours);
    expect(holidayInfo('DE', DE)).toEqual({ place: 'Germany', dates: ['2026-12-25', '2026-12-26'] });
    const settings = { me: { ...hours, holidays: 'DE' } };
    expect(withOwnHolidays(settings, DE).me.daysOff).toContain('2026-12-25');
  });

  it('the regions in use: the user, the contact default and every contact, once each', () => {
    const me = { timeZone: 'UTC', weekly: week, holidays: 'DE-BY' };
    const contacts = [{ name: 'A', emails: [], holidays: 'IN-KA' }, { name: 'B', emails: [], holidays: 'DE-BY' }, { name: 'C', emails: [] }];
    expect(regionsInUse({ me, contactDefaults: { weekly: week, holidays: 'US' }, contacts })).toEqual(['DE-BY', 'IN-KA', 'US']);
  });
});

describe('a slot never lands on a public holiday', () => {
  const REGIONS = Object.keys(EXPECTED);
  const ZONES: Record<string, string> = { 'DE-BY': 'Europe/Berlin', FR: 'Europe/Paris', 'GB-ENG': 'Europe/London', US: 'America/New_York', 'US-CA': 'America/Los_Angeles', 'CA-QC': 'America/Toronto', BR: 'America/Sao_Paulo', 'IN-KA': 'Asia/Kolkata', CN: 'Asia/Shanghai', SG: 'Asia/Singapore', JP: 'Asia/Tokyo', 'AU-NSW': 'Australia/Sydney', ZA: 'Africa/Johannesburg' };
  const table: HolidayTable = Object.fromEntries(REGIONS.map((r) => [r, computeRegionHolidays(Holidays, r, '2025-12-30', 800)]));
  const office: Weekly = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] };

  it('for recipients or for the sender, whatever the moment and regions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 10, 1) }),
        fc.constantFrom(...REGIONS),
        fc.constantFrom(...REGIONS),
        (now, senderRegion, recipientRegion) => {
          const meHours: Hours = { timeZone: ZONES[senderRegion]!, weekly: office };
          const theirHours: Hours = { timeZone: ZONES[recipientRegion]!, weekly: office };
          const verdict = sendVerdict({
            me: withHolidays(meHours, senderRegion, table),
            meHoliday: holidayInfo(senderRegion, table),
            recipients: [{ key: 'r@example.com', name: 'R', hours: withHolidays(theirHours, recipientRegion, table), holiday: holidayInfo(recipientRegion, table) }],
            mode: 'confirm',
            now: new Date(now),
            graceMinutes: 0,
          });
          if (verdict.kind !== 'after-hours' || !verdict.slot) return;
          const at = new Date(verdict.slot.at);
          if (verdict.slot.basis !== 'sender') expect(table[recipientRegion]!.dates).not.toContain(wallClock(theirHours.timeZone, at).date);
          expect(table[senderRegion]!.dates).not.toContain(wallClock(meHours.timeZone, at).date);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the dialog says which holiday moved the slot, for a recipient and for the sender', () => {
    // Thursday 24 Dec 2026, 20:00 in Berlin: Priya (Germany) would start Friday 25th, a holiday; then Monday 28th.
    const now = new Date('2026-12-24T19:00:00Z');
    const berlin: Hours = { timeZone: 'Europe/Berlin', weekly: office };
    const verdict = sendVerdict({
      me: withHolidays(berlin, 'DE', DE),
      meHoliday: holidayInfo('DE', DE),
      recipients: [{ key: 'priya@example.com', name: 'Priya Raman', hours: withHolidays(berlin, 'DE', DE), holiday: holidayInfo('DE', DE) }],
      mode: 'confirm',
      now,
    });
    expect(verdict.kind === 'after-hours' && new Date(verdict.slot!.at).toISOString()).toBe('2026-12-28T08:00:00.000Z');
    expect(holidayView(verdict)).toEqual([`${weekdayDayMonth('2026-12-25')} is a public holiday for you (Germany)`]);
  });
});

describe('holidays in the worker', () => {
  function fakeStore(initial: unknown = undefined) {
    let stored = initial;
    return { read: async () => stored, write: vi.fn(async (t: unknown) => void (stored = t)), get: () => stored };
  }

  it('loads the library only for regions without dates, stores 400 days, and drops regions no longer in use', async () => {
    const store = fakeStore({ FR: { from: '2026-12-06', until: '2028-01-09', place: 'France', dates: ['2026-12-25'] } });
    const load = vi.fn(async () => Holidays);
    const holidays = createHolidays({ load, read: store.read, write: store.write, today: () => '2026-12-07' });
    const first = await holidays.stored(['DE', 'FR']);
    expect(first).toEqual({ table: { FR: expect.objectContaining({ place: 'France' }) }, missing: ['DE'] });
    expect(load).not.toHaveBeenCalled();

    expect(await holidays.refresh(['DE'], ['DE'])).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
    const table = store.get() as HolidayTable;
    expect(Object.keys(table)).toEqual(['DE']); // France is no longer in use
    expect(table.DE).toMatchObject({ from: '2026-12-06', until: '2028-01-09', place: 'Germany' });
    expect(table.DE!.dates.slice(0, 3)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    expect(HOLIDAY_DAYS).toBe(400);
    expect((await holidays.stored(['DE'])).missing).toEqual([]);
  });

  it('asks again when fewer than 300 days are stored, not before', () => {
    const entry = { from: '2026-01-01', until: '2027-10-03', place: 'X', dates: [] };
    expect(needsDates(entry, '2026-12-07')).toBe(false);
    expect(needsDates(entry, '2026-12-08')).toBe(true);
    expect(needsDates(undefined, '2026-12-07')).toBe(true);
    expect(needsDates(entry, '2025-12-31')).toBe(true); // the clock went back before the stored span
  });

  it('a region the library fails on is logged once and not retried in a loop; a broken store reads as empty', async () => {
    const store = fakeStore('not a table');
    const broken = vi.fn(() => {
      throw new Error('no data');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const holidays = createHolidays({ load: async () => broken as unknown as typeof Holidays, read: store.read, write: store.write, today: () => '2026-12-07' });
    expect(await holidays.stored(['DE'])).toEqual({ table: {}, missing: ['DE'] });
    await holidays.refresh(['DE'], ['DE']);
    expect(warn.mock.calls.filter(([text]) => String(text).includes('no holidays for DE'))).toHaveLength(1);
    expect((await holidays.stored(['DE'])).missing).toEqual([]);
    warn.mockRestore();
  });
});

describe('holidays in the settings file (contract §1)', () => {
  const HEADER = { format: 'async-etiquette/settings', version: 1 } as const;
  const weekly = { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

  it('takes regions on me, the contact default and a contact, in the library\u2019s spelling, and exports them; unset is omitted', () => {
    const result = parseSettingsValue({
      ...HEADER,
      me: { timeZone: 'Europe/Berlin', weekly, holidays: 'de-by' },
      contactDefaults: { weekly, holidays: 'IN-KA' },
      contacts: [{ name: 'Bob', emails: ['bob@example.com'], holidays: 'us-ca' }, { name: 'Ana', emails: ['ana@example.com'] }],
    });
    if (!result.ok) throw new Error(result.error);
    const file = toSettingsFile(result.settings);
    expect(file.me.holidays).toBe('DE-BY');
    expect(file.contactDefaults.holidays).toBe('IN-KA');
    expect(file.contacts[0]!.holidays).toBe('US-CA');
    expect('holidays' in file.contacts[1]!).toBe(false);
  });

  it.each([
    [{ me: { timeZone: 'UTC', weekly, holidays: 'XX' } }, /^me\.holidays \("XX"\): is not a holiday region/],
    [{ contactDefaults: { weekly, holidays: 'DE-ZZ' } }, /^contactDefaults\.holidays \("DE-ZZ"\): /],
    [{ contacts: [{ name: 'Bob', emails: [], holidays: 'Mars' }] }, /^contacts\[0\]\.holidays \("Mars"\): /],
  ])('refuses an unknown region, naming the code', (part, message) => {
    const result = parseSettingsValue({ ...HEADER, ...part });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('holidays by policy and in the popup', () => {
  it('a policy may set regions for the user, the contact default and directory contacts; an unknown one makes it invalid', () => {
    const ok = parsePolicy({ locked: { me: { holidays: 'de-by' }, contactDefaults: { holidays: 'IN' } }, directory: [{ name: 'Priya', emails: ['p@example.com'], holidays: 'IN-KA' }] });
    expect(ok.ok && ok.policy?.locked?.me?.holidays).toBe('DE-BY');
    const bad = parsePolicy({ recommended: { me: { holidays: 'ZZ' } } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain('ZZ');
  });

  it('the popup\'s working status counts the user\'s public holidays as days off', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    try {
      const table: HolidayTable = { DE: { from: '2026-12-01', until: '2027-12-31', place: 'Germany', dates: ['2026-12-25'] } };
      const service = createService({ db, publish: async () => {}, timeZone: () => 'Europe/Berlin', now: () => Date.UTC(2026, 11, 25, 10), holidayTable: async () => table });
      await service.ready;
      const file = { format: 'async-etiquette/settings', version: 1, me: { timeZone: 'Europe/Berlin', weekly: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [['09:00', '17:00']], sat: [], sun: [] }, holidays: 'DE', daysOff: ['2026-12-31'] } };
      expect(await service.importSettings({ text: JSON.stringify(file) })).toEqual({ ok: true });
      const summary = await service.getPopupSummary();
      expect(summary.me.daysOff).toEqual(['2026-12-25', '2026-12-31']);
      // What the settings hold is unchanged: the holiday is not written into the user's days off.
      expect((await service.current()).me.daysOff).toEqual(['2026-12-31']);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
