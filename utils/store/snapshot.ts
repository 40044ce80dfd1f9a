/**
 * What a content script needs to decide on Send without asking the worker: the effective settings,
 * pushed by the background into `storage.local` after every change and read synchronously from a cache.
 */
import type { HolidayTable } from '@/utils/holidays/apply';
import type { Settings } from './schema';

export const SNAPSHOT_KEY = 'snapshot';

export interface Snapshot {
  /** Increases with every change, across worker restarts (it is time-based). */
  revision: number;
  /**
   * The user's settings with organisation policy merged in (utils/store/policy.ts). Content scripts read
   * `settings.quiet` and `settings.preferences.onCallUntil` / `quietExceptions` from here (quiet tabs:
   * utils/store/quiet-tabs.ts decides with them).
   */
  settings: Settings;
  /** Field ids the organisation locked (e.g. 'sites.gmail'); pages grey these out. */
  locked?: string[];
  /**
   * Public holidays of every region in use (contract §1 `holidays`), as local dates, computed by the
   * worker; absent while none is in use or before the first computation.
   */
  holidays?: HolidayTable;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Shallow by design: the snapshot is written only by our own worker after full zod validation, and
 * web pages cannot write our storage. A deep parse of 10,000 contacts on every page load (and zod in
 * every content script) would cost more than it protects.
 */
export function readSnapshot(value: unknown): Snapshot | null {
  if (!isObject(value) || !Number.isSafeInteger(value.revision) || (value.revision as number) <= 0) return null;
  const settings = value.settings;
  if (!isObject(settings) || !isObject(settings.me) || !isObject(settings.sites) || !isObject(settings.preferences)) return null;
  if (!isObject(settings.contactDefaults) || !Array.isArray(settings.contacts) || !Array.isArray(settings.templates)) return null;
  if (typeof settings.me.timeZone !== 'string' || !isObject(settings.me.weekly)) return null;
  const sites = settings.sites;
  if (!isObject(sites) || !['gmail', 'slack', 'docs'].every((site) => typeof sites[site] === 'string')) return null;
  // A snapshot from before quiet tabs is not this shape: the worker publishes afresh on update and on a
  // start that finds none, so nothing reads `settings.quiet` from an older one.
  const quiet = settings.quiet;
  if (!isObject(quiet) || !['gmail', 'slack', 'docs'].every((site) => typeof quiet[site] === 'string')) return null;
  if (value.holidays !== undefined && !isObject(value.holidays)) return { ...(value as unknown as Snapshot), holidays: undefined };
  return value as unknown as Snapshot;
}

export function nextRevision(previous: number | undefined, now = Date.now()): number {
  return Math.max(now, (previous ?? 0) + 1);
}
