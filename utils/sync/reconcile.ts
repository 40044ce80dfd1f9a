/**
 * One sync pass, pure: this device's stored doc, the items in storage.sync and the current settings
 * in; the new doc, the settings patch and the write plan out. The background calls it after a
 * settings change (debounced) and on storage.onChanged for the `sync` area.
 */
import { CORE_FIELD_IDS, TEMPLATE_ORDER, TEMPLATES_LOCK, isLocked, readField, type SyncedSettings } from './fields';
import { emptyDoc, nextStamp, type Entry, type SyncDoc, type TemplateEntry } from './doc';
import { mergeRemote, recordLocalChanges } from './diff';
import { parseItems, planWrite, serializeDoc, type ItemProblem, type WritePlan } from './items';
import type { SyncQuota } from './quota';

export interface ReconcileInput {
  /** This device's synced state from storage.local; null the first time (this device joins). */
  doc: SyncDoc | null;
  /** Everything in storage.sync: `await storage.sync.get(null)`. */
  items: Readonly<Record<string, unknown>>;
  /** The current settings (the store's, without policy layered on). */
  settings: SyncedSettings;
  deviceId: string;
  now: number;
  lockedFields?: ReadonlySet<string>;
  quota?: SyncQuota;
}

export interface ReconcileResult {
  /** Store in storage.local (encodeDoc) before or with the write. */
  doc: SyncDoc;
  /** The settings after the patch. */
  settings: SyncedSettings;
  /** Sections to write into the store (patchSettings); empty when the remote changed nothing here. */
  patch: Partial<SyncedSettings>;
  /** Entry paths this device stamped in this pass (its own changes). */
  changed: string[];
  /** Entry paths where the remote won. */
  won: string[];
  /** What to do in storage.sync: remove first, then set (see the README). Empty: nothing to write. */
  write: WritePlan;
  /** For the options page: "templates too large to sync; 3 not synced". */
  notSynced: { templates: string[]; fields: string[] };
  /** Items that were ignored, with the reason (log them; they are removed or replaced by the write). */
  problems: ItemProblem[];
  fits: boolean;
  bytes: number;
  count: number;
}

/** Placeholder device id of a joining device's own values: sorts below every real stamp. */
const JOINING = '';

/**
 * The doc of a device that joins: its values, stamped (0, ''), so that whatever the account already
 * holds wins, and what only this device has is kept and then stamped for real.
 */
function joiningDoc(settings: SyncedSettings, lockedFields: ReadonlySet<string> | undefined): SyncDoc {
  const doc = emptyDoc();
  for (const id of CORE_FIELD_IDS) {
    if (!isLocked(id, lockedFields)) doc.fields.set(id, { value: readField(settings, id), t: 0, d: JOINING });
  }
  if (!isLocked(TEMPLATES_LOCK, lockedFields)) {
    doc.fields.set(TEMPLATE_ORDER, { value: readField(settings, TEMPLATE_ORDER), t: 0, d: JOINING });
    for (const tpl of settings.templates) {
      if (!doc.templates.has(tpl.id)) doc.templates.set(tpl.id, { value: { title: tpl.title, body: tpl.body }, t: 0, d: JOINING });
    }
  }
  return doc;
}

/** Gives the joining placeholders that survived the merge a real stamp: they seed the account. */
function stampJoined(doc: SyncDoc, deviceId: string, now: number): { doc: SyncDoc; changed: string[] } {
  const changed: string[] = [];
  let t: number | null = null;
  const fix = <E extends Entry | TemplateEntry>(e: E): E => ({ ...e, t: (t ??= nextStamp(doc, now)), d: deviceId });
  const fields = new Map(doc.fields);
  for (const [id, e] of doc.fields) {
    if (e.d !== JOINING) continue;
    fields.set(id, fix(e));
    changed.push(id);
  }
  const templates = new Map(doc.templates);
  for (const [id, e] of doc.templates) {
    if (e.d !== JOINING) continue;
    templates.set(id, fix(e));
    changed.push(`templates.${id}`);
  }
  return { doc: { fields, templates }, changed };
}

/**
 * 1. parse the items; 2. record this device's unrecorded changes (or, joining, take its values
 * with the lowest stamp); 3. merge the remote in: the remote's winners become the patch; 4. stamp
 * what is still unrecorded; 5. serialize and plan the write against the items as they are.
 */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const { items, settings, deviceId, now, lockedFields } = input;
  const remote = parseItems(items);
  const changed: string[] = [];
  let local: SyncDoc;
  if (input.doc) {
    const recorded = recordLocalChanges(input.doc, settings, { deviceId, now, lockedFields });
    local = recorded.doc;
    changed.push(...recorded.changed);
  } else {
    local = joiningDoc(settings, lockedFields);
  }
  const merged = mergeRemote(local, remote.doc, settings, { lockedFields });
  let doc = merged.doc;
  if (!input.doc) {
    const joined = stampJoined(doc, deviceId, now);
    doc = joined.doc;
    changed.push(...joined.changed);
  }
  const after = recordLocalChanges(doc, merged.settings, { deviceId, now, lockedFields });
  doc = after.doc;
  changed.push(...after.changed);
  const serialized = serializeDoc(doc, { lockedFields, quota: input.quota });
  const write = planWrite(serialized.items, items, { deviceId, lockedFields });
  return {
    doc,
    settings: merged.settings,
    patch: merged.patch,
    changed: [...new Set(changed)],
    won: merged.won,
    write,
    notSynced: serialized.notSynced,
    problems: remote.problems,
    fits: serialized.fits,
    bytes: serialized.bytes,
    count: serialized.count,
  };
}
