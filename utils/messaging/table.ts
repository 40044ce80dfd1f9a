/**
 * Every message the background answers, declared once: its name, its payload's zod schema and its
 * result type. Only the background imports this module's values; pages and content scripts import
 * its types (./index.ts), so they bundle no zod. utils/background/handle.ts parses, refuses and waits
 * for the database with these, once for all handlers.
 */
import { z } from 'zod';
import {
  contactDefaultsSchema,
  holidayRegionSchema,
  contactSchema,
  eventSchema,
  meSchema,
  preferencesSchema,
  quietSchema,
  sitesSchema,
  templateSchema,
  timeZoneSchema,
  LIMITS,
  docsIdSchema,
  heldCommentFieldsSchema,
  heldCommentSchema,
  SITES,
  type AppEvent,
  type HeldComment,
  type Me,
  type Pause,
  type Quiet,
  type SettingsFile,
  type Sites,
} from '@/utils/store/schema';
import { CONTACT_SORTS, MAX_PAGE, type ContactPage } from '@/utils/store/contact-query';
import { MAX_TEAM_PAGE, type TeamPage } from '@/utils/etiquette/team-clock';
import { MAX_HISTORY_WEEKS, type History, type WeekNumbers } from '@/utils/store/history';
import type { FootprintLine, FootprintWeek } from '@/utils/store/footprint';
import { PAUSE_KINDS } from '@/utils/store/quiet';
import { SITE_HEALTH_PROBLEMS, type SiteHealthView } from '@/utils/store/site-health';
import type { Snapshot } from '@/utils/store/snapshot';
import type { SyncStatusView } from '@/utils/background/sync';
import { ITEM_ID, MAX_OPENED } from '@/utils/quiet/opened';
import { t } from '@/utils/i18n';

/** The one refusal shape: what a page shows a person (translated). */
export interface Refusal {
  ok: false;
  error: string;
}
export type Outcome = { ok: true } | Refusal;
export type HoldCommentOutcome = { ok: true; id: string; dueAt: number } | Refusal;
export type ClaimHeldCommentOutcome = { ok: true; comment: HeldComment } | Refusal;
export type SaveContactOutcome = { ok: true; id: number } | Refusal;
export type ImportContactsOutcome = { ok: true; added: number; updated: number } | Refusal;

export interface PopupSummary {
  me: Me;
  sites: Sites;
  /** Quiet tabs per site (effective: policy merged in). */
  quiet: Quiet;
  /** "On call until" (epoch ms) while it lies ahead; null otherwise (a passed one reads as null too). */
  onCallUntil: number | null;
  /** Null when not paused (an expired pause reads as null too). */
  pause: Pause | null;
  /** Recipients snoozed right now. */
  snoozed: number;
  contacts: number;
  week: WeekNumbers;
  /** Field ids set by the organisation (e.g. 'sites.gmail'): shown greyed, "set by your organisation". */
  locked?: string[];
  /** Contacts in the organisation's team directory (policy); absent when there is none. */
  teamContacts?: number;
  /** The footprint's line (issue 21): this week against last week. Absent in a copy stored before it. */
  footprint?: { thisWeek: FootprintLine; lastWeek: FootprintLine };
}

export interface EventPage {
  total: number;
  items: AppEvent[];
}

/**
 * One message: its payload schema (null: it takes none) and, as a type only, its result. A message
 * whose result has an `{ ok: false }` branch answers a refused payload with it; any other rejects
 * with an error naming `subject` ("Refused event: …"), read only in the console.
 */
export interface MessageSpec<Payload extends z.ZodType | null, Result> {
  readonly payload: Payload;
  readonly refusedAs: 'outcome' | { subject: string };
  /** Never set: carries the result type. */
  readonly result?: Result;
}

/** A message that can say no in its answer. */
function outcome<Result extends { ok: boolean }>() {
  return <Payload extends z.ZodType | null>(payload: Payload): MessageSpec<Payload, Result> => ({ payload, refusedAs: 'outcome' });
}

/** A message that answers with data; a refused payload rejects. */
function answer<Result>(subject = 'request') {
  return <Payload extends z.ZodType | null>(payload: Payload): MessageSpec<Payload, Result> => ({ payload, refusedAs: { subject } });
}

const id = z.strictObject({ id: heldCommentSchema.shape.id });

/** Peeks (issue 19, item 4): ids and a time only; each id must look like the site's (never text or names). */
const remindAfterPeekPayload = z
  .strictObject({
    site: z.enum(SITES),
    at: z.number().int().nonnegative(),
    items: z.array(z.string().max(120)).min(1).max(MAX_OPENED),
  })
  .superRefine((payload, ctx) => {
    payload.items.forEach((item, index) => {
      if (!ITEM_ID[payload.site].test(item)) ctx.addIssue({ code: 'custom', path: ['items', index], message: t('quietTab.peek.badItem') });
    });
  });

// Site health (issue 16): what a content script recognised, never what anyone typed.
/** Only tag names, roles and data-* attribute NAMES: "div[role=button] data-tooltip". Never text or values. */
const structureEntry = z.string().max(120).regex(/^[a-z][a-z0-9-]*(\[role=[a-z]+\])?( data-[a-z0-9-]+)*$/);
const healthCount = z.number().int().min(0).max(1_000_000);

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
    composers: healthCount,
    sendControls: healthCount,
    recipientsRead: healthCount,
    scheduleSteps: healthCount,
    zonesLearned: healthCount,
  }),
  /** Open now; a problem that is gone (the site works again) is simply not listed. */
  problems: z.array(z.enum(SITE_HEALTH_PROBLEMS)).max(SITE_HEALTH_PROBLEMS.length),
  /** New since this tab's last report. */
  failures: z.array(siteHealthFailureSchema).max(20),
});

export const messages = {
  /** The complete settings file (contract §1), as Export writes it. */
  getSettings: answer<SettingsFile>()(null),
  /** Validates and applies a settings file whole, or changes nothing and says why. */
  importSettings: outcome<Outcome>()(z.strictObject({ text: z.string() })),
  updateSettings: outcome<Outcome>()(
    z
      .strictObject({
        // One field at a time from the options page: a whole `me` built from a copy a moment old would undo a save made just before.
        me: meSchema.partial().extend({ holidays: holidayRegionSchema.nullable().optional() }).optional(),
        contactDefaults: contactDefaultsSchema.extend({ holidays: holidayRegionSchema.nullable().optional() }).optional(),
        sites: sitesSchema.partial().optional(),
        quiet: quietSchema.partial().optional(),
        preferences: preferencesSchema.partial().optional(),
        templates: templateSchema.array().max(200).optional(),
        contacts: contactSchema.array().max(20_000).optional(),
      })
      .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'nothing to update' }),
  ),
  /** Wakes the worker when a content script finds no snapshot; also returns it. */
  getSnapshot: answer<Snapshot>()(null),
  recordEvent: answer<void>('event')(eventSchema),
  /** Send-now presses (sent-anyway events) since the start of today in the user's zone: the daily limit (issue 21). */
  countSentAnywayToday: answer<number>()(null),
  /** The hold dialog's and the note's ⋯ menu, "Settings" (issue 20): a content script cannot open the options page itself. */
  openOptions: outcome<Outcome>()(null),
  /** A zone for one person, set from the hold dialog (typed) or read from a Slack profile (learned); a typed zone is never replaced by a learned one. */
  setContactZone: outcome<Outcome>()(
    z.strictObject({
      key: z.union([z.email().max(254), z.string().regex(/^[UW][A-Z0-9]{2,20}$/)]),
      name: z.string().trim().min(1).max(200),
      timeZone: timeZoneSchema,
      holidays: holidayRegionSchema.optional(),
      source: z.enum(['typed', 'slack-profile']),
    }),
  ),

  // Popup and options (issue 6). Pages ask for small, paged answers: never the whole directory or log.
  /** What the popup shows, without the contacts directory, so it opens fast with 10,000 contacts. */
  getPopupSummary: answer<PopupSummary>()(null),
  /** Pauses nudges and holds (badge on the toolbar icon while paused), or resumes them. */
  setPause: outcome<Outcome>()(z.strictObject({ kind: z.enum([...PAUSE_KINDS, 'resume']) })),
  /**
   * "I'm on call until …": quiet tabs are off until `until` (epoch ms, after now and at most 7 days
   * ahead, else refused with the reason); null ends it. This browser's own state, like the pause.
   */
  setOnCall: outcome<Outcome>()(z.strictObject({ until: z.number().int().nonnegative().nullable() })),
  /** One page of the contacts directory, searched and sorted in the worker. */
  listContacts: answer<ContactPage>('query')(
    z.strictObject({
      search: z.string().max(200).optional(),
      sort: z.enum(CONTACT_SORTS).optional(),
      descending: z.boolean().optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).optional(),
    }),
  ),
  /**
   * The team clock (issue 22): one page of the contacts and the organisation's directory, grouped
   * (working now, starting within 2 hours, off, zone unknown) and sorted by when each is next available
   * at `at` (default: now), searched by name or address. Answered from an index the worker keeps.
   */
  queryTeamClock: answer<TeamPage>('query')(
    z.strictObject({
      search: z.string().max(200).optional(),
      at: z.number().int().nonnegative().max(8.64e15).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(MAX_TEAM_PAGE).optional(),
    }),
  ),
  /** Adds (no id) or replaces (id) one contact. */
  saveContact: outcome<SaveContactOutcome>()(z.strictObject({ id: z.number().int().positive().optional(), contact: contactSchema })),
  deleteContacts: outcome<Outcome>()(z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(LIMITS.contacts) })),
  /** Contacts read from a CSV file: matched by address or Slack id and updated, or added. All or nothing. Parsed row by row in the worker, so a refusal can name the row. */
  importContacts: outcome<ImportContactsOutcome>()(z.strictObject({ contacts: z.array(z.unknown()).max(LIMITS.contacts) })),
  /** The event log per week, site and action. */
  getHistory: answer<History>()(z.strictObject({ weeks: z.number().int().min(1).max(MAX_HISTORY_WEEKS) })),
  /** The sender's own footprint (issue 21): the last 12 local weeks by site, oldest first. */
  getFootprint: answer<FootprintWeek[]>()(null),
  /** One page of the event log, newest first. */
  listEvents: answer<EventPage>()(
    z.strictObject({ offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(500) }),
  ),
  clearHistory: outcome<Outcome>()(null),
  /** Everything back to the defaults (contacts emptied); the history too when asked. */
  resetSettings: outcome<Outcome>()(z.strictObject({ history: z.boolean() })),

  // Held Docs comments (issue 5): the one place message text is kept, only until posted or discarded.
  /** Stores a comment for later and arms the reminder; the page closes the draft only after `ok`. */
  holdComment: outcome<HoldCommentOutcome>()(heldCommentFieldsSchema),
  /** Held comments, soonest first; of one document when `docId` is given. */
  listHeldComments: answer<HeldComment[]>()(z.strictObject({ docId: docsIdSchema.optional() }).default({})),
  /** A tab takes a held comment to post it; refused while another tab holds it (never posted twice). */
  claimHeldComment: outcome<ClaimHeldCommentOutcome>()(id),
  /** Posted: the row and its text are deleted. */
  heldCommentPosted: outcome<Outcome>()(id),
  /** Posting did not happen: the comment is offered again. */
  releaseHeldComment: outcome<Outcome>()(id),
  discardHeldComment: outcome<Outcome>()(id),
  /** "Post now" from the popup: brings up the doc's tab (or opens it), which posts the comment. */
  postHeldComment: outcome<Outcome>()(id),

  // Quiet tabs' peeks (issue 19, item 4): only ids and times are stored, never text, names or subjects.
  /** "Remind me at Mon 09:00": a notification at `at` (ahead, at most 8 days) names the site and how many. */
  remindAfterPeek: outcome<Outcome>()(remindAfterPeekPayload),

  // Settings sync (issue 10).
  /** Whether sync is on here, when it last agreed with the account, and any quota problem. */
  getSyncStatus: answer<SyncStatusView>()(null),
  /** Turns sync on (joins the account) or off (both directions stop) on this browser. */
  setSyncEnabled: outcome<Outcome>()(z.strictObject({ enabled: z.boolean() })),

  // Site health (issue 16): structure only, never typed text, addresses or names.
  /** A content script's record of its tab (sent when it changes); the sender's tab is the key. */
  reportSiteHealth: answer<void>('site health report')(reportSiteHealthPayload),
  /** Per site: open problems over its tabs, and the last 20 failures (popup alert, options diagnostics). */
  getSiteHealth: answer<SiteHealthView>()(null),
};

export type Messages = typeof messages;
export type MessageName = keyof Messages;
type SpecPayload<K extends MessageName> = Messages[K]['payload'];
/** What a sender passes. */
export type PayloadIn<K extends MessageName> = SpecPayload<K> extends z.ZodType ? z.input<SpecPayload<K>> : undefined;
/** What a handler receives, parsed. */
export type PayloadOut<K extends MessageName> = SpecPayload<K> extends z.ZodType ? z.output<SpecPayload<K>> : undefined;
export type ResultOf<K extends MessageName> = Messages[K] extends MessageSpec<infer _P, infer R> ? R : never;
