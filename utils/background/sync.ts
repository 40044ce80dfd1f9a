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
  type SyncedSettings,
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

export function createSync({ db, republish, timeZone, now = Date.now, lockedFieldIds: locked = lockedFieldIds }: SyncDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs one job at a time, in order; a failed job does not stop the next. */
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job);
    queue = run.catch((error: unknown) => console.warn('Async Etiquette: sync failed', error));
    return run;
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The last local change not yet written, and the first: the debounce and its cap. */
  let lastChangeAt: number | undefined;
  let pendingSince: number | undefined;

  async function local() {
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

  async function deviceId(existing: string | null): Promise<string> {
    if (existing) return existing;
    const id = createDeviceId();
    await browser.storage.local.set({ [SYNC_KEYS.deviceId]: id });
    return id;
  }

  function cancel(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    void browser.alarms.clear(SYNC_ALARM).catch(() => {});
  }

  /** One pass after `delay` ms: a timer when short, an alarm when the worker may sleep first. */
  function schedule(delay: number): void {
    cancel();
    if (delay <= TIMER_LIMIT_MS) {
      timer = setTimeout(() => {
        timer = null;
        void pass().catch(() => {});
      }, delay);
    } else {
      void browser.alarms.create(SYNC_ALARM, { when: now() + delay }).catch(() => {});
    }
  }

  async function saveStatus(status: SyncStatus): Promise<void> {
    await browser.storage.local.set({ [SYNC_KEYS.status]: status });
  }

  /** A value the user chose on another device counts as set by the user here too (policy's recommended tier). */
  async function markSyncedChoices(before: SyncedSettings, after: SyncedSettings, at: number): Promise<void> {
    const marked = await readUserSet(db);
    if (marked === null) return; // not tracked yet: the service infers it from the values
    const chosen = userSetBySync(before, after, defaultSettings(timeZone())).filter((id) => !marked.includes(id));
    if (chosen.length) await writeUserSet(db, [...marked, ...chosen], at);
  }

  /** One sync pass (README step 1–5): apply what the account holds, then write what it lacks. */
  function pass(): Promise<void> {
    return enqueue(async () => {
      const state = await local();
      if (!state.enabled) return;
      const id = await deviceId(state.deviceId);
      const lockedFields = await locked();
      const items = await browser.storage.sync.get(null);
      const at = now();
      const result = await db.transaction('rw', db.settings, db.contacts, async () => {
        const settings = await readCoreSettings(db, timeZone());
        const r = reconcile({ doc: state.doc, items, settings, deviceId: id, now: at, lockedFields });
        if (Object.keys(r.patch).length) {
          await patchSettings(db, r.patch, at);
          await markSyncedChoices(settings, r.settings, at);
        }
        return r;
      });
      for (const problem of result.problems) console.warn(`Async Etiquette: ignored sync item ${problem.key}: ${problem.reason}`);
      await browser.storage.local.set({ [SYNC_KEYS.doc]: encodeDoc(result.doc) });
      const status: SyncStatus = {
        ...state.status,
        notSyncedTemplates: result.notSynced.templates,
        notSyncedFields: result.notSynced.fields,
        bytes: result.bytes,
        count: result.count,
      };
      if (Object.keys(result.patch).length) await republish();

      if (isEmptyPlan(result.write)) {
        lastChangeAt = pendingSince = undefined;
        await saveStatus({ ...status, lastSyncedAt: at, error: null });
        return;
      }
      const history = pruneWriteHistory(state.history, at);
      const delay = nextWriteDelay(history, at, { lastChangeAt: lastChangeAt ?? at - DEBOUNCE_MS, pendingSince });
      if (delay > 0) {
        pendingSince ??= at;
        await saveStatus(status);
        schedule(delay);
        return;
      }
      try {
        // Remove first: old and new chunks never coexist, so the write needs no more room than the result.
        if (result.write.remove.length) {
          history.push(now());
          await browser.storage.sync.remove(result.write.remove);
        }
        if (Object.keys(result.write.set).length) {
          history.push(now());
          await browser.storage.sync.set(result.write.set);
        }
        lastChangeAt = pendingSince = undefined;
        await saveStatus({ ...status, lastSyncedAt: now(), error: null });
      } catch (error) {
        await saveStatus({ ...status, error: describeWriteError(error) });
        schedule(RETRY_MS);
      } finally {
        await browser.storage.local.set({ [SYNC_KEYS.writes]: history });
      }
    });
  }

  /**
   * After every settings change (the service's publish hook): stamp the change at its own time and
   * schedule a coalesced write. Nothing to do when the change touched nothing synced.
   */
  function settingsChanged(): Promise<void> {
    return enqueue(async () => {
      const state = await local();
      if (!state.enabled) return;
      const at = now();
      if (state.doc) {
        const id = await deviceId(state.deviceId);
        const settings = await readCoreSettings(db, timeZone());
        const recorded = recordLocalChanges(state.doc, settings, { deviceId: id, now: at, lockedFields: await locked() });
        if (!recorded.changed.length) return;
        await browser.storage.local.set({ [SYNC_KEYS.doc]: encodeDoc(recorded.doc) });
      }
      // Without a doc the next pass joins the account.
      lastChangeAt = at;
      pendingSince ??= at;
      schedule(nextWriteDelay(pruneWriteHistory(state.history, at), at, { lastChangeAt, pendingSince }));
    });
  }

  /** storage.onChanged: another device (or our own write coming back). Applied at once. */
  function onStorageChanged(changes: Record<string, unknown>, area: string): void {
    if (area !== 'sync' || !Object.keys(changes).some((key) => key.startsWith(SYNC_PREFIX))) return;
    pass().catch(() => {});
  }

  function onAlarm(alarm: { name: string }): void {
    if (alarm.name === SYNC_ALARM) pass().catch(() => {});
  }

  async function getStatus(): Promise<SyncStatusView> {
    const state = await local();
    const { templates } = await readCoreSettings(db, timeZone());
    const titles = new Map(templates.map((t) => [t.id, t.title]));
    return {
      ...state.status,
      enabled: state.enabled,
      notSyncedTemplates: state.status.notSyncedTemplates.map((id) => ({ id, title: titles.get(id) ?? id })),
    };
  }

  /** Turning sync off stops both directions and forgets the doc; turning it on joins afresh. */
  function setEnabled(enabled: boolean): Promise<void> {
    return enqueue(async () => {
      if (enabled) {
        await browser.storage.local.set({ [SYNC_KEYS.enabled]: true });
      } else {
        cancel();
        lastChangeAt = pendingSince = undefined;
        await browser.storage.local.set({ [SYNC_KEYS.enabled]: false, [SYNC_KEYS.status]: EMPTY_STATUS });
        await browser.storage.local.remove(SYNC_KEYS.doc);
      }
    }).then(() => (enabled ? pass() : undefined));
  }

  /** Resolves when every queued job has run (tests). */
  function idle(): Promise<void> {
    return queue.then(() => undefined);
  }

  return { pass, settingsChanged, onStorageChanged, onAlarm, getStatus, setEnabled, idle, cancel, hasTimer: () => timer !== null };
}

export type Sync = ReturnType<typeof createSync>;
