import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAUSE_ALARM, PAUSE_BADGE, showPause } from '@/utils/background/pause-indicator';
import { createService, type Service } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { officeWeek } from '@/utils/store/defaults';
import { summariseWeek } from '@/utils/store/history';
import { parsePolicy } from '@/utils/store/policy';
import { POPUP_SUMMARY_KEY, readPopupSummary, teamContactsField } from '@/utils/store/popup-summary';
import { localDate, nextDayWorkStart } from '@/utils/hours';
import { activeSnoozeKeys, isPaused, pauseEnd } from '@/utils/store/quiet';
import { readSettings } from '@/utils/store/repository';
import type { AppEvent, Settings } from '@/utils/store/schema';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';
import { databasesClosedAfterEach } from './setup/databases';

const ZONE = 'Europe/Berlin';
/** Wednesday 4 March 2026, 22:30 in Berlin (21:30 UTC). */
const NOW = Date.UTC(2026, 2, 4, 21, 30);
const HOUR = 3_600_000;

const dbs = databasesClosedAfterEach();

async function setup(now = NOW): Promise<{ db: AppDb; service: Service; published: Settings[]; clock: { now: number } }> {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const published: Settings[] = [];
  const clock = { now };
  const service = createService({ db, publish: async (s) => void published.push(s), timeZone: () => ZONE, now: () => clock.now });
  await service.ready;
  return { db, service, published, clock };
}

function event(at: number, action: AppEvent['action'], site: AppEvent['site'] = 'gmail'): AppEvent {
  return { at, action, site, verdict: 'recipients-outside', recipients: 1 };
}

describe('pause and snooze rules (utils/store/quiet)', () => {
  const me = { timeZone: ZONE, weekly: officeWeek([['09:00', '17:00']]) };

  it('a pause is on until its end, or for good when it has none', () => {
    expect(isPaused(undefined, NOW)).toBe(false);
    expect(isPaused({ since: NOW, until: NOW + HOUR }, NOW + HOUR - 1)).toBe(true);
    expect(isPaused({ since: NOW, until: NOW + HOUR }, NOW + HOUR)).toBe(false);
    expect(isPaused({ since: NOW, until: null }, NOW + 1e12)).toBe(true);
  });

  it('ends in an hour, at tomorrow\u2019s work start, or never', () => {
    expect(pauseEnd('hour', me, NOW)).toBe(NOW + HOUR);
    expect(pauseEnd('until-resumed', me, NOW)).toBeNull();
    // Wednesday night → Thursday 09:00 Berlin (08:00 UTC).
    expect(pauseEnd('next-start', me, NOW)).toBe(Date.UTC(2026, 2, 5, 8, 0));
    // Friday afternoon → Monday 09:00 (the weekend has no start).
    expect(pauseEnd('next-start', me, Date.UTC(2026, 2, 6, 14, 0))).toBe(Date.UTC(2026, 2, 9, 8, 0));
    // Early Thursday morning (before work) → Friday 09:00: tomorrow's start, not today's.
    expect(pauseEnd('next-start', me, Date.UTC(2026, 2, 5, 5, 0))).toBe(Date.UTC(2026, 2, 6, 8, 0));
  });

  it('skips past a night shift still running at midnight', () => {
    const night = { timeZone: ZONE, weekly: { ...officeWeek([]), wed: [['22:00', '06:00']] as Array<[string, string]>, thu: [['22:00', '06:00']] as Array<[string, string]> } };
    // Wednesday 23:00: the shift runs into Thursday 06:00; Thursday's own start is 22:00.
    expect(nextDayWorkStart(night, Date.UTC(2026, 2, 4, 22, 0))).toBe(Date.UTC(2026, 2, 5, 21, 0));
  });

  it('falls back to tomorrow 09:00 when nobody works', () => {
    expect(nextDayWorkStart({ timeZone: ZONE, weekly: officeWeek([]) }, NOW)).toBe(Date.UTC(2026, 2, 5, 8, 0));
  });

  it('snoozes end at the start of their date in your zone', () => {
    const snoozes = [
      { name: 'Ana', keys: ['ana@example.com', 'U0ANA'], until: '2026-03-06' },
      { name: 'Bo', keys: ['bo@example.com'], until: '2026-03-04' },
    ];
    expect([...activeSnoozeKeys(snoozes, ZONE, NOW)]).toEqual(['ana@example.com', 'U0ANA']);
    // Friday 00:30 in Berlin is still Thursday in UTC, but Berlin's date decides.
    expect(activeSnoozeKeys(snoozes, ZONE, Date.UTC(2026, 2, 5, 23, 30)).size).toBe(0);
    expect(activeSnoozeKeys(undefined, ZONE, NOW).size).toBe(0);
    expect(localDate('Asia/Tokyo', NOW)).toBe('2026-03-05');
  });
});

describe('this week in numbers', () => {
  it('counts held, scheduled and sent anyway per local day, Monday first, ignoring older events', () => {
    const monday = Date.UTC(2026, 2, 1, 23, 0); // Monday 2 March 00:00 Berlin
    const week = summariseWeek(
      [event(monday - 1, 'held'), event(monday, 'held'), event(monday + 2 * HOUR, 'scheduled'), event(NOW - HOUR, 'sent-anyway'), event(NOW, 'nudged'), event(NOW, 'kept-editing')],
      ZONE,
      NOW,
    );
    expect(week.since).toBe(monday);
    expect(week).toMatchObject({ held: 1, scheduled: 1, sentAnyway: 1, nudged: 1 });
    expect(week.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(week.days[0]).toEqual({ date: '2026-03-02', held: 1, scheduled: 1, sentAnyway: 0 });
    expect(week.days[2]).toEqual({ date: '2026-03-04', held: 0, scheduled: 0, sentAnyway: 1 });
  });

  it('counts quiet evenings as days (many quiet tabs on one evening are one) and every peek', () => {
    const monday = Date.UTC(2026, 2, 1, 23, 0);
    const evening = (day: number) => monday + day * 24 * HOUR + 20 * HOUR;
    const week = summariseWeek(
      [event(monday - HOUR, 'quieted'), event(evening(0), 'quieted'), event(evening(0) + 60_000, 'quieted'), event(evening(2), 'quieted'), event(evening(2), 'peeked'), event(evening(2) + HOUR, 'peeked')],
      ZONE,
      NOW,
    );
    expect(week).toMatchObject({ quietEvenings: 2, peeks: 2, held: 0 });
  });
});

describe('getPopupSummary', () => {
  it('carries the settings the popup shows, counts and this week, never the directory', async () => {
    const { service, db } = await setup();
    const file = JSON.parse(
      JSON.stringify({
        format: 'async-etiquette/settings',
        version: 1,
        me: { timeZone: ZONE, weekly: officeWeek(), daysOff: [] },
        contacts: Array.from({ length: 30 }, (_, i) => ({ name: `P${i}`, emails: [`p${i}@example.com`] })),
        preferences: { snoozes: [{ name: 'P1', keys: ['p1@example.com'], until: '2026-03-06' }, { name: 'P2', keys: ['p2@example.com'], until: '2026-03-01' }] },
      }),
    );
    expect(await service.importSettings({ text: JSON.stringify(file) })).toEqual({ ok: true });
    await db.events.bulkAdd([event(NOW - HOUR, 'held'), event(NOW - 30 * 24 * HOUR, 'held')]);
    const summary = await service.getPopupSummary();
    expect(summary).toMatchObject({ contacts: 30, snoozed: 1, pause: null, sites: { gmail: 'confirm' } });
    expect(summary.week.held).toBe(1);
    expect(summary).not.toHaveProperty('contactDefaults');
    expect(JSON.stringify(summary)).not.toContain('p7@example.com');
    expect(readPopupSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  it('counts the organisation\u2019s team directory, and leaves the count out without one', async () => {
    const parsed = parsePolicy({
      directory: Array.from({ length: 12 }, (_, i) => ({ name: `Org ${i}`, emails: [`org${i}@example.com`], timeZone: 'Asia/Tokyo' })),
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    const managed = createService({ db, publish: async () => {}, timeZone: () => ZONE, now: () => NOW, policy: async () => parsed.policy });
    const summary = await managed.getPopupSummary();
    expect(summary.teamContacts).toBe(12);
    // The user's own directory is counted apart (the popup shows both).
    expect(summary.contacts).toBe(0);
    expect(readPopupSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);

    const { service } = await setup();
    expect(await service.getPopupSummary()).not.toHaveProperty('teamContacts');
    expect(teamContactsField(null)).toEqual({});
    expect(teamContactsField({ directory: [] })).toEqual({});
  });

  it('the stored copy is checked before the popup trusts it', () => {
    expect(readPopupSummary(undefined)).toBeNull();
    expect(readPopupSummary({ me: {}, sites: {}, week: {} })).toBeNull();
    const stored = { me: { timeZone: ZONE, weekly: officeWeek() }, sites: {}, quiet: {}, onCallUntil: null, week: { days: [], quietEvenings: 0, peeks: 0 }, contacts: 1, snoozed: 0, pause: null };
    expect(readPopupSummary({ ...stored, teamContacts: 3 })).not.toBeNull();
    expect(readPopupSummary({ ...stored, teamContacts: '3' })).toBeNull();
    // A copy written before quiet tabs is not trusted: the popup asks the worker.
    const { quiet: _quiet, onCallUntil: _onCall, ...older } = stored;
    expect(readPopupSummary(older)).toBeNull();
    expect(readPopupSummary({ ...stored, onCallUntil: NOW })).not.toBeNull();
    expect(readPopupSummary({ ...stored, onCallUntil: 'later' })).toBeNull();
    // Nor one from before the week counted quiet evenings and peeks.
    expect(readPopupSummary({ ...stored, week: { days: [] } })).toBeNull();
    expect(POPUP_SUMMARY_KEY).toBe('popupSummary');
  });
});

describe('setPause and endPauseIfDue', () => {
  it('pauses for an hour, shows it in the summary and the snapshot, and resumes', async () => {
    const { service, published, db } = await setup();
    expect(await service.setPause({ kind: 'hour' })).toEqual({ ok: true });
    expect(published.at(-1)!.preferences.pause).toEqual({ since: NOW, until: NOW + HOUR });
    expect((await service.getPopupSummary()).pause).toEqual({ since: NOW, until: NOW + HOUR });
    expect(await service.setPause({ kind: 'resume' })).toEqual({ ok: true });
    expect(published.at(-1)!.preferences).not.toHaveProperty('pause');
    expect((await readSettings(db)).preferences.graceMinutes).toBe(30);
  });

  it('until tomorrow\u2019s work start and until resumed', async () => {
    const { service, published } = await setup();
    await service.updateSettings({ me: { timeZone: ZONE, weekly: officeWeek([['09:00', '17:00']]), daysOff: [] } });
    await service.setPause({ kind: 'next-start' });
    expect(published.at(-1)!.preferences.pause?.until).toBe(Date.UTC(2026, 2, 5, 8, 0));
    await service.setPause({ kind: 'until-resumed' });
    expect(published.at(-1)!.preferences.pause).toEqual({ since: NOW, until: null });
  });

  it('refuses an unknown kind', async () => {
    const { service } = await setup();
    expect(await service.setPause({ kind: 'forever' })).toMatchObject({ ok: false, error: expect.stringContaining('kind') });
  });

  it('ends a pause only once its time has come, keeping the other preferences', async () => {
    const { service, published, clock } = await setup();
    await service.updateSettings({ preferences: { graceMinutes: 45 } });
    await service.setPause({ kind: 'hour' });
    const before = published.length;
    clock.now = NOW + HOUR - 1;
    expect(await service.endPauseIfDue()).toBe(false);
    expect(published).toHaveLength(before);
    clock.now = NOW + HOUR;
    expect(await service.endPauseIfDue()).toBe(true);
    expect(published.at(-1)!.preferences).toEqual({ graceMinutes: 45, largeListThreshold: 15, sendNowReason: 'off', sendNowDailyLimit: null });
    expect(await service.endPauseIfDue()).toBe(false);
  });

  it('an alarm that fires before the pause is over (the clock was adjusted) arms it again; one on time ends it', async () => {
    fakeBrowser.reset();
    const { service, published, clock } = await setup();
    await service.setPause({ kind: 'hour' });
    await browser.alarms.clear(PAUSE_ALARM); // fired: Chrome's alarms are one-shot
    clock.now = NOW + HOUR - 60_000;
    expect(await service.pauseAlarmFired()).toBe(false);
    expect((await browser.alarms.get(PAUSE_ALARM))?.scheduledTime).toBe(NOW + HOUR);
    expect(published.at(-1)!.preferences.pause).toEqual({ since: NOW, until: NOW + HOUR });
    clock.now = NOW + HOUR;
    expect(await service.pauseAlarmFired()).toBe(true);
    expect(published.at(-1)!.preferences).not.toHaveProperty('pause');
  });

  it('a pause survives export and import (it is part of the preferences)', async () => {
    const { service } = await setup();
    await service.setPause({ kind: 'until-resumed' });
    const file = await service.getSettings();
    expect(file.preferences.pause).toEqual({ since: NOW, until: null });
    const parsed = parseSettingsText(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(toSettingsFile(parsed.settings)).toEqual(file);
  });
});

describe('the toolbar badge and the pause alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows a badge and arms one alarm at the end; clears both when over', async () => {
    await showPause({ since: NOW, until: NOW + HOUR }, ZONE, NOW);
    expect(await browser.action.getBadgeText({})).toBe(PAUSE_BADGE);
    expect(await browser.action.getTitle({})).toBe('Async Etiquette: paused until Wed 23:30');
    expect((await browser.alarms.get(PAUSE_ALARM))?.scheduledTime).toBe(NOW + HOUR);

    await showPause({ since: NOW, until: NOW + HOUR }, ZONE, NOW + HOUR);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.alarms.get(PAUSE_ALARM)).toBeFalsy();
  });

  it('does not re-create an alarm that is already right', async () => {
    await showPause({ since: NOW, until: NOW + HOUR }, ZONE, NOW);
    const create = vi.spyOn(browser.alarms, 'create');
    await showPause({ since: NOW, until: NOW + HOUR }, ZONE, NOW + 1_000);
    expect(create).not.toHaveBeenCalled();
    await showPause({ since: NOW, until: NOW + 2 * HOUR }, ZONE, NOW + 1_000);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('until resumed: a badge and no alarm', async () => {
    await showPause({ since: NOW, until: null }, ZONE, NOW);
    expect(await browser.action.getBadgeText({})).toBe(PAUSE_BADGE);
    expect(await browser.action.getTitle({})).toBe('Async Etiquette: paused until you turn it back on');
    expect(await browser.alarms.get(PAUSE_ALARM)).toBeFalsy();
    await showPause(undefined, ZONE, NOW);
    expect(await browser.action.getBadgeText({})).toBe('');
  });
});
