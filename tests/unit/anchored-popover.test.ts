// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { createElement, useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeNextTo, useAnchoredPopover } from '@/utils/ui/anchored-popover';

const viewport = { width: 1000, height: 800 };
const button = (left: number, top: number) => ({ left, top, bottom: top + 30 });

describe('placeNextTo: the template list next to its button', () => {
  it('opens above the button when there is room', () => {
    expect(placeNextTo(button(100, 500), { width: 220, height: 120 }, viewport)).toEqual({ top: 376, left: 100 });
  });

  it('opens below when the button is near the top of the window', () => {
    expect(placeNextTo(button(100, 50), { width: 220, height: 120 }, viewport)).toEqual({ top: 84, left: 100 });
  });

  it('stays inside the window on the right and at the top when neither side has room', () => {
    expect(placeNextTo(button(950, 100), { width: 220, height: 750 }, viewport)).toEqual({ top: 0, left: 780 });
  });
});

describe('useAnchoredPopover: what a closed list costs the page', () => {
  afterEach(cleanup);

  /** A button and, while open, its list: the shape of the template picker. */
  function Picker({ expose }: { expose: (setOpen: (open: boolean) => void) => void }) {
    const button = useRef<HTMLButtonElement | null>(null);
    const lift = useAnchoredPopover<HTMLUListElement>(button);
    const [open, setOpen] = useState(false);
    expose(setOpen);
    return createElement('div', null, createElement('button', { ref: button }, 'Templates'), open ? createElement('ul', { ref: (el: HTMLUListElement | null) => lift(el) }) : null);
  }

  it('listens to the window’s scrolling only while the list is open (a busy page scrolls all the time)', () => {
    const scrollListeners = () => add.mock.calls.filter(([type]) => type === 'scroll').length - remove.mock.calls.filter(([type]) => type === 'scroll').length;
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    let setOpen: (open: boolean) => void = () => {};
    const view = render(createElement(Picker, { expose: (set) => void (setOpen = set) }));
    expect(scrollListeners()).toBe(0);
    act(() => setOpen(true));
    expect(scrollListeners()).toBe(1);
    act(() => setOpen(false));
    expect(scrollListeners()).toBe(0);
    act(() => setOpen(true));
    view.unmount();
    expect(scrollListeners()).toBe(0);
  });
});
