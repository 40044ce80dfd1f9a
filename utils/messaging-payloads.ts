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
  LIMITS,
  docsIdSchema,
  heldCommentFieldsSchema,
  heldCommentSchema,
  SITES,
} from '@/utils/store/schema';
import { SITE_HEALTH_PROBLEMS } from '@/utils/store/site-health';
import { CONTACT_SORTS, MAX_PAGE } from '@/utils/store/contact-query';
import { MAX_HISTORY_WEEKS } from '@/utils/store/history';
import { PAUSE_KINDS } from '@/utils/store/quiet';

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

// Popup and options (issue 6).
export const setPausePayload = z.strictObject({ kind: z.enum([...PAUSE_KINDS, 'resume']) });

export const listContactsPayload = z.strictObject({
  search: z.string().max(200).optional(),
  sort: z.enum(CONTACT_SORTS).optional(),
  descending: z.boolean().optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
});

export const saveContactPayload = z.strictObject({
  id: z.number().int().positive().optional(),
  contact: contactSchema,
});

export const deleteContactsPayload = z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(LIMITS.contacts) });

/** Contacts are parsed one by one in the worker, so a refusal can name the row. */
export const importContactsPayload = z.strictObject({ contacts: z.array(z.unknown()).max(LIMITS.contacts) });

export const historyPayload = z.strictObject({ weeks: z.number().int().min(1).max(MAX_HISTORY_WEEKS) });

export const listEventsPayload = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});

export const resetSettingsPayload = z.strictObject({ history: z.boolean() });

// Held Docs comments (issue 5).
export const holdCommentPayload = heldCommentFieldsSchema;
export const heldCommentIdPayload = z.strictObject({ id: heldCommentSchema.shape.id });
export const listHeldCommentsPayload = z.strictObject({ docId: docsIdSchema.optional() });

// Settings sync (issue 10).
export const setSyncEnabledPayload = z.strictObject({ enabled: z.boolean() });

// ───────────── Site health (issue 16): what a content script recognised, never what anyone typed.

/** Only tag names, roles and data-* attribute NAMES: "div[role=button] data-tooltip". Never text or values. */
const structureEntry = z.string().max(120).regex(/^[a-z][a-z0-9-]*(\[role=[a-z]+\])?( data-[a-z0-9-]+)*$/);
const count = z.number().int().min(0).max(1_000_000);

export const siteHealthFailureSchema = z.strictObject({
  kind: z.enum(SITE_HEALTH_PROBLEMS),
  at: z.number().int().min(0),
  structure: z.array(structureEntry).max(16),
  /** Which scheduler step failed, in the extension's own words (siteSteps.*). */
  step: z.string().max(80).regex(/^[\p{L}\p{N} &.,'’()-]*$/u).optional(),
});

export const reportSiteHealthPayload = z.strictObject({
  site: z.enum(SITES),
  counts: z.strictObject({
    composers: count,
    sendControls: count,
    recipientsRead: count,
    scheduleSteps: count,
    zonesLearned: count,
  }),
  /** Open now; a problem that is gone (the site works again) is simply not listed. */
  problems: z.array(z.enum(SITE_HEALTH_PROBLEMS)).max(SITE_HEALTH_PROBLEMS.length),
  /** New since this tab's last report. */
  failures: z.array(siteHealthFailureSchema).max(20),
});
