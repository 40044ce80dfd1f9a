// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { docsAdapter } from '@/utils/sites/docs';
import { fingerprint, findThread, readAssignee, readDocsRecipients, readDraftParts, threadOf } from '@/utils/sites/docs/draft';
import { postText, textWithoutMentions } from '@/utils/store/held-comments';

/** Builds the docos DOM the way the fixture (and comment-navigator's 2020 page) shows it. */
function el(tag: string, attrs: Record<string, string> = {}, children: Array<Node | string> = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function chip(email: string, name: string): HTMLElement {
  return el('span', { contenteditable: 'false', class: 'docos-mention-chip', 'data-email': email, 'data-hovercard-id': email, 'data-name': name }, [`@${name}`]);
}

interface Box {
  pane: HTMLElement;
  draft: HTMLElement;
  post: HTMLElement;
  cancel: HTMLElement;
}

function box(content: Array<Node | string>, options: { legacy?: string; disabled?: boolean; assigned?: string } = {}): Box {
  const draft = options.legacy !== undefined
    ? el('textarea', { class: 'docos-input-textarea', role: 'combobox' })
    : el('div', { class: 'docos-input-textarea docos-input-contenteditable', role: 'textbox', contenteditable: 'true', 'aria-label': 'Comment draft' }, content);
  if (options.legacy !== undefined) (draft as HTMLTextAreaElement).value = options.legacy;
  const post = el('div', {
    class: `goog-inline-block jfk-button jfk-button-action docos-input-post${options.disabled ? ' jfk-button-disabled' : ''}`,
    role: 'button',
    'aria-disabled': options.disabled ? 'true' : 'false',
  }, ['Comment']);
  const cancel = el('div', { class: 'jfk-button docos-input-cancel', role: 'button' }, ['Cancel']);
  const assignment = options.assigned
    ? [el('div', { class: 'docos-input-assignment-panel' }, [
        el('span', { class: 'jfk-checkbox docos-input-assignment-box', role: 'checkbox', 'aria-checked': 'true' }),
        el('div', { class: 'docos-input-assignee-select goog-menu-button', role: 'listbox' }, [
          el('div', { class: 'goog-menu-button-caption', role: 'option' }, [options.assigned]),
        ]),
      ])]
    : [];
  const pane = el('div', { class: 'docos-input docos-anchoreddocoview-input-pane' }, [draft, ...assignment, el('div', { class: 'docos-input-buttons' }, [post, cancel])]);
  return { pane, draft, post, cancel };
}

function thread(rootText: string, input: Box): HTMLElement {
  return el('div', { class: 'docos-anchoreddocoview', role: 'listitem' }, [
    el('div', { class: 'docos-docoview-rootreply' }, [
      el('div', { class: 'docos-replyview-comment docos-replyview-first' }, [el('div', { class: 'docos-replyview-body' }, [rootText])]),
    ]),
    input.pane,
  ]);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('who a comment reaches', () => {
  it('reads chips with their names, and +address / @address text, each once', () => {
    const b = box(['Hi ', chip('Priya@Example.com', 'Priya Raman'), ' and +dana@example.com, cc @fox@example.com. Also +dana@example.com']);
    document.body.append(b.pane);
    expect(readDocsRecipients(b.pane)).toEqual([
      { email: 'priya@example.com', name: 'Priya Raman' },
      { email: 'dana@example.com' },
      { email: 'fox@example.com' },
    ]);
  });

  it('reads the legacy textarea\u2019s +address text', () => {
    const b = box([], { legacy: 'Agreed, +priya@example.com can you confirm? (+alex@example.com)' });
    document.body.append(b.pane);
    expect(readDocsRecipients(b.pane).map((r) => r.email)).toEqual(['priya@example.com', 'alex@example.com']);
  });

  it('a comment without mentions reaches no one: addresses in text, @names and emails in words are not mentions', () => {
    const b = box(['Mail priya@example.com or ask @Priya; see a+b@example.com and foo@bar']);
    document.body.append(b.pane);
    expect(readDocsRecipients(b.pane)).toEqual([]);
  });

  it('a chip without a usable address is ignored', () => {
    const broken = el('span', { contenteditable: 'false', class: 'docos-mention-chip', 'data-email': 'not-an-address' }, ['@Someone']);
    const b = box(['Hi ', broken]);
    document.body.append(b.pane);
    expect(readDocsRecipients(b.pane)).toEqual([]);
  });
});

describe('the draft as kept for later', () => {
  it('keeps the text character for character and turns a chip into an @address mention', () => {
    const b = box(['Café ✓ 👋🏽 שלום ', chip('priya@example.com', 'Priya Raman'), ' please +dana@example.com!']);
    document.body.append(b.pane);
    const parts = readDraftParts(b.pane)!;
    expect(parts).toEqual([
      { text: 'Café ✓ 👋🏽 שלום ' },
      { mention: 'priya@example.com', prefix: '@', name: 'Priya Raman' },
      { text: ' please ' },
      { mention: 'dana@example.com', prefix: '+' },
      { text: '!' },
    ]);
    expect(postText(parts)).toBe('Café ✓ 👋🏽 שלום @priya@example.com please +dana@example.com!');
    expect(textWithoutMentions(parts)).toBe('Café ✓ 👋🏽 שלום Priya Raman please dana!');
  });

  it('text mentions round-trip exactly, and so does the legacy textarea', () => {
    const text = 'Line one +priya@example.com\nline two (@alex@example.com) end';
    const b = box([], { legacy: text });
    document.body.append(b.pane);
    expect(postText(readDraftParts(b.pane)!)).toBe(text);
  });

  it('reads the assignee when the Assign box is ticked', () => {
    const b = box(['Please ', chip('priya@example.com', 'Priya Raman')], { assigned: 'priya@example.com' });
    document.body.append(b.pane);
    expect(readAssignee(b.pane)).toBe('priya@example.com');
    const plain = box(['Please ', chip('priya@example.com', 'Priya Raman')]);
    expect(readAssignee(plain.pane)).toBeUndefined();
  });

  it('a reply knows its thread by a fingerprint of the first comment, without its text', () => {
    const reply = box(['Agreed']);
    const t = thread('Can we double-check the Q3 revenue figures?', reply);
    const fresh = box(['New']);
    document.body.append(t, el('div', { class: 'docos-anchoreddocoview' }, [fresh.pane]));
    const print = threadOf(reply.pane)!;
    expect(print).toMatch(/^[0-9a-f]{8}:\d+$/);
    expect(print).toBe(fingerprint('  Can we double-check the   Q3 revenue figures? '));
    expect(print).not.toContain('Q3');
    expect(findThread(document, print)).toBe(t);
    expect(threadOf(fresh.pane)).toBeNull();
  });
});

describe('the adapter', () => {
  function mouse(target: Element, type: string, button = 0): MouseEvent {
    const event = new MouseEvent(type, { bubbles: true, composed: true, button });
    Object.defineProperty(event, 'composedPath', { value: () => [target] });
    return event;
  }

  function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key: k, bubbles: true, ...init });
    Object.defineProperty(event, 'composedPath', { value: () => [target] });
    return event;
  }

  it('finds comment and reply boxes, never other editables (the body\u2019s keystroke sink)', () => {
    const reply = box(['x']);
    const other = el('div', { contenteditable: 'true', role: 'textbox', 'aria-label': 'Document content' });
    document.body.append(thread('Root', reply), box([]).pane, other);
    expect(docsAdapter.findComposers(document)).toHaveLength(2);
    expect(docsAdapter.composerOf(other)).toBeNull();
  });

  it('a press on an enabled Post, Ctrl/Cmd+Enter in the draft, Enter or Space on Post are sends', () => {
    const b = box(['Hi']);
    const disabled = box([], { disabled: true });
    document.body.append(b.pane, disabled.pane);
    for (const type of ['mousedown', 'mouseup', 'click']) expect(docsAdapter.sendTarget(mouse(b.post, type))).toBe(b.pane);
    expect(docsAdapter.sendTarget(mouse(b.post, 'mousedown', 2))).toBeNull();
    expect(docsAdapter.sendTarget(mouse(disabled.post, 'mousedown'))).toBeNull();
    expect(docsAdapter.sendTarget(mouse(b.cancel, 'mousedown'))).toBeNull();
    expect(docsAdapter.sendTarget(key(b.draft, 'Enter', { ctrlKey: true }))).toBe(b.pane);
    expect(docsAdapter.sendTarget(key(b.draft, 'Enter', { metaKey: true }))).toBe(b.pane);
    expect(docsAdapter.sendTarget(key(b.draft, 'Enter'))).toBeNull();
    expect(docsAdapter.sendTarget(key(b.draft, 'Enter', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(docsAdapter.sendTarget(key(b.post, 'Enter'))).toBe(b.pane);
    expect(docsAdapter.sendTarget(key(b.post, ' '))).toBe(b.pane);
    expect(docsAdapter.sendTarget(key(b.cancel, 'Enter'))).toBeNull();
    expect(docsAdapter.sendEvents).toEqual(expect.arrayContaining(['mousedown', 'mouseup', 'click', 'keydown', 'keyup']));
  });

  it('places the template button in the button row and the note under the draft', () => {
    const b = box(['Hi']);
    document.body.append(b.pane);
    expect(docsAdapter.toolbarPlacement(b.pane)).toEqual({ element: b.post.parentElement, where: 'append' });
    expect(docsAdapter.notePlacement(b.pane)).toEqual({ element: b.draft, where: 'after' });
    expect(docsAdapter.body(b.pane)).toBe(b.draft);
  });
});
