/**
 * The one protocol between the extension's contexts. Every message the background accepts is listed
 * here; its payload's zod schema is in ./messaging-payloads.ts, and the background parses every
 * payload with it before acting.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type {
  holdCommentPayload,
  importSettingsPayload,
  setContactZonePayload,
  updateSettingsPayload,
} from '@/utils/messaging-payloads';
import type { AppEvent, Contact, Me, Pause, SettingsFile, Sites } from '@/utils/store/schema';
import type { ContactPage, ContactQuery } from '@/utils/store/contact-query';
import type { History, WeekNumbers } from '@/utils/store/history';
import type { PauseKind } from '@/utils/store/quiet';
import type { HeldComment } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';
import type { SiteHealthReport, SiteHealthView } from '@/utils/store/site-health';
import type { SyncStatusView } from '@/utils/background/sync';

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

  // Popup and options (issue 6). Pages ask for small, paged answers: never the whole directory or log.
  /** What the popup shows, without the contacts directory, so it opens fast with 10,000 contacts. */
  getPopupSummary(): PopupSummary;
  /** Pauses nudges and holds (badge on the toolbar icon while paused), or resumes them. */
  setPause(data: SetPausePayload): Outcome;
  /** One page of the contacts directory, searched and sorted in the worker. */
  listContacts(data: ContactQuery): ContactPage;
  /** Adds (no id) or replaces (id) one contact. */
  saveContact(data: SaveContactPayload): SaveContactOutcome;
  deleteContacts(data: { ids: number[] }): Outcome;
  /** Contacts read from a CSV file: matched by address or Slack id and updated, or added. All or nothing. */
  importContacts(data: { contacts: unknown[] }): ImportContactsOutcome;
  /** The event log per week, site and action. */
  getHistory(data: { weeks: number }): History;
  /** One page of the event log, newest first. */
  listEvents(data: { offset: number; limit: number }): EventPage;
  clearHistory(): Outcome;
  /** Everything back to the defaults (contacts emptied); the history too when asked. */
  resetSettings(data: { history: boolean }): Outcome;

  // Held Docs comments (issue 5): the one place message text is kept, only until posted or discarded.
  /** Stores a comment for later and arms the reminder; the page closes the draft only after `ok`. */
  holdComment(data: HoldCommentPayload): HoldCommentOutcome;
  /** Held comments, soonest first; of one document when `docId` is given. */
  listHeldComments(data: { docId?: string }): HeldComment[];
  /** A tab takes a held comment to post it; refused while another tab holds it (never posted twice). */
  claimHeldComment(data: { id: string }): ClaimHeldCommentOutcome;
  /** Posted: the row and its text are deleted. */
  heldCommentPosted(data: { id: string }): Outcome;
  /** Posting did not happen: the comment is offered again. */
  releaseHeldComment(data: { id: string }): Outcome;
  discardHeldComment(data: { id: string }): Outcome;
  /** "Post now" from the popup: brings up the doc's tab (or opens it), which posts the comment. */
  postHeldComment(data: { id: string }): Outcome;

  // Settings sync (issue 10).
  /** Whether sync is on here, when it last agreed with the account, and any quota problem. */
  getSyncStatus(): SyncStatusView;
  /** Turns sync on (joins the account) or off (both directions stop) on this browser. */
  setSyncEnabled(data: { enabled: boolean }): Outcome;

  // Site health (issue 16): structure only, never typed text, addresses or names.
  /** A content script's record of its tab (sent when it changes); the sender's tab is the key. */
  reportSiteHealth(data: SiteHealthReport): void;
  /** Per site: open problems over its tabs, and the last 20 failures (popup alert, options diagnostics). */
  getSiteHealth(): SiteHealthView;

  // Keyboard commands (issue 8): sent by the background TO a tab's content script, not handled by the background.
  /** Opens the template picker of the composer that has focus; false when no composer has focus. */
  openTemplatePicker(): boolean;
}

export type HoldCommentPayload = z.input<typeof holdCommentPayload>;
export type HoldCommentOutcome = { ok: true; id: string; dueAt: number } | { ok: false; error: string };
export type ClaimHeldCommentOutcome = { ok: true; comment: HeldComment } | { ok: false; error: string };

export interface PopupSummary {
  me: Me;
  sites: Sites;
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
}

export type SetPausePayload = { kind: PauseKind } | { kind: 'resume' };
export type SaveContactPayload = { id?: number; contact: Contact };
export type SaveContactOutcome = { ok: true; id: number } | { ok: false; error: string };
export type ImportContactsOutcome = { ok: true; added: number; updated: number } | { ok: false; error: string };
export interface EventPage {
  total: number;
  items: AppEvent[];
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
