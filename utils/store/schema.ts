/**
 * The single source of truth for stored and imported data (contract §1).
 * Types are inferred from these schemas; nothing else defines the shapes.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { DAYS, isValidTimeZone, parseHHmm, type Day } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { builtInIssueText } from './issue-text';
import { findShortcutClash, shortcutClashMessage, shortcutProblem, shortcutProblemMessage } from '@/utils/etiquette/templates/shortcuts';
import { canonicalRegion } from '@/utils/holidays/regions';
import { CONTACT_SOURCES, EVENT_ACTIONS, LIMITS, PREFERENCE_BOUNDS, QUIET_MODES, SEND_NOW_REASON_MODES, SEND_NOW_REASONS, SETTINGS_FORMAT, SETTINGS_VERSION, SITE_MODES, SITES, type SendNowReasonMode } from './names';

// MV3 pages forbid eval; skip zod's eval probe (and the CSP violation report it causes).
// Messages are functions (`error: () => t(…)`): worded when a value is checked, in the UI language.
z.config({ jitless: true, customError: builtInIssueText });

export * from './names';

const NOT_EMPTY = { error: () => t('settingsFile.field.notEmpty') };


export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { error: () => t('settingsFile.field.timeZone') });

const hhmmSchema = z.string().refine((s) => parseHHmm(s) !== null, { error: () => t('settingsFile.field.time') });

export const rangeSchema = z
  .tuple([hhmmSchema, hhmmSchema])
  .refine(([start]) => start !== '24:00', { error: () => t('settingsFile.field.rangeStart') });

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
        message: t('settingsFile.field.overlap', { range: ranges[i]!.join('-') }),
      });
    }
  });

export const weeklySchema = z.strictObject(
  Object.fromEntries(DAYS.map((d) => [d, dayRangesSchema])) as Record<Day, typeof dayRangesSchema>,
);

export const isoDateSchema = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, {
  error: () => t('settingsFile.field.date'),
});

const daysOffSchema = z.array(isoDateSchema).max(LIMITS.daysOff);

/** A public-holiday region (contract §1 `holidays`), spelled as the library spells it ("de-by" → "DE-BY"). */
export const holidayRegionSchema = z
  .string()
  .max(32)
  .transform((code, ctx) => {
    const region = canonicalRegion(code);
    if (region === null) ctx.addIssue({ code: 'custom', message: t('settingsFile.field.holidayRegion') });
    return region ?? code;
  });

export const meSchema = z.strictObject({
  timeZone: timeZoneSchema,
  weekly: weeklySchema,
  daysOff: daysOffSchema.optional(),
  holidays: holidayRegionSchema.optional(),
});

export const contactDefaultsSchema = z.strictObject({ weekly: weeklySchema, holidays: holidayRegionSchema.optional() });

const emailSchema = z
  .string()
  .max(254)
  .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, { error: () => t('settingsFile.field.email') })
  .transform((s) => s.toLowerCase());

const slackIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,20}$/, { error: () => t('settingsFile.field.slackId') });

export const contactSchema = z.strictObject({
  name: z.string().trim().min(1, NOT_EMPTY).max(200),
  emails: z.array(emailSchema).max(LIMITS.emailsPerContact).default([]),
  slackIds: z.array(slackIdSchema).max(20).optional(),
  timeZone: timeZoneSchema.optional(),
  weekly: weeklySchema.optional(),
  daysOff: daysOffSchema.optional(),
  holidays: holidayRegionSchema.optional(),
  /** Where the contact's zone came from; a typed value always wins over a learned one. */
  source: z.enum(CONTACT_SOURCES).optional(),
});

export const siteModeSchema = z.enum(SITE_MODES);

export const sitesSchema = z.strictObject({
  gmail: siteModeSchema,
  slack: siteModeSchema,
  docs: siteModeSchema,
});

export const quietModeSchema = z.enum(QUIET_MODES);

/** Per site: off, calm (no unread counts in the title, no page notifications) or shield (calm, and the page covered). */
export const quietSchema = z.strictObject({
  gmail: quietModeSchema,
  slack: quietModeSchema,
  docs: quietModeSchema,
});

/** The shortcut sentences end with a stop; file errors add their own. */
const withoutStop = (sentence: string) => sentence.replace(/[.。]$/, '');

/** A template's keyboard shortcut, canonical ("Alt+Shift+Digit1"; utils/etiquette/templates/shortcuts.ts). */
export const templateShortcutSchema = z
  .string()
  .max(60)
  .superRefine((shortcut, ctx) => {
    const problem = shortcutProblem(shortcut);
    if (problem) ctx.addIssue({ code: 'custom', message: withoutStop(shortcutProblemMessage(problem, shortcut)) });
  });

export const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: () => t('settingsFile.field.templateId') }),
  title: z.string().trim().min(1, NOT_EMPTY).max(LIMITS.templateTitle),
  body: z.string().min(1, NOT_EMPTY).max(LIMITS.templateBody),
  /** Optional, so files and rows from before shortcuts stay valid (contract §1: fields may be added). */
  shortcut: templateShortcutSchema.optional(),
});

/** Nudges and holds are paused from `since` until `until` (epoch ms), or until turned back on (null). */
export const pauseSchema = z.strictObject({
  since: z.number().int().nonnegative(),
  until: z.number().int().nonnegative().nullable(),
});

/** The key a recipient is judged by: a lower-cased email address or a Slack member id. */
const recipientKeySchema = z.union([emailSchema, slackIdSchema]);

/** "Don't ask me about Ana until Friday": her addresses and ids are not judged before `until` (your local date). */
export const snoozeSchema = z.strictObject({
  name: z.string().trim().min(1, NOT_EMPTY).max(200),
  keys: z.array(recipientKeySchema).min(1, { error: () => t('settingsFile.field.snoozeKeys') }).max(LIMITS.emailsPerContact + 20),
  until: isoDateSchema,
});

export const preferencesSchema = z.strictObject({
  /** Minutes before a working start in which a send is not questioned (Viva's pre-work grace). */
  graceMinutes: z.number().int().min(PREFERENCE_BOUNDS.graceMinutes.min).max(PREFERENCE_BOUNDS.graceMinutes.max),
  /** More recipients than this are summarised by count, never listed. */
  largeListThreshold: z.number().int().min(PREFERENCE_BOUNDS.largeListThreshold.min).max(PREFERENCE_BOUNDS.largeListThreshold.max),
  /**
   * Whether `Send now` asks for a reason first (only which reason is counted, never words). Took over
   * from `askReasonOnSendNow` (true: 'ask'), which files and policies may still carry (legacyReason below).
   */
  sendNowReason: z.enum(SEND_NOW_REASON_MODES),
  /** Send-now presses a day (the user's local day) before `Send now` explains and offers Schedule; null: no limit. */
  sendNowDailyLimit: z
    .number()
    .int()
    .min(PREFERENCE_BOUNDS.sendNowDailyLimit.min)
    .max(PREFERENCE_BOUNDS.sendNowDailyLimit.max)
    .nullable(),
  /** The reason step's "add a line for them" box, as the user last left it; absent: unticked. */
  sendNowLabel: z.boolean().optional(),
  /** Absent: not paused. Optional so older stored rows and files stay valid. */
  pause: pauseSchema.optional(),
  /** Per-recipient snoozes; absent or empty: none. */
  snoozes: z.array(snoozeSchema).max(LIMITS.snoozes).optional(),
  /** Clarity-check rules the user turned off (rule ids; unknown ids are ignored). */
  clarityDisabledRules: z.array(z.string().regex(/^[a-z-]{1,40}$/)).max(20).optional(),
  /**
   * "I'm on call until …": quiet tabs are off until this instant (epoch ms). This browser's own state,
   * like `pause`: never synced, never set by an organisation. Absent (or past): not on call.
   */
  onCallUntil: z.number().int().nonnegative().optional(),
  /**
   * Names, addresses or Slack channel names whose desktop notifications still show during quiet time
   * (matched in the page). Only this list is stored, never a notification's text.
   */
  quietExceptions: z
    .array(z.string().trim().min(1, NOT_EMPTY).max(LIMITS.quietException))
    .max(LIMITS.quietExceptions)
    .optional(),
});

/**
 * Settings files and managed policies written before issue 21 say `askReasonOnSendNow` (a boolean):
 * still accepted, read as `sendNowReason` ('ask' or 'off') unless that is given too, and never kept.
 */
export function legacyReason<T extends { sendNowReason?: SendNowReasonMode; askReasonOnSendNow?: boolean }>(
  value: T,
): Omit<T, 'askReasonOnSendNow'> {
  const { askReasonOnSendNow, ...rest } = value;
  if (askReasonOnSendNow === undefined || rest.sendNowReason !== undefined) return rest;
  return { ...rest, sendNowReason: askReasonOnSendNow ? 'ask' : 'off' };
}

/** The old boolean, where a file or a policy may still carry it (read by legacyReason, never stored). */
export const legacyReasonShape = { askReasonOnSendNow: z.boolean().optional() };

export type SiteMode = z.infer<typeof siteModeSchema>;
export type QuietMode = z.infer<typeof quietModeSchema>;
export type Quiet = z.infer<typeof quietSchema>;
export type Sites = z.infer<typeof sitesSchema>;
export type Me = z.infer<typeof meSchema>;
export type ContactDefaults = z.infer<typeof contactDefaultsSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Template = z.infer<typeof templateSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;
export type Pause = z.infer<typeof pauseSchema>;
export type Snooze = z.infer<typeof snoozeSchema>;
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
    format: z.literal(SETTINGS_FORMAT, { error: () => t('settingsFile.field.format', { format: SETTINGS_FORMAT }) }),
    version: z.literal(SETTINGS_VERSION, { error: () => t('settingsFile.field.version', { version: String(SETTINGS_VERSION) }) }),
    me: meSchema.optional(),
    contactDefaults: contactDefaultsSchema.optional(),
    contacts: z.array(contactSchema).max(LIMITS.contacts).optional(),
    sites: sitesSchema.partial().optional(),
    quiet: quietSchema.partial().optional(),
    templates: z
      .array(templateSchema)
      .max(LIMITS.templates)
      .superRefine((list, ctx) => {
        const dup = uniqueBy(list, (t) => t.id);
        if (dup) ctx.addIssue({ code: 'custom', message: t('settingsFile.field.duplicateId', { id: dup }) });
        const clash = findShortcutClash(list);
        if (clash) ctx.addIssue({ code: 'custom', message: withoutStop(shortcutClashMessage(clash)) });
      })
      .optional(),
    preferences: preferencesSchema.partial().extend(legacyReasonShape).transform(legacyReason).optional(),
  });

export type ParsedSettingsFile = z.output<typeof settingsFileSchema>;

/** Everything the user owns, complete (the export shape). */
export interface Settings {
  me: Me;
  contactDefaults: ContactDefaults;
  contacts: Contact[];
  sites: Sites;
  quiet: Quiet;
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
  action: z.enum(EVENT_ACTIONS),
  recipients: z.number().int().min(0).max(10_000),
  /** `sent-anyway` only: the reason chosen, when one was asked for. */
  reason: z.enum(SEND_NOW_REASONS).optional(),
  /** A send that went out (sent anyway, or past a nudge): how many recipients it reached more than an hour outside their working time (the footprint). */
  farOutside: z.number().int().min(0).max(10_000).optional(),
  /** `held` only: how many recipients had no known time zone (a count; who they were is never kept). Issue 20. */
  unknownZones: z.number().int().min(0).max(10_000).optional(),
});
export type AppEvent = z.infer<typeof eventSchema>;

/**
 * A Google Docs comment kept for later (Docs has no scheduled posting). This is the one place the
 * extension stores message text, and only until the comment is posted or discarded.
 */
export const HELD_COMMENT_LIMITS = { text: 30_000, parts: 400, title: 300 } as const;

/** Plain text, or an @/+ mention of one address (posted as `${prefix}${mention}`). */
export const heldCommentPartSchema = z.union([
  z.strictObject({ text: z.string().min(1).max(HELD_COMMENT_LIMITS.text) }),
  z.strictObject({
    mention: emailSchema,
    prefix: z.enum(['@', '+']),
    /** The person's name as the page or the contacts know it: posted instead of the mention "without the @-mention". */
    name: z.string().trim().min(1).max(200).optional(),
  }),
]);

export const docsIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, { error: () => t('settingsFile.field.docsId') });

/** The document's address without query or fragment (keeps the /u/N/ account prefix). */
export const docsUrlSchema = z
  .string()
  .max(400)
  .regex(/^https:\/\/docs\.google\.com\/document\/(?:u\/\d+\/)?d\/[A-Za-z0-9_-]+\/edit$/, { error: () => t('settingsFile.field.docsUrl') });

export const heldCommentFieldsSchema = z.strictObject({
  docId: docsIdSchema,
  url: docsUrlSchema,
  title: z.string().max(HELD_COMMENT_LIMITS.title),
  kind: z.enum(['comment', 'reply']),
  /** For a reply: a fingerprint (hash and length) of the thread's first comment, never its text. */
  thread: z.string().regex(/^[0-9a-f]{8}:\d{1,6}$/).optional(),
  /** For a reply: how many replies its thread had when it was held (a number only), to tell of new ones before posting. */
  repliesSeen: z.number().int().min(0).max(100_000).optional(),
  parts: z
    .array(heldCommentPartSchema)
    .min(1)
    .max(HELD_COMMENT_LIMITS.parts)
    .refine((parts) => parts.reduce((n, p) => n + ('text' in p ? p.text.length : p.mention.length + 1), 0) <= HELD_COMMENT_LIMITS.text, {
      error: () => t('settingsFile.field.tooLong', { max: String(HELD_COMMENT_LIMITS.text) }),
    }),
  /** The comment was assigned (Docs' "Assign to" box) to this mentioned address. */
  assignee: emailSchema.optional(),
  /** When to remind (epoch ms): the suggested slot. */
  dueAt: z.number().int().positive(),
});

export const heldCommentSchema = heldCommentFieldsSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  createdAt: z.number().int().nonnegative(),
  /** The reminder was shown (at the slot, or at the next start after a missed slot); never twice. */
  notifiedAt: z.number().int().nonnegative().optional(),
  /** A Docs tab is posting it right now; others must not (a lease, see utils/background/held-comments.ts). */
  claimedAt: z.number().int().nonnegative().optional(),
  /** "Post now" from the popup: the doc's tab posts it as soon as it is open. */
  postRequestedAt: z.number().int().nonnegative().optional(),
});

export type HeldCommentPart = z.infer<typeof heldCommentPartSchema>;
export type HeldComment = z.infer<typeof heldCommentSchema>;
