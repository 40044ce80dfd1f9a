/**
 * Upgrade: a database written by each earlier schema version opens in the current one with nothing
 * lost. Every stored example `tests/fixtures/db/v<N>.json` is written with exactly the schema of
 * version N, opened with today's AppDb, and compared by content, so a new version (v3, v4…) is
 * covered as soon as its example file exists. (store-migrations.test.ts has the v1 → v2 details.)
 *
 * An example is `{ "description": "...", "<table>": [rows…], … }`: every array is a table's rows,
 * primary keys included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, CURRENT_DB_VERSION, SCHEMA_VERSIONS } from '@/utils/store/db';
import { readSettings } from '@/utils/store/repository';
import { toSettingsFile } from '@/utils/store/settings-file';
import { settingsFileSchema } from '@/utils/store/schema';

type Row = Record<string, unknown>;
type Dump = Record<string, Row[]>;

const DIR = new URL('../fixtures/db/', import.meta.url);
const versions = SCHEMA_VERSIONS as Record<number, Record<string, string>>;

/** The stored examples, oldest first. */
const examples: Array<{ version: number; file: string; tables: Dump }> = readdirSync(DIR)
  .map((file) => ({ file, match: /^v(\d+)\.json$/.exec(file) }))
  .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
  .map(({ file, match }) => {
    const raw = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Record<string, unknown>;
    const tables: Dump = {};
    for (const [key, value] of Object.entries(raw)) if (Array.isArray(value)) tables[key] = value as Row[];
    return { version: Number(match[1]), file, tables };
  })
  .sort((a, b) => a.version - b.version);

const opened: Dexie[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** A database that knows only schema `version`, holding exactly the example's rows. */
async function writeAt(version: number, tables: Dump): Promise<string> {
  const name = `upgrade-${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(version).stores(versions[version]!);
  await old.open();
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  expect(old.verno).toBe(version);
  old.close();
  return name;
}

async function openCurrent(name: string): Promise<AppDb> {
  const db = new AppDb(name);
  opened.push(db);
  await db.open();
  return db;
}

async function dump(db: Dexie): Promise<Dump> {
  const out: Dump = {};
  for (const table of db.tables) out[table.name] = (await table.toArray()) as Row[];
  return out;
}

function withoutKey(row: Row, key: string): Row {
  const { [key]: _dropped, ...rest } = row;
  return rest;
}

/**
 * v1-v3 said `askReasonOnSendNow: true | false`; v4 says the same as `sendNowReason: 'ask' | 'off'`,
 * with no daily limit (null).
 */
function logicalPreferences(row: Row): Row {
  if (row.key !== 'preferences' || row.value === null || typeof row.value !== 'object') return row;
  const { askReasonOnSendNow, ...rest } = row.value as Row;
  if (askReasonOnSendNow === undefined) return row;
  return { ...row, value: { ...rest, sendNowReason: askReasonOnSendNow === true ? 'ask' : 'off', sendNowDailyLimit: null } };
}

/**
 * What the user has, independent of where a version keeps it. The moves so far: v1 kept the
 * contacts directory as one array in the settings row "contacts"; v2+ keeps a row per contact.
 * Contact ids are storage detail; order is not (it is the directory's order). v4 renamed a
 * preference (logicalPreferences).
 */
function logical(tables: Dump): Dump {
  const out: Dump = {};
  const settings = tables.settings ?? [];
  const legacy = settings.find((row) => row.key === 'contacts')?.value;
  out.settings = settings.filter((row) => row.key !== 'contacts').map(logicalPreferences);
  out.contacts = [
    ...(Array.isArray(legacy) ? (legacy as unknown[]).filter((c): c is Row => c !== null && typeof c === 'object') : []),
    ...(tables.contacts ?? []).map((row) => withoutKey(row, 'id')),
  ];
  for (const [table, rows] of Object.entries(tables)) if (!(table in out)) out[table] = rows;
  return out;
}

/** Tables that exist now but not in the example's version start empty. */
function expectedAfterUpgrade(tables: Dump): Dump {
  const expected = logical(tables);
  for (const table of Object.keys(versions[CURRENT_DB_VERSION]!)) expected[table] ??= [];
  return expected;
}

const byKey = (rows: Row[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

describe('stored examples', () => {
  it('there is an example for every earlier schema version (add v<N>.json before publishing v<N+1>)', () => {
    const have = new Set(examples.map((e) => e.version));
    const earlier = Object.keys(versions).map(Number).filter((v) => v < CURRENT_DB_VERSION);
    expect(earlier.filter((v) => !have.has(v))).toEqual([]);
    expect(examples.length).toBeGreaterThan(0);
  });

  it('each example only uses tables its own version has', () => {
    for (const { version, file, tables } of examples) {
      expect(versions[version], `${file}: no schema version ${version}`).toBeDefined();
      for (const table of Object.keys(tables)) expect(Object.keys(versions[version]!), `${file}: table ${table}`).toContain(table);
    }
  });
});

describe.each(examples.map((e) => [e.version, e] as const))('a v%i database', (version, example) => {
  it(`opens at the current version (v${CURRENT_DB_VERSION}) with every row kept`, async () => {
    const db = await openCurrent(await writeAt(version, example.tables));
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(versions[CURRENT_DB_VERSION]!).sort());
    const after = logical(await dump(db));
    const expected = expectedAfterUpgrade(example.tables);
    expect(byKey(after.settings!)).toEqual(byKey(expected.settings!));
    expect(after.contacts).toEqual(expected.contacts);
    for (const table of Object.keys(expected).filter((t) => t !== 'settings' && t !== 'contacts')) {
      expect(after[table], `table ${table}`).toEqual(expected[table]);
    }
  });

  it('keeps row ids where the table already existed (references stay valid)', async () => {
    const db = await openCurrent(await writeAt(version, example.tables));
    const now = await dump(db);
    for (const [table, rows] of Object.entries(example.tables)) {
      if (table === 'settings') continue;
      expect(now[table], `table ${table}`).toEqual(rows);
    }
  });

  it('reads back through the repository and exports a valid settings file', async () => {
    const db = await openCurrent(await writeAt(version, example.tables));
    const settings = await readSettings(db, 'UTC');
    expect(settings.contacts).toEqual(logical(example.tables).contacts);
    for (const row of logical(example.tables).settings!) {
      // Nothing lost: every stored field reads back (a newer schema may add defaulted fields).
      expect(settings[row.key as keyof typeof settings], `settings row ${String(row.key)}`).toMatchObject(row.value as object);
    }
    expect(settingsFileSchema.safeParse(toSettingsFile(settings)).success).toBe(true);
  });

  it('opening the upgraded database again changes nothing', async () => {
    const name = await writeAt(version, example.tables);
    const first = await openCurrent(name);
    const once = await dump(first);
    first.close();
    const again = await openCurrent(name);
    expect(await dump(again)).toEqual(once);
  });
});

describe('consecutive examples', () => {
  const pairs = examples.slice(1).map((next, i) => [examples[i]!, next] as const);
  it.each(pairs.map(([a, b]) => [a.version, b.version, a, b] as const))(
    'v%i and v%i hold the same data, or the newer one only adds to it',
    (_from, _to, older, newer) => {
      const a = logical(older.tables);
      const b = logical(newer.tables);
      for (const table of Object.keys(a)) {
        for (const row of a[table]!) expect(b[table] ?? [], `${newer.file} lost a ${table} row of ${older.file}`).toContainEqual(row);
      }
    },
  );
});
