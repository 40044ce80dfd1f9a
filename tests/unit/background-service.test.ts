import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnSender, publishSnapshot } from '@/utils/background/publish';
import { createService, type Service } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { defaultSettings, DEFAULT_PREFERENCES, DEFAULT_SITES, officeWeek } from '@/utils/store/defaults';
import { readSettings } from '@/utils/store/repository';
import type { AppEvent, Settings } from '@/utils/store/schema';
import { SNAPSHOT_KEY, type Snapshot } from '@/utils/store/snapshot';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';
import { databasesClosedAfterEach } from './setup/databases';

/** Wednesday 4 March 2026, 10:00 in Tokyo (01:00 UTC). No test reads the real clock. */
const NOW = Date.UTC(2026, 2, 4, 1, 0);
const ZONE = 'Asia/Tokyo';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/settings/${name}`, import.meta.url), 'utf8');
}

const dbs = databasesClosedAfterEach();

interface Harness {
  db: AppDb;
  service: Service;
  publish: ReturnType<typeof vi.fn<(settings: Settings) => Promise<void>>>;
}

async function setup(options: { zone?: string; now?: number } = {}): Promise<Harness> {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const publish = vi.fn<(settings: Settings) => Promise<void>>(async () => undefined);
  const service = createService({ db, publish, timeZone: () => options.zone ?? ZONE, now: () => options.now ?? NOW });
  await service.ready;
  return { db, service, publish };
}

async function dump(db: AppDb) {
  return { settings: await db.settings.toArray(), contacts: await db.contacts.toArray(), events: await db.events.toArray() };
}

function lastPublished(publish: Harness['publish']): Settings {
  const call = publish.mock.lastCall;
  if (!call) throw new Error('publish was not called');
  return call[0];
}

describe('start-up', () => {
  it('initialises the database with defaults in the worker zone', async () => {
    const { service, db } = await setup({ zone: 'Asia/Kolkata' });
    const file = await service.getSettings();
    expect(file).toEqual({ format: 'async-etiquette/settings', version: 1, ...defaultSettings('Asia/Kolkata') });
    expect((await db.settings.toArray()).every((r) => typeof r.updatedAt === 'number')).toBe(true);
  });

  it('republish pushes the current settings', async () => {
    const { service, publish, db } = await setup();
    const published = await service.republish();
    expect(publish).toHaveBeenCalledTimes(1);
    expect(lastPublished(publish)).toEqual(await readSettings(db));
    expect(published).toEqual(lastPublished(publish));
  });
});

describe('importSettings', () => {
  it('applies a valid file whole and publishes the fresh settings', async () => {
    const { service, publish, db } = await setup();
    const text = fixture('valid-full.json');
    expect(await service.importSettings({ text })).toEqual({ ok: true });

    const expected = parseSettingsText(text, ZONE);
    if (!expected.ok) throw new Error(expected.error);
    expect(await service.getSettings()).toEqual(toSettingsFile(expected.settings));
    expect(publish).toHaveBeenCalledTimes(1);
    expect(lastPublished(publish)).toEqual(await readSettings(db));
    expect(lastPublished(publish).contacts.map((c) => c.name)).toEqual(['Priya Raman', 'Kenji Sato', 'Sam Okafor']);
    // Import stamps rows with the injected clock.
    expect((await db.settings.toArray()).every((r) => r.updatedAt === NOW)).toBe(true);
  });

  it('round-trips through the service: export → import → export is identical', async () => {
    const a = await setup();
    await a.service.importSettings({ text: fixture('valid-full.json') });
    const exported = JSON.stringify(await a.service.getSettings(), null, 2);

    const b = await setup({ zone: 'America/Chicago' });
    expect(await b.service.importSettings({ text: exported })).toEqual({ ok: true });
    expect(JSON.stringify(await b.service.getSettings(), null, 2)).toBe(exported);
  });

  it('is atomic: a file refused at its last contact leaves the database unchanged', async () => {
    const { service, publish, db } = await setup();
    await service.importSettings({ text: fixture('valid-full.json') });
    const before = await dump(db);
    publish.mockClear();

    const outcome = await service.importSettings({ text: fixture('bad-last-contact.json') });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toContain('contacts[2].timeZone');
      expect(outcome.error).toContain('Mars/Base');
    }
    expect(await dump(db)).toEqual(before);
    expect(publish).not.toHaveBeenCalled();
    // The valid parts of the refused file (me, sites, the first contacts) were not applied either.
    const settings = await readSettings(db);
    expect(settings.me.timeZone).toBe('Europe/Berlin');
    expect(settings.sites).toEqual({ gmail: 'confirm', slack: 'nudge', docs: 'confirm' });
  });

  it.each([
    ['bad-json.json', /not valid JSON/],
    ['unknown-zone.json', /contacts\[0\]\.timeZone/],
    ['offset-zone.json', /me\.timeZone \("\+05:30"\)/],
    ['bad-time.json', /me\.weekly\.mon\[0\]\[1\] \("25:00"\)/],
    ['overlapping-ranges.json', /me\.weekly\.tue\[1\]: overlaps 09:00-12:00/],
    ['proto-key.json', /forbidden key "__proto__"/],
    ['unknown-key.json', /^Unknown field "theme"\.$/],
    ['deeply-nested.json', /nested too deeply/],
  ])('refuses %s with a message naming the problem, changing nothing', async (name, message) => {
    const { service, publish, db } = await setup();
    const before = await dump(db);
    const outcome = await service.importSettings({ text: fixture(name) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
    expect(await dump(db)).toEqual(before);
    expect(publish).not.toHaveBeenCalled();
  });

  it('refuses 5 MB as too large', async () => {
    const { service, db } = await setup();
    const before = await dump(db);
    const outcome = await service.importSettings({ text: ' '.repeat(5 * 1024 * 1024) });
    expect(outcome).toEqual({ ok: false, error: 'The file is too large (5.0 MB; at most 2 MB).' });
    expect(await dump(db)).toEqual(before);
  });

  it.each([
    ['no payload', undefined, /missing|expected object/],
    ['null', null, /expected object/],
    ['a bare string', '{"format":"async-etiquette/settings","version":1}', /expected object/],
    ['text that is not a string', { text: 42 }, /^text \(42\)/],
    ['an extra field', { text: '{}', path: '/etc/passwd' }, /Unknown field "path"/],
  ])('refuses a malformed payload (%s)', async (_label, payload, message) => {
    const { service, publish, db } = await setup();
    const before = await dump(db);
    const outcome = await service.importSettings(payload);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
    expect(await dump(db)).toEqual(before);
    expect(publish).not.toHaveBeenCalled();
  });

  it('a file without "me" takes the default me in the worker zone', async () => {
    const { service } = await setup({ zone: 'Africa/Nairobi' });
    await service.importSettings({ text: JSON.stringify({ format: 'async-etiquette/settings', version: 1, sites: { docs: 'off' } }) });
    const file = await service.getSettings();
    expect(file.me.timeZone).toBe('Africa/Nairobi');
    expect(file.sites).toEqual({ ...DEFAULT_SITES, docs: 'off' });
  });
});

describe('updateSettings', () => {
  it('merges a partial sites object with the existing modes', async () => {
    const { service, publish } = await setup();
    await service.updateSettings({ sites: { gmail: 'nudge', slack: 'confirm', docs: 'off' } });
    expect(await service.updateSettings({ sites: { docs: 'confirm' } })).toEqual({ ok: true });
    expect((await service.current()).sites).toEqual({ gmail: 'nudge', slack: 'confirm', docs: 'confirm' });
    expect(lastPublished(publish).sites).toEqual({ gmail: 'nudge', slack: 'confirm', docs: 'confirm' });
  });

  it('merges partial preferences with the existing ones', async () => {
    const { service } = await setup();
    await service.updateSettings({ preferences: { graceMinutes: 5 } });
    await service.updateSettings({ preferences: { sendNowReason: 'ask' } });
    expect((await service.current()).preferences).toEqual({ ...DEFAULT_PREFERENCES, graceMinutes: 5, sendNowReason: 'ask' });
  });

  it('replaces whole fields: me, templates, contacts', async () => {
    const { service, db } = await setup();
    const me = { timeZone: 'America/St_Johns', weekly: officeWeek([['08:30', '16:30']]), daysOff: ['2026-07-01'] };
    const contacts = [{ name: 'Ana Lima', emails: ['ANA@Example.com'], timeZone: 'America/Sao_Paulo' }];
    expect(await service.updateSettings({ me, templates: [], contacts })).toEqual({ ok: true });
    const settings = await service.current();
    expect(settings.me).toEqual(me);
    expect(settings.templates).toEqual([]);
    expect(settings.contacts).toEqual([{ name: 'Ana Lima', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo' }]);
    expect(await db.contacts.count()).toBe(1);
  });

  it('publishes the fresh settings after each change', async () => {
    const { service, publish, db } = await setup();
    await service.updateSettings({ sites: { slack: 'off' } });
    expect(publish).toHaveBeenCalledTimes(1);
    expect(lastPublished(publish).sites.slack).toBe('off');
    await service.updateSettings({ preferences: { largeListThreshold: 3 } });
    expect(publish).toHaveBeenCalledTimes(2);
    expect(lastPublished(publish).preferences.largeListThreshold).toBe(3);
    expect(lastPublished(publish)).toEqual(await readSettings(db));
    await service.importSettings({ text: fixture('valid-full.json') });
    expect(publish).toHaveBeenCalledTimes(3);
    expect(lastPublished(publish).me.timeZone).toBe('Europe/Berlin');
  });

  it('does not lose a change when two partial updates arrive at once', async () => {
    const { service } = await setup();
    const outcomes = await Promise.all([
      service.updateSettings({ sites: { gmail: 'off' } }),
      service.updateSettings({ sites: { slack: 'off' } }),
      service.updateSettings({ preferences: { graceMinutes: 0 } }),
      service.updateSettings({ preferences: { largeListThreshold: 2 } }),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const settings = await service.current();
    expect(settings.sites).toEqual({ gmail: 'off', slack: 'off', docs: DEFAULT_SITES.docs });
    expect(settings.preferences).toEqual({ ...DEFAULT_PREFERENCES, graceMinutes: 0, largeListThreshold: 2 });
  });

  it.each([
    ['null', null, /expected object/],
    ['nothing to update', {}, /nothing to update/],
    ['an unknown mode', { sites: { gmail: 'loud' } }, /sites\.gmail \("loud"\)/],
    ['an unknown site', { sites: { outlook: 'off' } }, /Unknown field "outlook" in sites/],
    ['an unknown field', { sites: { gmail: 'off' }, theme: 'dark' }, /Unknown field "theme"/],
    ['a bad zone', { me: { timeZone: 'Mars/Base', weekly: officeWeek() } }, /me\.timeZone \("Mars\/Base"\)/],
    ['25:00', { me: { timeZone: 'UTC', weekly: { ...officeWeek(), mon: [['09:00', '25:00']] } } }, /me\.weekly\.mon\[0\]\[1\] \("25:00"\)/],
    ['a bad last contact', { contacts: [{ name: 'A' }, { name: 'B', emails: ['nope'] }] }, /contacts\[1\]\.emails\[0\] \("nope"\)/],
    ['a grace period out of range', { preferences: { graceMinutes: 100_000 } }, /preferences\.graceMinutes \(100000\)/],
    ['a valid part next to an invalid one', { sites: { gmail: 'off' }, templates: [{ id: 'Bad Id', title: 't', body: 'b' }] }, /templates\[0\]\.id/],
  ])('refuses a malformed payload (%s) with {ok:false} and changes nothing', async (_label, payload, message) => {
    const { service, publish, db } = await setup();
    await service.updateSettings({ contacts: [{ name: 'Kept', emails: ['kept@example.com'] }] });
    publish.mockClear();
    const before = await dump(db);

    const outcome = await service.updateSettings(payload);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
    expect(await dump(db)).toEqual(before);
    expect(publish).not.toHaveBeenCalled();
  });
});

describe('recordEvent', () => {
  const event: AppEvent = { at: NOW, site: 'slack', verdict: 'recipients-outside', action: 'scheduled', recipients: 4 };

  it('stores a metadata-only event exactly', async () => {
    const { service, db, publish } = await setup();
    await service.recordEvent(event);
    expect(await db.events.toArray()).toEqual([{ id: 1, ...event }]);
    expect(publish).not.toHaveBeenCalled();
  });

  it.each([
    ['body', 'Hi Priya, can you look at the launch plan tonight?'],
    ['subject', 'Launch plan'],
    ['to', ['priya@example.com']],
  ])('refuses an event carrying %s: no message text or address may be stored', async (key, value) => {
    const { service, db } = await setup();
    await expect(service.recordEvent({ ...event, [key]: value })).rejects.toThrow(new RegExp(`Refused event: Unknown field "${key}"`));
    expect(await db.events.count()).toBe(0);
    const raw = JSON.stringify(await dump(db));
    expect(raw).not.toContain('launch');
    expect(raw).not.toContain('priya@example.com');
  });

  it.each([
    ['a wrong action', { ...event, action: 'deleted' }],
    ['a negative count', { ...event, recipients: -1 }],
    ['no time', { site: 'gmail', verdict: 'fine', action: 'held', recipients: 1 }],
    ['null', null],
  ])('refuses %s', async (_label, payload) => {
    const { service, db } = await setup();
    await expect(service.recordEvent(payload)).rejects.toThrow(/^Refused event: /);
    expect(await db.events.count()).toBe(0);
  });
});

describe("the popup summary's week (was getWeekSummary)", () => {
  it('counts from Monday 00:00 in the worker zone', async () => {
    const { service } = await setup({ zone: 'Asia/Tokyo', now: NOW });
    const monday = Date.UTC(2026, 2, 1, 15, 0); // Monday 2 March 00:00 in Tokyo
    const base = { site: 'gmail', verdict: 'recipients-outside', recipients: 1 } as const;
    await service.recordEvent({ ...base, at: monday - 1, action: 'held' });
    await service.recordEvent({ ...base, at: monday, action: 'held' });
    await service.recordEvent({ ...base, at: monday + 1, action: 'scheduled' });
    await service.recordEvent({ ...base, at: NOW, action: 'sent-anyway' });
    await service.recordEvent({ ...base, at: NOW, action: 'nudged' });

    expect((await service.getPopupSummary()).week).toMatchObject({ since: monday, held: 1, scheduled: 1, sentAnyway: 1 });
  });

  it('uses the zone, not the machine: the same instant is still Tuesday in Los Angeles', async () => {
    const { service } = await setup({ zone: 'America/Los_Angeles', now: NOW });
    expect((await service.getPopupSummary()).week.since).toBe(Date.UTC(2026, 2, 2, 8, 0));
  });
});

describe('publishSnapshot', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function stored(): Promise<unknown> {
    return (await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
  }

  it('writes the settings with a time-based revision', async () => {
    const settings = defaultSettings('UTC');
    const snapshot = await publishSnapshot(settings);
    expect(snapshot).toEqual({ revision: NOW, settings });
    expect(await stored()).toEqual(snapshot);
  });

  it('always increases the revision, even within one millisecond or after the clock went back', async () => {
    const first = await publishSnapshot(defaultSettings('UTC'));
    const second = await publishSnapshot(defaultSettings('UTC'));
    expect(second.revision).toBe(first.revision + 1);
    vi.setSystemTime(NOW - 60_000);
    const third = await publishSnapshot(defaultSettings('UTC'));
    expect(third.revision).toBe(second.revision + 1);
  });

  it('ignores a corrupt previous snapshot', async () => {
    await browser.storage.local.set({ [SNAPSHOT_KEY]: { revision: 'NaN', settings: null } });
    expect((await publishSnapshot(defaultSettings('UTC'))).revision).toBe(NOW);
  });

  it('is what the worker publishes after a change', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    const service = createService({
      db,
      publish: async (settings) => {
        await publishSnapshot(settings);
      },
      timeZone: () => ZONE,
      now: () => NOW,
    });
    await service.updateSettings({ sites: { gmail: 'off' } });
    const snapshot = (await stored()) as Snapshot;
    expect(snapshot.settings).toEqual(await service.current());
    expect(snapshot.settings.sites.gmail).toBe('off');
  });
});

describe('isOwnSender', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts our own extension id only', () => {
    expect(isOwnSender({ id: browser.runtime.id })).toBe(true);
    expect(isOwnSender({ id: 'some-other-extension' })).toBe(false);
    expect(isOwnSender({ id: '' })).toBe(false);
    expect(isOwnSender({})).toBe(false);
    expect(isOwnSender(undefined)).toBe(false);
  });

  it('fails closed when the runtime has no id', () => {
    // fakeBrowser.reset() does not bring the id back, so put it back for whichever test runs next.
    const ownId = fakeBrowser.runtime.id;
    Object.assign(fakeBrowser.runtime, { id: undefined });
    try {
      expect(isOwnSender({})).toBe(false);
      expect(isOwnSender(undefined)).toBe(false);
    } finally {
      Object.assign(fakeBrowser.runtime, { id: ownId });
    }
  });
});
