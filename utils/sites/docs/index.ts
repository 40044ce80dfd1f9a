/**
 * The Google Docs adapter: new-comment and reply drafts (`docos`), never the document body (a canvas
 * fed by a keystroke iframe, which nothing here touches). A comment reaches only the people it
 * mentions, so one that mentions no one is never held. Post acts on a mouseup that follows a
 * mousedown (Closure buttons), so the guard judges the mousedown and swallows the rest of a held
 * gesture; Ctrl/Cmd+Enter in the draft posts too. Docs has no scheduler: `Schedule…` goes to
 * `holdDocsComment` (./hold.ts), which keeps the text in the extension until the slot.
 */
import type { Placement, SiteAdapter } from '@/utils/guard/adapter';
import { t } from '@/utils/i18n';
import { extractEmails, insertPlainText, pressButton, pressKey, trackCaret } from '../dom';
import { closestOf, queryAll, queryOne } from '../selector';
import { draftOf, readDocsRecipients, type DraftElement } from './draft';
import { DOCS } from './selectors';

function isComposer(el: HTMLElement): boolean {
  return queryAll(el, DOCS.draft).length > 0;
}

function composerOf(node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const root = el ? closestOf(el, DOCS.inputPane) : null;
  return root && isComposer(root) ? root : null;
}

function eventElement(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : first instanceof Node ? first.parentElement : null;
}

export function isDisabled(button: Element): boolean {
  return button.classList.contains('jfk-button-disabled') || button.getAttribute('aria-disabled') === 'true';
}

/** An enabled Post (Comment / Reply / Assign) button at `el`. */
function postButtonAt(el: Element): HTMLElement | null {
  const button = closestOf(el, DOCS.post);
  return button && !isDisabled(button) ? button : null;
}

/**
 * Mouse presses on Post (the mousedown starts the gesture; its mouseup and click are the rest),
 * Ctrl/Cmd+Enter in the draft, and Enter or Space on the focused Post button.
 */
function sendTarget(event: Event): HTMLElement | null {
  const el = eventElement(event);
  if (!el) return null;
  if (event instanceof MouseEvent) {
    if (event.button !== 0) return null;
    const button = postButtonAt(el);
    return button ? composerOf(button) : null;
  }
  if (!(event instanceof KeyboardEvent) || event.isComposing || event.keyCode === 229) return null;
  const modified = event.ctrlKey || event.metaKey;
  if (event.key === 'Enter' && modified && !event.altKey) {
    const composer = composerOf(el);
    const draft = composer ? draftOf(composer) : null;
    return composer && draft?.contains(el) ? composer : null;
  }
  if ((event.key === 'Enter' || event.key === ' ') && !modified && !event.altKey && postButtonAt(el)) return composerOf(el);
  return null;
}

/** Looked up again at press time. The whole press, since Docs acts on mouseup after mousedown. */
function resend(composer: HTMLElement): boolean {
  const button = queryOne(composer, DOCS.post, 'docs post');
  if (button && !isDisabled(button)) {
    pressButton(button);
    return true;
  }
  const draft = draftOf(composer);
  if (!draft) return false;
  pressKey(draft, 'Enter', { ctrlKey: true });
  return true;
}

const carets = new WeakMap<Element, () => Range | null>();

/** Inserts as if typed: the textarea's own selection, or the remembered caret in the contenteditable. */
export function insertIntoDraft(draft: DraftElement, text: string): boolean {
  if (draft instanceof HTMLTextAreaElement) {
    draft.focus();
    return draft.ownerDocument.execCommand('insertText', false, text);
  }
  return insertPlainText(draft, text, carets.get(draft)?.() ?? null);
}

function insertText(composer: HTMLElement, text: string): boolean {
  const draft = draftOf(composer);
  return draft ? insertIntoDraft(draft, text) : false;
}

function toolbarPlacement(composer: HTMLElement): Placement | null {
  const buttons = queryOne(composer, DOCS.buttons, 'docs input buttons');
  return buttons ? { element: buttons, where: 'append' } : null;
}

function notePlacement(composer: HTMLElement): Placement | null {
  const draft = draftOf(composer);
  return draft ? { element: draft, where: 'after' } : null;
}

/** The signed-in address, when the account button shows it; mentioning oneself notifies no one. */
function selfIds(doc: Document): string[] {
  return queryAll(doc, DOCS.account).flatMap((a) => extractEmails(a.getAttribute('aria-label') ?? ''));
}

/** What Schedule does here, where Docs has no scheduler (shown in the hold dialog). */
export function holdForLaterNote(): string {
  return t('page.docsScheduleNote');
}

export const docsAdapter: SiteAdapter = {
  site: 'docs',
  sendEvents: ['mousedown', 'mouseup', 'click', 'keydown', 'keyup'],
  reachesOnlyRecipients: true,
  holdForLaterNote,
  findComposers: (root) => queryAll(root, DOCS.inputPane).filter(isComposer),
  bind: (composer, signal) => {
    const draft = draftOf(composer);
    if (draft && !(draft instanceof HTMLTextAreaElement)) carets.set(draft, trackCaret(draft, signal));
  },
  composerOf,
  sendTarget,
  readRecipients: readDocsRecipients,
  selfIds,
  body: (composer) => draftOf(composer),
  resend,
  sendControl: (composer) => queryAll(composer, DOCS.post)[0] ?? null,
  insertText,
  toolbarPlacement,
  notePlacement,
};
