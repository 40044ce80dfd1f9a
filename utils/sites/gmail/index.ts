/** The Gmail adapter: compose windows, inline replies and full-screen compose. */
import type { Placement, SiteAdapter } from '@/utils/guard/adapter';
import { insertPlainText, pressButton, pressKey, startOf, trackCaret } from '../dom';
import { closestOf, matchesAny, queryAll, queryOne } from '../selector';
import { gmailSelfIds, readGmailRecipients } from './recipients';
import { scheduleGmail } from './schedule';
import { GMAIL } from './selectors';

function isComposer(el: HTMLElement): boolean {
  return queryAll(el, GMAIL.body).length > 0;
}

function composerOf(node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const root = el ? closestOf(el, GMAIL.composeRoot) : null;
  return root && isComposer(root) ? root : null;
}

function eventElement(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
}

/** A Send button, unless Gmail has disabled it (a sent inline reply's greyed bar): that click sends nothing. */
function sendButtonAt(el: Element): HTMLElement | null {
  const button = el.closest<HTMLElement>('[role=button]');
  if (!button || button.getAttribute('aria-disabled') === 'true') return null;
  return matchesAny(button, GMAIL.send) || matchesAny(button, GMAIL.sendAndArchive) ? button : null;
}

/** Click on Send, Enter/Space on a focused Send, or Ctrl/Cmd+Enter anywhere in the compose. */
function sendTarget(event: Event): HTMLElement | null {
  const el = eventElement(event);
  if (!el) return null;
  if (event.type === 'click') return sendButtonAt(el) ? composerOf(el) : null;
  if (!(event instanceof KeyboardEvent) || event.isComposing) return null;
  const modified = event.ctrlKey || event.metaKey;
  if (event.key === 'Enter' && modified && !event.altKey && !event.shiftKey) return composerOf(el);
  if ((event.key === 'Enter' || event.key === ' ') && !modified && sendButtonAt(el)) return composerOf(el);
  return null;
}

function body(composer: HTMLElement): HTMLElement | null {
  return queryOne(composer, GMAIL.body, 'gmail body');
}

/** Looked up again at press time: Gmail re-renders the send bar. */
function resend(composer: HTMLElement): boolean {
  const button = queryOne(composer, GMAIL.send, 'gmail send');
  if (button) {
    pressButton(button);
    return true;
  }
  // No recognisable button: the keyboard shortcut still reaches Gmail.
  const editor = body(composer);
  if (!editor) return false;
  pressKey(editor, 'Enter', { ctrlKey: true });
  return true;
}

const carets = new WeakMap<HTMLElement, () => Range | null>();

function insertText(composer: HTMLElement, text: string, where: 'caret' | 'start' = 'caret'): boolean {
  const editor = body(composer);
  if (!editor) return false;
  const inserted = insertPlainText(editor, text, where === 'start' ? startOf(editor) : (carets.get(editor)?.() ?? null));
  // Gmail saves a draft on a keypress in the body (InboxSDK #triggerDraftSave); one task later.
  setTimeout(() => editor.dispatchEvent(new KeyboardEvent('keypress', { bubbles: true, keyCode: 190, which: 190, key: '.' })), 0);
  return inserted;
}

function toolbarPlacement(composer: HTMLElement): Placement | null {
  const more = queryOne(composer, GMAIL.moreSendOptions, 'gmail more send options');
  const anchor = more ?? queryOne(composer, GMAIL.send, 'gmail send');
  return anchor ? { element: anchor.parentElement ?? anchor, where: 'after' } : null;
}

function notePlacement(composer: HTMLElement): Placement | null {
  const editor = body(composer);
  const area = (editor && closestOf(editor, GMAIL.bodyArea)) ?? editor;
  return area ? { element: area, where: 'after' } : null;
}

export const gmailAdapter: SiteAdapter = {
  site: 'gmail',
  sendEvents: ['click', 'keydown'],
  findComposers: (root) => queryAll(root, GMAIL.composeRoot).filter(isComposer),
  bind: (composer, signal) => {
    const editor = body(composer);
    if (editor) carets.set(editor, trackCaret(editor, signal));
  },
  composerOf,
  sendTarget,
  readRecipients: readGmailRecipients,
  selfIds: gmailSelfIds,
  body,
  resend,
  insertText: (composer, text) => insertText(composer, text),
  insertAtStart: (composer, text) => insertText(composer, text, 'start'),
  scheduleStepMinutes: 15,
  sendControl: (composer) => queryAll(composer, GMAIL.send)[0] ?? queryAll(composer, GMAIL.sendAndArchive)[0] ?? null,
  // Gmail sends nothing without a recipient: none read means none recognised.
  expectsRecipients: () => true,
  scheduleNative: scheduleGmail,
  toolbarPlacement,
  notePlacement,
};
