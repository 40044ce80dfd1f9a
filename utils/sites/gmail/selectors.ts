/**
 * Gmail's DOM, as public SDKs and extensions read it (see ../shared/reference/sites.md §1).
 * Source keys: ISDK = InboxSDK/InboxSDK src/platform-implementation-js/…; gmail.js = KartikTalwar/gmail.js src/gmail.js.
 * No selector depends on a translated label; GMAIL_LABELS below only break ties between elements that
 * structure already picked.
 */
import type { SiteSelector } from '../selector';

export const GMAIL = {
  composeRoot: {
    css: ['div.M9'],
    source: 'gmail.js api.dom.compose (div.M9 for popup and inline composes)',
  },
  body: {
    css: ['.Ap [g_editable=true]', 'div.Am.editable[contenteditable=true]'],
    source: 'ISDK dom-driver/gmail/views/gmail-compose-view.ts getMaybeBodyElement',
  },
  /** The body's scrolling area (its `.Ap` parent): the nudge note goes under it, not inside the editable. */
  bodyArea: {
    css: ['.Ap'],
    source: 'ISDK dom-driver/gmail/views/gmail-compose-view.ts getMaybeBodyElement (".Ap [g_editable=true]")',
  },
  recipientRow: {
    // `${type}` is filled with to, cc or bcc.
    css: ['.GS .anm[name="${type}"]', '.anm[name="${type}"]'],
    source: 'ISDK dom-driver/gmail/views/gmail-compose-view/page-parser.ts (recipient UI since Oct 2021)',
  },
  chip: {
    css: ['[role=listbox] [role=option][data-hovercard-id]'],
    source: 'ISDK page-parser.ts / get-recipients.ts; gmail.js #654-#656',
  },
  typedAddress: {
    css: ['input[role=combobox][aria-autocomplete=list]', 'input[peoplekit-id]'],
    source: 'ISDK set-recipients.ts; gmail.js is_peoplekit_compose',
  },
  legacyRecipients: {
    css: ['textarea.vO[name="${type}"]'],
    source: 'ISDK page-parser.ts getOldRecipientRowForType (before Oct 2021)',
  },
  legacyChip: {
    css: ['.vR > input[type=hidden]'],
    source: 'ISDK page-parser.ts (value "Name <email>")',
  },
  send: {
    css: ['.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])', 'div.T-I.T-I-atl:not(.Uo):not(.hG):not([aria-haspopup])'],
    source: 'ISDK gmail-compose-view.ts getSendButton; gmail.js div.T-I.T-I-atl',
  },
  sendAndArchive: {
    css: ['.IZ .Up div > div[role=button].Uo:not([aria-haspopup=true])'],
    source: 'ISDK gmail-compose-view.ts getSendAndArchiveButton',
  },
  moreSendOptions: {
    css: ['.IZ .Up div > [role=button][aria-haspopup=true]', '.hG'],
    source: 'ISDK gmail-compose-view.ts; sezaiemrekonuk/gmail-train content.js',
  },
  scheduleItem: {
    css: ['[selector="scheduledSend"]'],
    source: 'ISDK gmail-compose-view.ts (2024); gmail.js add_more_send_option',
  },
  visibleDialog: {
    css: ['div[role=dialog]:not([aria-hidden="true"])'],
    source: 'gmail-train content.js (the filter avoids the hidden "Save draft" dialog)',
  },
  schedulePreset: {
    css: ['.Az[role=menuitem]'],
    source: 'sezaiemrekonuk/gmail-train content.js (presets; the last is "Pick date & time")',
  },
  dayCell: {
    css: ['td[role=gridcell][aria-label]'],
    source: 'sezaiemrekonuk/gmail-train content.js',
  },
  otherMonthDay: { css: ['.J-JB-KA-Ku-Kk'], source: 'sezaiemrekonuk/gmail-train content.js' },
  disabledDay: { css: ['.J-JB-KA-a1R-JB'], source: 'sezaiemrekonuk/gmail-train content.js' },
  alertDialog: {
    css: ['body > [role=alertdialog]'],
    source: 'ISDK gmail-compose-view.ts (Gmail cancels a send with an alertdialog)',
  },
} satisfies Record<string, SiteSelector>;

/**
 * Visible labels, used only to break a tie: when none matches (another UI language, a renamed button),
 * the structural choice stands. English from sites.md §1.7 ("Schedule send"); German ("Senden planen")
 * is Gmail's German wording as we know it, not confirmed against the live site (sites.md §4: "not
 * confirmed"). The German replica (tests/fixtures/gmail/inbox.html?variant=de) uses it.
 */
export const GMAIL_LABELS = {
  /** The picker's confirming button. */
  confirmSchedule: /^(schedule|senden planen)/i,
};

/** A selector with `${type}` filled in (recipient rows). */
export function forType(selector: SiteSelector, type: 'to' | 'cc' | 'bcc'): SiteSelector {
  return { ...selector, css: selector.css.map((css) => css.replace('${type}', type)) };
}
