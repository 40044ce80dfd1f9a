/**
 * The storage.local keys that pages and content scripts watch, each declared once as a WXT storage
 * item: the worker writes them, other contexts call `.watch` (tied to their own lifetime) instead of
 * filtering storage.onChanged by hand. Values stay `unknown` here: each reader validates its key.
 */
import { storage } from 'wxt/utils/storage';
import { HELD_INDEX_KEY } from './held-comments';

/** The worker's sync state in storage.local (utils/background/sync.ts). */
export const SYNC_KEYS = {
  enabled: 'syncEnabled',
  deviceId: 'syncDeviceId',
  doc: 'syncDoc',
  writes: 'syncWrites',
  status: 'syncStatus',
} as const;

/** Held Docs comments' metadata index (utils/store/held-comments.ts). */
export const heldIndexItem = storage.defineItem<unknown>(`local:${HELD_INDEX_KEY}`);
/** Whether sync is on here, and how its last pass went: the options page's sync section follows them. */
export const syncStateItems = [storage.defineItem<unknown>(`local:${SYNC_KEYS.enabled}`), storage.defineItem<unknown>(`local:${SYNC_KEYS.status}`)];
