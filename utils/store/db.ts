/**
 * The extension's IndexedDB, owned by the background worker alone (content scripts run in the
 * page's origin and cannot open it; popup and options go through messages so there is one writer).
 * Versions are numbered; each upgrade lives in ./migrations and is tested with before/after examples.
 */
import Dexie, { type Table } from 'dexie';
import type { AppEvent, Contact, HeldComment } from './schema';
import { migrateV1toV2 } from './migrations/v001-to-v002';
import { migrateV3toV4 } from './migrations/v003-to-v004';

export const DB_NAME = 'async-etiquette';

/**
 * Singleton parts of the settings, one row each, validated on every read. A row that was never written
 * (a section added later, such as 'quiet', in a database from before it) reads as its default: adding a
 * section needs no new database version.
 */
export type SettingKey = 'me' | 'contactDefaults' | 'sites' | 'quiet' | 'templates' | 'preferences';
/** 'userSet': the field ids the user set themselves (organisation policy's recommended tier yields to them). */
export type SettingRowKey = SettingKey | 'userSet';
export interface SettingRow {
  key: SettingRowKey;
  value: unknown;
  updatedAt: number;
}

export interface ContactRow extends Contact {
  id?: number;
}

export interface EventRow extends AppEvent {
  id?: number;
}

/** Schema history; never edit a published version, add one. */
export const SCHEMA_VERSIONS = {
  1: { settings: 'key', events: '++id, at' },
  /** v2: the directory leaves the settings row for an indexed table (10,000 contacts, lookups by address). */
  2: { settings: 'key', events: '++id, at', contacts: '++id, name, *emails, *slackIds' },
  /**
   * v3: Docs comments kept for later (issue 5), keyed by a random id, found by due time (the one
   * alarm) and by document (the doc's own tab). Nothing existing changes, so no upgrade function.
   */
  3: { settings: 'key', events: '++id, at', contacts: '++id, name, *emails, *slackIds', heldComments: 'id, dueAt, docId' },
  /**
   * v4: the preferences row's `askReasonOnSendNow` (boolean) becomes `sendNowReason` ('off' | 'ask' |
   * 'require') beside `sendNowDailyLimit` (issue 21). Tables and indexes are unchanged.
   */
  4: { settings: 'key', events: '++id, at', contacts: '++id, name, *emails, *slackIds', heldComments: 'id, dueAt, docId' },
} as const;

export const CURRENT_DB_VERSION = 4;

export class AppDb extends Dexie {
  settings!: Table<SettingRow, SettingRowKey>;
  contacts!: Table<ContactRow, number>;
  events!: Table<EventRow, number>;
  heldComments!: Table<HeldComment, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    this.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(migrateV1toV2);
    this.version(3).stores(SCHEMA_VERSIONS[3]);
    this.version(4).stores(SCHEMA_VERSIONS[4]).upgrade(migrateV3toV4);
  }
}
