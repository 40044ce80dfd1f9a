/**
 * The synced state as a per-field model with modification stamps, and its merge.
 *
 * Every synced field, every template and the template order is one entry `{ value, t, d }`: `t` is
 * when it was last changed (epoch ms) and `d` the id of the device that changed it. A deleted
 * template is an entry whose value is `null` (a tombstone): a deletion is a change like any other.
 *
 * Merge, per entry: the larger `t` wins; equal `t` is decided by the larger `d`, then a real value
 * over a stub, then the larger canonical JSON of the value. That is a total order, so merging is
 * commutative, associative and idempotent and every device that has seen the same entries holds the
 * same state, whatever order they arrived in. A device that was offline for a week carries its old
 * stamps and loses to everything newer.
 *
 * Local stamps (`nextStamp`): t = max(now, highest stamp seen + 1). A device whose clock runs a few
 * minutes behind still orders an edit made after it saw another device's change after that change
 * (a Lamport clock riding on wall time). Only edits made without seeing each other are ordered by
 * the clocks. A device whose clock runs ahead can push every later stamp ahead with it; stamps stay
 * correct, only larger.
 *
 * A stub (`stub: true`) is an entry whose stamp is known but whose value is not: a template another
 * device could not fit into the quota, or a value this version cannot read (a zone this browser
 * does not know). Its `value` holds this device's own value as a stand-in, so that nothing is
 * applied locally and nothing older is written back over the real one.
 */
import { z } from 'zod';
import {
  TEMPLATE_ORDER,
  TEMPLATES_LOCK,
  isFieldId,
  isLocked,
  parseFieldValue,
  templateIdSchema,
  templateValueSchema,
  type FieldId,
  type TemplateValue,
} from './fields';

export interface Stamp {
  /** Epoch ms (or later, see nextStamp). */
  t: number;
  /** The device that made the change. */
  d: string;
}

export interface Entry<V = unknown> extends Stamp {
  value: V;
  /** The value is this device's stand-in: the real value of this stamp is not available here. */
  stub?: true;
}

export type TemplateEntry = Entry<TemplateValue | null>;

export interface SyncDoc {
  /** Core fields and `templates.order`. */
  fields: Map<FieldId, Entry>;
  /** Templates by id; `value: null` is a deletion. */
  templates: Map<string, TemplateEntry>;
}

/**
 * Tombstones kept per doc: the newest 100 by stamp. Without a bound, deletions would fill the quota
 * in the end. The price: a device that still holds one of the dropped deleted templates and has
 * not seen its deletion brings it back. Every device drops the same ones (the rule depends on the
 * doc alone), so they still converge.
 */
export const TOMBSTONE_LIMIT = 100;

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'is not a device id' });
export const stampTimeSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export function emptyDoc(): SyncDoc {
  return { fields: new Map(), templates: new Map() };
}

/** A new random device id (10 characters of [a-z0-9]); store it once per install. */
export function createDeviceId(randomValues: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomValues(new Uint8Array(10)), (b) => alphabet[b % alphabet.length]).join('');
}

/** JSON with object keys sorted: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v: unknown = Reflect.get(value, k);
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** The total order of entries: > 0 when `a` wins over `b`. */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  if (a.d !== b.d) return a.d < b.d ? -1 : 1;
  const as = a.stub ? 0 : 1;
  const bs = b.stub ? 0 : 1;
  if (as !== bs) return as - bs;
  if (a.stub) return 0;
  const ca = canonicalJson(a.value);
  const cb = canonicalJson(b.value);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/**
 * The winner of `local` and `remote`. When a stub wins, it takes `local`'s value as its stand-in
 * (null when there is no local entry).
 */
export function mergeEntry<V>(local: Entry<V> | undefined, remote: Entry<V> | undefined, absent: V): Entry<V> | undefined {
  if (!remote) return local;
  if (!local) return remote.stub ? { ...remote, value: absent } : remote;
  if (compareEntries(local, remote) >= 0) return local;
  return remote.stub ? { t: remote.t, d: remote.d, value: local.value, stub: true } : remote;
}

export function highestStamp(doc: SyncDoc): number {
  let max = 0;
  for (const e of doc.fields.values()) if (e.t > max) max = e.t;
  for (const e of doc.templates.values()) if (e.t > max) max = e.t;
  return max;
}

/** The stamp time for a change made now: never before anything this doc has seen. */
export function nextStamp(doc: SyncDoc, now: number): number {
  return Math.max(Math.floor(now), highestStamp(doc) + 1);
}

/** Keeps the newest TOMBSTONE_LIMIT tombstones (by stamp order, then id). */
export function compactDoc(doc: SyncDoc, limit = TOMBSTONE_LIMIT): SyncDoc {
  const tombstones = [...doc.templates].filter(([, e]) => e.value === null && !e.stub);
  if (tombstones.length <= limit) return doc;
  tombstones.sort(([ia, a], [ib, b]) => compareEntries(b, a) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  const templates = new Map(doc.templates);
  for (const [id] of tombstones.slice(limit)) templates.delete(id);
  return { fields: doc.fields, templates };
}

/**
 * Merges `remote` into `local`, entry by entry. Locked entries (managed policy) keep `local`'s
 * entry whatever `remote` holds.
 */
export function mergeDocs(local: SyncDoc, remote: SyncDoc, lockedFields?: ReadonlySet<string>): SyncDoc {
  const fields = new Map(local.fields);
  for (const [id, r] of remote.fields) {
    if (isLocked(id, lockedFields)) continue;
    const merged = mergeEntry(local.fields.get(id), r, null);
    if (merged) fields.set(id, merged);
  }
  const templates = new Map(local.templates);
  const templatesLocked = isLocked(TEMPLATES_LOCK, lockedFields);
  for (const [id, r] of remote.templates) {
    if (templatesLocked) break;
    const merged = mergeEntry<TemplateValue | null>(local.templates.get(id), r, null);
    if (merged) templates.set(id, merged);
  }
  return compactDoc({ fields, templates });
}

function orderValue(doc: SyncDoc): string[] {
  const v = doc.fields.get(TEMPLATE_ORDER)?.value;
  return Array.isArray(v) ? v.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The templates this doc describes, in order: the ids of the order entry that have a value, then
 * those the order does not name (added concurrently elsewhere), oldest stamp first.
 */
export function templateList(doc: SyncDoc): Array<{ id: string } & TemplateValue> {
  const out: Array<{ id: string } & TemplateValue> = [];
  const seen = new Set<string>();
  for (const id of orderValue(doc)) {
    const e = doc.templates.get(id);
    if (seen.has(id) || !e?.value) continue;
    seen.add(id);
    out.push({ id, ...e.value });
  }
  const rest = [...doc.templates]
    .filter(([id, e]) => e.value && !seen.has(id))
    .sort(([ia, a], [ib, b]) => compareEntries(a, b) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  for (const [id, e] of rest) out.push({ id, ...e.value! });
  return out;
}

// ---------------------------------------------------------------- persistence (storage.local)

/** The doc as JSON, for this device's own copy in storage.local. */
export interface SyncDocJson {
  v: 1;
  fields: Record<string, EntryJson>;
  templates: Record<string, EntryJson>;
}
interface EntryJson {
  t: number;
  d: string;
  v: unknown;
  s?: 1;
}

export function encodeDoc(doc: SyncDoc): SyncDocJson {
  const entry = (e: Entry): EntryJson => ({ t: e.t, d: e.d, v: e.value, ...(e.stub ? { s: 1 as const } : {}) });
  return {
    v: 1,
    fields: Object.fromEntries([...doc.fields].map(([k, e]) => [k, entry(e)])),
    templates: Object.fromEntries([...doc.templates].map(([k, e]) => [k, entry(e)])),
  };
}

const entryJsonSchema = z.strictObject({ t: stampTimeSchema, d: deviceIdSchema, v: z.unknown(), s: z.literal(1).optional() });
const docJsonSchema = z.strictObject({
  v: z.literal(1),
  fields: z.record(z.string(), z.unknown()),
  templates: z.record(z.string(), z.unknown()),
});

/**
 * Reads this device's stored doc (a boundary: validated). Null when there is none or it is not a
 * doc at all (then the next sync joins afresh); entries that do not validate are dropped.
 */
export function decodeDoc(raw: unknown): SyncDoc | null {
  const parsed = docJsonSchema.safeParse(raw);
  if (!parsed.success) return null;
  const doc = emptyDoc();
  for (const [id, value] of Object.entries(parsed.data.fields)) {
    const e = entryJsonSchema.safeParse(value);
    if (!e.success || !isFieldId(id)) continue;
    const v = parseFieldValue(id, e.data.v);
    if (!v.ok) continue;
    doc.fields.set(id, { t: e.data.t, d: e.data.d, value: v.value, ...(e.data.s ? { stub: true as const } : {}) });
  }
  for (const [id, value] of Object.entries(parsed.data.templates)) {
    const e = entryJsonSchema.safeParse(value);
    if (!e.success || !templateIdSchema.safeParse(id).success) continue;
    let v: TemplateValue | null = null;
    if (e.data.v !== null) {
      const tv = templateValueSchema.safeParse(e.data.v);
      if (!tv.success) continue;
      v = tv.data;
    }
    doc.templates.set(id, { t: e.data.t, d: e.data.d, value: v, ...(e.data.s ? { stub: true as const } : {}) });
  }
  return doc;
}
