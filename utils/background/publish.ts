import { browser } from 'wxt/browser';
import type { HolidayTable } from '@/utils/holidays/apply';
import type { Settings } from '@/utils/store/schema';
import { nextRevision, readSnapshot, SNAPSHOT_KEY, type Snapshot } from '@/utils/store/snapshot';

/** Writes the effective settings where content scripts and pages watch for them. */
export async function publishSnapshot(settings: Settings, locked: string[] = [], holidays?: HolidayTable): Promise<Snapshot> {
  const stored = await browser.storage.local.get(SNAPSHOT_KEY);
  const previous = readSnapshot(stored[SNAPSHOT_KEY]);
  const snapshot: Snapshot = {
    revision: nextRevision(previous?.revision),
    settings,
    ...(locked.length ? { locked } : {}),
    ...(holidays && Object.keys(holidays).length ? { holidays } : {}),
  };
  await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
  return snapshot;
}

/** Only our own pages and content scripts may talk to the worker. */
export function isOwnSender(sender: { id?: string } | undefined): boolean {
  // Fail closed: without an id of our own, `undefined === undefined` must not let an id-less sender in.
  const ownId: string | undefined = browser.runtime.id;
  return typeof ownId === 'string' && ownId !== '' && sender?.id === ownId;
}
