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

function fixture(name: 'v1.json' | 'v2.json'): DbFixture {
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
    expect(await db.settings.toArray()).toEqual(v2.settings);
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
    expect(await db.settings.toArray()).toEqual(fixture('v2.json').settings);
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
    expect(await again.settings.toArray()).toEqual(fixture('v2.json').settings);
  });
});

describe('schema history', () => {
  it('keeps version 1 as published and only adds the contacts table in version 2', () => {
    expect(SCHEMA_VERSIONS[1]).toEqual({ settings: 'key', events: '++id, at' });
    expect(SCHEMA_VERSIONS[2]).toEqual({ ...SCHEMA_VERSIONS[1], contacts: '++id, name, *emails, *slackIds' });
    expect(SCHEMA_VERSIONS[3]).toEqual({ ...SCHEMA_VERSIONS[2], heldComments: 'id, dueAt, docId' });
    expect(CURRENT_DB_VERSION).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
  });
});
