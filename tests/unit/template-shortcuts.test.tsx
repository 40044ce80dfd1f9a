// @vitest-environment happy-dom
/**
 * A template's keyboard shortcut in the page: the press is matched and consumed only in a focused
 * composer, inserts through the picker (so a deadline template asks first), and follows live edits.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TemplatePicker } from '@/components/TemplatePicker';
import { watchTemplateShortcuts } from '@/utils/guard/template-shortcuts';
import type { Template } from '@/utils/store/schema';

afterEach(cleanup);

const NO_RUSH: Template = { id: 'no-rush', title: 'No rush', body: 'Later is fine.', shortcut: 'Alt+Shift+Digit1' };
const DECISION: Template = { id: 'decision', title: 'Decision', body: 'By {deadline}.', shortcut: 'Alt+Shift+Digit2' };

interface Press {
  code: string;
  alt?: boolean;
  shift?: boolean;
  ctrl?: boolean;
  repeat?: boolean;
  trusted?: boolean;
  composing?: boolean;
}

/** A keydown as the browser sends it (happy-dom's dispatched events are untrusted unless told). */
function press(target: Element, { code, alt = true, shift = true, ctrl = false, repeat = false, trusted = true, composing = false }: Press): KeyboardEvent {
  const init = { code, altKey: alt, shiftKey: shift, ctrlKey: ctrl, repeat, isComposing: composing };
  const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
  return event;
}

describe('watchTemplateShortcuts', () => {
  let composer: HTMLElement;
  let editor: HTMLElement;
  let search: HTMLInputElement;
  let templates: Template[];
  let life: AbortController;
  const choose = vi.fn<(composer: HTMLElement, id: string) => boolean>();
  const pageHandler = vi.fn();

  beforeEach(() => {
    document.body.innerHTML = '<div class="compose"><div class="editor" contenteditable="true" tabindex="0"></div></div><input class="search">';
    composer = document.querySelector('.compose')!;
    editor = document.querySelector('.editor')!;
    search = document.querySelector('.search')!;
    templates = [NO_RUSH, DECISION];
    life = new AbortController();
    choose.mockReturnValue(true);
    document.addEventListener('keydown', pageHandler);
    watchTemplateShortcuts(
      {
        doc: document,
        templates: () => templates,
        composerOf: (node) => (node instanceof Element ? (node.closest('.compose') as HTMLElement | null) : null),
        choose,
        alive: () => true,
      },
      life.signal,
    );
  });

  afterEach(() => {
    life.abort();
    document.removeEventListener('keydown', pageHandler);
  });

  it('in a focused composer: chooses the template and consumes the press (the site never sees it)', () => {
    editor.focus();
    const event = press(editor, { code: 'Digit1' });
    expect(choose).toHaveBeenCalledExactlyOnceWith(composer, 'no-rush');
    expect(event.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
  });

  it('leaves every other press alone: no match, other modifiers, outside a composer, forged, or composing', () => {
    editor.focus();
    for (const other of [{ code: 'Digit3' }, { code: 'Digit1', ctrl: true }, { code: 'Digit1', shift: false }, { code: 'Digit1', trusted: false }, { code: 'Digit1', composing: true }]) {
      expect(press(editor, other).defaultPrevented, JSON.stringify(other)).toBe(false);
    }
    search.focus();
    expect(press(search, { code: 'Digit1' }).defaultPrevented).toBe(false);
    expect(choose).not.toHaveBeenCalled();
    expect(pageHandler).toHaveBeenCalledTimes(6);
  });

  it('holding the keys inserts once; a composer without a picker keeps the press', () => {
    editor.focus();
    press(editor, { code: 'Digit1' });
    expect(press(editor, { code: 'Digit1', repeat: true }).defaultPrevented).toBe(true);
    expect(choose).toHaveBeenCalledTimes(1);
    choose.mockReturnValue(false);
    expect(press(editor, { code: 'Digit1' }).defaultPrevented).toBe(false);
  });

  it('reads the templates on every press: a shortcut changed in the options page applies at once', () => {
    editor.focus();
    templates = [{ ...NO_RUSH, shortcut: 'Alt+KeyN' }];
    press(editor, { code: 'Digit1' });
    expect(choose).not.toHaveBeenCalled();
    press(editor, { code: 'KeyN', shift: false });
    expect(choose).toHaveBeenCalledWith(composer, 'no-rush');
  });

  it('stops with the content script', () => {
    life.abort();
    editor.focus();
    expect(press(editor, { code: 'Digit1' }).defaultPrevented).toBe(false);
    expect(choose).not.toHaveBeenCalled();
  });
});

describe('TemplatePicker: open(templateId) from a shortcut', () => {
  function setup(templates = [{ id: 'no-rush', title: 'No rush' }, { id: 'decision', title: 'Decision', needsDeadline: true }]) {
    let open: ((templateId?: string) => void) | null = null;
    const onChoose = vi.fn();
    const view = render(
      <TemplatePicker templates={templates} onChoose={onChoose} deadlineZone="Europe/Berlin" defaultDeadline="2026-03-05T17:00" register={(fn) => (open = fn)} />,
    );
    return { open: (id?: string) => act(() => open!(id)), onChoose, view };
  }

  it('inserts a template without a deadline at once, without opening the list', () => {
    const { open, onChoose } = setup();
    open('no-rush');
    expect(onChoose).toHaveBeenCalledExactlyOnceWith('no-rush');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('asks for the deadline of a template that needs one, focused', () => {
    const { open, onChoose } = setup();
    open('decision');
    expect(onChoose).not.toHaveBeenCalled();
    expect(screen.getByRole('form', { name: 'Deadline for Decision' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Deadline (Europe/Berlin)'));
  });

  it('uses the latest templates after a live update; an unknown id does nothing', () => {
    const { open, onChoose, view } = setup([{ id: 'a', title: 'A' }]);
    view.rerender(
      <TemplatePicker templates={[{ id: 'b', title: 'B' }]} onChoose={onChoose} deadlineZone="UTC" defaultDeadline="2026-03-05T17:00" register={() => {}} />,
    );
    open('a');
    expect(onChoose).not.toHaveBeenCalled();
    open('b');
    expect(onChoose).toHaveBeenCalledWith('b');
  });
});
