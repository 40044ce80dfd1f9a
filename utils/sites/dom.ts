/** DOM helpers shared by every site adapter: synthetic gestures, waiting, caret and text insertion. */

function centre(el: Element): { clientX: number; clientY: number } {
  const r = el.getBoundingClientRect();
  return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
}

function mouse(el: Element, type: string): void {
  const view = el.ownerDocument.defaultView;
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view, button: 0, ...centre(el) }));
}

/** The full press a person makes: sites differ in which of these they act on. */
export function pressButton(el: Element): void {
  for (const type of ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'click']) mouse(el, type);
}

/** Gmail's menu items act on a mouseup that follows a mousedown on the same element. */
export function mouseDownUp(el: Element): void {
  mouse(el, 'mousedown');
  mouse(el, 'mouseup');
}

export function pressKey(el: Element, key: string, init: KeyboardEventInit = {}): void {
  const keyCode = key === 'Enter' ? 13 : key === 'Escape' ? 27 : 0;
  for (const type of ['keydown', 'keyup']) {
    el.dispatchEvent(new KeyboardEvent(type, { key, code: key, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true, ...init }));
  }
}

/** Sets an input's value the way a framework notices (native setter, then input and change). */
export function setInputValue(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  input.focus();
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Polls until `find` returns something, the timeout passes, or the signal aborts. */
export function waitFor<T>(find: () => T | null | undefined, timeoutMs: number, signal?: AbortSignal): Promise<T | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      if (signal?.aborted) return resolve(null);
      const found = find();
      if (found) return resolve(found);
      if (Date.now() - started >= timeoutMs) return resolve(null);
      setTimeout(tick, 40);
    };
    tick();
  });
}

const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+\.[^\s<>()[\],;:"'.]+/g;

/** Addresses in free text ("Priya <priya@example.com>, bob@example.com"). */
export function extractEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase());
}

/** Remembers the caret in an editor so a template can go where the user left off. */
export function trackCaret(editor: HTMLElement, signal: AbortSignal): () => Range | null {
  let saved: Range | null = null;
  const save = () => {
    const selection = editor.ownerDocument.getSelection();
    if (selection?.rangeCount && editor.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      saved = selection.getRangeAt(0).cloneRange();
    }
  };
  for (const type of ['keyup', 'mouseup', 'input', 'focusout']) editor.addEventListener(type, save, { signal });
  return () => saved;
}

/**
 * Inserts plain text at the caret as if typed (execCommand keeps the site's editor model and undo
 * stack in step; nothing is parsed as HTML). Falls back to the end of the editor.
 */
export function insertPlainText(editor: HTMLElement, text: string, range: Range | null): boolean {
  const doc = editor.ownerDocument;
  editor.focus();
  const selection = doc.getSelection();
  if (selection) {
    const target = range && editor.contains(range.commonAncestorContainer) ? range : endOf(editor);
    selection.removeAllRanges();
    selection.addRange(target);
  }
  return doc.execCommand('insertText', false, text);
}

/** The caret before the editor's first character. */
export function startOf(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(true);
  return range;
}

function endOf(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  return range;
}
