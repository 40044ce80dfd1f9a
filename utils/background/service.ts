/**
 * The background worker's request handlers, free of wiring so they can be tested with fake-indexeddb.
 * Each handler validates its payload with the protocol's zod schema before it touches the database.
 */
import { DateTime } from 'luxon';
import type { z } from 'zod';
import {
  importSettingsPayload,
  recordEventPayload,
  setContactZonePayload,
  updateSettingsPayload,
} from '@/utils/messaging-payloads';
import type { Outcome, WeekSummary } from '@/utils/messaging';
import type { AppDb } from '@/utils/store/db';
import {
  addEvent,
  countEventsSince,
  ensureInitialized,
  patchSettings,
  readSettings,
  replaceSettings,
  setContactZone,
} from '@/utils/store/repository';
import type { Settings, SettingsFile } from '@/utils/store/schema';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';
import { describeIssue } from '@/utils/store/settings-file';

export interface ServiceDeps {
  db: AppDb;
  /** Called with the fresh settings after every change, to push them to content scripts and pages. */
  publish: (settings: Settings) => Promise<void>;
  timeZone: () => string;
  now?: () => number;
}

function refuse(error: z.ZodError, input: unknown): Outcome {
  return { ok: false, error: describeIssue(error.issues[0]!, input) };
}

export function createService({ db, publish, timeZone, now = Date.now }: ServiceDeps) {
  const ready = ensureInitialized(db, timeZone());

  async function current(): Promise<Settings> {
    await ready;
    return readSettings(db, timeZone());
  }

  async function republish(): Promise<Settings> {
    const settings = await current();
    await publish(settings);
    return settings;
  }

  return {
    ready,
    current,
    republish,

    async getSettings(): Promise<SettingsFile> {
      return toSettingsFile(await current());
    },

    async importSettings(data: unknown): Promise<Outcome> {
      const payload = importSettingsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      const parsed = parseSettingsText(payload.data.text, timeZone());
      if (!parsed.ok) return parsed;
      await ready;
      await replaceSettings(db, parsed.settings, now());
      await republish();
      return { ok: true };
    },

    async updateSettings(data: unknown): Promise<Outcome> {
      const payload = updateSettingsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      const { sites, preferences, ...whole } = payload.data;
      // Read, merge and write in one transaction: two partial updates at once must not overwrite each other.
      await db.transaction('rw', db.settings, db.contacts, async () => {
        const existing = await readSettings(db, timeZone());
        await patchSettings(
          db,
          {
            ...whole,
            ...(sites ? { sites: { ...existing.sites, ...sites } } : {}),
            ...(preferences ? { preferences: { ...existing.preferences, ...preferences } } : {}),
          },
          now(),
        );
      });
      await republish();
      return { ok: true };
    },

    async recordEvent(data: unknown): Promise<void> {
      const event = recordEventPayload.safeParse(data);
      if (!event.success) throw new Error(`Refused event: ${describeIssue(event.error.issues[0]!, data)}`);
      await ready;
      await addEvent(db, event.data);
    },

    async setContactZone(data: unknown): Promise<Outcome> {
      const payload = setContactZonePayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      if (await setContactZone(db, payload.data)) await republish();
      return { ok: true };
    },

    async getWeekSummary(): Promise<WeekSummary> {
      await ready;
      const since = DateTime.fromMillis(now(), { zone: timeZone() }).startOf('week').toMillis();
      const counts = await countEventsSince(db, since);
      return { since, held: counts.held, scheduled: counts.scheduled, sentAnyway: counts['sent-anyway'] };
    },
  };
}

export type Service = ReturnType<typeof createService>;
