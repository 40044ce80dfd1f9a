/**
 * The content script's copy of the settings. It is read once at load and then pushed through
 * `storage.onChanged`, so a Send decision never waits for the (possibly asleep) worker.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import { readSnapshot, SNAPSHOT_KEY, type Snapshot } from '@/utils/store/snapshot';

export interface SnapshotSource {
  /** The latest snapshot, or null before the first one arrives (then sends proceed natively). */
  current(): Snapshot | null;
  /** Calls `listener` after each newer snapshot, until `signal` aborts. */
  subscribe?(listener: (snapshot: Snapshot) => void, signal: AbortSignal): void;
}

type StorageChanges = Record<string, { newValue?: unknown }>;

export function watchSnapshot(signal: AbortSignal, onChange: (snapshot: Snapshot) => void = () => {}): SnapshotSource {
  let latest: Snapshot | null = null;
  const listeners = new Set<(snapshot: Snapshot) => void>();

  function accept(value: unknown): void {
    const snapshot = readSnapshot(value);
    if (!snapshot || signal.aborted) return;
    if (latest && snapshot.revision <= latest.revision) return;
    latest = snapshot;
    onChange(snapshot);
    for (const listener of listeners) listener(snapshot);
  }

  const onStorage = (changes: StorageChanges, area: string) => {
    if (area === 'local' && changes[SNAPSHOT_KEY]) accept(changes[SNAPSHOT_KEY].newValue);
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });

  browser.storage.local
    .get(SNAPSHOT_KEY)
    .then((stored) => {
      if (stored[SNAPSHOT_KEY] !== undefined) accept(stored[SNAPSHOT_KEY]);
      // No snapshot yet (first install, cleared storage): wake the worker, which publishes one.
      else return sendMessage('getSnapshot').then(accept);
    })
    .catch(() => {
      // The extension is reloading or the worker is unavailable: the page behaves natively.
    });

  return {
    current: () => latest,
    subscribe(listener, until) {
      listeners.add(listener);
      until.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
