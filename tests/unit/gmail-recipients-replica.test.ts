// @vitest-environment happy-dom
/**
 * The Gmail adapter read against the replica (tests/fixtures/gmail/inbox.html, its script running) instead
 * of hand-built DOM: cases of gmail-adapter.test.ts ("who a compose reaches", "which composes are guarded",
 * "what counts as sending") in the states the replica draws (tests/unit/setup/replicas.ts). Each state is
 * opened once for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailAdapter } from '@/utils/sites/gmail';
import { gmailSelfIds, readGmailRecipients } from '@/utils/sites/gmail/recipients';
import { closeReplicas, openReplica, type ReplicaPage, type ReplicaStateDef } from './setup/replicas';

/** A popup compose with Bob in To, and the inline reply open below the thread (Priya, its sender, in To). */
const POPUP_AND_REPLY: ReplicaStateDef = { query: { reply: '1', to: 'bob@example.com' } };

const NAMED = ['inbox', 'compose', 'recipients', 'suggestions', 'two-composes', 'inline-reply', 'legacy', 'de', 'bare-send'] as const;
type Named = (typeof NAMED)[number] | 'popup-and-reply';

const pages = new Map<Named, ReplicaPage>();
const page = (state: Named): ReplicaPage => pages.get(state)!;

beforeAll(async () => {
  const opened = await Promise.all([
    ...NAMED.map(async (state) => [state, await openReplica('gmail', state)] as const),
    openReplica('gmail', POPUP_AND_REPLY).then((p) => ['popup-and-reply', p] as const),
  ]);
  for (const [state, p] of opened) pages.set(state, p);
});

afterAll(() => closeReplicas(pages.values()));

/** The one compose of a state. */
function onlyCompose(state: Named): HTMLElement {
  const found = gmailAdapter.findComposers(page(state).document);
  expect(found, `${state} has one compose`).toHaveLength(1);
  return found[0]!;
}

/** The popup compose and the inline reply of POPUP_AND_REPLY (the popup is the one inside a dialog). */
function popupAndReply(): { popup: HTMLElement; reply: HTMLElement } {
  const found = gmailAdapter.findComposers(page('popup-and-reply').document);
  expect(found).toHaveLength(2);
  const popup = found.find((c) => c.closest('[role=dialog]'))!;
  const reply = found.find((c) => !c.closest('[role=dialog]'))!;
  return { popup, reply };
}

/**
 * What `sendTarget` says of an event dispatched on `target`, read where the guard reads it (a capture
 * listener on the page's window). The event then stops there, as a held send does, so the replica
 * does not act on it.
 */
function judge(target: Element, make: (view: Window & typeof globalThis) => Event): HTMLElement | null {
  const view = target.ownerDocument.defaultView!;
  const event = make(view);
  let seen: HTMLElement | null | undefined;
  const listener = (e: Event): void => {
    seen = gmailAdapter.sendTarget(e);
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  view.addEventListener(event.type, listener, { capture: true });
  try {
    target.dispatchEvent(event);
  } finally {
    view.removeEventListener(event.type, listener, { capture: true });
  }
  if (seen === undefined) throw new Error(`the ${event.type} never reached the window`);
  return seen;
}
const click = (view: Window & typeof globalThis) => new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
const key = (k: string, init: KeyboardEventInit = {}) => (view: Window & typeof globalThis) =>
  new view.KeyboardEvent('keydown', { key: k, keyCode: k === 'Enter' ? 13 : 0, bubbles: true, cancelable: true, composed: true, ...init });

describe('who a compose reaches (replica)', () => {
  it('reads To chips, then the address typed in To, then Cc and Bcc, with the names Gmail resolved', () => {
    expect(readGmailRecipients(onlyCompose('recipients'))).toEqual([
      { email: 'priya@example.com', name: 'Priya Raman' },
      { email: 'bob@example.com', name: 'Bob Chen' },
      { email: 'dana@example.org' },
      { email: 'kenji@example.jp', name: 'Kenji Sato' },
      { email: 'ana@example.es', name: 'Ana García' },
    ]);
  });

  it('the contact suggestion shown while "Pri" is typed is not a recipient, nor is the half-typed name', () => {
    const compose = onlyCompose('suggestions');
    expect(compose.querySelector('[role=listbox][aria-label="Suggestions"] [data-hovercard-id="priya@example.com"]')).not.toBeNull();
    expect(readGmailRecipients(compose)).toEqual([{ email: 'bob@example.com', name: 'Bob Chen' }]);
  });

  it('reads the inline reply\u2019s own recipients, not the popup\u2019s', () => {
    const { popup, reply } = popupAndReply();
    expect(readGmailRecipients(reply)).toEqual([{ email: 'priya@example.com', name: 'Priya Raman' }]);
    expect(readGmailRecipients(popup)).toEqual([{ email: 'bob@example.com', name: 'Bob Chen' }]);
  });

  it('the legacy recipient UI: hidden "Name <email>" chips and the textarea\u2019s typed text, field by field', () => {
    expect(readGmailRecipients(onlyCompose('legacy'))).toEqual([
      { email: 'priya@example.com', name: 'Priya Raman' },
      { email: 'fox@example.net' },
      { email: 'bob@example.com', name: 'Bob Chen' },
    ]);
  });

  it('the German UI is read by structure alone, and the account from its German title', () => {
    expect(readGmailRecipients(onlyCompose('de'))).toEqual([{ email: 'priya@example.com', name: 'Priya Raman' }]);
    expect(page('de').document.title).toMatch(/^Posteingang/);
    expect(gmailSelfIds(page('de').document)).toEqual(['fixture@example.com']);
  });

  it('a compose with no recipients reaches no one', () => {
    expect(readGmailRecipients(onlyCompose('compose'))).toEqual([]);
  });
});

describe('which composes are guarded (replica)', () => {
  it('none in the inbox; the popup, each of two popups, the inline reply', () => {
    expect(gmailAdapter.findComposers(page('inbox').document)).toEqual([]);
    onlyCompose('compose');
    onlyCompose('inline-reply');
    const two = gmailAdapter.findComposers(page('two-composes').document);
    expect(new Set(two).size).toBe(2);
  });

  it('anything in a compose belongs to it; the search box and the chat box belong to none', () => {
    const doc = page('compose').document;
    const compose = onlyCompose('compose');
    expect(gmailAdapter.composerOf(doc.querySelector('input[aria-label="To recipients"]')!)).toBe(compose);
    expect(gmailAdapter.composerOf(doc.querySelector('[aria-label="Message Body"]')!)).toBe(compose);
    expect(gmailAdapter.composerOf(doc.querySelector('input[name=q]')!)).toBeNull();
    expect(gmailAdapter.composerOf(doc.querySelector('[aria-label="Chat message"]')!)).toBeNull();
  });
});

describe('what counts as sending (replica)', () => {
  it('a click on the popup\u2019s Send or the reply\u2019s Send + Archive sends that compose; More send options does not', () => {
    const { popup, reply } = popupAndReply();
    expect(judge(popup.querySelector('[aria-label^="Send "]')!, click)).toBe(popup);
    expect(judge(reply.querySelector('[aria-label="Send + Archive"]')!, click)).toBe(reply);
    expect(judge(reply.querySelector('[aria-label="More send options"]')!, click)).toBeNull();
  });

  it('Ctrl+Enter in a body sends that compose; a plain Enter there does not', () => {
    const { reply } = popupAndReply();
    const body = reply.querySelector('[aria-label="Message Body"]')!;
    expect(judge(body, key('Enter', { ctrlKey: true }))).toBe(reply);
    expect(judge(body, key('Enter'))).toBeNull();
  });

  it('bare-send: a click on the unmarked Send is not recognised; Ctrl+Enter in its compose still is', () => {
    const compose = onlyCompose('bare-send');
    const send = [...compose.querySelectorAll('div')].find((el) => el.textContent === 'Send' && el.children.length === 0)!;
    expect(judge(send, click)).toBeNull();
    expect(judge(compose.querySelector('[aria-label="Message Body"]')!, key('Enter', { metaKey: true }))).toBe(compose);
    expect(gmailAdapter.sendControl?.(compose) ?? null).toBeNull();
  });
});
