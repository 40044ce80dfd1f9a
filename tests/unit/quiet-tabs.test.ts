/**
 * Quiet tabs, the decisions (utils/store/quiet-tabs.ts): whether a site's tab is quiet at an instant,
 * until when, and the popup's line. Every instant is fixed; no test reads the real clock.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import { isOnCall, isQuietNow, nextQuietChange, quietLine, quietSites, workingUntil, type QuietSettings } from '@/utils/store/quiet-tabs';
import type { Quiet } from '@/utils/store/schema';

const ZONE = 'Europe/Berlin'; // CET (UTC+1) throughout: these dates are before the March change.
const HOUR = 3_600_000;
/** Berlin wall clock → epoch ms (UTC+1 in early March 2026). */
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour - 1, minute);

const WED_EVENING = berlin(4, 20); // Wednesday 4 March, 20:00
const WED_MORNING = berlin(4, 11);
const THU_START = berlin(5, 9);
const FRI_START = berlin(6, 9);
const SAT_NOON = berlin(7, 12);
const MON_START = berlin(9, 9);

function settings(quiet: Partial<Quiet> = { gmail: 'calm', slack: 'shield' }, over: { daysOff?: string[]; onCallUntil?: number } = {}): QuietSettings {
  const base = defaultSettings(ZONE);
  return {
    me: { ...base.me, daysOff: over.daysOff ?? [] },
    quiet: { ...base.quiet, ...quiet },
    preferences: { ...base.preferences, ...(over.onCallUntil === undefined ? {} : { onCallUntil: over.onCallUntil }) },
  };
}

describe('isQuietNow', () => {
  it('on a weekday evening: quiet until the next morning’s start', () => {
    expect(isQuietNow(settings(), 'gmail', WED_EVENING)).toEqual({ quiet: true, until: THU_START });
    expect(isQuietNow(settings(), 'slack', WED_EVENING)).toEqual({ quiet: true, until: THU_START });
  });

  it('at the weekend: quiet until Monday’s start', () => {
    expect(isQuietNow(settings(), 'gmail', SAT_NOON)).toEqual({ quiet: true, until: MON_START });
  });

  it('on a day off: quiet all day, until the next working day', () => {
    const off = settings(undefined, { daysOff: ['2026-03-05'] });
    expect(isQuietNow(off, 'gmail', berlin(5, 11))).toEqual({ quiet: true, until: FRI_START });
    // The evening before a day off is quiet until after it.
    expect(isQuietNow(off, 'gmail', WED_EVENING)).toEqual({ quiet: true, until: FRI_START });
  });

  it('inside working hours: not quiet (and the working minutes decide, to the minute)', () => {
    expect(isQuietNow(settings(), 'gmail', WED_MORNING)).toEqual({ quiet: false, until: null });
    expect(isQuietNow(settings(), 'gmail', THU_START)).toEqual({ quiet: false, until: null });
    expect(isQuietNow(settings(), 'gmail', THU_START - 1)).toEqual({ quiet: true, until: THU_START });
    expect(isQuietNow(settings(), 'gmail', berlin(4, 17))).toEqual({ quiet: true, until: THU_START });
    expect(isQuietNow(settings(), 'gmail', berlin(4, 16, 59))).toEqual({ quiet: false, until: null });
  });

  it('on call: not quiet until on-call ends; the end itself is quiet again', () => {
    const onCall = settings(undefined, { onCallUntil: berlin(4, 22) });
    expect(isQuietNow(onCall, 'gmail', WED_EVENING)).toEqual({ quiet: false, until: null });
    expect(isQuietNow(onCall, 'slack', WED_EVENING)).toEqual({ quiet: false, until: null });
    expect(isQuietNow(onCall, 'gmail', berlin(4, 22))).toEqual({ quiet: true, until: THU_START });
    // A passed on-call instant is ignored.
    expect(isQuietNow(settings(undefined, { onCallUntil: berlin(4, 19) }), 'gmail', WED_EVENING).quiet).toBe(true);
  });

  it('each site off: never quiet, whatever the time', () => {
    const s = settings({ gmail: 'calm', slack: 'off', docs: 'off' });
    expect(isQuietNow(s, 'gmail', WED_EVENING).quiet).toBe(true);
    for (const at of [WED_EVENING, SAT_NOON, WED_MORNING]) {
      expect(isQuietNow(s, 'slack', at)).toEqual({ quiet: false, until: null });
      expect(isQuietNow(s, 'docs', at)).toEqual({ quiet: false, until: null });
    }
    const none = settings({ gmail: 'off', slack: 'off', docs: 'off' });
    for (const site of ['gmail', 'slack', 'docs'] as const) expect(isQuietNow(none, site, SAT_NOON)).toEqual({ quiet: false, until: null });
  });

  it('calm and shield alike are quiet (the page decides what each does)', () => {
    const s = settings({ gmail: 'calm', slack: 'shield', docs: 'shield' });
    expect(isQuietNow(s, 'docs', SAT_NOON)).toEqual({ quiet: true, until: MON_START });
  });

  it('without any working time: quiet, with no end in reach', () => {
    const s = settings();
    s.me = { ...s.me, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(isQuietNow(s, 'gmail', WED_EVENING)).toEqual({ quiet: true, until: null });
  });

  it('in the user’s own zone, and with a zone the runtime does not know read as UTC (never throws)', () => {
    const tokyo = settings();
    tokyo.me = { ...tokyo.me, timeZone: 'Asia/Tokyo' };
    // 20:00 in Berlin is 04:00 the next day in Tokyo: quiet until 09:00 Tokyo (00:00 UTC).
    expect(isQuietNow(tokyo, 'gmail', WED_EVENING)).toEqual({ quiet: true, until: Date.UTC(2026, 2, 5, 0, 0) });
    const mars = settings();
    mars.me = { ...mars.me, timeZone: 'Mars/Base' };
    expect(isQuietNow(mars, 'gmail', Date.UTC(2026, 2, 4, 20))).toEqual({ quiet: true, until: Date.UTC(2026, 2, 5, 9) });
  });
});

describe('nextQuietChange', () => {
  it('is the next edge of working time, or the end of on-call when sooner', () => {
    expect(nextQuietChange(settings(), 'gmail', WED_EVENING)).toBe(THU_START);
    expect(nextQuietChange(settings(), 'gmail', WED_MORNING)).toBe(berlin(4, 17));
    expect(nextQuietChange(settings(undefined, { onCallUntil: berlin(4, 22) }), 'gmail', WED_EVENING)).toBe(berlin(4, 22));
    expect(nextQuietChange(settings({ gmail: 'off' }), 'gmail', WED_EVENING)).toBeNull();
  });
});

describe('quietLine', () => {
  it('outside working time: quiet until the next start, naming the quiet sites in page order', () => {
    expect(quietLine(settings({ slack: 'shield', gmail: 'calm' }), WED_EVENING)).toEqual({ kind: 'quiet', until: THU_START, sites: ['gmail', 'slack'] });
    expect(quietLine(settings({ docs: 'calm', gmail: 'off', slack: 'off' }), SAT_NOON)).toEqual({ kind: 'quiet', until: MON_START, sites: ['docs'] });
  });

  it('on a day off: until the day after', () => {
    expect(quietLine(settings(undefined, { daysOff: ['2026-03-05'] }), berlin(5, 11))).toEqual({ kind: 'quiet', until: FRI_START, sites: ['gmail', 'slack'] });
  });

  it('inside working time: quiet from the end of today’s work', () => {
    expect(quietLine(settings(), WED_MORNING)).toEqual({ kind: 'later', from: berlin(4, 17), sites: ['gmail', 'slack'] });
    const split = settings();
    split.me = { ...split.me, weekly: officeWeek([['09:00', '12:00'], ['13:00', '17:30']]) };
    expect(quietLine(split, WED_MORNING)).toEqual({ kind: 'later', from: berlin(4, 12), sites: ['gmail', 'slack'] });
  });

  it('on call: says so whatever the modes, until on-call ends', () => {
    expect(quietLine(settings(undefined, { onCallUntil: berlin(4, 22) }), WED_EVENING)).toEqual({ kind: 'on-call', until: berlin(4, 22) });
    expect(quietLine(settings({ gmail: 'off', slack: 'off' }, { onCallUntil: berlin(4, 22) }), WED_EVENING)).toEqual({ kind: 'on-call', until: berlin(4, 22) });
    expect(quietLine(settings(undefined, { onCallUntil: berlin(4, 22) }), berlin(4, 22))).toEqual({ kind: 'quiet', until: THU_START, sites: ['gmail', 'slack'] });
  });

  it('nothing when every site is off and no one is on call', () => {
    expect(quietLine(settings({ gmail: 'off', slack: 'off', docs: 'off' }), WED_EVENING)).toBeNull();
    expect(quietLine(settings({ gmail: 'off', slack: 'off', docs: 'off' }), WED_MORNING)).toBeNull();
  });

  it('with no working time in reach, or work all week: a line without a time', () => {
    const never = settings();
    never.me = { ...never.me, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(quietLine(never, WED_EVENING)).toEqual({ kind: 'quiet', until: null, sites: ['gmail', 'slack'] });
    const always = settings();
    const day: Array<[string, string]> = [['00:00', '24:00']];
    always.me = { ...always.me, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } };
    expect(quietLine(always, WED_EVENING)).toEqual({ kind: 'later', from: null, sites: ['gmail', 'slack'] });
  });
});

describe('helpers', () => {
  it('isOnCall, quietSites, workingUntil', () => {
    expect(isOnCall({}, WED_EVENING)).toBe(false);
    expect(isOnCall({ onCallUntil: WED_EVENING + 1 }, WED_EVENING)).toBe(true);
    expect(isOnCall({ onCallUntil: WED_EVENING }, WED_EVENING)).toBe(false);
    expect(quietSites({ gmail: 'off', slack: 'calm', docs: 'shield' })).toEqual(['slack', 'docs']);
    expect(workingUntil(settings().me, new Date(WED_MORNING))?.getTime()).toBe(berlin(4, 17));
    expect(workingUntil(settings().me, new Date(WED_EVENING))?.getTime()).toBe(WED_EVENING);
  });

  it('over a spring-forward night the next start is read in wall-clock time', () => {
    // Sunday 29 March 2026: Berlin moves from 02:00 CET to 03:00 CEST. Monday 09:00 CEST is 07:00 UTC.
    expect(isQuietNow(settings(), 'gmail', Date.UTC(2026, 2, 29, 12))).toEqual({ quiet: true, until: Date.UTC(2026, 2, 30, 7) });
  });
});
