/**
 * The first run (issue 22, item 1): presets → weekly hours, the one update "Save and finish" sends,
 * and the worker opening the page on a new install only (the real background, on WXT's fake browser).
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { FIRST_RUN_KEY } from '@/utils/background/first-run';
import { isWorkingTime, type Weekly } from '@/utils/hours';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import { choicesFrom, FIRST_RUN_PATH, firstRunPatch, opensFirstRun, presetOf, weeklyForPreset } from '@/utils/ui/first-run';
import { useWorkerBrowser } from './helpers/worker-browser';

const NIGHT_SHIFT: Weekly = { mon: [['22:00', '06:00']], tue: [['22:00', '06:00']], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('hours presets', () => {
  it('Mon–Fri 09–17 is the default week; the four-day week is Monday to Thursday', () => {
    expect(weeklyForPreset('office', NIGHT_SHIFT)).toEqual(officeWeek());
    const fourDay = weeklyForPreset('fourDay', NIGHT_SHIFT);
    expect(fourDay).toEqual({ ...officeWeek(), fri: [] });
    // Read through the engine: Thursday 10:00 in Berlin is working time, Friday 10:00 is not (2026-12-10 is a Thursday).
    const hours = { timeZone: 'Europe/Berlin', weekly: fourDay };
    expect(isWorkingTime(hours, new Date('2026-12-10T09:00:00Z'))).toBe(true);
    expect(isWorkingTime(hours, new Date('2026-12-11T09:00:00Z'))).toBe(false);
  });

  it('custom keeps the week it is given; presets never share arrays between days', () => {
    expect(weeklyForPreset('custom', NIGHT_SHIFT)).toBe(NIGHT_SHIFT);
    const week = weeklyForPreset('office', NIGHT_SHIFT);
    week.mon[0]![0] = '08:00';
    expect(week.tue[0]).toEqual(['09:00', '17:00']);
  });

  it.each([
    ['the default week', officeWeek(), 'office'],
    ['Monday to Thursday', { ...officeWeek(), fri: [] }, 'fourDay'],
    ['a night shift', NIGHT_SHIFT, 'custom'],
    ['Friday ending early', { ...officeWeek(), fri: [['09:00', '15:00']] }, 'custom'],
  ] as const)('%s opens as %s', (_name, weekly, preset) => {
    expect(presetOf(weekly as Weekly)).toBe(preset);
  });
});

describe('the update "Save and finish" sends', () => {
  const before = choicesFrom(defaultSettings('Europe/Berlin'));

  it('is null when nothing changed (Save without changes writes nothing)', () => {
    expect(firstRunPatch(before, choicesFrom(defaultSettings('Europe/Berlin')), [])).toBeNull();
  });

  it('carries only what changed', () => {
    const after = {
      ...before,
      timeZone: 'Asia/Kolkata',
      weekly: weeklyForPreset('fourDay', before.weekly),
      daysOff: ['2026-12-24'],
      holidays: 'DE-BY',
      sites: { ...before.sites, slack: 'confirm' as const },
      quiet: { ...before.quiet, gmail: 'calm' as const },
    };
    expect(firstRunPatch(before, after, [])).toEqual({
      me: { timeZone: 'Asia/Kolkata', weekly: weeklyForPreset('fourDay', before.weekly), daysOff: ['2026-12-24'], holidays: 'DE-BY' },
      sites: { slack: 'confirm' },
      quiet: { gmail: 'calm' },
    });
  });

  it('clears a holiday region with null, and ignores the order of days off', () => {
    const withRegion = { ...before, holidays: 'DE', daysOff: ['2026-12-24', '2026-12-25'] };
    expect(firstRunPatch(withRegion, { ...withRegion, holidays: undefined, daysOff: ['2026-12-25', '2026-12-24'] }, [])).toEqual({ me: { holidays: null } });
  });

  it('never sends a field the organisation locked', () => {
    const after = { ...before, timeZone: 'Asia/Kolkata', weekly: NIGHT_SHIFT, sites: { ...before.sites, gmail: 'off' as const, docs: 'nudge' as const } };
    expect(firstRunPatch(before, after, ['me.timeZone', 'sites.gmail'])).toEqual({ me: { weekly: NIGHT_SHIFT }, sites: { docs: 'nudge' } });
    expect(firstRunPatch(before, { ...before, timeZone: 'Asia/Kolkata' }, ['me.timeZone'])).toBeNull();
  });
});

describe('the worker opens the first run', () => {
  useWorkerBrowser(Date.UTC(2026, 11, 7, 12));

  it.each([
    ['install', true],
    ['update', false],
    ['chrome_update', false],
    ['browser_update', false],
    ['shared_module_update', false],
  ])('on reason %s: %s', (reason, opens) => {
    expect(opensFirstRun({ reason })).toBe(opens);
  });

  it("not for a temporary add-on (Firefox's about:debugging or a test driver), but for a permanent one", () => {
    expect(opensFirstRun({ reason: 'install', temporary: true })).toBe(false);
    expect(opensFirstRun({ reason: 'install', temporary: false })).toBe(true);
  });

  it('on a new install only, once: not on an update, nor on a repeated install event (a worker restart: tests/e2e/first-run.spec.ts)', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const welcome = fakeBrowser.runtime.getURL(FIRST_RUN_PATH as '/welcome.html');
    background.main();
    // Registered in the first turn, before anything is awaited: the event that woke the worker reaches it.
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(create.mock.calls.filter(([props]) => props.url === welcome)).toEqual([]);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(create.mock.calls.filter(([props]) => props.url === welcome)).toHaveLength(1));
    // Chrome announces a command-line extension as 'install' on every browser start, its data kept: once is enough.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(create.mock.calls.filter(([props]) => props.url === welcome)).toHaveLength(1);
    // A new installation (uninstalling removes storage.local) opens it again.
    await fakeBrowser.storage.local.remove(FIRST_RUN_KEY);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(create.mock.calls.filter(([props]) => props.url === welcome)).toHaveLength(2));
  });
});
