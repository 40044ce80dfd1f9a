/**
 * The one protocol between the extension's contexts. Every message the background accepts is listed
 * here with the zod schema of its payload; the background parses each payload before acting on it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import {
  contactDefaultsSchema,
  contactSchema,
  eventSchema,
  meSchema,
  preferencesSchema,
  sitesSchema,
  templateSchema,
  timeZoneSchema,
  type AppEvent,
  type SettingsFile,
} from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';

export type Outcome = { ok: true } | { ok: false; error: string };

export const importSettingsPayload = z.strictObject({ text: z.string() });

export const updateSettingsPayload = z
  .strictObject({
    me: meSchema.optional(),
    contactDefaults: contactDefaultsSchema.optional(),
    sites: sitesSchema.partial().optional(),
    preferences: preferencesSchema.partial().optional(),
    templates: templateSchema.array().max(200).optional(),
    contacts: contactSchema.array().max(20_000).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'nothing to update' });
export type UpdateSettingsPayload = z.input<typeof updateSettingsPayload>;

export const recordEventPayload = eventSchema;

/** A zone for one person, set from the hold dialog (typed) or read from a Slack profile (learned). */
export const setContactZonePayload = z.strictObject({
  key: z.union([z.email().max(254), z.string().regex(/^[UW][A-Z0-9]{2,20}$/)]),
  name: z.string().trim().min(1).max(200),
  timeZone: timeZoneSchema,
  source: z.enum(['typed', 'slack-profile']),
});
export type SetContactZonePayload = z.input<typeof setContactZonePayload>;

export const emptyPayload = z.undefined().or(z.null());

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
