/**
 * Reads and writes the user's settings in the Dexie database. Every read is validated: a row that
 * no longer parses (a bug, a manual edit) falls back to its default instead of breaking the extension.
 */
import type { z } from 'zod';
import type { AppDb, SettingKey } from './db';
import { defaultSettings } from './defaults';
import { emptyCounts } from './history';
import {
  contactDefaultsSchema,
  contactSchema,
  meSchema,
  preferencesSchema,
  quietSchema,
  sitesSchema,
  templateSchema,
  type AppEvent,
  type Contact,
  type Settings,
} from './schema';

const ROW_SCHEMAS = {
  me: meSchema,
  contactDefaults: contactDefaultsSchema,
  sites: sitesSchema,
  quiet: quietSchema,
  templates: templateSchema.array(),
  preferences: preferencesSchema,
} satisfies Record<SettingKey, z.ZodType>;

type RowValues = { [K in SettingKey]: z.output<(typeof ROW_SCHEMAS)[K]> };
const SETTING_KEYS = Object.keys(ROW_SCHEMAS) as SettingKey[];

function parseRow<K extends SettingKey>(key: K, value: unknown, fallback: RowValues[K]): RowValues[K] {
  // A row that was never written (fresh or older database) is not an error worth a warning.
  if (value === undefined) return fallback;
  const parsed = ROW_SCHEMAS[key].safeParse(value);
  if (parsed.success) return parsed.data as RowValues[K];
  console.warn(`Async Etiquette: stored "${key}" is invalid; using the default.`, parsed.error.issues[0]);
  return fallback;
}

function parseContacts(rows: unknown[]): Contact[] {
  const out: Contact[] = [];
  for (const row of rows) {
    // The row's Dexie key is not part of a contact; the rest is parsed.
    const { id: _id, ...rest } = row as { id?: unknown };
    const parsed = contactSchema.safeParse(rest);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export async function isInitialized(db: AppDb): Promise<boolean> {
  return (await db.settings.get('me')) !== undefined;
}

export async function readSettings(db: AppDb, timeZone?: string): Promise<Settings> {
  const [rows, contactRows] = await db.transaction('r', db.settings, db.contacts, () =>
    Promise.all([db.settings.bulkGet(SETTING_KEYS), db.contacts.toArray()]),
  );
  const defaults = defaultSettings(timeZone);
  const value = (key: SettingKey) => rows[SETTING_KEYS.indexOf(key)]?.value;
  return {
    me: parseRow('me', value('me'), defaults.me),
    contactDefaults: parseRow('contactDefaults', value('contactDefaults'), defaults.contactDefaults),
    contacts: parseContacts(contactRows),
    sites: parseRow('sites', value('sites'), defaults.sites),
    quiet: parseRow('quiet', value('quiet'), defaults.quiet),
    templates: parseRow('templates', value('templates'), defaults.templates),
    preferences: parseRow('preferences', value('preferences'), defaults.preferences),
  };
}

/** Replaces everything in one transaction: an import applies whole or not at all. */
export async function replaceSettings(db: AppDb, settings: Settings, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.settings, db.contacts, async () => {
    await db.settings.bulkPut(SETTING_KEYS.map((key) => ({ key, value: settings[key], updatedAt: now })));
    await db.contacts.clear();
    await db.contacts.bulkAdd(settings.contacts);
  });
}

export type SettingsPatch = Partial<Pick<Settings, SettingKey>> & { contacts?: Contact[] };

export async function patchSettings(db: AppDb, patch: SettingsPatch, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.settings, db.contacts, async () => {
    const rows = SETTING_KEYS.filter((key) => patch[key] !== undefined).map((key) => ({
      key,
      value: patch[key],
      updatedAt: now,
    }));
    if (rows.length) await db.settings.bulkPut(rows);
    if (patch.contacts) {
      await db.contacts.clear();
      await db.contacts.bulkAdd(patch.contacts);
    }
  });
}

export async function ensureInitialized(db: AppDb, timeZone?: string): Promise<void> {
  await db.transaction('rw', db.settings, db.contacts, async () => {
    if (await isInitialized(db)) return;
    const defaults = defaultSettings(timeZone);
    await db.settings.bulkPut(SETTING_KEYS.map((key) => ({ key, value: defaults[key], updatedAt: Date.now() })));
    await db.settings.put({ key: 'userSet', value: [], updatedAt: Date.now() });
  });
}

/** The field ids the user set themselves, or null for a database written before they were tracked. */
export async function readUserSet(db: AppDb): Promise<string[] | null> {
  const row = await db.settings.get('userSet');
  if (!row || !Array.isArray(row.value)) return null;
  return row.value.filter((v): v is string => typeof v === 'string');
}

export async function writeUserSet(db: AppDb, ids: Iterable<string>, now = Date.now()): Promise<void> {
  await db.settings.put({ key: 'userSet', value: [...new Set(ids)].sort(), updatedAt: now });
}

export async function addEvent(db: AppDb, event: AppEvent): Promise<void> {
  await db.events.add(event);
}

export async function countEventsSince(db: AppDb, since: number): Promise<Record<AppEvent['action'], number>> {
  const counts = emptyCounts();
  await db.events.where('at').aboveOrEqual(since).each((e) => {
    counts[e.action] += 1;
  });
  return counts;
}

export interface ContactZone {
  key: string;
  name: string;
  timeZone: string;
  /** A holiday region picked with the zone (typed only). */
  holidays?: string;
  source: 'typed' | 'slack-profile';
}

/**
 * Sets a person's zone. A learned zone (Slack profile) never replaces one the user typed or
 * imported; a typed zone always wins. Returns whether anything changed.
 */
export async function setContactZone(db: AppDb, zone: ContactZone): Promise<boolean> {
  const isEmail = zone.key.includes('@');
  const key = isEmail ? zone.key.toLowerCase() : zone.key;
  return db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.where(isEmail ? 'emails' : 'slackIds').equals(key).first();
    if (!existing) {
      await db.contacts.add({
        name: zone.name,
        emails: isEmail ? [key] : [],
        ...(isEmail ? {} : { slackIds: [key] }),
        timeZone: zone.timeZone,
        ...(zone.holidays ? { holidays: zone.holidays } : {}),
        source: zone.source,
      });
      return true;
    }
    const typedAlready = existing.timeZone && (existing.source ?? 'typed') !== 'slack-profile';
    if (zone.source === 'slack-profile' && typedAlready) return false;
    const holidays = zone.holidays ?? existing.holidays;
    if (existing.timeZone === zone.timeZone && existing.source === zone.source && existing.holidays === holidays) return false;
    await db.contacts.update(existing.id!, { timeZone: zone.timeZone, source: zone.source, ...(holidays ? { holidays } : {}) });
    return true;
  });
}

/** The settings without the contacts directory: what the popup needs, cheap even with 10,000 contacts. */
export async function readCoreSettings(db: AppDb, timeZone?: string): Promise<Omit<Settings, 'contacts'>> {
  const rows = await db.settings.bulkGet(SETTING_KEYS);
  const defaults = defaultSettings(timeZone);
  const value = (key: SettingKey) => rows[SETTING_KEYS.indexOf(key)]?.value;
  return {
    me: parseRow('me', value('me'), defaults.me),
    contactDefaults: parseRow('contactDefaults', value('contactDefaults'), defaults.contactDefaults),
    sites: parseRow('sites', value('sites'), defaults.sites),
    quiet: parseRow('quiet', value('quiet'), defaults.quiet),
    templates: parseRow('templates', value('templates'), defaults.templates),
    preferences: parseRow('preferences', value('preferences'), defaults.preferences),
  };
}

/** Every valid contact with its row id (the directory edits and deletes by id). */
export async function readContactRows(db: AppDb): Promise<Array<Contact & { id: number }>> {
  const rows = await db.contacts.toArray();
  const out: Array<Contact & { id: number }> = [];
  for (const row of rows) {
    const { id, ...rest } = row;
    const parsed = contactSchema.safeParse(rest);
    if (parsed.success && id !== undefined) out.push({ ...parsed.data, id });
  }
  return out;
}

/** Adds a contact (no id) or replaces the one with `id`; returns its id, or null when `id` is gone. */
export async function putContact(db: AppDb, contact: Contact, id?: number): Promise<number | null> {
  return db.transaction('rw', db.contacts, async () => {
    if (id === undefined) return db.contacts.add(contact);
    if (!(await db.contacts.get(id))) return null;
    await db.contacts.put({ ...contact, id });
    return id;
  });
}

export async function deleteContacts(db: AppDb, ids: number[]): Promise<void> {
  await db.contacts.bulkDelete(ids);
}

/**
 * CSV import: a contact that shares an email address or Slack id with an existing one replaces it
 * (keeping its row); the others are added. One transaction: all or nothing; null (nothing written)
 * when the directory would exceed `limit`.
 */
export async function mergeContacts(db: AppDb, contacts: Contact[], limit = Infinity): Promise<{ added: number; updated: number } | null> {
  return db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.toArray();
    const byKey = new Map<string, number>();
    for (const row of existing) {
      for (const key of [...row.emails, ...(row.slackIds ?? [])]) if (row.id !== undefined) byKey.set(key.toLowerCase(), row.id);
    }
    let added = 0;
    let updated = 0;
    const puts: Array<Contact & { id: number }> = [];
    const adds: Contact[] = [];
    for (const contact of contacts) {
      const id = [...contact.emails, ...(contact.slackIds ?? [])].map((k) => byKey.get(k.toLowerCase())).find((v) => v !== undefined);
      if (id === undefined) {
        adds.push(contact);
        added++;
      } else {
        puts.push({ ...contact, id });
        updated++;
      }
    }
    if (existing.length + adds.length > limit) return null;
    if (puts.length) await db.contacts.bulkPut(puts);
    if (adds.length) await db.contacts.bulkAdd(adds);
    return { added, updated };
  });
}

export async function eventsSince(db: AppDb, since: number): Promise<AppEvent[]> {
  return db.events.where('at').aboveOrEqual(since).toArray();
}

export async function pageEvents(db: AppDb, offset: number, limit: number): Promise<{ total: number; items: AppEvent[] }> {
  const [total, rows] = await db.transaction('r', db.events, () =>
    Promise.all([db.events.count(), db.events.orderBy('at').reverse().offset(offset).limit(limit).toArray()]),
  );
  return { total, items: rows.map(({ id: _id, ...event }) => event) };
}

export async function clearEvents(db: AppDb): Promise<void> {
  await db.events.clear();
}
