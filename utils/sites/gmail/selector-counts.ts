/**
 * How many elements each GMAIL selector finds in the Gmail replica (tests/fixtures/gmail/inbox.html),
 * state by state. TEST DATA ONLY: see ../selector-counts.ts; never imported by the extension.
 *
 * States (tests/unit/setup/replicas.ts opens and drives them; the clock is Wed 15 April 2026, 12:00):
 *   inbox              ?composes=0: the inbox and an open thread, no compose
 *   compose            from `inbox`, a click on Compose: one empty popup compose
 *   recipients         one compose with To priya + bob, Cc kenji, Bcc ana as chips and "dana@example.org" typed in To
 *   suggestions        one compose with a Bob chip and "Pri" typed in To: the contact suggestion list is open
 *   two-composes       variant=two-composes
 *   inline-reply       variant=inline-reply: the reply in the thread (Send + Archive, a chip for the sender), no popup
 *   legacy             variant=legacy (recipient UI before Oct 2021): To priya, Cc "Bob Chen <bob@…>", "fox@example.net" typed
 *   de                 variant=de, To priya
 *   schedule-menu      To priya; More send options opened (mousedown + mouseup on the arrow)
 *   no-schedule-menu   variant=no-schedule: the same menu without "Schedule send"
 *   schedule-dialog    from `schedule-menu`, "Schedule send" pressed: the preset dialog
 *   pick-date          date=grid: from the preset dialog, "Pick date & time" clicked (a month grid, no date field)
 *   pick-time-listbox  time=listbox: the picker whose Time field is a combobox
 *   de-pick-date       variant=de, date=grid: the German picker (weeks start on Monday)
 *   send-refused       one compose without recipients, Send clicked: Gmail's "specify at least one recipient" alert
 *   bare-send          variant=bare-send: Send and its arrow are plain <div>s without class, role or label
 *   no-send-button     variant=no-send-button: a redesigned bar of native <button>s
 */
import { countsIn, type SelectorExpectation, type UndrawnAlternative } from '../selector-counts';
import type { GMAIL } from './selectors';

export type GmailReplicaState =
  | 'inbox'
  | 'compose'
  | 'recipients'
  | 'suggestions'
  | 'two-composes'
  | 'inline-reply'
  | 'legacy'
  | 'de'
  | 'schedule-menu'
  | 'no-schedule-menu'
  | 'schedule-dialog'
  | 'pick-date'
  | 'pick-time-listbox'
  | 'de-pick-date'
  | 'send-refused'
  | 'bare-send'
  | 'no-send-button';

const at = countsIn<GmailReplicaState>;

/** One per compose in every state that has composes (the inline reply is one too). */
const perCompose = {
  inbox: 0,
  compose: 1,
  recipients: 1,
  'two-composes': 2,
  'inline-reply': 1,
  legacy: 1,
  de: 1,
  'schedule-dialog': 1,
  'pick-date': 1,
  'bare-send': 1,
  'no-send-button': 1,
} as const;

export const GMAIL_COUNTS = {
  composeRoot: at(perCompose),
  body: at(perCompose),
  bodyArea: at(perCompose),
  // Every compose has all three rows; Cc and Bcc are hidden (display:none) until used, but present.
  // The legacy UI has none (its rows are textareas), through both alternatives.
  recipientRow: [
    ...at({ inbox: 0, compose: 1, 'two-composes': 2, 'inline-reply': 1, legacy: 0, de: 1 }, 'to'),
    ...at({ compose: 1, 'two-composes': 2, legacy: 0 }, 'cc'),
    ...at({ compose: 1, legacy: 0 }, 'bcc'),
  ],
  // Document-wide, the contact suggestion (an option with data-hovercard-id in a listbox) counts as a
  // chip: `suggestions` shows 1 chip + 1 suggestion. Only readGmailRecipients' row scope keeps it out.
  chip: at({ compose: 0, recipients: 4, suggestions: 2, 'two-composes': 0, 'inline-reply': 1, legacy: 0, de: 1 }),
  // Three per compose (To, Cc, Bcc). Document-wide, the picker's Time combobox (time=listbox) matches
  // too: 3 + 1. Only the row scope keeps it out.
  typedAddress: at({ inbox: 0, compose: 3, 'two-composes': 6, 'inline-reply': 3, legacy: 0, 'pick-date': 3, 'pick-time-listbox': 4 }),
  legacyRecipients: [
    ...at({ compose: 0, legacy: 1 }, 'to'),
    ...at({ legacy: 1 }, 'cc'),
    ...at({ legacy: 1 }, 'bcc'),
  ],
  legacyChip: at({ compose: 0, recipients: 0, legacy: 2 }),
  // Gone in both redesign variants: the adapter then falls back to Ctrl+Enter (resend) and to the body
  // for its toolbar, and cannot schedule (no More send options either).
  send: at({ inbox: 0, compose: 1, 'two-composes': 2, 'inline-reply': 1, legacy: 1, de: 1, 'bare-send': 0, 'no-send-button': 0 }),
  sendAndArchive: at({ compose: 0, 'two-composes': 0, 'inline-reply': 1 }),
  moreSendOptions: at({ compose: 1, 'two-composes': 2, 'inline-reply': 1, legacy: 1, de: 1, 'bare-send': 0, 'no-send-button': 0 }),
  // Only while the menu is open, and only where Gmail offers scheduling.
  scheduleItem: at({ compose: 0, 'schedule-menu': 1, 'no-schedule-menu': 0, 'schedule-dialog': 0 }),
  // A popup compose is itself a visible div[role=dialog] (the inline reply is not), and so is Gmail's
  // schedule dialog; the hidden "Save draft" decoy is excluded. schedule.ts tells them apart by content.
  visibleDialog: at({ inbox: 0, compose: 1, 'two-composes': 2, 'inline-reply': 0, 'schedule-menu': 1, 'schedule-dialog': 2, 'pick-date': 2, 'send-refused': 1 }),
  // Three presets (tomorrow morning, tomorrow afternoon, Monday morning) and "Pick date & time" last;
  // the picker replaces them.
  schedulePreset: at({ 'schedule-menu': 0, 'schedule-dialog': 4, 'pick-date': 0 }),
  // Six weeks of seven days.
  dayCell: at({ 'schedule-dialog': 0, 'pick-date': 42, 'pick-time-listbox': 42, 'de-pick-date': 42 }),
  // April 2026 (1 April is a Wednesday) in a six-week grid: en (weeks from Sunday) shows 29–31 March and
  // 1–9 May; de (weeks from Monday) 30–31 March and 1–10 May.
  otherMonthDay: at({ 'schedule-dialog': 0, 'pick-date': 12, 'de-pick-date': 12 }),
  // Days before today (15 April): en 29–31 March + 1–14 April; de 30–31 March + 1–14 April.
  disabledDay: at({ 'schedule-dialog': 0, 'pick-date': 17, 'de-pick-date': 16 }),
  alertDialog: at({ compose: 0, 'schedule-dialog': 0, 'send-refused': 1 }),
} as const satisfies Record<keyof typeof GMAIL, readonly SelectorExpectation<GmailReplicaState>[]>;

/** Every css alternative of GMAIL is drawn in some state (input[peoplekit-id] too: the replica's combobox carries it). */
export const GMAIL_UNDRAWN: readonly UndrawnAlternative<keyof typeof GMAIL>[] = [];
