/** The Slack adapter: the channel/DM message input and the thread reply input. */
import type { Placement, SiteAdapter } from '@/utils/guard/adapter';
import { insertPlainText, pressButton, startOf, trackCaret } from '../dom';
import { matchesAny, queryAll, queryOne } from '../selector';
import { profileMemberId, slackConversation } from './conversation';
import { zoneFromLocalTime } from './learn';
import { readSlackRecipients } from './recipients';
import { scheduleSlack } from './schedule';
import { SLACK } from './selectors';

function elementOf(node: Node | null): Element | null {
  return node instanceof Element ? node : (node?.parentElement ?? null);
}

/** A message input that sends: not an edit of an old message, not the ⌘K switcher or another dialog. */
function isComposerInput(input: Element): boolean {
  return !SLACK.editInPlace.css.some((css) => input.closest(css)) && !input.closest('[role=dialog]');
}

/** The nearest ancestor holding this input's own Send button: the channel and thread panes each have one. */
function rootOfInput(input: Element): HTMLElement | null {
  let node = input.parentElement;
  for (let depth = 0; node && depth < 8; depth += 1, node = node.parentElement) {
    if (queryAll(node, SLACK.send).length) return node;
  }
  return null;
}

function composerOf(node: Node): HTMLElement | null {
  const el = elementOf(node);
  if (!el) return null;
  const input = SLACK.messageInput.css.map((css) => el.closest(css)).find(Boolean);
  if (input) return isComposerInput(input) ? rootOfInput(input) : null;
  // A node outside the input (the Send button): find the input of its own pane.
  let up = el.parentElement;
  for (let depth = 0; up && depth < 8; depth += 1, up = up.parentElement) {
    const inner = queryAll(up, SLACK.messageInput)[0];
    if (inner) return isComposerInput(inner) && rootOfInput(inner) === up ? up : null;
  }
  return null;
}

/** The editor inside `message_input`, or `message_input` itself where Slack puts it on the editor (sites.md §2.1). */
function editorOf(composer: HTMLElement): HTMLElement | null {
  const input = queryOne(composer, SLACK.messageInput, 'slack message input');
  if (!input) return null;
  return matchesAny(input, SLACK.editor) ? input : queryOne(input, SLACK.editor, 'slack editor');
}

function isEmpty(editor: HTMLElement): boolean {
  return !(editor.textContent ?? '').trim() && !editor.querySelector('[data-member-id], [data-broadcast-id], ts-mention, img');
}

function autocompleteOpen(editor: HTMLElement): boolean {
  if (editor.getAttribute('aria-expanded') === 'true' || editor.hasAttribute('aria-activedescendant')) return true;
  return queryAll(editor.ownerDocument, SLACK.typeahead).some((el) => el.getClientRects().length > 0);
}

/** Which Enter sends depends on a Slack preference; it is learned from what Slack does with a key we let through. */
const keys = { enterSends: true, modEnterSends: true };

function isSendKey(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing || event.keyCode === 229) return false;
  return event.ctrlKey || event.metaKey ? keys.modEnterSends : keys.enterSends;
}

function sendTarget(event: Event): HTMLElement | null {
  const el = elementOf(event.composedPath()[0] as Node | null);
  if (!el) return null;
  if (event.type === 'click') {
    const button = SLACK.send.css.map((css) => el.closest<HTMLElement>(css)).find(Boolean);
    return button && button.getAttribute('aria-disabled') !== 'true' ? composerOf(button) : null;
  }
  if (!(event instanceof KeyboardEvent) || !isSendKey(event)) return null;
  const composer = composerOf(el);
  const editor = composer ? editorOf(composer) : null;
  if (!composer || !editor || !editor.contains(el) || isEmpty(editor) || autocompleteOpen(editor)) return null;
  return composer;
}

/** Watches what Slack does with an Enter we did not hold: cleared = it sent; a new line = it did not. */
function learnEnter(editor: HTMLElement, signal: AbortSignal): void {
  editor.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing || isEmpty(editor) || autocompleteOpen(editor)) return;
      const lines = editor.children.length;
      const mod = event.ctrlKey || event.metaKey;
      setTimeout(() => {
        if (isEmpty(editor)) keys[mod ? 'modEnterSends' : 'enterSends'] = true;
        else if (editor.children.length > lines) keys[mod ? 'modEnterSends' : 'enterSends'] = false;
      }, 0);
    },
    { capture: true, signal },
  );
}

function resend(composer: HTMLElement): boolean {
  const button = queryOne(composer, SLACK.send, 'slack send');
  if (!button || button.getAttribute('aria-disabled') === 'true') return false;
  pressButton(button);
  return true;
}

const carets = new WeakMap<HTMLElement, () => Range | null>();

function toolbarPlacement(composer: HTMLElement): Placement | null {
  const send = queryOne(composer, SLACK.send, 'slack send');
  const group = send?.parentElement;
  return group ? { element: group, where: 'before' } : null;
}

function notePlacement(composer: HTMLElement): Placement {
  return { element: composer, where: 'after' };
}

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** How long the page is watched for a profile pane after a click, Enter or history step. */
const PROFILE_WATCH_MS = 8_000;

/** The profile pane shows a member's local time: turn it into a zone for their contact entry. */
function watchProfiles(doc: Document, signal: AbortSignal, report: (learned: { key: string; name: string; timeZone: string }) => void): void {
  let last = '';
  const check = () => {
    const pane = queryAll(doc, SLACK.profilePane)[0];
    const shown = pane ? text(queryAll(pane, SLACK.localTime)[0] ?? null) : '';
    if (!pane || !shown) return;
    const name = text(queryAll(pane, SLACK.profileName)[0] ?? null);
    const id = profileMemberId(doc.location) ?? senderIdFor(doc, name);
    const zone = zoneFromLocalTime(shown, new Date());
    if (!id || !name || !zone || `${id}|${zone}` === last) return;
    last = `${id}|${zone}`;
    report({ key: id, name, timeZone: zone });
  };
  let pending = false;
  const paneCss = SLACK.profilePane.css.join(', ');
  // Only changes in or around a profile pane matter; a busy channel adds messages all the time.
  const touchesPane = (records: MutationRecord[]) =>
    records.some((r) => {
      const target = r.target instanceof Element ? r.target : r.target.parentElement;
      if (target?.closest(paneCss)) return true;
      return [...r.addedNodes].some((n) => n instanceof Element && (n.matches(paneCss) || n.querySelector(paneCss)));
    });
  const observer = new MutationObserver((records) => {
    if (pending || !touchesPane(records)) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      if (!signal.aborted) check();
    }, 200);
  });
  // A pane opens after a click, Enter or history step, and fills in once the profile has loaded:
  // the page is watched for a while after each, never while messages merely arrive (bench (c)).
  let disarm: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (signal.aborted) return;
    if (disarm === undefined) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    clearTimeout(disarm);
    disarm = setTimeout(() => {
      disarm = undefined;
      observer.disconnect();
    }, PROFILE_WATCH_MS);
  };
  const listen = { capture: true, passive: true, signal };
  doc.addEventListener('click', arm, listen);
  doc.addEventListener('keydown', (e) => e.key === 'Enter' && arm(), listen);
  doc.defaultView?.addEventListener('popstate', arm, { passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(disarm);
      observer.disconnect();
    },
    { once: true },
  );
  check();
}

function senderIdFor(doc: Document, name: string): string | null {
  const sender = queryAll(doc, SLACK.messageSender).find((el) => text(el) === name);
  return sender?.getAttribute('data-message-sender') ?? null;
}

export const slackAdapter: SiteAdapter = {
  site: 'slack',
  sendEvents: ['click', 'keydown'],
  findComposers: (root) => [
    ...new Set(queryAll(root, SLACK.messageInput).filter(isComposerInput).map(rootOfInput).filter((r): r is HTMLElement => r !== null)),
  ],
  bind: (composer, signal) => {
    const editor = editorOf(composer);
    if (!editor) return;
    carets.set(editor, trackCaret(editor, signal));
    learnEnter(editor, signal);
  },
  composerOf,
  sendTarget,
  readRecipients: (composer) => readSlackRecipients(composer, composer.ownerDocument, composer.ownerDocument.location),
  selfIds: () => [],
  body: editorOf,
  resend,
  insertText: (composer, value) => {
    const editor = editorOf(composer);
    return editor ? insertPlainText(editor, value, carets.get(editor)?.() ?? null) : false;
  },
  insertAtStart: (composer, value) => {
    const editor = editorOf(composer);
    return editor ? insertPlainText(editor, value, startOf(editor)) : false;
  },
  scheduleStepMinutes: 15,
  sendControl: (composer) => queryAll(composer, SLACK.send)[0] ?? null,
  // A DM reaches one person; a channel is judged on the sender alone.
  expectsRecipients: (composer) => slackConversation(composer.ownerDocument.location)?.kind === 'D',
  scheduleNative: (composer, at, signal) => scheduleSlack(composer, at, signal),
  toolbarPlacement,
  notePlacement,
  watchPage: watchProfiles,
};
