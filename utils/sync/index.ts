/**
 * Settings sync through the browser's own storage.sync (issue 10): the pure core. No browser API
 * here; the background worker owns the wiring (see ./README.md).
 */
export {
  CORE_FIELD_IDS,
  DROPPABLE_FIELDS,
  FIELD_IDS,
  LOCAL_ONLY_FIELDS,
  SYNCED_FIELDS,
  TEMPLATE_ORDER,
  TEMPLATES_LOCK,
  isFieldId,
  isLocked,
  parseFieldValue,
  readField,
  writeField,
  type CoreFieldId,
  type FieldId,
  type Section,
  type SyncedSettings,
  type TemplateValue,
} from './fields';
export {
  TOMBSTONE_LIMIT,
  canonicalJson,
  compactDoc,
  compareEntries,
  createDeviceId,
  decodeDoc,
  emptyDoc,
  encodeDoc,
  highestStamp,
  mergeDocs,
  mergeEntry,
  nextStamp,
  templateList,
  type Entry,
  type Stamp,
  type SyncDoc,
  type SyncDocJson,
  type TemplateEntry,
} from './doc';
export { mergeRemote, recordLocalChanges, type LocalChangeOptions, type LocalChanges, type RemoteMerge } from './diff';
export {
  MAX_CHUNKS,
  SYNC_PREFIX,
  chunkKey,
  fieldKey,
  hash53,
  isEmptyPlan,
  parseItems,
  planWrite,
  serializeDoc,
  templateKey,
  type ItemProblem,
  type ParsedItems,
  type PlanOptions,
  type SerializeOptions,
  type SerializedDoc,
  type WritePlan,
} from './items';
export {
  CHROME_SYNC_QUOTA,
  FIREFOX_SYNC_QUOTA,
  itemBytes,
  jsonBytes,
  syncBudget,
  type SyncBudget,
  type SyncQuota,
} from './quota';
export { DEBOUNCE_MS, MAX_WAIT_MS, nextWriteDelay, pruneWriteHistory, type WriteScheduleOptions } from './schedule';
export { reconcile, type ReconcileInput, type ReconcileResult } from './reconcile';
