/**
 * The zod schema of every payload in utils/messaging.ts. Kept apart so content scripts, which only
 * send, do not bundle zod; the background, which receives, parses every payload with these.
 */
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
} from '@/utils/store/schema';

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

export const recordEventPayload = eventSchema;

/** A zone for one person, set from the hold dialog (typed) or read from a Slack profile (learned). */
export const setContactZonePayload = z.strictObject({
  key: z.union([z.email().max(254), z.string().regex(/^[UW][A-Z0-9]{2,20}$/)]),
  name: z.string().trim().min(1).max(200),
  timeZone: timeZoneSchema,
  source: z.enum(['typed', 'slack-profile']),
});
