import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, CURRENT_DB_VERSION, SCHEMA_VERSIONS } from '@/utils/store/db';
import { readSettings } from '@/utils/store/repository';
import { heldCommentSchema, type HeldComment } from '@/utils/store/schema';

interface DbFixture {
  settings: Array<{ key: string; value: unknown; updatedAt: number }>;
  contacts: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  heldComments?: HeldComment[];
}

function fixture(name: 'v2.json' | 'v3.json' | 'v4.json'): DbFixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/db/${name}`, import.meta.url), 'utf8')) as DbFixture;
}

const opened: Dexie[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** Writes the v2 example into a database that only knows schema versions 1 and 2, then closes it. */
async function createV2(name: string, rows: DbFixture): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_VERSIONS[1]);
  v2.version(2).stores(SCHEMA_VERSIONS[2]);
  await v2.open();
  await v2.table('settings').bulkAdd(rows.settings);
  await v2.table('contacts').bulkAdd(rows.contacts);
  await v2.table('events').bulkAdd(rows.events);
  expect(v2.verno).toBe(2);
  v2.close();
}

async function openCurrent(name: string): Promise<AppDb> {
  const db = new AppDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const HELD: HeldComment = {
  id: '6f1c2a7e-0000-4000-8000-000000000001',
  docId: '1AbC_dEf-123',
  url: 'https://docs.google.com/document/d/1AbC_dEf-123/edit',
  title: 'Q3 planning notes',
  kind: 'comment',
  parts: [{ text: 'Please check, ' }, { mention: 'priya@example.com', prefix: '@', name: 'Priya Raman' }],
  dueAt: 1767600000000,
  createdAt: 1767590000000,
};

describe('v2 → v3', () => {
  it('turns the v2 example into the v3 example: nothing existing changes, heldComments is new and empty', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createV2(name, fixture('v2.json'));
    const db = await openCurrent(name);
    const v3 = fixture('v3.json');
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    expect(CURRENT_DB_VERSION).toBe(4);
    // v3 → v4 runs on top (the preferences row's reason field; store-migrations.test.ts).
    expect(await db.settings.toArray()).toEqual(fixture('v4.json').settings);
    expect(await db.contacts.toArray()).toEqual(v3.contacts);
    expect(await db.events.toArray()).toEqual(v3.events);
    expect(await db.heldComments.toArray()).toEqual(v3.heldComments);
    // The directory is still indexed as before, and the settings read back whole.
    expect((await db.contacts.where('emails').equals('k.sato@example.org').toArray()).map((c) => c.name)).toEqual(['Kenji Sato']);
    expect((await readSettings(db, 'UTC')).me.timeZone).toBe('Europe/Berlin');
  });

  it('the new table stores a held comment by id and finds it by due time and by document', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createV2(name, fixture('v2.json'));
    const db = await openCurrent(name);
    await db.heldComments.add(HELD);
    await db.heldComments.add({ ...HELD, id: '6f1c2a7e-0000-4000-8000-000000000002', docId: 'other', url: 'https://docs.google.com/document/d/other/edit', dueAt: HELD.dueAt - 1 });
    expect((await db.heldComments.orderBy('dueAt').first())?.docId).toBe('other');
    expect(await db.heldComments.where('docId').equals(HELD.docId).toArray()).toEqual([HELD]);
    db.close();
    // Reopened (a worker or browser restart): the row is there, unchanged and still valid.
    const again = await openCurrent(name);
    const row = await again.heldComments.get(HELD.id);
    expect(row).toEqual(HELD);
    expect(heldCommentSchema.parse(row)).toEqual(HELD);
  });

  it('a v1 database goes through both upgrades', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[1]);
    await v1.open();
    await v1.table('settings').add({ key: 'contacts', value: [{ name: 'Ana', emails: ['ana@example.com'] }], updatedAt: 1 });
    v1.close();
    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    expect(await db.contacts.toArray()).toEqual([{ id: 1, name: 'Ana', emails: ['ana@example.com'] }]);
    expect(await db.heldComments.count()).toBe(0);
  });
});
