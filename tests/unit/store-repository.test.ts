import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDb } from '@/utils/store/db';
import {
  defaultMe,
  defaultSettings,
  DEFAULT_CONTACT_DEFAULTS,
  DEFAULT_PREFERENCES,
  DEFAULT_QUIET,
  DEFAULT_SITES,
  DEFAULT_TEMPLATES,
  officeWeek,
  runtimeTimeZone,
} from '@/utils/store/defaults';
import {
  addEvent,
  countEventsSince,
  ensureInitialized,
  isInitialized,
  patchSettings,
  readCoreSettings,
  readSettings,
  replaceSettings,
} from '@/utils/store/repository';
import { settingsFileSchema, type AppEvent, type Settings } from '@/utils/store/schema';
import { nextRevision, readSnapshot } from '@/utils/store/snapshot';
import { databasesClosedAfterEach } from './setup/databases';

const T0 = Date.UTC(2026, 2, 2, 9, 0); // a fixed instant; no test reads the real clock
const ZONE = 'America/Denver';

const dbs = databasesClosedAfterEach();

async function freshDb(): Promise<AppDb> {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  await db.open();
  return db;
}

function sample(): Settings {
  return {
    me: {
      timeZone: 'Europe/Berlin',
      weekly: { ...officeWeek([['08:00', '12:00'], ['13:00', '16:30']]), sat: [['22:00', '02:00']] },
      daysOff: ['2026-12-24', '2026-12-31'],
    },
    contactDefaults: { weekly: officeWeek([['10:00', '18:00']]) },
    contacts: [
      { name: 'Priya Raman', emails: ['priya@example.com'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata', daysOff: [] },
      { name: 'Kenji Sato', emails: ['kenji@example.jp'], timeZone: 'Asia/Tokyo', source: 'slack-profile' },
      { name: 'Sam Okafor', emails: [] },
    ],
    sites: { gmail: 'nudge', slack: 'off', docs: 'confirm' },
    quiet: { gmail: 'calm', slack: 'shield', docs: 'off' },
    templates: [{ id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' }],
    preferences: { graceMinutes: 10, largeListThreshold: 50, sendNowReason: 'require', sendNowDailyLimit: 3, onCallUntil: T0 + 3_600_000, quietExceptions: ['Priya Raman', '#incidents'] },
  };
}

async function dump(db: AppDb) {
  return { settings: await db.settings.toArray(), contacts: await db.contacts.toArray(), events: await db.events.toArray() };
}

describe('defaults', () => {
  it('are themselves valid settings', () => {
    const file = { format: 'async-etiquette/settings', version: 1, ...defaultSettings('Asia/Kolkata') };
    expect(settingsFileSchema.safeParse(file).success).toBe(true);
  });

  it('use the zone they are given', () => {
    expect(defaultSettings('Asia/Kolkata').me.timeZone).toBe('Asia/Kolkata');
    expect(defaultMe('UTC')).toEqual({ timeZone: 'UTC', weekly: officeWeek(), daysOff: [] });
  });

  it('are a fresh copy each time, down to the range pairs', () => {
    const a = defaultSettings('UTC');
    a.me.weekly.mon[0]![1] = '23:00';
    a.me.weekly.tue.push(['20:00', '21:00']);
    a.contactDefaults.weekly.wed[0]![0] = '05:00';
    a.templates[0]!.title = 'changed';
    a.sites.gmail = 'off';
    a.preferences.graceMinutes = 0;

    const b = defaultSettings('UTC');
    expect(b.me.weekly.mon).toEqual([['09:00', '17:00']]);
    expect(b.me.weekly.tue).toEqual([['09:00', '17:00']]);
    expect(b.me.weekly.wed).toEqual([['09:00', '17:00']]);
    expect(b.contactDefaults.weekly.wed).toEqual([['09:00', '17:00']]);
    expect(b.templates[0]!.title).toBe('No rush: reply in your working hours');
    expect(b.sites).toEqual(DEFAULT_SITES);
    expect(b.preferences).toEqual(DEFAULT_PREFERENCES);
    expect(DEFAULT_CONTACT_DEFAULTS.weekly.mon).toEqual([['09:00', '17:00']]);
    expect(officeWeek().mon).toEqual([['09:00', '17:00']]);
  });

  it('officeWeek works Monday to Friday only', () => {
    const week = officeWeek([['07:00', '15:00']]);
    expect(week.fri).toEqual([['07:00', '15:00']]);
    expect(week.sat).toEqual([]);
    expect(week.sun).toEqual([]);
  });

  it('fall back to UTC when the runtime reports no zone', () => {
    const real = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...real.call(this), timeZone: '' };
    });
    expect(runtimeTimeZone()).toBe('UTC');
    expect(defaultSettings().me.timeZone).toBe('UTC');
  });

  it('default templates have unique ids', () => {
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });
});

describe('initialisation', () => {
  it('an empty database reads as the defaults in the given zone, without writing or warning', async () => {
    const db = await freshDb();
    const warn = vi.spyOn(console, 'warn');
    expect(await isInitialized(db)).toBe(false);
    expect(await readSettings(db, ZONE)).toEqual(defaultSettings(ZONE));
    expect(await db.settings.count()).toBe(0);
    // A row that was never written is not "invalid".
    expect(warn).not.toHaveBeenCalled();
  });

  it('a database missing one row (e.g. written by an older version) fills only that row in', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await db.settings.delete('preferences');
    const warn = vi.spyOn(console, 'warn');
    const settings = await readSettings(db, ZONE);
    expect(settings.preferences).toEqual(DEFAULT_PREFERENCES);
    expect(settings.sites).toEqual(sample().sites);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a database from before quiet tabs (no quiet row) reads quiet as all off, with no new database version', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await db.settings.delete('quiet');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const settings = await readSettings(db, ZONE);
    expect(settings.quiet).toEqual({ gmail: 'off', slack: 'off', docs: 'off' });
    expect(settings.quiet).toEqual(DEFAULT_QUIET);
    expect((await readCoreSettings(db, ZONE)).quiet).toEqual(DEFAULT_QUIET);
    expect(settings.sites).toEqual(sample().sites);
    expect(warn).not.toHaveBeenCalled();
    // A bad row falls back to the default too, with a warning.
    await db.settings.put({ key: 'quiet', value: { gmail: 'loud', slack: 'off', docs: 'off' }, updatedAt: T0 });
    expect((await readSettings(db, ZONE)).quiet).toEqual(DEFAULT_QUIET);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('ensureInitialized writes the defaults once and never overwrites later changes', async () => {
    const db = await freshDb();
    await ensureInitialized(db, ZONE);
    expect(await isInitialized(db)).toBe(true);
    expect((await db.settings.toArray()).map((r) => r.key).sort()).toEqual(['contactDefaults', 'me', 'preferences', 'quiet', 'sites', 'templates', 'userSet']);
    expect(await readSettings(db, 'UTC')).toEqual(defaultSettings(ZONE));

    await patchSettings(db, { sites: { gmail: 'off', slack: 'off', docs: 'off' } }, T0);
    await ensureInitialized(db, 'UTC');
    const after = await readSettings(db, 'UTC');
    expect(after.sites).toEqual({ gmail: 'off', slack: 'off', docs: 'off' });
    expect(after.me.timeZone).toBe(ZONE);
  });

  it('concurrent initialisations leave one consistent set of rows', async () => {
    const db = await freshDb();
    await Promise.all([ensureInitialized(db, ZONE), ensureInitialized(db, 'UTC')]);
    expect(await db.settings.count()).toBe(7); // six sections and the userSet row
    expect((await readSettings(db)).me.timeZone).toBe(ZONE);
  });
});

describe('replaceSettings / readSettings', () => {
  it('reads back exactly what was written', async () => {
    const db = await freshDb();
    const settings = sample();
    await replaceSettings(db, settings, T0);
    expect(await readSettings(db, 'UTC')).toEqual(sample());
    expect((await db.settings.toArray()).every((r) => r.updatedAt === T0)).toBe(true);
  });

  it('does not mutate the settings it is given (no ids added to contacts)', async () => {
    const db = await freshDb();
    const settings = sample();
    await replaceSettings(db, settings, T0);
    expect(settings).toStrictEqual(sample());
  });

  it('replaces the directory instead of appending to it', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await replaceSettings(db, { ...sample(), contacts: [{ name: 'Only One', emails: ['one@example.com'] }] }, T0 + 1);
    expect((await readSettings(db)).contacts).toEqual([{ name: 'Only One', emails: ['one@example.com'] }]);
    expect(await db.contacts.count()).toBe(1);
  });

  it('keeps the directory order and strips the row ids', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    const contacts = (await readSettings(db)).contacts;
    expect(contacts.map((c) => c.name)).toEqual(['Priya Raman', 'Kenji Sato', 'Sam Okafor']);
    expect(contacts.every((c) => !('id' in c))).toBe(true);
    expect((await db.contacts.toArray()).every((r) => typeof r.id === 'number')).toBe(true);
  });

  it('is all or nothing: a failure while writing contacts leaves every row as it was', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    const before = await dump(db);

    const next: Settings = { ...defaultSettings('UTC'), contacts: [{ name: 'New', emails: [] }] };
    vi.spyOn(db.contacts, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(replaceSettings(db, next, T0 + 5)).rejects.toThrow('disk full');
    expect(await dump(db)).toEqual(before);
  });

  it('falls back per row to the default when a stored row no longer parses, and says so', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await db.settings.put({ key: 'sites', value: { gmail: 'loud' }, updatedAt: T0 });
    await db.settings.put({ key: 'me', value: { timeZone: 'Mars/Base', weekly: officeWeek() }, updatedAt: T0 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const settings = await readSettings(db, 'Asia/Tokyo');
    expect(settings.sites).toEqual(DEFAULT_SITES);
    expect(settings.me).toEqual(defaultMe('Asia/Tokyo'));
    // Rows that still parse are kept.
    expect(settings.templates).toEqual(sample().templates);
    expect(settings.preferences).toEqual(sample().preferences);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/"me" is invalid[\s\S]*"sites" is invalid|"sites" is invalid[\s\S]*"me" is invalid/);
  });

  it('skips a stored contact that no longer parses and keeps the others', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await db.contacts.add({ name: 'Broken', emails: ['x@example.com'], timeZone: 'Mars/Base' });
    const names = (await readSettings(db)).contacts.map((c) => c.name);
    expect(names).toEqual(['Priya Raman', 'Kenji Sato', 'Sam Okafor']);
  });
});

describe('patchSettings', () => {
  it('writes only the rows it is given', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await patchSettings(db, { templates: [] }, T0 + 60_000);

    const rows = new Map((await db.settings.toArray()).map((r) => [r.key, r]));
    expect(rows.get('templates')?.updatedAt).toBe(T0 + 60_000);
    expect(rows.get('me')?.updatedAt).toBe(T0);
    expect(rows.get('sites')?.updatedAt).toBe(T0);
    const settings = await readSettings(db);
    expect(settings.templates).toEqual([]);
    expect(settings.contacts).toHaveLength(3);
    expect(settings.me).toEqual(sample().me);
  });

  it('replaces the directory only when contacts are given', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    await patchSettings(db, { contacts: [] }, T0 + 1);
    expect(await db.contacts.count()).toBe(0);
    expect((await readSettings(db)).sites).toEqual(sample().sites);
  });

  it('an empty patch changes nothing', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    const before = await dump(db);
    await patchSettings(db, {}, T0 + 1);
    expect(await dump(db)).toEqual(before);
  });
});

describe('contacts table indexes', () => {
  it('finds contacts by any of their addresses and Slack ids', async () => {
    const db = await freshDb();
    await replaceSettings(db, sample(), T0);
    expect((await db.contacts.where('emails').equals('kenji@example.jp').first())?.name).toBe('Kenji Sato');
    expect((await db.contacts.where('slackIds').equals('U012AB3CD').first())?.name).toBe('Priya Raman');
    expect(await db.contacts.where('emails').equals('nobody@example.com').count()).toBe(0);
  });
});

describe('events', () => {
  const event = (at: number, action: AppEvent['action']): AppEvent => ({ at, site: 'gmail', verdict: 'recipients-outside', action, recipients: 2 });

  it('counts actions from a point in time on, inclusively', async () => {
    const db = await freshDb();
    await addEvent(db, event(T0 - 1, 'held'));
    await addEvent(db, event(T0, 'held'));
    await addEvent(db, event(T0 + 1, 'sent-anyway'));
    await addEvent(db, event(T0 + 2, 'scheduled'));
    await addEvent(db, event(T0 + 3, 'scheduled'));

    expect(await countEventsSince(db, T0)).toEqual({
      held: 1, nudged: 0, scheduled: 2, 'sent-anyway': 1, 'kept-editing': 0, 'failed-open': 0, quieted: 0, peeked: 0,
    });
    expect((await countEventsSince(db, T0 + 100)).held).toBe(0);
    expect((await countEventsSince(db, 0)).held).toBe(2);
  });

  it('stores the event as given', async () => {
    const db = await freshDb();
    await addEvent(db, event(T0, 'nudged'));
    expect(await db.events.toArray()).toEqual([{ id: 1, ...event(T0, 'nudged') }]);
  });
});

describe('snapshot helpers', () => {
  it('readSnapshot accepts what the worker writes', () => {
    const snapshot = { revision: T0, settings: defaultSettings('UTC') };
    expect(readSnapshot(snapshot)).toBe(snapshot);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'snapshot'],
    ['no revision', { settings: defaultSettings('UTC') }],
    ['revision 0', { revision: 0, settings: defaultSettings('UTC') }],
    ['a fractional revision', { revision: 1.5, settings: defaultSettings('UTC') }],
    ['no settings', { revision: 1 }],
    ['settings without contacts', { revision: 1, settings: { ...defaultSettings('UTC'), contacts: undefined } }],
    ['sites without docs', { revision: 1, settings: { ...defaultSettings('UTC'), sites: { gmail: 'off', slack: 'off' } } }],
    ['me without a zone', { revision: 1, settings: { ...defaultSettings('UTC'), me: { weekly: officeWeek() } } }],
    ['one from before quiet tabs (no quiet)', { revision: 1, settings: { ...defaultSettings('UTC'), quiet: undefined } }],
    ['quiet without slack', { revision: 1, settings: { ...defaultSettings('UTC'), quiet: { gmail: 'off', docs: 'off' } } }],
  ])('readSnapshot refuses %s', (_label, value) => {
    expect(readSnapshot(value)).toBeNull();
  });

  it('nextRevision follows the clock but always increases', () => {
    expect(nextRevision(undefined, T0)).toBe(T0);
    expect(nextRevision(T0 - 10, T0)).toBe(T0);
    expect(nextRevision(T0, T0)).toBe(T0 + 1);
    // A clock that went backwards does not make the revision go backwards.
    expect(nextRevision(T0 + 5_000, T0)).toBe(T0 + 5_001);
  });
});
