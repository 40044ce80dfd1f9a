/**
 * The single source of truth for stored and imported data (contract §1).
 * Types are inferred from these schemas; nothing else defines the shapes.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { DAYS, isValidTimeZone, parseHHmm, type Day } from '@/utils/hours';

// MV3 pages forbid eval; skip zod's eval probe (and the CSP violation report it causes).
z.config({ jitless: true });

export const SETTINGS_FORMAT = 'async-etiquette/settings';
export const SETTINGS_VERSION = 1;
export const SITES = ['gmail', 'slack', 'docs'] as const;
export const SITE_MODES = ['off', 'nudge', 'confirm'] as const;
export const CONTACT_SOURCES = ['typed', 'slack-profile', 'policy'] as const;

export const LIMITS = {
  contacts: 20_000,
  templates: 200,
  rangesPerDay: 12,
  daysOff: 2_000,
  emailsPerContact: 50,
  templateBody: 5_000,
} as const;

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, {
    message: 'is not a time zone this browser knows; use an IANA name such as "Europe/Berlin"',
  });

const hhmmSchema = z.string().refine((s) => parseHHmm(s) !== null, {
  message: 'must be a 24-hour time "HH:mm" from 00:00 to 24:00',
});

export const rangeSchema = z
  .tuple([hhmmSchema, hhmmSchema])
  .refine(([start]) => start !== '24:00', { message: 'a range cannot start at 24:00' });

/** A range as minutes [start, end) on its own day, with a midnight-crossing end beyond 1440. */
function rangeSpan([start, end]: readonly [string, string]): [number, number] {
  const s = parseHHmm(start) ?? 0;
  const e = parseHHmm(end) ?? 0;
  return [s, e > s ? e : e + 1440];
}

function firstOverlap(ranges: ReadonlyArray<readonly [string, string]>): [number, number] | null {
  const spans = ranges.map(rangeSpan);
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a, b] = [spans[i]!, spans[j]!];
      if (a[0] < b[1] && b[0] < a[1]) return [i, j];
    }
  }
  return null;
}

const dayRangesSchema = z
  .array(rangeSchema)
  .max(LIMITS.rangesPerDay)
  .superRefine((ranges, ctx) => {
    const pair = firstOverlap(ranges);
    if (pair) {
      const [i, j] = pair;
      ctx.addIssue({
        code: 'custom',
        path: [j],
        message: `overlaps ${ranges[i]!.join('-')} (ranges of one day must not overlap)`,
      });
    }
  });

export const weeklySchema = z.strictObject(
  Object.fromEntries(DAYS.map((d) => [d, dayRangesSchema])) as Record<Day, typeof dayRangesSchema>,
);

export const isoDateSchema = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, {
  message: 'must be a date "YYYY-MM-DD"',
});

const daysOffSchema = z.array(isoDateSchema).max(LIMITS.daysOff);

export const meSchema = z.strictObject({
  timeZone: timeZoneSchema,
  weekly: weeklySchema,
  daysOff: daysOffSchema.optional(),
});

export const contactDefaultsSchema = z.strictObject({ weekly: weeklySchema });

const emailSchema = z
  .string()
  .max(254)
  .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, { message: 'is not an email address' })
  .transform((s) => s.toLowerCase());

const slackIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,20}$/, { message: 'is not a Slack member id (e.g. U012AB3CD)' });

export const contactSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  emails: z.array(emailSchema).max(LIMITS.emailsPerContact).default([]),
  slackIds: z.array(slackIdSchema).max(20).optional(),
  timeZone: timeZoneSchema.optional(),
  weekly: weeklySchema.optional(),
  daysOff: daysOffSchema.optional(),
  /** Where the contact's zone came from; a typed value always wins over a learned one. */
  source: z.enum(CONTACT_SOURCES).optional(),
});

export const siteModeSchema = z.enum(SITE_MODES);

export const sitesSchema = z.strictObject({
  gmail: siteModeSchema,
  slack: siteModeSchema,
  docs: siteModeSchema,
});

export const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be a short lower-case id such as "no-rush"' }),
  title: z.string().trim().min(1, { message: 'must not be empty' }).max(80),
  body: z.string().min(1, { message: 'must not be empty' }).max(LIMITS.templateBody),
});

export const preferencesSchema = z.strictObject({
  /** Minutes before a working start in which a send is not questioned (Viva's pre-work grace). */
  graceMinutes: z.number().int().min(0).max(240),
  /** More recipients than this are summarised by count, never listed. */
  largeListThreshold: z.number().int().min(1).max(1000),
  /** Whether `Send now` asks for a short reason first. */
  askReasonOnSendNow: z.boolean(),
});

export type SiteMode = z.infer<typeof siteModeSchema>;
export type Site = (typeof SITES)[number];
export type Sites = z.infer<typeof sitesSchema>;
export type Me = z.infer<typeof meSchema>;
export type ContactDefaults = z.infer<typeof contactDefaultsSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Template = z.infer<typeof templateSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;
export type Weekly = z.infer<typeof weeklySchema>;

function uniqueBy<T>(items: T[], key: (t: T) => string): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return null;
}

/** Contract §1: the settings file. Unknown top-level keys are refused; missing ones take defaults. */
export const settingsFileSchema = z
  .strictObject({
    format: z.literal(SETTINGS_FORMAT, { message: `must be "${SETTINGS_FORMAT}"` }),
    version: z.literal(SETTINGS_VERSION, { message: `must be ${SETTINGS_VERSION} (this version of the extension reads version ${SETTINGS_VERSION})` }),
    me: meSchema.optional(),
    contactDefaults: contactDefaultsSchema.optional(),
    contacts: z.array(contactSchema).max(LIMITS.contacts).optional(),
    sites: sitesSchema.partial().optional(),
    templates: z
      .array(templateSchema)
      .max(LIMITS.templates)
      .superRefine((list, ctx) => {
        const dup = uniqueBy(list, (t) => t.id);
        if (dup) ctx.addIssue({ code: 'custom', message: `has the id "${dup}" twice` });
      })
      .optional(),
    preferences: preferencesSchema.partial().optional(),
  });

export type SettingsFileInput = z.input<typeof settingsFileSchema>;
export type ParsedSettingsFile = z.output<typeof settingsFileSchema>;

/** Everything the user owns, complete (the export shape). */
export interface Settings {
  me: Me;
  contactDefaults: ContactDefaults;
  contacts: Contact[];
  sites: Sites;
  templates: Template[];
  preferences: Preferences;
}

export interface SettingsFile extends Settings {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
}

/** Metadata only: never message text, never addresses. */
export const eventSchema = z.strictObject({
  at: z.number().int().nonnegative(),
  site: z.enum(SITES),
  verdict: z.enum(['sender-outside', 'recipients-outside', 'day-off', 'fine']),
  action: z.enum(['held', 'nudged', 'scheduled', 'sent-anyway', 'kept-editing', 'failed-open']),
  recipients: z.number().int().min(0).max(10_000),
});
export type AppEvent = z.infer<typeof eventSchema>;
