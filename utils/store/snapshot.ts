/**
 * What a content script needs to decide on Send without asking the worker: the effective settings,
 * pushed by the background into `storage.local` after every change and read synchronously from a cache.
 */
import { z } from 'zod';
import type { Settings } from './schema';

export const SNAPSHOT_KEY = 'snapshot';

export interface Snapshot {
  /** Increases with every change, across worker restarts (it is time-based). */
  revision: number;
  settings: Settings;
}

/**
 * Shallow by design: the snapshot is written only by our own worker after full validation, and a deep
 * parse of 10,000 contacts on every page load would cost more than it protects.
 */
export const snapshotShape = z.looseObject({
  revision: z.number().int().positive(),
  settings: z.looseObject({
    me: z.looseObject({ timeZone: z.string(), weekly: z.record(z.string(), z.array(z.unknown())) }),
    contacts: z.array(z.unknown()),
    sites: z.looseObject({ gmail: z.string(), slack: z.string(), docs: z.string() }),
    templates: z.array(z.unknown()),
    preferences: z.looseObject({}),
    contactDefaults: z.looseObject({}),
  }),
});

export function readSnapshot(value: unknown): Snapshot | null {
  return snapshotShape.safeParse(value).success ? (value as Snapshot) : null;
}

export function nextRevision(previous: number | undefined, now = Date.now()): number {
  return Math.max(now, (previous ?? 0) + 1);
}
