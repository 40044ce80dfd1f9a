/**
 * The doc as storage.sync items, and back.
 *
 * Layout (every key starts with `ae1:`; a future incompatible layout takes another prefix):
 *   ae1:f:<field id>          a synced field, e.g. `ae1:f:me.timeZone`, `ae1:f:sites.gmail`,
 *                             `ae1:f:preferences.graceMinutes`, `ae1:f:templates.order`
 *   ae1:t:<template id>       one template, e.g. `ae1:t:no-rush`
 *   ae1:c:<owner>:<hash>:<i>  chunk i of a value too big for one item; owner `f.<field id>` or
 *                             `t.<template id>`, hash of the value's JSON text (so a new version
 *                             never overwrites the chunks an older header still points to)
 * An entry item is one of:
 *   { t, d, v }               the value inline (`v: null`: absent optional field, deleted template)
 *   { t, d, n, h, l }         the value's JSON text in n chunk items, its hash h and length l
 *   { t, d, x: 1 }            a stub: the stamp without the value (a template that did not fit)
 * A chunk item is a string: a slice of the JSON text, cut between code points.
 */
import { z } from 'zod';
import {
  DROPPABLE_FIELDS,
  FIELD_IDS,
  TEMPLATES_LOCK,
  isFieldId,
  isLocked,
  parseFieldValue,
  templateIdSchema,
  templateValueSchema,
  type FieldId,
  type TemplateValue,
} from './fields';
import {
  canonicalJson,
  deviceIdSchema,
  emptyDoc,
  stampTimeSchema,
  type Entry,
  type Stamp,
  type SyncDoc,
} from './doc';
import { CHROME_SYNC_QUOTA, itemBytes, jsonBytesAt, syncBudget, utf8Bytes, type SyncQuota } from './quota';

export const SYNC_PREFIX = 'ae1:';
const FIELD_PREFIX = `${SYNC_PREFIX}f:`;
const TEMPLATE_PREFIX = `${SYNC_PREFIX}t:`;
const CHUNK_PREFIX = `${SYNC_PREFIX}c:`;
export const MAX_CHUNKS = 64;
/** A field id a later version might sync (`section.name`): its item is left alone. */
const LATER_FIELD = /^[a-z][A-Za-z0-9]{0,39}\.[a-z][A-Za-z0-9]{0,39}$/;

export function fieldKey(id: FieldId): string {
  return FIELD_PREFIX + id;
}
export function templateKey(id: string): string {
  return TEMPLATE_PREFIX + id;
}
function ownerOf(entryKey: string): string {
  return entryKey.startsWith(FIELD_PREFIX) ? `f.${entryKey.slice(FIELD_PREFIX.length)}` : `t.${entryKey.slice(TEMPLATE_PREFIX.length)}`;
}
export function chunkKey(entryKey: string, hash: string, index: number): string {
  return `${CHUNK_PREFIX}${ownerOf(entryKey)}:${hash}:${index}`;
}

/** A 53-bit string hash (cyrb53 construction), as hex: names chunk sets and checks reassembly. */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

const stampShape = { t: stampTimeSchema, d: deviceIdSchema };
/** `v` is checked by the field's own schema after; here only its presence (JSON's null included). */
const inlineItemSchema = z.strictObject({ ...stampShape, v: z.unknown() }).refine((item) => item.v !== undefined, { message: 'has no value' });
const chunkedItemSchema = z.strictObject({
  ...stampShape,
  n: z.number().int().min(1).max(MAX_CHUNKS),
  h: z.string().regex(/^[0-9a-f]{1,14}$/),
  l: z.number().int().min(1),
});
const stubItemSchema = z.strictObject({ ...stampShape, x: z.literal(1) });
const entryItemSchema = z.union([inlineItemSchema, chunkedItemSchema, stubItemSchema]);
type EntryItem = z.output<typeof entryItemSchema>;

// ---------------------------------------------------------------- writing

interface Encoded {
  items: Array<[string, unknown]>;
  bytes: number;
  count: number;
}

function encoded(items: Array<[string, unknown]>): Encoded {
  return { items, bytes: items.reduce((n, [k, v]) => n + itemBytes(k, v), 0), count: items.length };
}

/** Cuts `text` between code points so that chunk i, as a JSON string, fits `capacity(i)` bytes. */
export function splitText(text: string, capacity: (index: number) => number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let cost = 2;
  let room = capacity(0);
  for (let i = 0; i < text.length; ) {
    const { bytes, width } = jsonBytesAt(text, i);
    if (i > start && cost + bytes > room) {
      pieces.push(text.slice(start, i));
      room = capacity(pieces.length);
      start = i;
      cost = 2;
    }
    cost += bytes;
    i += width;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/** One entry as items: inline when it fits one item, else a header and chunks. */
export function encodeEntry(key: string, entry: Entry, perItem: number): Encoded {
  if (entry.stub) return encoded([[key, { t: entry.t, d: entry.d, x: 1 }]]);
  const inline = { t: entry.t, d: entry.d, v: entry.value };
  if (itemBytes(key, inline) <= perItem) return encoded([[key, inline]]);
  const text = canonicalJson(entry.value);
  const h = hash53(text);
  const pieces = splitText(text, (i) => perItem - utf8Bytes(chunkKey(key, h, i)));
  const header = { t: entry.t, d: entry.d, n: pieces.length, h, l: text.length };
  return encoded([[key, header], ...pieces.map((p, i): [string, unknown] => [chunkKey(key, h, i), p])]);
}

export interface SerializeOptions {
  lockedFields?: ReadonlySet<string>;
  quota?: SyncQuota;
}

export interface SerializedDoc {
  /** Every item the doc needs in storage.sync (for planWrite). */
  items: Record<string, unknown>;
  /**
   * Entries whose value is not in the items: templates left out for the quota, and entries known
   * here only by their stamp (too large elsewhere, or a value this version cannot read).
   */
  notSynced: { templates: string[]; fields: string[] };
  bytes: number;
  count: number;
  /** Whether bytes and count are within the budget (false only beyond the schema's own limits). */
  fits: boolean;
}

/**
 * The items for a doc. The core fields, the order, the tombstones (bounded by compaction) and a
 * stub for every template always go in; they fit within the schema's limits with room to spare
 * (about 82 kB in the very worst case: 2,000 days off, 200 templates with 64-character ids, 100
 * tombstones). Then the values of the droppable fields (DROPPABLE_FIELDS: the quiet-tab exceptions,
 * up to 30 kB of JSON when every character needs escaping) go in when they fit, else they stay
 * stubs and are listed in `notSynced.fields`. Then template values are added smallest first while
 * they fit the budget, so when not all fit, the LARGEST are left out (as stubs): that keeps the most
 * templates synced, and a 5,000-character body full of emoji is the usual culprit. Left-out ids are
 * in `notSynced`. Locked fields are never written.
 */
export function serializeDoc(doc: SyncDoc, options: SerializeOptions = {}): SerializedDoc {
  const { lockedFields } = options;
  const budget = syncBudget(options.quota ?? CHROME_SYNC_QUOTA);
  const items: Record<string, unknown> = {};
  let bytes = 0;
  let count = 0;
  const add = (enc: Encoded): void => {
    for (const [k, v] of enc.items) items[k] = v;
    bytes += enc.bytes;
    count += enc.count;
  };
  const notSynced = { templates: [] as string[], fields: [] as string[] };
  const droppable: Array<{ id: FieldId; stub: Encoded; full: Encoded }> = [];
  for (const id of FIELD_IDS) {
    const e = doc.fields.get(id);
    if (!e || isLocked(id, lockedFields)) continue;
    const key = fieldKey(id);
    if (e.stub) notSynced.fields.push(id);
    else if (DROPPABLE_FIELDS.has(id)) {
      // Its stamp now, its value once the other core fields are in (below).
      const stub = encodeEntry(key, { ...e, stub: true }, budget.perItem);
      droppable.push({ id, stub, full: encodeEntry(key, e, budget.perItem) });
      add(stub);
      continue;
    }
    add(encodeEntry(key, e, budget.perItem));
  }
  const templateCandidates: Array<{ id: string; stub: Encoded; full: Encoded }> = [];
  if (!isLocked(TEMPLATES_LOCK, lockedFields)) {
    for (const [id, e] of [...doc.templates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const key = templateKey(id);
      if (e.value === null && !e.stub) {
        add(encodeEntry(key, e, budget.perItem));
        continue;
      }
      const stub = encodeEntry(key, { ...e, stub: true }, budget.perItem);
      add(stub);
      if (e.stub) notSynced.templates.push(id);
      else templateCandidates.push({ id, stub, full: encodeEntry(key, e, budget.perItem) });
    }
  }
  /** Replaces a stub by the whole value when that fits the budget; false when it does not. */
  const upgrade = (c: { stub: Encoded; full: Encoded }): boolean => {
    const extraBytes = c.full.bytes - c.stub.bytes;
    const extraCount = c.full.count - c.stub.count;
    if (bytes + extraBytes > budget.bytes || count + extraCount > budget.items || c.full.count - 1 > MAX_CHUNKS) return false;
    for (const [k] of c.stub.items) delete items[k];
    bytes -= c.stub.bytes;
    count -= c.stub.count;
    add(c.full);
    return true;
  };
  for (const c of droppable) if (!upgrade(c)) notSynced.fields.push(c.id);
  templateCandidates.sort((a, b) => a.full.bytes - b.full.bytes || (a.id < b.id ? -1 : 1));
  for (const c of templateCandidates) if (!upgrade(c)) notSynced.templates.push(c.id);
  notSynced.templates.sort();
  return { items, notSynced, bytes, count, fits: bytes <= budget.bytes && count <= budget.items };
}

// ---------------------------------------------------------------- reading

export interface ItemProblem {
  key: string;
  reason: string;
}

export interface ParsedItems {
  doc: SyncDoc;
  problems: ItemProblem[];
}

type Decoded =
  | { kind: 'bad'; reason: string }
  | { kind: 'value'; stamp: Stamp; value: unknown; chunks: string[] }
  | { kind: 'stub'; stamp: Stamp; chunks: string[] }
  | { kind: 'opaque'; stamp: Stamp; reason: string; chunks: string[] };

/**
 * One entry item, with its chunks: its value as JSON-parsed (not yet validated), a stub, or just
 * its stamp when the value cannot be put together (missing chunk, mismatch, not JSON).
 */
function decodeItem(key: string, raw: unknown, items: Readonly<Record<string, unknown>>): Decoded {
  const parsed = entryItemSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'bad', reason: `not a sync entry (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const item: EntryItem = parsed.data;
  const stamp = { t: item.t, d: item.d };
  if ('x' in item) return { kind: 'stub', stamp, chunks: [] };
  if ('v' in item) return { kind: 'value', stamp, value: item.v, chunks: [] };
  const chunks = Array.from({ length: item.n }, (_, i) => chunkKey(key, item.h, i));
  let text = '';
  for (const [i, ck] of chunks.entries()) {
    const piece = Object.hasOwn(items, ck) ? items[ck] : undefined;
    if (typeof piece !== 'string') return { kind: 'opaque', stamp, reason: `chunk ${i + 1} of ${item.n} is missing`, chunks };
    text += piece;
  }
  if (text.length !== item.l || hash53(text) !== item.h) return { kind: 'opaque', stamp, reason: 'its chunks do not match their header', chunks };
  try {
    return { kind: 'value', stamp, value: JSON.parse(text) as unknown, chunks };
  } catch {
    return { kind: 'opaque', stamp, reason: 'its chunks are not JSON', chunks };
  }
}

type Validate<V> = (value: unknown) => { ok: true; value: V } | { ok: false; error: string };

function toEntry<V>(key: string, decoded: Decoded, validate: Validate<V>, absent: V, problems: ItemProblem[]): Entry<V> | null {
  switch (decoded.kind) {
    case 'bad':
      problems.push({ key, reason: decoded.reason });
      return null;
    case 'stub':
      return { ...decoded.stamp, value: absent, stub: true };
    case 'opaque':
      problems.push({ key, reason: `${decoded.reason}; its value is ignored` });
      return { ...decoded.stamp, value: absent, stub: true };
    case 'value': {
      const v = validate(decoded.value);
      if (v.ok) return { ...decoded.stamp, value: v.value };
      problems.push({ key, reason: `its value is invalid (${v.error}); its value is ignored` });
      return { ...decoded.stamp, value: absent, stub: true };
    }
  }
}

function validateTemplate(value: unknown): { ok: true; value: TemplateValue | null } | { ok: false; error: string } {
  if (value === null) return { ok: true, value: null };
  const r = templateValueSchema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message ?? 'invalid' };
}

/**
 * storage.sync items to a doc (a boundary: everything is validated). Items that are not entries are
 * ignored with a reason. An entry with a valid stamp whose value cannot be used (missing or
 * mismatched chunk, invalid value) is ignored too, but kept as a stub: its stamp still counts, so
 * this device does not write an older value back over it. Keys without our prefix, chunks, and
 * kinds a later version may add are skipped silently; never throws.
 */
export function parseItems(items: Readonly<Record<string, unknown>>): ParsedItems {
  const doc = emptyDoc();
  const problems: ItemProblem[] = [];
  for (const key of Object.keys(items).sort()) {
    const raw = items[key];
    if (key.startsWith(FIELD_PREFIX)) {
      const id = key.slice(FIELD_PREFIX.length);
      if (!isFieldId(id)) {
        problems.push({ key, reason: LATER_FIELD.test(id) ? 'not a field this version syncs (a later version may); left alone' : 'not a field id' });
        continue;
      }
      const e = toEntry<unknown>(key, decodeItem(key, raw, items), (v) => parseFieldValue(id, v), null, problems);
      if (e) doc.fields.set(id, e);
    } else if (key.startsWith(TEMPLATE_PREFIX)) {
      const id = key.slice(TEMPLATE_PREFIX.length);
      if (!templateIdSchema.safeParse(id).success) {
        problems.push({ key, reason: 'not a template id' });
        continue;
      }
      const e = toEntry<TemplateValue | null>(key, decodeItem(key, raw, items), validateTemplate, null, problems);
      if (e) doc.templates.set(id, e);
    }
  }
  return { doc, problems };
}

// ---------------------------------------------------------------- planning a write

export interface WritePlan {
  /** For storage.sync.set (one write operation). */
  set: Record<string, unknown>;
  /** For storage.sync.remove (one write operation): stale entries and chunks, malformed items. */
  remove: string[];
}

export function isEmptyPlan(plan: WritePlan): boolean {
  return plan.remove.length === 0 && Object.keys(plan.set).length === 0;
}

export interface PlanOptions {
  /** This device: it alone may replace an item carrying its own stamp by another form of it. */
  deviceId: string;
  lockedFields?: ReadonlySet<string>;
}

function isManaged(key: string): boolean {
  return key.startsWith(FIELD_PREFIX) || key.startsWith(TEMPLATE_PREFIX) || key.startsWith(CHUNK_PREFIX);
}

/**
 * What to set and remove so that storage.sync holds `next` (from serializeDoc), given the items it
 * holds now. An item another device wrote with the same stamp as ours is left alone: it is the
 * same change, and its author decides its form (whole, chunked or stub), so two devices with
 * different room never overwrite each other's form in turn (nor do we replace it with a stub when
 * we lack the value ourselves). Items we do not own are kept: keys
 * without our prefix, fields this version does not know, locked fields, other kinds, and the
 * chunks their headers point to. Everything else of ours that `next` does not need is removed.
 */
export function planWrite(next: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>, options: PlanOptions): WritePlan {
  const { deviceId, lockedFields } = options;
  const keep = new Set<string>();
  const keepWithChunks = (key: string, decoded: Decoded): void => {
    keep.add(key);
    if (decoded.kind !== 'bad') for (const c of decoded.chunks) keep.add(c);
  };
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key.startsWith(CHUNK_PREFIX)) continue;
    const mine = entryItemSchema.safeParse(value);
    if (Object.hasOwn(current, key) && mine.success && mine.data.d !== deviceId) {
      const theirs = decodeItem(key, current[key], current);
      const mineIsStub = 'x' in mine.data;
      if (
        theirs.kind !== 'bad' &&
        theirs.stamp.t === mine.data.t &&
        theirs.stamp.d === mine.data.d &&
        (theirs.kind === 'value' || theirs.kind === 'stub' || mineIsStub)
      ) {
        keepWithChunks(key, theirs);
        continue;
      }
    }
    const keys = [key];
    if (mine.success && 'n' in mine.data) {
      for (let i = 0; i < mine.data.n; i++) keys.push(chunkKey(key, mine.data.h, i));
    }
    for (const k of keys) {
      if (!Object.hasOwn(next, k)) continue;
      keep.add(k);
      if (!Object.hasOwn(current, k) || canonicalJson(current[k]) !== canonicalJson(next[k])) set[k] = next[k];
    }
  }
  for (const key of Object.keys(current)) {
    if (!isManaged(key) || key.startsWith(CHUNK_PREFIX) || Object.hasOwn(next, key)) continue;
    const id = key.slice(FIELD_PREFIX.length);
    const notOurs = key.startsWith(FIELD_PREFIX)
      ? (!isFieldId(id) && LATER_FIELD.test(id)) || isLocked(id, lockedFields)
      : isLocked(TEMPLATES_LOCK, lockedFields);
    if (notOurs) keepWithChunks(key, decodeItem(key, current[key], current));
  }
  const remove = Object.keys(current)
    .filter((key) => isManaged(key) && !keep.has(key))
    .sort();
  return { set, remove };
}
