import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, CURRENT_DB_VERSION, SCHEMA_VERSIONS } from '@/utils/store/db';
import { readSettings } from '@/utils/store/repository';

interface DbFixture {
  settings: Array<{ key: string; value: unknown; updatedAt: number }>;
  contacts?: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
}

function fixture(name: 'v1.json' | 'v2.json' | 'v3.json' | 'v4.json'): DbFixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/db/${name}`, import.meta.url), 'utf8')) as DbFixture;
}

const opened: Dexie[] = [];

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** Writes rows into a database that only knows schema version 1, then closes it. */
async function createV1(name: string, rows: Pick<DbFixture, 'settings' | 'events'>): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.open();
  await v1.table('settings').bulkAdd(rows.settings);
  await v1.table('events').bulkAdd(rows.events);
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name).sort()).toEqual(['events', 'settings']);
  v1.close();
}

async function openCurrent(name: string): Promise<AppDb> {
  const db = new AppDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const uniqueName = () => `test-${crypto.randomUUID()}`;

describe('v1 → v2', () => {
  it('turns the v1 example into the v2 example', async () => {
    const name = uniqueName();
    const v1 = fixture('v1.json');
    const v2 = fixture('v2.json');
    await createV1(name, v1);

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    // The later upgrades run on top: v4 renames a preference (below); the rest is the v2 example.
    expect(await db.settings.toArray()).toEqual(fixture('v4.json').settings);
    expect(await db.contacts.toArray()).toEqual(v2.contacts);
    expect(await db.events.toArray()).toEqual(v2.events);
  });

  it('keeps every contact as it was, in order, and readable through the repository', async () => {
    const name = uniqueName();
    const v1 = fixture('v1.json');
    await createV1(name, v1);
    const db = await openCurrent(name);

    const before = v1.settings.find((r) => r.key === 'contacts')?.value;
    const settings = await readSettings(db, 'UTC');
    expect(settings.contacts).toEqual(before);
    expect(settings.me.timeZone).toBe('Europe/Berlin');
    expect(settings.sites).toEqual({ gmail: 'confirm', slack: 'off', docs: 'nudge' });
  });

  it('indexes the moved contacts by address, Slack id and name', async () => {
    const name = uniqueName();
    await createV1(name, fixture('v1.json'));
    const db = await openCurrent(name);

    expect((await db.contacts.where('emails').equals('k.sato@example.org').toArray()).map((c) => c.name)).toEqual(['Kenji Sato']);
    expect((await db.contacts.where('slackIds').equals('U012AB3CD').toArray()).map((c) => c.name)).toEqual(['Priya Raman']);
    expect(await db.contacts.where('name').equals('Sam Okafor').count()).toBe(1);
  });

  it('removes the old "contacts" row even when the directory was empty', async () => {
    const name = uniqueName();
    const v1 = fixture('v1.json');
    await createV1(name, {
      settings: v1.settings.map((r) => (r.key === 'contacts' ? { ...r, value: [] } : r)),
      events: [],
    });
    const db = await openCurrent(name);
    expect(await db.settings.get('contacts' as never)).toBeUndefined();
    expect(await db.contacts.count()).toBe(0);
    expect(await db.settings.count()).toBe(v1.settings.length - 1);
  });

  it('copes with a v1 database without a contacts row', async () => {
    const name = uniqueName();
    const v1 = fixture('v1.json');
    const settings = v1.settings.filter((r) => r.key !== 'contacts');
    await createV1(name, { settings, events: v1.events });
    const db = await openCurrent(name);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.settings.toArray()).toEqual(fixture('v4.json').settings);
  });

  it('skips entries that are not objects and a value that is not a list', async () => {
    const name = uniqueName();
    await createV1(name, {
      settings: [{ key: 'contacts', value: [null, 'Priya', 7, { name: 'Ana', emails: ['ana@example.com'] }], updatedAt: 1 }],
      events: [],
    });
    const db = await openCurrent(name);
    expect(await db.contacts.toArray()).toEqual([{ id: 1, name: 'Ana', emails: ['ana@example.com'] }]);

    const other = uniqueName();
    await createV1(other, { settings: [{ key: 'contacts', value: { name: 'Ana' }, updatedAt: 1 }], events: [] });
    const db2 = await openCurrent(other);
    expect(await db2.contacts.count()).toBe(0);
    expect(await db2.settings.count()).toBe(0);
  });

  it('a fresh database opens directly at the current version with all tables', async () => {
    const db = await openCurrent(uniqueName());
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['contacts', 'events', 'heldComments', 'settings']);
    expect(await db.settings.count()).toBe(0);
  });

  it('opening the upgraded database again changes nothing', async () => {
    const name = uniqueName();
    await createV1(name, fixture('v1.json'));
    const first = await openCurrent(name);
    first.close();
    const again = await openCurrent(name);
    expect(await again.contacts.toArray()).toEqual(fixture('v2.json').contacts);
    expect(await again.settings.toArray()).toEqual(fixture('v4.json').settings);
  });
});

describe('schema history', () => {
  it('keeps version 1 as published and only adds the contacts table in version 2', () => {
    expect(SCHEMA_VERSIONS[1]).toEqual({ settings: 'key', events: '++id, at' });
    expect(SCHEMA_VERSIONS[2]).toEqual({ ...SCHEMA_VERSIONS[1], contacts: '++id, name, *emails, *slackIds' });
    expect(SCHEMA_VERSIONS[3]).toEqual({ ...SCHEMA_VERSIONS[2], heldComments: 'id, dueAt, docId' });
    expect(SCHEMA_VERSIONS[4]).toEqual(SCHEMA_VERSIONS[3]);
    expect(CURRENT_DB_VERSION).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
  });
});

/** Writes settings rows into a database that knows schema versions 1 to 3 only, then closes it. */
async function createV3(name: string, settings: DbFixture['settings']): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(1).stores(SCHEMA_VERSIONS[1]);
  v3.version(2).stores(SCHEMA_VERSIONS[2]);
  v3.version(3).stores(SCHEMA_VERSIONS[3]);
  await v3.open();
  await v3.table('settings').bulkAdd(settings);
  expect(v3.verno).toBe(3);
  v3.close();
}

describe('v3 → v4: Send now with a reason (issue 21)', () => {
  const prefs = (value: object) => [{ key: 'preferences', value, updatedAt: 5 }];

  it('turns the v3 example into the v4 example: askReasonOnSendNow true is sendNowReason "ask", no daily limit', async () => {
    const name = uniqueName();
    await createV3(name, fixture('v3.json').settings);
    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    expect(await db.settings.toArray()).toEqual(fixture('v4.json').settings);
    expect((await readSettings(db, 'UTC')).preferences).toEqual({ graceMinutes: 15, largeListThreshold: 10, sendNowReason: 'ask', sendNowDailyLimit: null });
  });

  it('false becomes "off", other fields and the update time stay, and the row reads back valid', async () => {
    const name = uniqueName();
    await createV3(name, prefs({ graceMinutes: 5, largeListThreshold: 20, askReasonOnSendNow: false, quietExceptions: ['#incidents'], pause: { since: 1, until: null } }));
    const db = await openCurrent(name);
    expect(await db.settings.get('preferences')).toEqual({
      key: 'preferences',
      value: { graceMinutes: 5, largeListThreshold: 20, sendNowReason: 'off', sendNowDailyLimit: null, quietExceptions: ['#incidents'], pause: { since: 1, until: null } },
      updatedAt: 5,
    });
    expect((await readSettings(db, 'UTC')).preferences.quietExceptions).toEqual(['#incidents']);
  });

  it('moves the user-set mark of the old field to the new one and keeps the others', async () => {
    const name = uniqueName();
    await createV3(name, [
      ...prefs({ graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: true }),
      { key: 'userSet', value: ['preferences.askReasonOnSendNow', 'sites.gmail'], updatedAt: 7 },
    ]);
    const db = await openCurrent(name);
    expect(await db.settings.get('userSet')).toEqual({ key: 'userSet', value: ['preferences.sendNowReason', 'sites.gmail'], updatedAt: 7 });
  });

  it('a database without a preferences row (never changed) stays without one and reads the defaults', async () => {
    const name = uniqueName();
    await createV3(name, [{ key: 'sites', value: { gmail: 'confirm', slack: 'nudge', docs: 'confirm' }, updatedAt: 1 }]);
    const db = await openCurrent(name);
    expect(await db.settings.get('preferences')).toBeUndefined();
    expect((await readSettings(db, 'UTC')).preferences).toMatchObject({ sendNowReason: 'off', sendNowDailyLimit: null });
  });
});
