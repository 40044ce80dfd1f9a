import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  contactSchema,
  eventSchema,
  isoDateSchema,
  LIMITS,
  preferencesSchema,
  rangeSchema,
  settingsFileSchema,
  sitesSchema,
  templateSchema,
  timeZoneSchema,
  weeklySchema,
  type Weekly,
} from '@/utils/store/schema';

const EMPTY_WEEK: Weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const week = (mon: Array<[string, string]>): Weekly => ({ ...EMPTY_WEEK, mon });

function issuesOf(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}

describe('timeZoneSchema', () => {
  it.each(['Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'Australia/Lord_Howe'])(
    'accepts the IANA name %s',
    (zone) => {
      expect(timeZoneSchema.safeParse(zone).success).toBe(true);
    },
  );

  it.each(['+05:30', '-03:00', '+0530', '5', 'UTC+5', 'GMT-3', 'Mars/Base', 'Europe/Atlantis', '', 'europe berlin'])('refuses %j', (zone) => {
    const issues = issuesOf(timeZoneSchema, zone);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('explains what it wants', () => {
    expect(issuesOf(timeZoneSchema, 'Mars/Base')[0]?.message).toMatch(/IANA name such as "Europe\/Berlin"/);
  });

  it('refuses non-strings and absurdly long names', () => {
    expect(timeZoneSchema.safeParse(19800).success).toBe(false);
    expect(timeZoneSchema.safeParse(`Europe/${'x'.repeat(60)}`).success).toBe(false);
  });
});

describe('rangeSchema', () => {
  it.each([
    [['09:00', '17:30']],
    [['00:00', '24:00']],
    [['22:00', '02:00']],
    [['23:59', '00:00']],
  ])('accepts %j', (range) => {
    expect(rangeSchema.safeParse(range).success).toBe(true);
  });

  it.each([
    [['09:00', '25:00'], [1]],
    [['9:00', '17:00'], [0]],
    [['09:60', '17:00'], [0]],
    [['09:00', '24:01'], [1]],
    [['09:00 ', '17:00'], [0]],
    [['0900', '1700'], [0]],
  ])('refuses %j at %j', (range, path) => {
    const issues = issuesOf(rangeSchema, range);
    expect(issues[0]?.path).toEqual(path);
    expect(issues[0]?.message).toMatch(/24-hour time "HH:mm"/);
  });

  it('refuses a range that starts at 24:00', () => {
    expect(issuesOf(rangeSchema, ['24:00', '08:00'])[0]?.message).toBe('a range cannot start at 24:00');
  });

  it('refuses anything but a pair', () => {
    expect(rangeSchema.safeParse(['09:00']).success).toBe(false);
    expect(rangeSchema.safeParse(['09:00', '10:00', '11:00']).success).toBe(false);
    expect(rangeSchema.safeParse('09:00-10:00').success).toBe(false);
  });
});

describe('weeklySchema', () => {
  it('accepts touching ranges and a midnight-crossing range that ends before the day starts working', () => {
    expect(weeklySchema.safeParse(week([['09:00', '12:00'], ['12:00', '17:00']])).success).toBe(true);
    // Monday 22:00 → Tuesday 02:00 and Monday 01:00 → 03:00 are different hours.
    expect(weeklySchema.safeParse(week([['22:00', '02:00'], ['01:00', '03:00']])).success).toBe(true);
    expect(weeklySchema.safeParse(week([['08:00', '12:00'], ['18:00', '24:00']])).success).toBe(true);
  });

  it.each([
    ['identical', [['09:00', '12:00'], ['09:00', '12:00']]],
    ['partial', [['09:00', '12:00'], ['11:59', '13:00']]],
    ['contained', [['09:00', '17:00'], ['10:00', '11:00']]],
    ['out of order', [['13:00', '17:00'], ['08:00', '13:30']]],
    ['crossing midnight', [['22:00', '02:00'], ['23:00', '23:30']]],
    ['two crossing', [['22:00', '02:00'], ['23:00', '01:00']]],
    ['end <= start means a whole day', [['09:00', '09:00'], ['20:00', '21:00']]],
  ] as Array<[string, Array<[string, string]>]>)('refuses overlapping ranges (%s), pointing at the later one', (_label, ranges) => {
    const issues = issuesOf(weeklySchema, week(ranges));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['mon', 1]);
    expect(issues[0]?.message).toContain(`overlaps ${ranges[0]!.join('-')}`);
  });

  it('names the first overlapping pair among many', () => {
    const issues = issuesOf(weeklySchema, { ...EMPTY_WEEK, fri: [['06:00', '07:00'], ['08:00', '09:00'], ['10:00', '11:00'], ['08:30', '08:45']] });
    expect(issues[0]?.path).toEqual(['fri', 3]);
    expect(issues[0]?.message).toContain('overlaps 08:00-09:00');
  });

  it(`allows at most ${LIMITS.rangesPerDay} ranges a day`, () => {
    const ranges = (n: number) => Array.from({ length: n }, (_, i) => [`${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`] as [string, string]);
    expect(weeklySchema.safeParse(week(ranges(LIMITS.rangesPerDay))).success).toBe(true);
    expect(weeklySchema.safeParse(week(ranges(LIMITS.rangesPerDay + 1))).success).toBe(false);
  });

  it('needs all seven days and no others', () => {
    const { sun: _sun, ...six } = EMPTY_WEEK;
    expect(issuesOf(weeklySchema, six)[0]?.path).toEqual(['sun']);
    const extra = issuesOf(weeklySchema, { ...EMPTY_WEEK, monday: [] });
    expect(extra[0]?.code).toBe('unrecognized_keys');
  });

  it('finds an overlap exactly when two ranges share a minute (compared with a minute-by-minute check)', () => {
    const minute = fc.integer({ min: 0, max: 96 }).map((q) => q * 15);
    const hhmm = (m: number) => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const range = fc
      .tuple(minute.filter((m) => m < 1440), minute)
      .map(([s, e]) => [hhmm(s), hhmm(e)] as [string, string]);
    const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 4 }), (ranges) => {
        const used = new Uint8Array(2 * 1440);
        let overlap = false;
        for (const [s, e] of ranges) {
          const start = toMinutes(s);
          const rawEnd = toMinutes(e);
          const end = rawEnd > start ? rawEnd : rawEnd + 1440;
          for (let m = start; m < end; m++) {
            if (used[m]) overlap = true;
            used[m] = 1;
          }
        }
        expect(weeklySchema.safeParse(week(ranges)).success).toBe(!overlap);
      }),
      { numRuns: 400 },
    );
  });
});

describe('isoDateSchema', () => {
  it.each(['2026-12-24', '2028-02-29', '2026-01-01'])('accepts %s', (d) => {
    expect(isoDateSchema.safeParse(d).success).toBe(true);
  });
  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-5', '24.12.2026', '2026-12-24T00:00', '20261224', ''])('refuses %j', (d) => {
    expect(issuesOf(isoDateSchema, d)[0]?.message).toBe('must be a date "YYYY-MM-DD"');
  });
});

describe('contactSchema', () => {
  it('accepts the contract contact and normalises addresses to lower case', () => {
    const parsed = contactSchema.parse({
      name: '  Priya Raman ',
      emails: ['Priya@Example.COM'],
      slackIds: ['U012AB3CD'],
      timeZone: 'Asia/Kolkata',
      weekly: week([['10:00', '18:30']]),
      daysOff: [],
      source: 'typed',
    });
    expect(parsed.name).toBe('Priya Raman');
    expect(parsed.emails).toEqual(['priya@example.com']);
  });

  it('needs only a name; emails default to an empty list and optional fields stay unset', () => {
    expect(contactSchema.parse({ name: 'Sam' })).toStrictEqual({ name: 'Sam', emails: [] });
  });

  it.each([
    [{ name: '   ' }, ['name']],
    [{ name: 'A', emails: ['not-an-address'] }, ['emails', 0]],
    [{ name: 'A', emails: ['a b@example.com'] }, ['emails', 0]],
    [{ name: 'A', slackIds: ['u012ab3cd'] }, ['slackIds', 0]],
    [{ name: 'A', slackIds: ['C012AB3CD'] }, ['slackIds', 0]],
    [{ name: 'A', timeZone: 'Mars/Base' }, ['timeZone']],
    [{ name: 'A', daysOff: ['2026-02-30'] }, ['daysOff', 0]],
    [{ name: 'A', source: 'guess' }, ['source']],
    [{ name: 'A', weekly: { ...EMPTY_WEEK, tue: [['09:00', '25:00']] } }, ['weekly', 'tue', 0, 1]],
  ])('refuses %j at %j', (contact, path) => {
    expect(issuesOf(contactSchema, contact)[0]?.path).toEqual(path);
  });

  it('refuses unknown fields such as free-text notes', () => {
    expect(issuesOf(contactSchema, { name: 'A', notes: 'secret' })[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['notes'] });
  });

  it(`allows at most ${LIMITS.emailsPerContact} addresses`, () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => `a${i}@example.com`);
    expect(contactSchema.safeParse({ name: 'A', emails: emails(LIMITS.emailsPerContact) }).success).toBe(true);
    expect(contactSchema.safeParse({ name: 'A', emails: emails(LIMITS.emailsPerContact + 1) }).success).toBe(false);
  });
});

describe('templateSchema', () => {
  it('accepts the contract template', () => {
    expect(templateSchema.safeParse({ id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' }).success).toBe(true);
  });

  it.each(['No-Rush', '-lead', 'has space', '', 'x'.repeat(65)])('refuses the id %j', (id) => {
    expect(issuesOf(templateSchema, { id, title: 't', body: 'b' })[0]?.path).toEqual(['id']);
  });

  it('limits the body', () => {
    expect(templateSchema.safeParse({ id: 'a', title: 't', body: 'x'.repeat(LIMITS.templateBody) }).success).toBe(true);
    expect(templateSchema.safeParse({ id: 'a', title: 't', body: 'x'.repeat(LIMITS.templateBody + 1) }).success).toBe(false);
    expect(templateSchema.safeParse({ id: 'a', title: 't', body: '' }).success).toBe(false);
    expect(templateSchema.safeParse({ id: 'a', title: ' ', body: 'b' }).success).toBe(false);
  });
});

describe('sites and preferences', () => {
  it('sites need the three known sites with a known mode', () => {
    expect(sitesSchema.safeParse({ gmail: 'confirm', slack: 'nudge', docs: 'off' }).success).toBe(true);
    expect(issuesOf(sitesSchema, { gmail: 'confirm', slack: 'loud', docs: 'off' })[0]?.path).toEqual(['slack']);
    expect(sitesSchema.safeParse({ gmail: 'confirm', slack: 'nudge' }).success).toBe(false);
    expect(sitesSchema.safeParse({ gmail: 'confirm', slack: 'nudge', docs: 'off', outlook: 'off' }).success).toBe(false);
  });

  it('preferences are bounded integers, a reason mode and a daily limit or none', () => {
    const ok = { graceMinutes: 30, largeListThreshold: 15, sendNowReason: 'off', sendNowDailyLimit: null };
    expect(preferencesSchema.safeParse(ok).success).toBe(true);
    expect(preferencesSchema.safeParse({ ...ok, graceMinutes: -1 }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...ok, graceMinutes: 241 }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...ok, graceMinutes: 1.5 }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...ok, largeListThreshold: 0 }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...ok, sendNowReason: 'always' }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...ok, sendNowReason: 'require', sendNowDailyLimit: 3 }).success).toBe(true);
    for (const limit of [0, -1, 1.5, 101, '3']) expect(preferencesSchema.safeParse({ ...ok, sendNowDailyLimit: limit }).success).toBe(false);
    expect(preferencesSchema.safeParse({ graceMinutes: 30, largeListThreshold: 15, sendNowDailyLimit: null }).success).toBe(false);
    // The stored row never carries the old boolean (the v4 upgrade removed it).
    expect(preferencesSchema.safeParse({ ...ok, askReasonOnSendNow: true }).success).toBe(false);
  });
});

describe('settingsFileSchema', () => {
  const header = { format: 'async-etiquette/settings', version: 1 };

  it('needs only format and version', () => {
    expect(settingsFileSchema.safeParse(header).success).toBe(true);
  });

  it('accepts the optional preferences object and contact source ("add fields freely")', () => {
    const result = settingsFileSchema.safeParse({
      ...header,
      preferences: { graceMinutes: 10 },
      contacts: [{ name: 'A', emails: [], source: 'policy' }],
    });
    expect(result.success).toBe(true);
  });

  it('refuses unknown top-level keys', () => {
    expect(issuesOf(settingsFileSchema, { ...header, theme: 'dark' })[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['theme'], path: [] });
  });

  it('limits the number of contacts and templates', () => {
    const contacts = Array.from({ length: LIMITS.contacts + 1 }, () => ({ name: 'A' }));
    expect(issuesOf(settingsFileSchema, { ...header, contacts })[0]?.path).toEqual(['contacts']);
    const templates = Array.from({ length: LIMITS.templates + 1 }, (_, i) => ({ id: `t${i}`, title: 't', body: 'b' }));
    expect(issuesOf(settingsFileSchema, { ...header, templates })[0]?.path).toEqual(['templates']);
  });

  it('refuses duplicate template ids', () => {
    const t = { id: 'fyi', title: 'FYI', body: 'FYI only.' };
    expect(issuesOf(settingsFileSchema, { ...header, templates: [t, { ...t, title: 'Other' }] })[0]?.message).toBe('has the id "fyi" twice');
  });
});

describe('eventSchema (metadata only)', () => {
  const event = { at: 1_767_225_600_000, site: 'gmail', verdict: 'recipients-outside', action: 'held', recipients: 3 };

  it('accepts a metadata-only event', () => {
    expect(eventSchema.parse(event)).toStrictEqual(event);
  });

  it.each(['body', 'subject', 'to', 'text', 'recipientsList'])('refuses an event carrying %s', (key) => {
    expect(issuesOf(eventSchema, { ...event, [key]: 'Hi Priya, about the launch…' })[0]).toMatchObject({ code: 'unrecognized_keys', keys: [key] });
  });

  it.each([
    ['at', -1],
    ['at', 1.5],
    ['site', 'outlook'],
    ['verdict', 'late'],
    ['action', 'deleted'],
    ['recipients', 10_001],
    ['recipients', -1],
  ])('refuses %s = %j', (key, value) => {
    expect(issuesOf(eventSchema, { ...event, [key]: value })[0]?.path).toEqual([key]);
  });
});
