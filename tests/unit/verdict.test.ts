import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isWorkingTime, type Hours, type Weekly } from '../../utils/hours';
import {
  describeVerdict,
  formatClock,
  formatWallClock,
  scheduleButtonLabel,
  sendVerdict,
  shortName,
  type AfterHoursVerdict,
  type Verdict,
  type VerdictInput,
  type VerdictRecipient,
} from '../../utils/etiquette';
import { useLanguage } from './setup/i18n';

// 2026-01-13 is a Tuesday; January keeps the Northern zones on standard time.
const at = (iso: string): Date => new Date(iso);

function weekdays(start: string, end: string): Weekly {
  const range: Array<[string, string]> = [[start, end]];
  return { mon: range, tue: range, wed: range, thu: range, fri: range, sat: [], sun: [] };
}

const nineToFive = weekdays('09:00', '17:00');
const hoursIn = (timeZone: string, extra: Partial<Hours> = {}): Hours => ({ timeZone, weekly: nineToFive, ...extra });

const berlin = hoursIn('Europe/Berlin');
const person = (key: string, name: string, hours?: Hours, extra: Partial<VerdictRecipient> = {}): VerdictRecipient => ({
  key,
  name,
  ...(hours ? { hours } : {}),
  ...extra,
});

const priya = person('priya@example.com', 'Priya Raman', hoursIn('Asia/Kolkata'));
const ravi = person('ravi@example.com', 'Ravi Das', hoursIn('Asia/Dhaka'));
const kiri = person('kiri@example.com', 'Kiri Tane', hoursIn('Pacific/Auckland'));
const sam = person('sam@example.com', 'Sam Carter', hoursIn('America/New_York'));
const lee = person('lee@example.com', 'Lee Park', hoursIn('America/Los_Angeles'));
const ana = person('ana@example.com', 'Ana Silva', hoursIn('Europe/London'));
const unknownAlex = person('alex@example.com', 'alex@example.com');

function verdict(overrides: Partial<VerdictInput>): Verdict {
  return sendVerdict({ me: berlin, recipients: [], mode: 'confirm', now: at('2026-01-13T09:00:00Z'), ...overrides });
}

function afterHours(overrides: Partial<VerdictInput>): AfterHoursVerdict {
  const v = verdict(overrides);
  if (v.kind !== 'after-hours') throw new Error(`expected after-hours, got ${JSON.stringify(v)}`);
  return v;
}

const isoIn = (ms: number, zone: string): string | null =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('sendVerdict: mode and quick answers', () => {
  it('returns off in mode off without evaluating anything (a malformed schedule would throw)', () => {
    const broken: Hours = { timeZone: 'Europe/Berlin', weekly: weekdays('xx', 'yy') };
    expect(sendVerdict({ me: broken, recipients: [sam], mode: 'off', now: at('2026-01-13T22:40:00Z') })).toEqual({
      kind: 'off',
    });
  });

  it('is fine when sender and recipients are in hours', () => {
    expect(verdict({ recipients: [ana] })).toEqual({ kind: 'fine', reason: 'in-hours' });
  });

  it('decides on the sender alone with zero recipients', () => {
    expect(verdict({ now: at('2026-01-13T10:00:00Z') })).toEqual({ kind: 'fine', reason: 'in-hours' });
    const late = afterHours({ now: at('2026-01-13T22:40:00Z') });
    expect(late.sender.outside).toBe(true);
    expect(late.counts).toEqual({ outside: 0, known: 0, total: 0, farOutside: 0 });
  });

  it('holds in confirm mode and nudges in nudge mode', () => {
    const now = at('2026-01-13T22:40:00Z');
    expect(afterHours({ now, mode: 'confirm' }).action).toBe('hold');
    expect(afterHours({ now, mode: 'nudge' }).action).toBe('nudge');
  });
});

describe('sendVerdict: sender outside, recipients in hours', () => {
  // 23:40 in Berlin is 07:40 in Tokyo, where this recipient starts at 07:00.
  const earlyTokyo = person('yuki@example.com', 'Yuki Sato', { timeZone: 'Asia/Tokyo', weekly: weekdays('07:00', '19:00') });
  const now = at('2026-01-13T22:40:00Z');

  it('proposes the next time the sender and all recipients work, not "now"', () => {
    const v = afterHours({ now, recipients: [earlyTokyo] });
    expect(v.sender).toMatchObject({ outside: true, local: { at: now.getTime(), timeZone: 'Europe/Berlin' } });
    expect(v.sender.nextStart?.at).toBe(Date.parse('2026-01-14T08:00:00Z'));
    expect(v.outside).toEqual([]);
    expect(v.counts).toEqual({ outside: 0, known: 1, total: 1, farOutside: 0 });
    expect(v.slot).toMatchObject({ basis: 'common', reaches: 1, of: 1 });
    expect(isoIn(v.slot!.at, 'Europe/Berlin')).toBe('2026-01-14T09:00:00+01:00');
    expect(formatWallClock(v.slot!.forRecipients[0]!.local)).toBe('Wed 17:00');
  });

  it("falls back to the sender's next start when sender and recipients never overlap", () => {
    // Los Angeles 09:00-17:00 is 17:00-01:00 UTC; Berlin's is 08:00-16:00 UTC.
    const v = afterHours({ now, recipients: [lee] });
    expect(v.slot).toMatchObject({ basis: 'sender', reaches: 0, of: 1 });
    expect(isoIn(v.slot!.at, 'Europe/Berlin')).toBe('2026-01-14T09:00:00+01:00');
  });
});

describe('sendVerdict: recipients outside', () => {
  it('lists a New York recipient at 04:00 with their local time and zone', () => {
    const v = afterHours({ recipients: [sam] }); // 10:00 in Berlin
    expect(v.sender.outside).toBe(false);
    expect(v.outside).toEqual([
      {
        key: 'sam@example.com',
        name: 'Sam Carter',
        local: { at: Date.parse('2026-01-13T09:00:00Z'), timeZone: 'America/New_York' },
        outside: true,
        dayOff: false,
        nextStart: { at: Date.parse('2026-01-13T14:00:00Z'), timeZone: 'America/New_York' },
      },
    ]);
    expect(formatClock(v.outside[0]!.local)).toBe('04:00');
  });

  it('proposes the earliest common working time of the known recipients', () => {
    // London works, New York starts at 14:00 UTC: the overlap starts then.
    const v = afterHours({ recipients: [sam, ana] });
    // Sam: 04:00 in New York, five hours before his start: far outside.
    expect(v.counts).toEqual({ outside: 1, known: 2, total: 2, farOutside: 1 });
    expect(v.slot).toMatchObject({ basis: 'common', reaches: 2, of: 2 });
    expect(isoIn(v.slot!.at, 'America/New_York')).toBe('2026-01-13T09:00:00-05:00');
    expect(v.slot!.forSender).toEqual({ at: v.slot!.at, timeZone: 'Europe/Berlin' });
    expect(v.slot!.forRecipients.map((r) => [r.key, formatWallClock(r.local)])).toEqual([
      ['sam@example.com', 'Tue 09:00'],
      ['ana@example.com', 'Tue 14:00'],
    ]);
  });

  it("proposes the time reaching the most when one recipient never overlaps the others ('most')", () => {
    // Tokyo works 00:00-08:00 UTC, London and Dublin 09:00-17:00 UTC: at most two at once.
    const tokyo = person('kenji@example.com', 'Kenji', hoursIn('Asia/Tokyo'));
    const dublin = person('aoife@example.com', 'Aoife', hoursIn('Europe/Dublin'));
    const v = afterHours({ now: at('2026-01-13T20:00:00Z'), recipients: [tokyo, ana, dublin] });
    expect(v.slot).toMatchObject({ basis: 'most', reaches: 2, of: 3 });
    // Tokyo's Wed 09:00 (00:00 UTC) comes first but reaches one; London and Dublin reach two.
    expect(isoIn(v.slot!.at, 'UTC')).toBe('2026-01-14T09:00:00Z');
  });

  it('flags a recipient on a day off even when they would be working', () => {
    const off = person('sam@example.com', 'Sam Carter', hoursIn('America/New_York', { daysOff: ['2026-01-13'] }));
    const v = afterHours({ now: at('2026-01-13T15:00:00Z'), recipients: [off] }); // 10:00 in New York
    expect(v.outside[0]).toMatchObject({ outside: true, dayOff: true });
    expect(describeVerdict(v).detail).toBe('16:00 for you; 10:00 for Sam in America/New York, on a day off');
  });

  it('flags the sender on a day off', () => {
    const me = hoursIn('Europe/Berlin', { daysOff: ['2026-01-13'] });
    const v = afterHours({ me, recipients: [ana] });
    expect(v.sender).toMatchObject({ outside: true, dayOff: true });
    expect(describeVerdict(v).headline).toBe("It's your day off");
  });
});

describe('sendVerdict: suppressions', () => {
  // New York starts at 14:00 UTC; the sender in Berlin is in hours all afternoon.
  it('counts a recipient starting within the grace window as in hours', () => {
    expect(verdict({ now: at('2026-01-13T13:40:00Z'), recipients: [sam] })).toEqual({ kind: 'fine', reason: 'grace' });
    expect(verdict({ now: at('2026-01-13T13:30:00Z'), recipients: [sam] }).kind).toBe('fine');
    expect(verdict({ now: at('2026-01-13T13:20:00Z'), recipients: [sam] }).kind).toBe('after-hours');
  });

  it('honours a custom grace window', () => {
    expect(verdict({ now: at('2026-01-13T13:20:00Z'), recipients: [sam], graceMinutes: 60 }).kind).toBe('fine');
    expect(verdict({ now: at('2026-01-13T13:40:00Z'), recipients: [sam], graceMinutes: 0 }).kind).toBe('after-hours');
  });

  it('applies the grace window to the sender too', () => {
    expect(verdict({ now: at('2026-01-13T07:45:00Z') })).toEqual({ kind: 'fine', reason: 'grace' });
  });

  it('is fine when every recipient is the sender, even late at night', () => {
    const me = person('me@example.com', 'Me', undefined, { isSelf: true });
    expect(verdict({ now: at('2026-01-13T22:40:00Z'), recipients: [me] })).toEqual({ kind: 'fine', reason: 'self' });
  });

  it('never counts self recipients among the others', () => {
    const me = person('me@example.com', 'Me', undefined, { isSelf: true });
    const v = afterHours({ recipients: [me, sam] });
    expect(v.counts).toEqual({ outside: 1, known: 1, total: 1, farOutside: 1 });
    expect(v.unknown).toEqual([]);
  });

  it('ignores snoozed recipients', () => {
    expect(verdict({ recipients: [sam], snoozedKeys: new Set([sam.key]) })).toEqual({ kind: 'fine', reason: 'in-hours' });
    const lateSam = person('sam2@example.com', 'Sam Two', hoursIn('America/Chicago'));
    const v = afterHours({ recipients: [sam, lateSam], snoozedKeys: new Set([sam.key]) });
    expect(v.outside.map((p) => p.key)).toEqual(['sam2@example.com']);
    expect(v.counts.total).toBe(1);
  });

  it('lists an unknown-zone recipient without letting it trigger', () => {
    expect(verdict({ recipients: [unknownAlex, ana] })).toEqual({ kind: 'fine', reason: 'in-hours' });
    const invalidZone = person('zed@example.com', 'Zed', hoursIn('Mars/Olympus'));
    const v = afterHours({ recipients: [unknownAlex, invalidZone, sam] });
    expect(v.unknown.map((r) => r.key)).toEqual(['alex@example.com', 'zed@example.com']);
    expect(v.counts).toEqual({ outside: 1, known: 1, total: 3, farOutside: 1 });
    expect(describeVerdict(v).unknown).toBe('Time zone unknown for alex@example.com, Zed');
  });

  it('proposes the sender\'s next start when no recipient zone is known', () => {
    const v = afterHours({ now: at('2026-01-13T22:40:00Z'), recipients: [unknownAlex] });
    expect(v.slot).toMatchObject({ basis: 'sender', reaches: 0, of: 0, forRecipients: [] });
    expect(isoIn(v.slot!.at, 'Europe/Berlin')).toBe('2026-01-14T09:00:00+01:00');
    expect(describeVerdict(v).slot).toBe('Wed 09:00 yours');
  });
});

describe('sendVerdict: large lists', () => {
  const nyTeam = Array.from({ length: 12 }, (_, i) => person(`ny${i}@example.com`, `New Yorker ${i}`, hoursIn('America/New_York')));
  const londonTeam = Array.from({ length: 4 }, (_, i) => person(`ldn${i}@example.com`, `Londoner ${i}`, hoursIn('Europe/London')));

  it('summarises 16 recipients by counts, never by name', () => {
    const v = afterHours({ recipients: [...nyTeam, ...londonTeam, unknownAlex] });
    expect(v.summarised).toBe(true);
    expect(v.outside).toEqual([]);
    expect(v.unknown).toEqual([]);
    expect(v.slot?.forRecipients).toEqual([]);
    expect(v.counts).toEqual({ outside: 12, known: 16, total: 17, farOutside: 12 });
    const text = describeVerdict(v);
    expect(text.detail).toBe('10:00 for you; 12 of 17 recipients are outside their hours');
    expect(text.headline).toBe("It's outside working hours for 12 recipients");
    expect(text.unknown).toBe('Time zone unknown for 1 recipient');
    expect(JSON.stringify(text)).not.toMatch(/New Yorker|Londoner|alex/);
  });

  it('lists up to the threshold and honours a custom threshold', () => {
    expect(afterHours({ recipients: [...nyTeam, ...londonTeam.slice(0, 3)] }).summarised).toBe(false);
    expect(afterHours({ recipients: [sam, ana], largeListThreshold: 1 }).summarised).toBe(true);
  });
});

describe('describeVerdict and formatting', () => {
  it('writes the dialog sentences for a fixed case', () => {
    // 23:40 in Berlin; Kolkata and Dhaka before dawn; Auckland mid-morning.
    const v = afterHours({ now: at('2026-01-13T22:40:00Z'), recipients: [priya, ravi, kiri] });
    expect(describeVerdict(v)).toEqual({
      headline: "It's outside working hours for you and 2 recipients",
      detail: '23:40 for you; 04:10 for Priya in Asia/Kolkata; 04:40 for Ravi in Asia/Dhaka; 2 of 3 recipients are outside their hours',
      unknown: null,
      slot: "Wed 09:00 in Priya's time (Asia/Kolkata), Wed 09:30 in Ravi's time (Asia/Dhaka), Wed 16:30 in Kiri's time (Pacific/Auckland), Wed 04:30 yours",
    });
    expect(v.slot?.basis).toBe('common');
  });

  it('names a lone outside recipient in the headline', () => {
    expect(describeVerdict(afterHours({ recipients: [sam] })).headline).toBe("It's outside working hours for Sam");
  });

  it("mentions the reach of a slot that doesn't reach everyone", () => {
    // Tokyo and London never overlap: both reach one, Tokyo's Wed 09:00 (00:00 UTC) comes first.
    const tokyo = person('kenji@example.com', 'Kenji', hoursIn('Asia/Tokyo'));
    const v = afterHours({ now: at('2026-01-13T20:00:00Z'), recipients: [tokyo, ana] });
    expect(describeVerdict(v).slot).toBe(
      "Wed 09:00 in Kenji's time (Asia/Tokyo), Wed 00:00 in Ana's time (Europe/London), Wed 01:00 yours; 1 of 2 recipients in their hours then",
    );
  });

  it('formats wall clocks as "Tue 09:00" in the given zone', () => {
    const instant = Date.parse('2026-01-13T08:00:00Z');
    expect(formatWallClock({ at: instant, timeZone: 'Europe/Berlin' })).toBe('Tue 09:00');
    expect(formatWallClock({ at: instant, timeZone: 'America/Los_Angeles' })).toBe('Tue 00:00');
    expect(formatWallClock({ at: instant - 3_600_000, timeZone: 'America/Los_Angeles' })).toBe('Mon 23:00');
    expect(formatWallClock({ at: instant, timeZone: 'Not/AZone' })).toBe('Tue 08:00');
    expect(scheduleButtonLabel({ at: instant, timeZone: 'Europe/Berlin' })).toBe('Schedule for Tue 09:00');
  });

  it('speaks German in a German browser: every sentence, German weekdays, "Planen für Di. 09:00"', async () => {
    await useLanguage('de');
    const v = afterHours({ now: at('2026-01-13T22:40:00Z'), recipients: [priya, ravi, kiri] });
    expect(describeVerdict(v)).toEqual({
      headline: 'Es ist außerhalb der Arbeitszeit für Sie und 2 Empfänger',
      detail: '23:40 bei Ihnen; 04:10 bei Priya in Asia/Kolkata; 04:40 bei Ravi in Asia/Dhaka; 2 von 3 Empfängern sind außerhalb ihrer Arbeitszeit',
      unknown: null,
      slot: 'Mi. 09:00 bei Priya (Asia/Kolkata), Mi. 09:30 bei Ravi (Asia/Dhaka), Mi. 16:30 bei Kiri (Pacific/Auckland), Mi. 04:30 bei Ihnen',
    });
    expect(scheduleButtonLabel({ at: Date.parse('2026-01-13T08:00:00Z'), timeZone: 'Europe/Berlin' })).toBe('Planen für Di. 09:00');
    expect(describeVerdict(afterHours({ recipients: [sam] })).headline).toBe('Es ist außerhalb der Arbeitszeit für Sam');
    const tokyo = person('kenji@example.com', 'Kenji', hoursIn('Asia/Tokyo'));
    expect(describeVerdict(afterHours({ now: at('2026-01-13T20:00:00Z'), recipients: [tokyo, ana] })).slot).toBe(
      'Mi. 09:00 bei Kenji (Asia/Tokyo), Mi. 00:00 bei Ana (Europe/London), Mi. 01:00 bei Ihnen; 1 von 2 Empfängern ist dann in der Arbeitszeit',
    );
  });

  it('shortens names for sentences', () => {
    expect(shortName('Priya Raman')).toBe('Priya');
    expect(shortName('Raman, Priya')).toBe('Priya');
    expect(shortName('priya@example.com')).toBe('priya@example.com');
    expect(shortName('  ', 'U123')).toBe('U123');
  });
});

describe('sendVerdict: properties', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Tokyo'];
  const weeklies = [nineToFive, weekdays('07:00', '19:00'), weekdays('22:00', '06:00'), weekdays('12:00', '14:00')];
  const hoursArb = fc.record({ timeZone: fc.constantFrom(...zones), weekly: fc.constantFrom(...weeklies) });
  const recipientArb = fc.option(hoursArb, { nil: undefined });
  const nowArb = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') });

  it('proposes a slot strictly after now where, for a common basis, every known recipient works', () => {
    fc.assert(
      fc.property(nowArb, hoursArb, fc.array(recipientArb, { maxLength: 3 }), (now, me, recipientHours) => {
        const recipients = recipientHours.map((hours, i) => person(`r${i}`, `R ${i}`, hours));
        const v = sendVerdict({ me, recipients, mode: 'confirm', now: new Date(now) });
        if (v.kind !== 'after-hours') return;
        expect(JSON.stringify(describeVerdict(v))).not.toMatch(/undefined|NaN|Invalid/);
        if (!v.slot) return;
        expect(v.slot.at).toBeGreaterThan(now);
        if (v.slot.basis !== 'common') return;
        for (const r of recipients) {
          if (r.hours) expect(isWorkingTime(r.hours, new Date(v.slot.at))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
