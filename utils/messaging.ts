/**
 * The one protocol between the extension's contexts. Every message the background accepts is listed
 * here; its payload's zod schema is in ./messaging-payloads.ts, and the background parses every
 * payload with it before acting.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type {
  importSettingsPayload,
  setContactZonePayload,
  updateSettingsPayload,
} from '@/utils/messaging-payloads';
import type { AppEvent, SettingsFile } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';

export type Outcome = { ok: true } | { ok: false; error: string };
export type UpdateSettingsPayload = z.input<typeof updateSettingsPayload>;
export type SetContactZonePayload = z.input<typeof setContactZonePayload>;

export interface WeekSummary {
  since: number;
  held: number;
  scheduled: number;
  sentAnyway: number;
}

export interface ProtocolMap {
  /** The complete settings file (contract §1), as Export writes it. */
  getSettings(): SettingsFile;
  /** Validates and applies a settings file whole, or changes nothing and says why. */
  importSettings(data: z.input<typeof importSettingsPayload>): Outcome;
  updateSettings(data: UpdateSettingsPayload): Outcome;
  /** Wakes the worker when a content script finds no snapshot; also returns it. */
  getSnapshot(): Snapshot;
  recordEvent(data: AppEvent): void;
  /** Adds or updates a contact's zone; a typed zone is never replaced by a learned one. */
  setContactZone(data: SetContactZonePayload): Outcome;
  getWeekSummary(): WeekSummary;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
