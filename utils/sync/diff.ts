/**
 * From settings to stamps and back: which fields this device changed (new stamps), and which
 * fields a remote doc changes here (the patch for the store).
 */
import {
  CORE_FIELD_IDS,
  TEMPLATE_ORDER,
  TEMPLATES_LOCK,
  isLocked,
  readField,
  writeField,
  type SyncedSettings,
  type TemplateValue,
} from './fields';
import {
  compactDoc,
  compareEntries,
  mergeDocs,
  nextStamp,
  sameValue,
  templateList,
  type Entry,
  type SyncDoc,
  type TemplateEntry,
} from './doc';

export interface LocalChangeOptions {
  deviceId: string;
  now: number;
  lockedFields?: ReadonlySet<string>;
}

export interface LocalChanges {
  doc: SyncDoc;
  /** Entry paths stamped anew: field ids, `templates.<id>`, `templates.order`. */
  changed: string[];
}

function templateValue(t: { title: string; body: string }): TemplateValue {
  return { title: t.title, body: t.body };
}

/**
 * Stamps every synced field whose value differs (deep equality) from `prev`, every template added,
 * edited or deleted, and the order when it differs from the order `prev` describes. All changes of
 * one call share one stamp, `nextStamp(prev, now)`. Locked fields are left alone. Returns `prev`
 * itself when nothing changed.
 */
export function recordLocalChanges(prev: SyncDoc, settings: SyncedSettings, options: LocalChangeOptions): LocalChanges {
  const { deviceId, now, lockedFields } = options;
  let t: number | null = null;
  const stamp = (): number => (t ??= nextStamp(prev, now));
  const changed: string[] = [];
  const fields = new Map(prev.fields);
  for (const id of CORE_FIELD_IDS) {
    if (isLocked(id, lockedFields)) continue;
    const value = readField(settings, id);
    const before = prev.fields.get(id);
    if (before && sameValue(before.value, value)) continue;
    fields.set(id, { value, t: stamp(), d: deviceId });
    changed.push(id);
  }
  const templates = new Map(prev.templates);
  if (!isLocked(TEMPLATES_LOCK, lockedFields)) {
    const current = new Map<string, TemplateValue>();
    for (const tpl of settings.templates) if (!current.has(tpl.id)) current.set(tpl.id, templateValue(tpl));
    for (const [id, value] of current) {
      const before = prev.templates.get(id);
      if (before?.value && sameValue(before.value, value)) continue;
      templates.set(id, { value, t: stamp(), d: deviceId });
      changed.push(`templates.${id}`);
    }
    for (const [id, before] of prev.templates) {
      if (before.value === null || current.has(id)) continue;
      templates.set(id, { value: null, t: stamp(), d: deviceId });
      changed.push(`templates.${id}`);
    }
    if (!isLocked(TEMPLATE_ORDER, lockedFields)) {
      const ids = [...current.keys()];
      const before = prev.fields.get(TEMPLATE_ORDER);
      const described = templateList(prev).map((x) => x.id);
      if (!before || !sameValue(described, ids)) {
        fields.set(TEMPLATE_ORDER, { value: ids, t: stamp(), d: deviceId });
        changed.push(TEMPLATE_ORDER);
      }
    }
  }
  if (changed.length === 0) return { doc: prev, changed };
  return { doc: compactDoc({ fields, templates }), changed };
}

export interface RemoteMerge {
  /** The merged state: this device's new synced state. */
  doc: SyncDoc;
  /** `settings` with what the remote won applied. */
  settings: SyncedSettings;
  /** Only the sections that changed, whole, ready for the store's patchSettings. */
  patch: Partial<SyncedSettings>;
  /** Entry paths where the remote won (a newer stamp), whether or not the value differs. */
  won: string[];
  /**
   * Whether this device holds something the remote lacks or has older: the caller should write
   * (the write plan against the actual items decides what exactly).
   */
  writeBack: boolean;
}

const SECTIONS = ['me', 'contactDefaults', 'sites', 'quiet', 'templates', 'preferences'] as const;

/**
 * Merges an incoming doc into this device's doc. `local` must already hold this device's changes
 * (call recordLocalChanges first, with the same settings). Only fields where the remote wins
 * change the settings; locked ones never do.
 */
export function mergeRemote(
  local: SyncDoc,
  remote: SyncDoc,
  settings: SyncedSettings,
  options: { lockedFields?: ReadonlySet<string> } = {},
): RemoteMerge {
  const { lockedFields } = options;
  let doc = mergeDocs(local, remote, lockedFields);
  const won: string[] = [];
  let next = settings;
  for (const id of CORE_FIELD_IDS) {
    const merged = doc.fields.get(id);
    const before = local.fields.get(id);
    if (!merged || merged === before) continue;
    won.push(id);
    if (merged.stub) continue;
    const written = writeField(next, id, merged.value);
    if (written) {
      next = written;
    } else {
      // Valid alone but not in this section (cannot happen with today's schemas): keep ours, know the stamp.
      doc.fields.set(id, { t: merged.t, d: merged.d, value: readField(next, id), stub: true });
    }
  }
  let templatesWon = false;
  for (const [id, merged] of doc.templates) {
    if (merged !== local.templates.get(id)) {
      won.push(`templates.${id}`);
      templatesWon = true;
    }
  }
  const order = doc.fields.get(TEMPLATE_ORDER);
  if (order && order !== local.fields.get(TEMPLATE_ORDER)) {
    won.push(TEMPLATE_ORDER);
    templatesWon = true;
  }
  if (templatesWon) {
    const list = templateList(doc);
    if (!sameValue(list, next.templates)) next = { ...next, templates: list };
  }
  const patch: Partial<SyncedSettings> = {};
  for (const section of SECTIONS) {
    if (next[section] !== settings[section] && !sameValue(next[section], settings[section])) {
      Object.assign(patch, { [section]: next[section] });
    }
  }
  doc = compactDoc(doc);
  return { doc, settings: next, patch, won, writeBack: holdsNewer(doc, remote, lockedFields) };
}

function holdsNewer(doc: SyncDoc, remote: SyncDoc, lockedFields: ReadonlySet<string> | undefined): boolean {
  const newer = (mine: Entry | TemplateEntry, theirs: Entry | TemplateEntry | undefined): boolean =>
    !mine.stub && (!theirs || compareEntries(mine, theirs) > 0);
  for (const [id, e] of doc.fields) if (!isLocked(id, lockedFields) && newer(e, remote.fields.get(id))) return true;
  if (isLocked(TEMPLATES_LOCK, lockedFields)) return false;
  for (const [id, e] of doc.templates) if (newer(e, remote.templates.get(id))) return true;
  return false;
}
