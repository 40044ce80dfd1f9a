/**
 * The footprint (utils/store/footprint.ts): 12 local weeks by site from the event log, its CSV, and
 * the worker's answers (options' weeks, the popup's line). Every "now" is injected; week starts are
 * derived from the same zone with luxon.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import {
  emptyFootprint,
  footprintBounds,
  footprintCsv,
  footprintFor,
  footprintLine,
  summariseFootprint,
  urgentTotal,
  FOOTPRINT_CSV_COLUMNS,
  type FootprintEvent,
} from '@/utils/store/footprint';
import type { AppEvent } from '@/utils/store/schema';
import { databasesClosedAfterEach } from './setup/databases';

const ZONE = 'Europe/Berlin';
/** Wednesday 1 April 2026, 10:00 in Berlin (summer time since 29 March). */
const NOW = DateTime.fromISO('2026-04-01T10:00', { zone: ZONE }).toMillis();
/** A local instant in Berlin. */
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

const ev = (at: number, action: AppEvent['action'], extra: Partial<FootprintEvent> = {}): FootprintEvent => ({ at, site: 'gmail', action, ...extra });

describe('footprint weeks', () => {
  it('are the 12 local weeks ending with this one, Monday 00:00 in the zone, across the spring change', () => {
    const bounds = footprintBounds(ZONE, NOW);
    expect(bounds).toHaveLength(13);
    const mondays = bounds.map((b) => DateTime.fromMillis(b, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm ccc'));
    expect(mondays[0]).toBe('2026-01-12 00:00 Mon');
    expect(mondays[11]).toBe('2026-03-30 00:00 Mon');
    expect(mondays[12]).toBe('2026-04-06 00:00 Mon');
    expect(mondays.every((m) => m.endsWith('00:00 Mon'))).toBe(true);
    // The week with the change (23–29 March) is an hour shorter.
    expect(bounds[11]! - bounds[10]!).toBe(7 * 24 * 3_600_000 - 3_600_000);
    expect(bounds[10]! - bounds[9]!).toBe(7 * 24 * 3_600_000);
  });

  it('count each kind of event in its local week and site, by the week it happened in, not by UTC', () => {
    const bounds = footprintBounds(ZONE, NOW);
    const weeks = summariseFootprint(
      [
        // Sunday 29 March 23:30 in Berlin is still the week of the 23rd (21:30 UTC).
        ev(berlin('2026-03-29T23:30'), 'sent-anyway', { farOutside: 2, reason: 'incident' }),
        // Monday 30 March 00:30 in Berlin is 22:30 UTC on Sunday: this week.
        ev(berlin('2026-03-30T00:30'), 'nudged', { site: 'slack', farOutside: 1 }),
        ev(berlin('2026-03-30T01:00'), 'nudged', { site: 'slack', farOutside: 0 }),
        ev(berlin('2026-03-31T21:00'), 'scheduled'),
        ev(berlin('2026-03-31T21:05'), 'scheduled', { site: 'docs' }),
        ev(berlin('2026-03-31T22:00'), 'sent-anyway', { site: 'slack' }),
        ev(berlin('2026-03-31T22:10'), 'sent-anyway', { site: 'slack', reason: 'asked', farOutside: 3 }),
        ev(berlin('2026-04-01T06:00'), 'failed-open', { farOutside: 1 }),
        // Not sends that went out: never "late", whatever they carry.
        ev(berlin('2026-03-31T23:00'), 'held', { farOutside: 4 }),
        ev(berlin('2026-03-31T23:01'), 'kept-editing'),
        ev(berlin('2026-03-31T23:02'), 'quieted'),
        // Older than the 12 weeks, and later than this week: left out.
        ev(berlin('2026-01-11T23:59'), 'sent-anyway', { farOutside: 1 }),
        ev(berlin('2026-04-06T00:00'), 'sent-anyway', { farOutside: 1 }),
        ev(berlin('2026-01-12T00:00'), 'sent-anyway', { site: 'docs', farOutside: 1, reason: 'customer' }),
      ],
      bounds,
      ZONE,
    );
    expect(weeks.map((w) => w.week)).toEqual(bounds.slice(0, -1).map((b) => DateTime.fromMillis(b, { zone: ZONE }).toISODate()));
    const [first] = weeks;
    expect(first!.bySite.docs).toMatchObject({ lateSends: 1, latePeople: 1, urgent: { customer: 1, none: 0 } });
    expect(weeks[10]!.bySite.gmail).toMatchObject({ lateSends: 1, latePeople: 2, urgent: { incident: 1 } });
    const now = weeks[11]!;
    expect(now.bySite.gmail).toEqual({ ...emptyFootprint(), lateSends: 1, latePeople: 1, moved: 1 });
    expect(now.bySite.docs).toEqual({ ...emptyFootprint(), heldComments: 1 });
    expect(now.bySite.slack).toEqual({ ...emptyFootprint(), lateSends: 2, latePeople: 4, urgent: { incident: 0, asked: 1, customer: 0, 'own-words': 0, none: 1 } });
    const all = footprintFor(now, 'all');
    expect(all).toMatchObject({ lateSends: 3, latePeople: 5, moved: 1, heldComments: 1 });
    expect(urgentTotal(all)).toBe(2);
    expect(footprintLine(now)).toEqual({ late: 3, waited: 2 });
    expect(footprintLine(undefined)).toEqual({ late: 0, waited: 0 });
    // The weeks in between are empty.
    expect(weeks.slice(1, 10).every((w) => footprintLine(w).late === 0 && footprintLine(w).waited === 0)).toBe(true);
  });

  it('in another zone the same instants fall in other weeks (Sunday evening in Los Angeles is Monday in Berlin)', () => {
    const la = 'America/Los_Angeles';
    const at = berlin('2026-03-30T07:00'); // Sunday 29 March 22:00 in Los Angeles
    const weeksLa = summariseFootprint([ev(at, 'scheduled')], footprintBounds(la, NOW), la);
    const weeksBerlin = summariseFootprint([ev(at, 'scheduled')], footprintBounds(ZONE, NOW), ZONE);
    expect(weeksLa.findIndex((w) => w.bySite.gmail.moved === 1)).toBe(10);
    expect(weeksBerlin.findIndex((w) => w.bySite.gmail.moved === 1)).toBe(11);
  });
});

describe('footprintCsv', () => {
  it('is one header and one row per week and site, oldest first, numbers and ISO dates only', () => {
    const bounds = footprintBounds(ZONE, NOW, 2);
    const weeks = summariseFootprint(
      [ev(berlin('2026-03-31T21:00'), 'sent-anyway', { farOutside: 2, reason: 'own-words' }), ev(berlin('2026-03-24T21:00'), 'scheduled', { site: 'docs' })],
      bounds,
      ZONE,
    );
    expect(footprintCsv(weeks)).toBe(
      [
        'week_start,site,late_sends,people_reached_late,moved_to_their_hours,held_comments,urgent_sends,urgent_incident,urgent_asked,urgent_customer,urgent_own_words,urgent_none',
        '2026-03-23,gmail,0,0,0,0,0,0,0,0,0,0',
        '2026-03-23,slack,0,0,0,0,0,0,0,0,0,0',
        '2026-03-23,docs,0,0,0,1,0,0,0,0,0,0',
        '2026-03-30,gmail,1,2,0,0,1,0,0,0,1,0',
        '2026-03-30,slack,0,0,0,0,0,0,0,0,0,0',
        '2026-03-30,docs,0,0,0,0,0,0,0,0,0,0',
        '',
      ].join('\r\n'),
    );
    expect(FOOTPRINT_CSV_COLUMNS).toHaveLength(12);
  });
});

describe('the worker', () => {
  const dbs = databasesClosedAfterEach();

  it('answers 12 weeks in the user’s zone, and the popup’s line this week against last', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    const service = createService({ db, publish: async () => {}, timeZone: () => ZONE, now: () => NOW });
    await service.ready;
    const base = { site: 'gmail', verdict: 'recipients-outside', recipients: 2 } as const;
    await service.recordEvent({ ...base, at: berlin('2026-03-31T22:00'), action: 'sent-anyway', farOutside: 2, reason: 'incident' });
    await service.recordEvent({ ...base, at: berlin('2026-03-31T22:30'), action: 'scheduled' });
    await service.recordEvent({ ...base, at: berlin('2026-03-25T22:00'), action: 'nudged', farOutside: 1 });
    await service.recordEvent({ ...base, at: berlin('2026-03-24T22:00'), action: 'nudged', farOutside: 1 });
    await service.recordEvent({ ...base, site: 'docs', at: berlin('2026-03-26T22:00'), action: 'scheduled' });
    const weeks = await service.getFootprint();
    expect(weeks).toHaveLength(12);
    expect(weeks[11]!.week).toBe('2026-03-30');
    expect(weeks[11]!.bySite.gmail).toMatchObject({ lateSends: 1, latePeople: 2, moved: 1, urgent: { incident: 1 } });
    expect(weeks[10]!.bySite.gmail.lateSends).toBe(2);
    const summary = await service.getPopupSummary();
    expect(summary.footprint).toEqual({ thisWeek: { late: 1, waited: 1 }, lastWeek: { late: 2, waited: 1 } });
    // The popup's week is still this week's alone.
    expect(summary.week).toMatchObject({ sentAnyway: 1, scheduled: 1, nudged: 0 });
  });
});
