/**
 * How many elements each DOCS selector finds in the Docs replica (tests/fixtures/docs/document.html),
 * state by state. TEST DATA ONLY: see ../selector-counts.ts; never imported by the extension.
 *
 * States (tests/unit/setup/replicas.ts opens and drives them; the clock is Wed 15 April 2026, 12:00):
 *   document             the document at load: Dana's thread with its (collapsed) reply box
 *   new-comment          "Add comment" pressed (mousedown + mouseup): a new comment draft above the thread
 *   reply-box            a click into the thread's reply box and "Checked, they match." typed
 *   mention-chip         from `new-comment`, "Please check @pri" typed and Enter: a mention chip for Priya
 *   mention-text         mentions=text: the same, inserted as "+priya@example.com " text
 *   posted-comment       from `new-comment`, "Looks good" typed and Comment pressed: a second thread, with its own reply box
 *   legacy               variant=legacy (2020 DOM): the drafts are textareas
 *   legacy-new-comment   variant=legacy: "Add comment" pressed, "Please look @fo" typed and Enter ("+fox@example.com ")
 *   thread-replies       replies=3: Dana's thread with three replies from colleagues, all shown
 *   thread-folded        replies=3&fold=on: the same thread, two replies folded behind "2 more replies"
 */
import { countsIn, type SelectorExpectation, type UndrawnAlternative } from '../selector-counts';
import type { DOCS } from './selectors';

export type DocsReplicaState =
  | 'document'
  | 'new-comment'
  | 'reply-box'
  | 'mention-chip'
  | 'mention-text'
  | 'posted-comment'
  | 'legacy'
  | 'legacy-new-comment'
  | 'thread-replies'
  | 'thread-folded';

const at = countsIn<DocsReplicaState>;

/** One box per draft: every thread's reply box (collapsed or not) and an open new comment's. */
const perDraft = {
  document: 1,
  'new-comment': 2,
  'reply-box': 1,
  'mention-chip': 2,
  'mention-text': 2,
  'posted-comment': 2,
  legacy: 1,
  'legacy-new-comment': 2,
} as const;

export const DOCS_COUNTS = {
  inputPane: at(perDraft),
  // The contenteditable, or in the legacy variant the textarea (third alternative).
  draft: at(perDraft),
  post: at(perDraft),
  cancel: at(perDraft),
  buttons: at(perDraft),
  mentionChip: at({ document: 0, 'new-comment': 0, 'mention-chip': 1, 'mention-text': 0, 'legacy-new-comment': 0 }),
  // Every box has its Assign checkbox and assignee select, hidden (display:none) until someone is mentioned.
  assignmentBox: at(perDraft),
  assigneeSelect: at(perDraft),
  assigneeCaption: at(perDraft),
  insertComment: at({ document: 1, 'new-comment': 1, legacy: 1 }),
  // An open new comment is a thread element too (without a first comment).
  thread: at(perDraft),
  threadRootBody: at({ document: 1, 'new-comment': 1, 'mention-chip': 1, 'posted-comment': 2, legacy: 1, 'legacy-new-comment': 1 }),
  // Replies shown in a thread (never the first comment, never in a reply box).
  threadReply: at({ document: 0, 'reply-box': 0, 'posted-comment': 0, legacy: 0, 'thread-replies': 3, 'thread-folded': 1 }),
  threadFirstComment: at({ document: 1, 'new-comment': 1, 'posted-comment': 2, legacy: 1, 'thread-replies': 1, 'thread-folded': 1 }),
  threadMoreReplies: at({ document: 0, 'thread-replies': 0, 'thread-folded': 1 }),
  // The replica has no OneGoogle bar: selfIds finds no address (see DOCS_UNDRAWN).
  account: at({ document: 0, legacy: 0 }),
} as const satisfies Record<keyof typeof DOCS, readonly SelectorExpectation<DocsReplicaState>[]>;

export const DOCS_UNDRAWN: readonly UndrawnAlternative<keyof typeof DOCS>[] = [
  {
    selector: 'account',
    css: 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label]',
    // So the Docs adapter's selfIds is never exercised against a replica; mentioning oneself is untested here.
    why: 'the OneGoogle bar\u2019s account button; the replica draws no OneGoogle bar',
  },
];
