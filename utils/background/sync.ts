/**
 * Settings sync wiring (issue 10): the background worker is the single owner. It mirrors the synced
 * subset of the settings from Dexie into storage.sync (coalesced by the core's scheduler) and merges
 * what other devices wrote there back into Dexie, then republishes the snapshot. The merge itself is
 * the pure core in utils/sync (see its README, "Wiring plan").
 *
 * Device-local state lives in storage.local: whether sync is on here (a per-device choice, on unless
 * turned off), this device's id, its doc, the write history (rate limits) and the status for options.
 * A write that storage.sync refuses (quota, rate) is recorded in the status and retried later; Dexie
 * is never touched by it, so no local data is lost.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { t } from '@/utils/i18n';
import type { AppDb } from '@/utils/store/db';
import { defaultSettings } from '@/utils/store/defaults';
import { userSetBySync } from '@/utils/store/policy';
import { patchSettings, readCoreSettings, readUserSet, writeUserSet } from '@/utils/store/repository';
import {
  DEBOUNCE_MS,
  createDeviceId,
  decodeDoc,
  encodeDoc,
  isEmptyPlan,
  nextWriteDelay,
  pruneWriteHistory,
  reconcile,
  recordLocalChanges,
  SYNC_PREFIX,
  type ReconcileResult,
  type SyncDoc,
  type SyncedSettings,
  type WritePlan,
} from '@/utils/sync';
import { SYNC_KEYS } from '@/utils/store/items';

export { SYNC_KEYS } from '@/utils/store/items';

export const SYNC_ALARM = 'ae-sync';
/** A pass waits up to this long on a timer; beyond it, on an alarm (the worker may sleep). */
const TIMER_LIMIT_MS = 30_000;
/** After a refused write. */
export const RETRY_MS = 60_000;

export const syncStatusSchema = z.object({
  /** When this device and the account last agreed (a pass with nothing left to write, or a write). */
  lastSyncedAt: z.number().nullable(),
  /** The last refused write, in words; null when the last write went through. */
  error: z.string().nullable(),
  /** Ids of templates left out for the quota (stubs in the account). */
  notSyncedTemplates: z.array(z.string()),
  notSyncedFields: z.array(z.string()),
  bytes: z.number(),
  count: z.number(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

const EMPTY_STATUS: SyncStatus = { lastSyncedAt: null, error: null, notSyncedTemplates: [], notSyncedFields: [], bytes: 0, count: 0 };

/** What the options page shows. */
export interface SyncStatusView extends Omit<SyncStatus, 'notSyncedTemplates'> {
  enabled: boolean;
  /** Templates left out for the quota, with their titles here. */
  notSyncedTemplates: Array<{ id: string; title: string }>;
}

export interface SyncDeps {
  db: AppDb;
  /** Publishes the settings to pages and content scripts after a remote change was applied. */
  republish: () => Promise<unknown>;
  timeZone: () => string;
  now?: () => number;
  /**
   * Field ids or sections under managed policy: never stamped, written or merged. The policy
   * engine's locked fields plug in here; until it exists this is the empty set.
   */
  lockedFieldIds?: () => ReadonlySet<string> | Promise<ReadonlySet<string>>;
}

/** The policy hook: no field is locked until organisation policy provides its locked field ids. */
export function lockedFieldIds(): ReadonlySet<string> {
  return new Set();
}

function describeWriteError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (/QUOTA_BYTES|quota/i.test(detail)) return t('worker.sync.full', { detail });
  if (/MAX_WRITE_OPERATIONS/i.test(detail)) return t('worker.sync.tooMany', { detail });
  return t('worker.sync.refused', { detail });
}

/** The worker's sync state: its dependencies, the job queue and the pending write's timing. */
interface SyncState {
  db: AppDb;
  republish: () => Promise<unknown>;
  timeZone: () => string;
  now: () => number;
  locked: () => ReadonlySet<string> | Promise<ReadonlySet<string>>;
  queue: Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | null;
  /** The last local change not yet written, and the first: the debounce and its cap. */
  lastChangeAt: number | undefined;
  pendingSince: number | undefined;
}

/** What this device keeps in storage.local. */
interface LocalSync {
  enabled: boolean;
  deviceId: string | null;
  doc: SyncDoc | null;
  history: number[];
  status: SyncStatus;
}

export function createSync({ db, republish, timeZone, now = Date.now, lockedFieldIds: locked = lockedFieldIds }: SyncDeps) {
  const s: SyncState = { db, republish, timeZone, now, locked, queue: Promise.resolve(), timer: null, lastChangeAt: undefined, pendingSince: undefined };
  const pass = (): Promise<void> => runPass(s);

  return {
    pass,
    settingsChanged: (): Promise<void> => settingsChanged(s),
    /** storage.onChanged: another device (or our own write coming back). Applied at once. */
    onStorageChanged: (changes: Record<string, unknown>, area: string): void => {
      if (area !== 'sync' || !Object.keys(changes).some((key) => key.startsWith(SYNC_PREFIX))) return;
      pass().catch(() => {});
    },
    onAlarm: (alarm: { name: string }): void => {
      if (alarm.name === SYNC_ALARM) pass().catch(() => {});
    },
    getStatus: (): Promise<SyncStatusView> => getStatus(s),
    setEnabled: (enabled: boolean): Promise<void> => setEnabled(s, enabled),
    /** Resolves when every queued job has run (tests). */
    idle: (): Promise<void> => s.queue.then(() => undefined),
    cancel: (): void => cancel(s),
    hasTimer: () => s.timer !== null,
  };
}

/** Runs one job at a time, in order; a failed job does not stop the next. */
function enqueue<T>(s: SyncState, job: () => Promise<T>): Promise<T> {
  const run = s.queue.then(job);
  s.queue = run.catch((error: unknown) => console.warn('Async Etiquette: sync failed', error));
  return run;
}

async function readLocal(): Promise<LocalSync> {
  const stored = await browser.storage.local.get(Object.values(SYNC_KEYS));
  const history = z.array(z.number()).safeParse(stored[SYNC_KEYS.writes]);
  const status = syncStatusSchema.safeParse(stored[SYNC_KEYS.status]);
  return {
    enabled: stored[SYNC_KEYS.enabled] !== false,
    deviceId: typeof stored[SYNC_KEYS.deviceId] === 'string' ? (stored[SYNC_KEYS.deviceId] as string) : null,
    doc: decodeDoc(stored[SYNC_KEYS.doc]),
    history: history.success ? history.data : [],
    status: status.success ? status.data : EMPTY_STATUS,
  };
}

async function ensureDeviceId(existing: string | null): Promise<string> {
  if (existing) return existing;
  const id = createDeviceId();
  await browser.storage.local.set({ [SYNC_KEYS.deviceId]: id });
  return id;
}

function cancel(s: SyncState): void {
  if (s.timer !== null) clearTimeout(s.timer);
  s.timer = null;
  void browser.alarms.clear(SYNC_ALARM).catch(() => {});
}

/** One pass after `delay` ms: a timer when short, an alarm when the worker may sleep first. */
function schedule(s: SyncState, delay: number): void {
  cancel(s);
  if (delay <= TIMER_LIMIT_MS) {
    s.timer = setTimeout(() => {
      s.timer = null;
      void runPass(s).catch(() => {});
    }, delay);
  } else {
    void browser.alarms.create(SYNC_ALARM, { when: s.now() + delay }).catch(() => {});
  }
}

async function saveStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [SYNC_KEYS.status]: status });
}

/** A value the user chose on another device counts as set by the user here too (policy's recommended tier). */
async function markSyncedChoices(s: SyncState, before: SyncedSettings, after: SyncedSettings, at: number): Promise<void> {
  const marked = await readUserSet(s.db);
  if (marked === null) return; // not tracked yet: the service infers it from the values
  const chosen = userSetBySync(before, after, defaultSettings(s.timeZone())).filter((id) => !marked.includes(id));
  if (chosen.length) await writeUserSet(s.db, [...marked, ...chosen], at);
}

/** One sync pass (README step 1–5): apply what the account holds, then write what it lacks. */
function runPass(s: SyncState): Promise<void> {
  return enqueue(s, async () => {
    const state = await readLocal();
    if (!state.enabled) return;
    const { result, at } = await applyAccount(s, state);
    for (const problem of result.problems) console.warn(`Async Etiquette: ignored sync item ${problem.key}: ${problem.reason}`);
    await browser.storage.local.set({ [SYNC_KEYS.doc]: encodeDoc(result.doc) });
    const status: SyncStatus = {
      ...state.status,
      notSyncedTemplates: result.notSynced.templates,
      notSyncedFields: result.notSynced.fields,
      bytes: result.bytes,
      count: result.count,
    };
    if (Object.keys(result.patch).length) await s.republish();
    await writeWhenDue(s, result.write, state.history, status, at);
  });
}

/** Steps 1–3: merge the account's items into Dexie (one transaction) and plan what to write back. */
async function applyAccount(s: SyncState, state: LocalSync): Promise<{ result: ReconcileResult; at: number }> {
  const { db } = s;
  const id = await ensureDeviceId(state.deviceId);
  const lockedFields = await s.locked();
  const items = await browser.storage.sync.get(null);
  const at = s.now();
  const result = await db.transaction('rw', db.settings, db.contacts, async () => {
    const settings = await readCoreSettings(db, s.timeZone());
    const r = reconcile({ doc: state.doc, items, settings, deviceId: id, now: at, lockedFields });
    if (Object.keys(r.patch).length) {
      await patchSettings(db, r.patch, at);
      await markSyncedChoices(s, settings, r.settings, at);
    }
    return r;
  });
  return { result, at };
}

/** Steps 4–5: nothing to write, a write the rate limits put off, or the write now. */
async function writeWhenDue(s: SyncState, plan: WritePlan, writes: number[], status: SyncStatus, at: number): Promise<void> {
  if (isEmptyPlan(plan)) {
    s.lastChangeAt = s.pendingSince = undefined;
    await saveStatus({ ...status, lastSyncedAt: at, error: null });
    return;
  }
  const history = pruneWriteHistory(writes, at);
  const delay = nextWriteDelay(history, at, { lastChangeAt: s.lastChangeAt ?? at - DEBOUNCE_MS, pendingSince: s.pendingSince });
  if (delay > 0) {
    s.pendingSince ??= at;
    await saveStatus(status);
    schedule(s, delay);
    return;
  }
  await writePlan(s, plan, history, status);
}

async function writePlan(s: SyncState, plan: WritePlan, history: number[], status: SyncStatus): Promise<void> {
  try {
    // Remove first: old and new chunks never coexist, so the write needs no more room than the result.
    if (plan.remove.length) {
      history.push(s.now());
      await browser.storage.sync.remove(plan.remove);
    }
    if (Object.keys(plan.set).length) {
      history.push(s.now());
      await browser.storage.sync.set(plan.set);
    }
    s.lastChangeAt = s.pendingSince = undefined;
    await saveStatus({ ...status, lastSyncedAt: s.now(), error: null });
  } catch (error) {
    await saveStatus({ ...status, error: describeWriteError(error) });
    schedule(s, RETRY_MS);
  } finally {
    await browser.storage.local.set({ [SYNC_KEYS.writes]: history });
  }
}

/**
 * After every settings change (the service's publish hook): stamp the change at its own time and
 * schedule a coalesced write. Nothing to do when the change touched nothing synced.
 */
function settingsChanged(s: SyncState): Promise<void> {
  return enqueue(s, async () => {
    const state = await readLocal();
    if (!state.enabled) return;
    const at = s.now();
    if (state.doc) {
      const id = await ensureDeviceId(state.deviceId);
      const settings = await readCoreSettings(s.db, s.timeZone());
      const recorded = recordLocalChanges(state.doc, settings, { deviceId: id, now: at, lockedFields: await s.locked() });
      if (!recorded.changed.length) return;
      await browser.storage.local.set({ [SYNC_KEYS.doc]: encodeDoc(recorded.doc) });
    }
    // Without a doc the next pass joins the account.
    s.lastChangeAt = at;
    s.pendingSince ??= at;
    schedule(s, nextWriteDelay(pruneWriteHistory(state.history, at), at, { lastChangeAt: s.lastChangeAt, pendingSince: s.pendingSince }));
  });
}

async function getStatus(s: SyncState): Promise<SyncStatusView> {
  const state = await readLocal();
  const { templates } = await readCoreSettings(s.db, s.timeZone());
  const titles = new Map(templates.map((t) => [t.id, t.title]));
  return {
    ...state.status,
    enabled: state.enabled,
    notSyncedTemplates: state.status.notSyncedTemplates.map((id) => ({ id, title: titles.get(id) ?? id })),
  };
}

/** Turning sync off stops both directions and forgets the doc; turning it on joins afresh. */
function setEnabled(s: SyncState, enabled: boolean): Promise<void> {
  return enqueue(s, async () => {
    if (enabled) {
      await browser.storage.local.set({ [SYNC_KEYS.enabled]: true });
    } else {
      cancel(s);
      s.lastChangeAt = s.pendingSince = undefined;
      await browser.storage.local.set({ [SYNC_KEYS.enabled]: false, [SYNC_KEYS.status]: EMPTY_STATUS });
      await browser.storage.local.remove(SYNC_KEYS.doc);
    }
  }).then(() => (enabled ? runPass(s) : undefined));
}

export type Sync = ReturnType<typeof createSync>;
