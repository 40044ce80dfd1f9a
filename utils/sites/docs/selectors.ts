/**
 * Google Docs' comment UI ("docos"), as public sources show it (see ../shared/reference/sites.md §3).
 * Source keys: CN = ptgott/comment-navigator src/lib/test-utils/mock-html.ts (and its 2020 test.html).
 * The document body is a canvas with a keystroke iframe (`iframe.docs-texteventtarget-iframe`): no
 * selector here reaches into it. No selector depends on a translated label.
 */
import type { SiteSelector } from '../selector';

export const DOCS = {
  /** The box of one draft: a new comment's or a thread's reply box. */
  inputPane: {
    css: ['.docos-input'],
    source: 'CN mock-html.ts (.docos-input with .docos-anchoreddocoview-input-pane / .docos-streamdocoview-inputcontainer)',
  },
  draft: {
    css: [
      'div.docos-input-textarea.docos-input-contenteditable[contenteditable=true]',
      '.docos-input-contenteditable[contenteditable=true]',
      'textarea.docos-input-textarea',
    ],
    source: 'sites.md §3: the contenteditable draft (2025–26 scripts, M); the ≤2020 textarea (CN, L)',
  },
  post: {
    css: ['.docos-input-buttons .docos-input-post', '.docos-input-post'],
    source: 'CN mock-html.ts (div[role=button].jfk-button.docos-input-post; jfk-button-disabled when empty)',
  },
  cancel: {
    css: ['.docos-input-buttons .docos-input-cancel', '.docos-input-cancel'],
    source: 'CN mock-html.ts',
  },
  buttons: {
    css: ['.docos-input-buttons'],
    source: 'CN mock-html.ts',
  },
  /**
   * A mention inside the contenteditable draft. The live structure was NOT found (sites.md §3): the
   * fixture's chip is a guess; any non-editable element carrying an address is taken as one.
   */
  mentionChip: {
    css: ['.docos-mention-chip', '[contenteditable=false][data-email]', '[contenteditable=false][data-hovercard-id]'],
    source: 'fixture guess (tests/fixtures/docs/document.html pickPerson); unconfirmed on the live site',
  },
  assignmentBox: {
    css: ['.docos-input-assignment-box[role=checkbox]'],
    source: 'CN (2020 DOM): .docos-input-assignment-box[role=checkbox][aria-checked]',
  },
  assigneeSelect: {
    css: ['.docos-input-assignee-select[role=listbox]', '.docos-input-assignee-select'],
    source: 'CN (2020 DOM)',
  },
  assigneeCaption: {
    css: ['.docos-input-assignee-select .goog-menu-button-caption'],
    source: 'CN (2020 DOM; the caption holds the assignee address)',
  },
  /** Toolbar "Add comment": opens a new draft that focuses itself. */
  insertComment: {
    css: ['#insertCommentButton'],
    source: 'sites.md §3 (not attributable, M)',
  },
  thread: {
    css: ['.docos-anchoreddocoview'],
    source: 'CN mock-html.ts',
  },
  /** A thread's first comment (a new comment's box has none yet). */
  threadRootBody: {
    css: ['.docos-replyview-first .docos-replyview-body', '.docos-docoview-rootreply .docos-replyview-body'],
    source: 'CN mock-html.ts (.docos-replyview-first / .docos-replyview-body)',
  },
  /**
   * A reply shown in a thread: a reply view other than the first comment (CN mock-html.ts
   * MockChildComment: `.docos-anchoredreplyview.docos-replyview-comment` after `.docos-docoview-rootreply`).
   */
  threadReply: {
    css: ['.docos-replyview-comment:not(.docos-replyview-first)'],
    source: 'CN mock-html.ts (reply views); unconfirmed on the canvas-era live site',
  },
  /** A thread's first comment (CN: `.docos-anchoredreplyview.docos-replyview-first`). */
  threadFirstComment: {
    css: ['.docos-replyview-first'],
    source: 'CN mock-html.ts',
  },
  /**
   * The control behind which Docs folds the middle of a long thread ("2 more replies"). Its structure
   * was NOT found: the class is the fixture's guess (document.html ?fold=on). The parser (./thread.ts)
   * falls back, by meaning, to any button in the thread outside a reply and the reply box whose text
   * holds one number.
   */
  threadMoreReplies: {
    css: ['.docos-expandable-replyview'],
    source: 'fixture guess (tests/fixtures/docs/document.html ?fold=on); unconfirmed on the live site',
  },
  /** The signed-in account (OneGoogle bar): its label carries the address. */
  account: {
    css: ['a[href^="https://accounts.google.com/SignOutOptions"][aria-label]'],
    source: 'OneGoogle bar, as gmail.js reads the account (L for Docs)',
  },
} satisfies Record<string, SiteSelector>;
