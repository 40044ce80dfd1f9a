// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractEmails, insertPlainText, mouseDownUp, pressButton, pressKey, setInputValue, trackCaret, waitFor } from '@/utils/sites/dom';
import { closestOf, matchesAny, queryAll, queryOne, type SiteSelector } from '@/utils/sites/selector';
import { formatTimeLike, parseTimeText } from '@/utils/sites/time-text';

function el(tag: string, attrs: Record<string, string> = {}, children: Array<Node | string> = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function sel(...css: string[]): SiteSelector {
  return { css, source: 'tests/unit/site-dom.test.ts' };
}

function editorWith(...children: Array<Node | string>): HTMLElement {
  const editor = el('div', { contenteditable: 'true', role: 'textbox' }, children);
  document.body.append(editor);
  return editor;
}

function caretAt(node: Node, start: number, end = start): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

/** A fixed local wall-clock instant: built and read in the same (any) zone, on a day without a DST change. */
function at(hours: number, minutes: number): Date {
  return new Date(2024, 0, 15, hours, minutes);
}

beforeEach(() => {
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
});

describe('selector lookups', () => {
  // Names are unique per test: misses are remembered for the module's lifetime.
  it('queryOne: the first css in the list wins, even when a later one matches earlier in the page', () => {
    const legacy = el('button', { class: 'legacy-send' });
    const current = el('button', { 'data-testid': 'send' });
    const root = el('div', {}, [legacy, current]);
    expect(queryOne(root, sel('[data-testid=send]', '.legacy-send'), 'order test')).toBe(current);
  });

  it('queryOne: falls back to the next css when the first misses, without reporting', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const legacy = el('button', { class: 'legacy-send' });
    const root = el('div', {}, [el('span'), legacy]);
    expect(queryOne(root, sel('[data-testid=send]', '.legacy-send'), 'fallback test')).toBe(legacy);
    expect(info).not.toHaveBeenCalled();
  });

  it('queryOne: only looks inside the given root', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const outside = el('button', { class: 'send' });
    const root = el('div', {}, [el('span')]);
    document.body.append(outside, root);
    expect(queryOne(root, sel('.send'), 'scope test')).toBeNull();
    expect(queryOne(document, sel('.send'), 'scope test')).toBe(outside);
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('queryOne: a miss returns null and is reported once per name', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const root = el('div', {}, [el('span')]);
    const missing = sel('.nope', '.also-nope');
    expect(queryOne(root, missing, 'once test send')).toBeNull();
    expect(queryOne(root, missing, 'once test send')).toBeNull();
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toContain('"once test send" not found');
    expect(queryOne(root, missing, 'once test editor')).toBeNull();
    expect(info).toHaveBeenCalledTimes(2);
    expect(info.mock.calls[1]?.[0]).toContain('"once test editor"');
  });

  it('queryOne: without a name, the miss is reported under the first css', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(queryOne(el('div'), sel('.default-name-probe', '.other'))).toBeNull();
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toContain('".default-name-probe" not found');
  });

  it('queryAll: every match of the first css that matches, not merged with later ones', () => {
    const a = el('li', { class: 'chip' });
    const b = el('li', { class: 'chip' });
    const old = el('li', { class: 'old-chip' });
    const root = el('ul', {}, [old, a, b]);
    const found = queryAll(root, sel('.chip', '.old-chip'));
    // Identity, not deep equality: DOM nodes compare loosely under toEqual.
    expect(Array.isArray(found)).toBe(true);
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(a);
    expect(found[1]).toBe(b);
    const fallback = queryAll(root, sel('.missing', '.old-chip'));
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toBe(old);
  });

  it('queryAll: a miss is an empty list and is not reported', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(queryAll(el('div', {}, [el('span')]), sel('.x', '.y'))).toEqual([]);
    expect(info).not.toHaveBeenCalled();
  });

  it('closestOf: the first css with a matching ancestor wins over a nearer ancestor matching a later css', () => {
    const target = el('span');
    const inner = el('div', { class: 'legacy-root' }, [target]);
    const outer = el('div', { role: 'dialog' }, [inner]);
    document.body.append(outer);
    expect(closestOf(target, sel('[role=dialog]', '.legacy-root'))).toBe(outer);
    expect(closestOf(target, sel('.nope', '.legacy-root'))).toBe(inner);
    expect(closestOf(inner, sel('.legacy-root'))).toBe(inner);
    expect(closestOf(target, sel('.nope', '[role=alert]'))).toBeNull();
  });

  it('matchesAny: true when any css matches the element itself, false otherwise', () => {
    const button = el('div', { role: 'button', 'aria-label': 'Send' });
    el('div', { class: 'send' }, [button]);
    expect(matchesAny(button, sel('.send-old', '[aria-label=Send]'))).toBe(true);
    expect(matchesAny(button, sel('[role=button]'))).toBe(true);
    expect(matchesAny(button, sel('.send', '[aria-label=Schedule]'))).toBe(false);
    expect(matchesAny(button, sel())).toBe(false);
  });
});

describe('extractEmails', () => {
  it('reads several addresses, with names and angle brackets, lower-cased, in order', () => {
    expect(extractEmails('Priya Raman <Priya@Example.com>, bob@example.com; "Lee, Sam" <sam@sub.example.co.uk>')).toEqual([
      'priya@example.com',
      'bob@example.com',
      'sam@sub.example.co.uk',
    ]);
  });

  it('finds the signed-in address in a Gmail tab title', () => {
    expect(extractEmails('Inbox (3) - me.myself@example.com - Gmail')).toEqual(['me.myself@example.com']);
  });

  it('keeps plus, dots and hyphens, and drops sentence punctuation and quotes around an address', () => {
    expect(extractEmails("mail a.b+tag@my-co.example.org. or 'c_d@example.io'")).toEqual(['a.b+tag@my-co.example.org', 'c_d@example.io']);
    expect(extractEmails('(dana@example.com):x mailto:eve@example.com')).toEqual(['dana@example.com', 'eve@example.com']);
    expect(extractEmails('[bob@example.com] [Ann <ann@example.com>]')).toEqual(['bob@example.com', 'ann@example.com']);
  });

  it('ignores text that is not an address', () => {
    expect(extractEmails('')).toEqual([]);
    expect(extractEmails('Priya Raman')).toEqual([]);
    expect(extractEmails('foo@bar and @example.com and a@b. and user@ and <>')).toEqual([]);
  });

  it('keeps repeats (callers decide what a repeat means)', () => {
    expect(extractEmails('a@example.com, A@Example.com, b@example.com')).toEqual(['a@example.com', 'a@example.com', 'b@example.com']);
  });
});

interface ExecCall {
  command: string;
  showUI: boolean | undefined;
  value: string | undefined;
  active: Element | null;
  container: Node | null;
  start: number;
  end: number;
}

/** happy-dom has no execCommand: record what was asked and do what a browser's insertText does (text only). */
function fakeExecCommand(result = true): ExecCall[] {
  const calls: ExecCall[] = [];
  const exec = (command: string, showUI?: boolean, value?: string): boolean => {
    const range = document.getSelection()?.rangeCount ? document.getSelection()!.getRangeAt(0) : null;
    calls.push({
      command,
      showUI,
      value,
      active: document.activeElement,
      container: range?.startContainer ?? null,
      start: range?.startOffset ?? -1,
      end: range?.endOffset ?? -1,
    });
    if (command === 'insertText' && range && value !== undefined) {
      range.deleteContents();
      range.insertNode(document.createTextNode(value));
    }
    return result;
  };
  Object.defineProperty(document, 'execCommand', { configurable: true, writable: true, value: exec });
  return calls;
}

describe('insertPlainText', () => {
  afterEach(() => {
    Reflect.deleteProperty(document, 'execCommand');
  });

  it('asks for insertText with the hostile text verbatim, so markup stays text', () => {
    const calls = fakeExecCommand();
    const editor = editorWith('Note: ');
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    expect(insertPlainText(editor, hostile, null)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ command: 'insertText', showUI: false, value: hostile });
    expect(editor.querySelector('img, script')).toBeNull();
    expect(editor.children).toHaveLength(0);
    expect([...editor.childNodes].every((n) => n.nodeType === Node.TEXT_NODE)).toBe(true);
    expect(editor.textContent).toBe(`Note: ${hostile}`);
  });

  it('inserts at the tracked caret, with the editor focused', () => {
    const calls = fakeExecCommand();
    const editor = editorWith('Hello world');
    document.body.append(el('input'));
    const range = document.createRange();
    range.setStart(editor.firstChild!, 5);
    range.collapse(true);
    (document.body.lastElementChild as HTMLElement).focus();
    expect(insertPlainText(editor, ', team', range)).toBe(true);
    expect(calls[0]?.active).toBe(editor);
    expect(calls[0]?.container).toBe(editor.firstChild);
    expect(calls[0]).toMatchObject({ start: 5, end: 5 });
    expect(editor.textContent).toBe('Hello, team world');
  });

  it('replaces a tracked selection, not just its start', () => {
    const calls = fakeExecCommand();
    const editor = editorWith('Hello world');
    const range = document.createRange();
    range.setStart(editor.firstChild!, 6);
    range.setEnd(editor.firstChild!, 11);
    insertPlainText(editor, 'team', range);
    expect(calls[0]).toMatchObject({ start: 6, end: 11 });
    expect(editor.textContent).toBe('Hello team');
  });

  it('without a caret, inserts at the end of the editor', () => {
    const calls = fakeExecCommand();
    const editor = editorWith(el('p', {}, ['Hi']), el('p', {}, ['there']));
    caretAt(editor.querySelector('p')!.firstChild!, 1);
    insertPlainText(editor, '!', null);
    expect(calls[0]?.container).toBe(editor);
    expect(calls[0]).toMatchObject({ start: 2, end: 2 });
    expect(editor.textContent).toBe('Hithere!');
    expect(editor.lastChild?.textContent).toBe('!');
  });

  it('a caret outside the editor is not used: the text goes at the end', () => {
    const calls = fakeExecCommand();
    const other = el('div', {}, ['elsewhere']);
    document.body.append(other);
    const editor = editorWith('Body');
    const outside = document.createRange();
    outside.setStart(other.firstChild!, 2);
    outside.collapse(true);
    insertPlainText(editor, ' end', outside);
    expect(calls[0]?.container).toBe(editor);
    expect(calls[0]).toMatchObject({ start: 1, end: 1 });
    expect(other.textContent).toBe('elsewhere');
    expect(editor.textContent).toBe('Body end');
  });

  it('passes newlines through in one insertText, for the editor to turn into lines', () => {
    const calls = fakeExecCommand();
    const editor = editorWith();
    const text = 'Hi Priya,\n\nThanks!\r\nSam';
    insertPlainText(editor, text, null);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.command).toBe('insertText');
    expect(calls[0]?.value).toBe(text);
  });

  it('reports the editor refusing the insertion', () => {
    fakeExecCommand(false);
    expect(insertPlainText(editorWith('x'), 'y', null)).toBe(false);
  });
});

describe('trackCaret', () => {
  it('is empty until the user has placed a caret in the editor', () => {
    const editor = editorWith('Hello');
    const caret = trackCaret(editor, new AbortController().signal);
    expect(caret()).toBeNull();
    caretAt(editor.firstChild!, 2);
    expect(caret()).toBeNull();
  });

  it.each(['keyup', 'mouseup', 'input', 'focusout'])('remembers the selection in the editor on %s', (type) => {
    const editor = editorWith('Hello world');
    const caret = trackCaret(editor, new AbortController().signal);
    caretAt(editor.firstChild!, 3, 7);
    editor.dispatchEvent(new Event(type, { bubbles: true }));
    const saved = caret();
    expect(saved?.startContainer).toBe(editor.firstChild);
    expect(saved?.startOffset).toBe(3);
    expect(saved?.endOffset).toBe(7);
  });

  it('also follows a caret in a nested element, via a bubbling event', () => {
    const line = el('p', {}, ['Nested']);
    const editor = editorWith(line);
    const caret = trackCaret(editor, new AbortController().signal);
    caretAt(line.firstChild!, 4);
    line.dispatchEvent(new Event('keyup', { bubbles: true }));
    expect(caret()?.startContainer).toBe(line.firstChild);
    expect(caret()?.startOffset).toBe(4);
  });

  it('keeps a copy: later changes to the live selection do not move it', () => {
    const editor = editorWith('Hello world');
    const caret = trackCaret(editor, new AbortController().signal);
    const live = caretAt(editor.firstChild!, 2);
    editor.dispatchEvent(new Event('mouseup'));
    const saved = caret();
    live.setStart(editor.firstChild!, 9);
    live.collapse(true);
    expect(saved).not.toBe(live);
    expect(caret()?.startOffset).toBe(2);
  });

  it('ignores a selection elsewhere and keeps the last one inside', () => {
    const other = el('div', {}, ['Search mail']);
    document.body.append(other);
    const editor = editorWith('Hello world');
    const caret = trackCaret(editor, new AbortController().signal);
    caretAt(editor.firstChild!, 5);
    editor.dispatchEvent(new Event('keyup'));
    caretAt(other.firstChild!, 3);
    editor.dispatchEvent(new Event('focusout'));
    expect(caret()?.startContainer).toBe(editor.firstChild);
    expect(caret()?.startOffset).toBe(5);
  });

  it('ignores a selection that spans beyond the editor', () => {
    const other = el('div', {}, ['outside']);
    const editor = editorWith('inside');
    document.body.append(other);
    const caret = trackCaret(editor, new AbortController().signal);
    caretAt(editor.firstChild!, 1);
    editor.dispatchEvent(new Event('keyup'));
    const range = document.createRange();
    range.setStart(editor.firstChild!, 2);
    range.setEnd(other.firstChild!, 3);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    editor.dispatchEvent(new Event('mouseup'));
    expect(caret()?.startOffset).toBe(1);
    expect(caret()?.endContainer).toBe(editor.firstChild);
  });

  it('ignores events on other elements', () => {
    const other = el('div', {}, ['x']);
    document.body.append(other);
    const editor = editorWith('Hello');
    const caret = trackCaret(editor, new AbortController().signal);
    caretAt(editor.firstChild!, 2);
    other.dispatchEvent(new Event('keyup', { bubbles: true }));
    expect(caret()).toBeNull();
  });

  it('stops tracking once the signal aborts, keeping what it had', () => {
    const editor = editorWith('Hello world');
    const controller = new AbortController();
    const caret = trackCaret(editor, controller.signal);
    caretAt(editor.firstChild!, 1);
    editor.dispatchEvent(new Event('keyup'));
    controller.abort();
    caretAt(editor.firstChild!, 8);
    for (const type of ['keyup', 'mouseup', 'input', 'focusout']) editor.dispatchEvent(new Event(type));
    expect(caret()?.startOffset).toBe(1);
  });
});

describe('waitFor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(Date.UTC(2024, 0, 15, 12, 0)));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function track<T>(promise: Promise<T>): { settled: () => boolean; value: () => T | undefined } {
    let done = false;
    let result: T | undefined;
    void promise.then((v) => {
      done = true;
      result = v;
    });
    return { settled: () => done, value: () => result };
  }

  it('resolves at once with what is already there', async () => {
    const found = el('div');
    const find = vi.fn(() => found);
    await expect(waitFor(find, 1000)).resolves.toBe(found);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('polls until the thing appears and resolves with it', async () => {
    const menu = el('div', { role: 'menu' });
    let shown: HTMLElement | null = null;
    const find = vi.fn(() => shown);
    const waiting = track(waitFor(find, 2500));
    await vi.advanceTimersByTimeAsync(200);
    expect(waiting.settled()).toBe(false);
    const callsBefore = find.mock.calls.length;
    expect(callsBefore).toBeGreaterThan(1);
    shown = menu;
    await vi.advanceTimersByTimeAsync(40);
    expect(waiting.settled()).toBe(true);
    expect(waiting.value()).toBe(menu);
    await vi.advanceTimersByTimeAsync(1000);
    expect(find).toHaveBeenCalledTimes(callsBefore + 1);
  });

  it('treats undefined and null as not yet, and resolves with true once true', async () => {
    const answers: Array<true | null | undefined> = [undefined, null, true];
    const find = vi.fn(() => answers.shift());
    const waiting = track(waitFor(find, 1000));
    await vi.advanceTimersByTimeAsync(80);
    expect(waiting.value()).toBe(true);
    expect(find).toHaveBeenCalledTimes(3);
  });

  it('resolves null once the timeout has passed, and stops polling', async () => {
    const find = vi.fn((): HTMLElement | null => null);
    const waiting = track(waitFor(find, 200));
    await vi.advanceTimersByTimeAsync(199);
    expect(waiting.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(41);
    expect(waiting.settled()).toBe(true);
    expect(waiting.value()).toBeNull();
    const calls = find.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(find).toHaveBeenCalledTimes(calls);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves null soon after the signal aborts, without looking again', async () => {
    const controller = new AbortController();
    const find = vi.fn((): HTMLElement | null => null);
    const waiting = track(waitFor(find, 10_000, controller.signal));
    await vi.advanceTimersByTimeAsync(100);
    const calls = find.mock.calls.length;
    controller.abort();
    await vi.advanceTimersByTimeAsync(40);
    expect(waiting.settled()).toBe(true);
    expect(waiting.value()).toBeNull();
    expect(find).toHaveBeenCalledTimes(calls);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not look at all when the signal has already aborted', async () => {
    const find = vi.fn(() => el('div'));
    await expect(waitFor(find, 1000, AbortSignal.abort())).resolves.toBeNull();
    expect(find).not.toHaveBeenCalled();
  });
});

interface Seen {
  type: string;
  isMouse: boolean;
  isKey: boolean;
  bubbles: boolean;
  cancelable: boolean;
  composed: boolean;
}

function record(target: EventTarget, types: readonly string[]): Event[] {
  const seen: Event[] = [];
  for (const type of types) target.addEventListener(type, (e) => seen.push(e));
  return seen;
}

function shape(e: Event): Seen {
  return {
    type: e.type,
    isMouse: e instanceof MouseEvent,
    isKey: e instanceof KeyboardEvent,
    bubbles: e.bubbles,
    cancelable: e.cancelable,
    composed: e.composed,
  };
}

const MOUSE_TYPES = ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'dblclick'];

describe('synthetic gestures', () => {
  it('pressButton: mouseover, mouseenter, mousedown, mouseup, click, in that order, bubbling from the centre', () => {
    const button = el('div', { role: 'button' }, ['Send']);
    const row = el('div', {}, [button]);
    document.body.append(row);
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 20, 100, 40));
    const onButton = record(button, MOUSE_TYPES);
    const onRow = record(row, MOUSE_TYPES);
    pressButton(button);
    const expected = ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'click'];
    expect(onButton.map((e) => e.type)).toEqual(expected);
    expect(onRow.map((e) => e.type)).toEqual(expected);
    for (const e of onButton) {
      expect(shape(e)).toEqual({ type: e.type, isMouse: true, isKey: false, bubbles: true, cancelable: true, composed: true });
      const m = e as MouseEvent;
      expect(m.button).toBe(0);
      expect(m.clientX).toBe(60);
      expect(m.clientY).toBe(40);
      expect(m.view).toBe(window);
      expect(m.target).toBe(button);
    }
  });

  it('pressButton: a click handler runs once', () => {
    const button = el('button', {}, ['Send']);
    document.body.append(button);
    const onClick = vi.fn();
    button.addEventListener('click', onClick);
    pressButton(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('mouseDownUp: only mousedown then mouseup, no click', () => {
    const item = el('div', { role: 'menuitem' }, ['Schedule send']);
    document.body.append(item);
    vi.spyOn(item, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 200, 30));
    const seen = record(item, MOUSE_TYPES);
    mouseDownUp(item);
    expect(seen.map(shape)).toEqual([
      { type: 'mousedown', isMouse: true, isKey: false, bubbles: true, cancelable: true, composed: true },
      { type: 'mouseup', isMouse: true, isKey: false, bubbles: true, cancelable: true, composed: true },
    ]);
    expect(seen.map((e) => [(e as MouseEvent).clientX, (e as MouseEvent).clientY])).toEqual([
      [100, 115],
      [100, 115],
    ]);
  });

  it('pressKey: keydown then keyup with key, code and the legacy keyCode sites still read', () => {
    const editor = editorWith('x');
    const seen = record(document.body, ['keydown', 'keypress', 'keyup']);
    pressKey(editor, 'Enter', { ctrlKey: true });
    expect(seen.map(shape)).toEqual([
      { type: 'keydown', isMouse: false, isKey: true, bubbles: true, cancelable: true, composed: true },
      { type: 'keyup', isMouse: false, isKey: true, bubbles: true, cancelable: true, composed: true },
    ]);
    for (const e of seen as KeyboardEvent[]) {
      expect(e.target).toBe(editor);
      expect(e.key).toBe('Enter');
      expect(e.code).toBe('Enter');
      expect(e.keyCode).toBe(13);
      expect(e.which).toBe(13);
      expect(e.ctrlKey).toBe(true);
      expect(e.shiftKey).toBe(false);
    }
  });

  it.each([
    ['Escape', 27],
    ['a', 0],
    ['Tab', 0],
  ])('pressKey: %s has keyCode %i', (key, keyCode) => {
    const input = el('input');
    document.body.append(input);
    const seen = record(input, ['keydown', 'keyup']);
    pressKey(input, key);
    expect(seen.map((e) => e.type)).toEqual(['keydown', 'keyup']);
    expect(seen.map((e) => [(e as KeyboardEvent).key, (e as KeyboardEvent).keyCode, (e as KeyboardEvent).ctrlKey])).toEqual([
      [key, keyCode, false],
      [key, keyCode, false],
    ]);
  });

  it('pressKey: the caller\u2019s init wins over the defaults', () => {
    const input = el('input');
    document.body.append(input);
    const seen = record(input, ['keydown', 'keyup']);
    pressKey(input, 'Enter', { code: 'NumpadEnter', keyCode: 108 });
    expect(seen.map((e) => [(e as KeyboardEvent).code, (e as KeyboardEvent).keyCode])).toEqual([
      ['NumpadEnter', 108],
      ['NumpadEnter', 108],
    ]);
  });

  it('pressKey: a handler can cancel the keydown', () => {
    const input = el('input');
    document.body.append(input);
    const seen = record(input, ['keydown']);
    input.addEventListener('keydown', (e) => e.preventDefault());
    pressKey(input, 'Enter');
    expect(seen[0]?.defaultPrevented).toBe(true);
  });

  it('setInputValue: focuses, sets the value, then fires input and change that bubble', () => {
    const input = el('input', { type: 'text', value: '9:00 AM' }) as HTMLInputElement;
    const form = el('form', {}, [input]);
    document.body.append(form, el('button'));
    (document.body.lastElementChild as HTMLElement).focus();
    const seen: Array<{ type: string; value: string; focused: boolean; bubbles: boolean }> = [];
    for (const type of ['focus', 'input', 'change']) {
      form.addEventListener(type, (e) => seen.push({ type: e.type, value: input.value, focused: document.activeElement === input, bubbles: e.bubbles }), true);
    }
    setInputValue(input, '9:15 PM');
    expect(seen.filter((s) => s.type !== 'focus')).toEqual([
      { type: 'input', value: '9:15 PM', focused: true, bubbles: true },
      { type: 'change', value: '9:15 PM', focused: true, bubbles: true },
    ]);
    expect(seen.findIndex((s) => s.type === 'focus')).toBeLessThan(seen.findIndex((s) => s.type === 'input'));
    expect(input.value).toBe('9:15 PM');
    expect(document.activeElement).toBe(input);
  });

  it('setInputValue: uses the native setter, past a framework\u2019s own value property', () => {
    const input = el('input', { type: 'text' }) as HTMLInputElement;
    document.body.append(input);
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const ownSets: string[] = [];
    // What React's value tracker does: an own property that notes every assignment.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get(this: HTMLInputElement): string {
        return native.get!.call(this) as string;
      },
      set(this: HTMLInputElement, v: string) {
        ownSets.push(v);
        native.set!.call(this, v);
      },
    });
    setInputValue(input, '21:05');
    expect(ownSets).toEqual([]);
    expect(input.value).toBe('21:05');
  });
});

describe('parseTimeText', () => {
  it.each([
    ['9:00 AM', 9 * 60],
    ['9:00 PM', 21 * 60],
    ['21:05', 21 * 60 + 5],
    ['12:00 PM', 12 * 60],
    ['12:00 AM', 0],
    ['12:30 AM', 30],
    ['12:59 PM', 12 * 60 + 59],
    ['11:59 pm', 23 * 60 + 59],
    ['9:00', 9 * 60],
    ['09:00', 9 * 60],
    ['00:00', 0],
    ['23:59', 23 * 60 + 59],
    ['21.05', 21 * 60 + 5],
    ['9h30', 9 * 60 + 30],
    ['8:00 p. m.', 20 * 60],
    ['8:00 a. m.', 8 * 60],
    ['12:15 a.m.', 15],
    ['8:00PM', 20 * 60],
    ['8:00\u202FPM', 20 * 60],
    ['8:00\u00A0AM', 8 * 60],
    ['Local time 3:45 PM', 15 * 60 + 45],
    ['9:00 Uhr', 9 * 60],
  ])('%s is %i minutes into the day', (text, minutes) => {
    expect(parseTimeText(text)).toBe(minutes);
  });

  it.each(['', 'soon', '9 AM', 'nine o\u2019clock', ':30', '9:5 PM', 'AM', '25:00', '9:75', '13:00 PM'])('%j is not a time', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });
});

describe('formatTimeLike', () => {
  it.each([
    ['9:00 AM', '21:05', '9:05 PM'],
    ['9:00 AM', '09:00', '9:00 AM'],
    ['9:00 AM', '12:00', '12:00 PM'],
    ['9:00 AM', '00:30', '12:30 AM'],
    ['1:15 PM', '23:45', '11:45 PM'],
    ['8:00 p. m.', '09:15', '9:15 a. m.'],
    ['8:00 a. m.', '13:00', '1:00 p. m.'],
    ['8:00 a. m.', '00:05', '12:05 a. m.'],
    ['21:05', '09:05', '09:05'],
    ['21:05', '21:05', '21:05'],
    ['9:00', '07:30', '07:30'],
    ['9:00', '00:00', '00:00'],
    ['', '14:45', '14:45'],
    ['Samstag 09:00', '21:05', '21:05'],
    ['9:00AM', '21:05', '9:05 PM'],
  ])('shown %j, set to %s \u2192 %j', (current, clock, expected) => {
    const [hours = NaN, minutes = NaN] = clock.split(':').map(Number);
    expect(formatTimeLike(current, at(hours, minutes))).toBe(expected);
  });

  it('writes a time that reads back as the same minute, in every style, all day', () => {
    for (const style of ['9:00 AM', '8:00 p. m.', '21:05', '9:00']) {
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const when = at(Math.floor(minute / 60), minute % 60);
        expect(parseTimeText(formatTimeLike(style, when)), `${style} at ${minute}`).toBe(minute);
      }
    }
  });
});
