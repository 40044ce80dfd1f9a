/**
 * The names and limits of stored data, without zod: pages and content scripts that only need a list of
 * sites or actions import this, not the schemas (zod is most of an extension page's script otherwise).
 * utils/store/schema.ts re-exports all of it; the schemas there are built from these lists.
 */

export const SETTINGS_FORMAT = 'async-etiquette/settings';
export const SETTINGS_VERSION = 1;
export const SITES = ['gmail', 'slack', 'docs'] as const;
export const SITE_MODES = ['off', 'nudge', 'confirm'] as const;
/** What a site's tab does while you are outside your working time (contract §1 `quiet`). */
export const QUIET_MODES = ['off', 'calm', 'shield'] as const;
/** typed in the editor; imported from a settings file or CSV; learned from a Slack profile; set by the organisation. */
export const CONTACT_SOURCES = ['typed', 'imported', 'slack-profile', 'policy'] as const;

export const LIMITS = {
  contacts: 20_000,
  templates: 200,
  rangesPerDay: 12,
  daysOff: 2_000,
  emailsPerContact: 50,
  templateTitle: 80,
  templateBody: 5_000,
  snoozes: 500,
  quietExceptions: 50,
  quietException: 100,
} as const;

/** Whole-number preferences' bounds: the schema enforces them, the options page's fields show them. */
export const PREFERENCE_BOUNDS = {
  graceMinutes: { min: 0, max: 240 },
  largeListThreshold: { min: 1, max: 1000 },
  sendNowDailyLimit: { min: 1, max: 100 },
} as const;

/** What `Send now` asks first: nothing (as before issue 21), a reason that may be skipped, or a reason it needs. */
export const SEND_NOW_REASON_MODES = ['off', 'ask', 'require'] as const;
export type SendNowReasonMode = (typeof SEND_NOW_REASON_MODES)[number];

/** What the person did with a held or nudged send (the history's columns). */
/** The last two are quiet tabs' (issue 19): a tab went quiet for the evening, and "Open anyway" was chosen. */
export const EVENT_ACTIONS = ['held', 'nudged', 'scheduled', 'sent-anyway', 'kept-editing', 'failed-open', 'quieted', 'peeked'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** Why a held send went out at once (issue 21): one tap in the dialog; the words of "own words" are never kept. */
export const SEND_NOW_REASONS = ['incident', 'asked', 'customer', 'own-words'] as const;
export type SendNowReason = (typeof SEND_NOW_REASONS)[number];

export type Site = (typeof SITES)[number];

