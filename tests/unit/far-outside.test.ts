// @vitest-environment happy-dom
/**
 * The footprint's rule (utils/etiquette/far-outside.ts): a recipient is reached "more than an hour
 * outside their working time" when no working time of theirs lies within 60 minutes either side of
 * the send. Every instant is injected; expectations are built from the same zones with luxon.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAR_OUTSIDE_MS, isFarOutside, sendVerdict, type AfterHoursVerdict } from '@/utils/etiquette';
import { isWorkingTime, nextWorkingTime, type Hours, type Weekly } from '@/utils/hours';
import { startGuard, type GuardEvent, type GuardUi, type HoldHandlers } from '@/utils/guard/guard';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import type { Settings } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';
import { buildTinyPage, tinyAdapter } from './helpers/tiny-site';

const MINUTE = 60_000;
const weekdays = (start: string, end: string): Weekly => {
  const r: Array<[string, string]> = [[start, end]];
  return { mon: r, tue: r, wed: r, thu: r, fri: r, sat: [], sun: [] };
};
const kolkata: Hours = { timeZone: 'Asia/Kolkata', weekly: weekdays('09:00', '17:00') };
/** A local wall-clock time in a zone, as epoch ms. */
const local = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('isFarOutside', () => {
  it('is false while they work, and within the hour after they stop or before they start', () => {
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-01T12:00'))).toBe(false);
    // Stopped at 17:00: 18:00 is exactly an hour after, not more.
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-01T17:30'))).toBe(false);
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-01T18:00'))).toBe(false);
    // Starts at 09:00: 08:00 is exactly an hour before.
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-02T08:00'))).toBe(false);
  });

  it('is true strictly more than an hour after they stop and more than an hour before they start', () => {
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-01T18:01'))).toBe(true);
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-01T18:00') + 1_000)).toBe(true);
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-02T07:59'))).toBe(true);
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-02T03:00'))).toBe(true);
  });

  it('agrees with the engine at every minute of a day, whatever the zone', () => {
    const zones: Hours[] = [kolkata, { timeZone: 'America/New_York', weekly: weekdays('22:00', '06:00') }, { timeZone: 'Pacific/Chatham', weekly: weekdays('08:45', '12:15') }];
    for (const hours of zones) {
      const start = DateTime.fromISO('2026-12-03T00:00', { zone: hours.timeZone }).toMillis();
      for (let at = start; at < start + 24 * 60 * MINUTE; at += 7 * MINUTE) {
        // The meaning, minute by minute: working in the minute that ends exactly an hour before the
        // send (stopped an hour ago, not more), or at any minute up to an hour after it.
        let near = isWorkingTime(hours, new Date(at - FAR_OUTSIDE_MS - 1));
        for (let m = at - FAR_OUTSIDE_MS; m <= at + FAR_OUTSIDE_MS && !near; m += MINUTE) near = isWorkingTime(hours, new Date(m));
        expect(isFarOutside(hours, at), `${hours.timeZone} ${new Date(at).toISOString()}`).toBe(!near);
      }
    }
  });

  it('counts a whole day off, and a weekend, as outside', () => {
    const off: Hours = { ...kolkata, daysOff: ['2026-12-02'] };
    expect(isFarOutside(off, local('Asia/Kolkata', '2026-12-02T12:00'))).toBe(true);
    expect(isFarOutside(kolkata, local('Asia/Kolkata', '2026-12-05T12:00'))).toBe(true);
  });

  it('across a daylight-saving change: the hour is real time, not wall-clock time', () => {
    // Berlin springs forward at 02:00 on 2027-03-28 (Sunday): a night worker from 03:30.
    const night: Hours = { timeZone: 'Europe/Berlin', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['03:30', '06:00']] } };
    // 01:45 CET is 45 minutes of real time before 03:30 CEST.
    expect(isFarOutside(night, local('Europe/Berlin', '2027-03-28T01:45'))).toBe(false);
    expect(isFarOutside(night, local('Europe/Berlin', '2027-03-28T01:25'))).toBe(true);
    expect(nextWorkingTime(night, new Date(local('Europe/Berlin', '2027-03-28T01:25')))!.getTime() - local('Europe/Berlin', '2027-03-28T01:25')).toBe(65 * MINUTE);
  });

  it('with no working time at all it is always far', () => {
    const never: Hours = { timeZone: 'UTC', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(isFarOutside(never, Date.parse('2026-12-01T12:00:00Z'))).toBe(true);
  });
});

describe('the verdict counts them', () => {
  const berlin: Hours = { timeZone: 'Europe/Berlin', weekly: weekdays('09:00', '17:00') };
  it('counts each far recipient, not those within the hour, even when the list is summarised', () => {
    // Tuesday 07:10 in Berlin: Kolkata 11:40 (working); New York 01:10 (far); London 06:10 (far);
    // someone in Berlin on 08:00-16:00 hours starts in 50 minutes (not far).
    const now = new Date(local('Europe/Berlin', '2026-12-01T07:10'));
    const people = [
      { key: 'k@x.io', name: 'K', hours: kolkata },
      { key: 'n@x.io', name: 'N', hours: { timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00') } },
      { key: 'l@x.io', name: 'L', hours: { timeZone: 'Europe/London', weekly: weekdays('09:00', '17:00') } },
      { key: 'b@x.io', name: 'B', hours: { timeZone: 'Europe/Berlin', weekly: weekdays('08:00', '16:00') } },
      { key: 'u@x.io', name: 'Unknown zone' },
    ];
    const v = sendVerdict({ me: berlin, recipients: people, mode: 'confirm', now, graceMinutes: 0 }) as AfterHoursVerdict;
    expect(v.kind).toBe('after-hours');
    expect(v.counts).toMatchObject({ outside: 3, farOutside: 2 });
    const many = sendVerdict({ me: berlin, recipients: people, mode: 'confirm', now, graceMinutes: 0, largeListThreshold: 1 }) as AfterHoursVerdict;
    expect(many.summarised).toBe(true);
    expect(many.counts.farOutside).toBe(2);
  });
});

describe('the guard records it on sends that go out', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => controller.abort());

  function settings(mode: 'nudge' | 'confirm'): Settings {
    const s = defaultSettings('Europe/Berlin');
    s.sites.gmail = mode;
    s.me.weekly = officeWeek([['09:00', '17:00']]);
    s.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' }];
    return s;
  }

  function start(mode: 'nudge' | 'confirm', clock: { now: Date }) {
    const page = buildTinyPage(document);
    const snapshot: Snapshot = { revision: 1, settings: settings(mode) };
    const holds: HoldHandlers[] = [];
    const ui: GuardUi = {
      showHold: (_c, _v, handlers) => (holds.push(handlers), { update: () => {}, focus: () => {}, close: () => {} }),
      showNote: () => {},
      showMessage: () => {},
    };
    const events: GuardEvent[] = [];
    const adapter = tinyAdapter();
    startGuard({ adapter, source: { current: () => snapshot }, ui, doc: document, now: () => clock.now, record: (e) => events.push(e), isUserGesture: () => true }, controller.signal);
    return { ...page, holds, events };
  }

  // Priya (Kolkata, defaults 09:00-17:00 on weekdays): 04:10 her time on a Wednesday, far outside.
  const NIGHT = new Date('2026-12-01T22:40:00Z');

  it('Send now: how many it reached far outside, judged when it went; holds and Keep editing carry none', async () => {
    const clock = { now: NIGHT };
    const { send, holds, events } = start('confirm', clock);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.keepEditing();
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(2));
    holds[1]!.sendNow();
    expect(events).toEqual([
      { verdict: 'recipients-outside', action: 'held', recipients: 1 },
      { verdict: 'recipients-outside', action: 'kept-editing', recipients: 1 },
      { verdict: 'recipients-outside', action: 'held', recipients: 1 },
      { verdict: 'recipients-outside', action: 'sent-anyway', recipients: 1, farOutside: 1 },
    ]);
  });

  it('Send now pressed once the dialog has been open until within her hour: not far any more', async () => {
    const clock = { now: NIGHT };
    const { send, holds, events } = start('confirm', clock);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    // 08:30 in Kolkata on the same morning: she starts in 30 minutes.
    clock.now = new Date(local('Asia/Kolkata', '2026-12-02T08:30'));
    holds[0]!.sendNow();
    expect(events.at(-1)).toEqual({ verdict: 'recipients-outside', action: 'sent-anyway', recipients: 1, farOutside: 0 });
  });

  it('nudge mode: the send goes through and its event says whom it reached far outside', () => {
    const { send, sent, events } = start('nudge', { now: NIGHT });
    send.click();
    expect(sent).toHaveLength(1);
    expect(events).toEqual([{ verdict: 'recipients-outside', action: 'nudged', recipients: 1, farOutside: 1 }]);
  });
});
