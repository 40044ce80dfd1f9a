// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/utils/guard/adapter';
import { watchComposers } from '@/utils/guard/composers';

/** Only what watchComposers uses: `.composer` roots, found by a counted query. */
function siteAdapter(): { adapter: SiteAdapter; scans: () => number } {
  let scans = 0;
  const adapter = {
    findComposers: (root: ParentNode) => {
      scans += 1;
      return [...root.querySelectorAll<HTMLElement>('.composer')];
    },
    composerOf: (node: Node) => (node instanceof Element ? node.closest<HTMLElement>('.composer') : node.parentElement?.closest<HTMLElement>('.composer') ?? null),
  } as unknown as SiteAdapter;
  return { adapter, scans: () => scans };
}

function composerIn(parent: HTMLElement): { root: HTMLElement; editor: HTMLElement } {
  const root = document.createElement('div');
  root.className = 'composer';
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  root.append(editor);
  parent.append(root);
  return { root, editor };
}

const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchComposers', () => {
  let page: AbortController;
  let bound: HTMLElement[];
  let released: HTMLElement[];

  function start(adapter: SiteAdapter): void {
    watchComposers(adapter, document, page.signal, (composer, signal) => {
      bound.push(composer);
      signal.addEventListener('abort', () => released.push(composer));
    });
  }

  beforeEach(() => {
    document.body.replaceChildren();
    page = new AbortController();
    bound = [];
    released = [];
  });
  afterEach(() => {
    page.abort();
    vi.useRealTimers();
  });

  it('binds a composer present at start once, however many later scans run', () => {
    vi.useFakeTimers();
    const { root } = composerIn(document.body);
    start(siteAdapter().adapter);
    vi.advanceTimersByTime(15_000);
    document.body.click();
    vi.advanceTimersByTime(2_000);
    expect(bound).toEqual([root]);
  });

  it('keeps looking while the app builds its UI, and stops once a composer is there', () => {
    vi.useFakeTimers();
    const { adapter, scans } = siteAdapter();
    start(adapter);
    vi.advanceTimersByTime(1_000);
    const { root } = composerIn(document.body); // a restored draft, rendered late
    vi.advanceTimersByTime(1_000);
    expect(bound).toEqual([root]);
    const after = scans();
    vi.advanceTimersByTime(20_000);
    expect(scans()).toBe(after);
  });

  it('does not scan while a busy page adds thousands of nodes elsewhere', async () => {
    const list = document.createElement('div');
    document.body.append(list);
    composerIn(document.body);
    const { adapter, scans } = siteAdapter();
    start(adapter);
    const before = scans();
    for (let batch = 0; batch < 100; batch++) {
      for (let i = 0; i < 10; i++) list.append(Object.assign(document.createElement('div'), { textContent: `message ${batch}.${i}` }));
      await mutationsDelivered();
    }
    list.replaceChildren();
    await mutationsDelivered();
    expect(scans()).toBe(before);
  });

  it('finds a composer the site opens after a click, and one that appears unprompted once it takes focus', () => {
    vi.useFakeTimers();
    start(siteAdapter().adapter);
    vi.advanceTimersByTime(11_000); // past the start-up scans
    // The body outlives this test: the site's listener goes with the page, or a later click would open a composer.
    document.body.addEventListener('click', () => setTimeout(() => composerIn(document.body), 30), { signal: page.signal });
    document.body.click();
    vi.advanceTimersByTime(100);
    expect(bound).toHaveLength(1);
    vi.advanceTimersByTime(2_000); // past the click's later scans

    const quiet = composerIn(document.body);
    vi.advanceTimersByTime(20_000);
    expect(bound).not.toContain(quiet.root);
    quiet.editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(bound).toContain(quiet.root);
  });

  it('binds a composer the pointer moves over', () => {
    vi.useFakeTimers();
    start(siteAdapter().adapter);
    vi.advanceTimersByTime(20_000);
    const { root, editor } = composerIn(document.body);
    editor.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    expect(bound).toEqual([root]);
  });

  it('scans after command keys, not after each character typed', () => {
    vi.useFakeTimers();
    const { adapter, scans } = siteAdapter();
    const { editor } = composerIn(document.body);
    start(adapter);
    vi.advanceTimersByTime(20_000);
    const before = scans();
    for (const key of 'hello world') editor.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    vi.advanceTimersByTime(2_000);
    expect(scans()).toBe(before);
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    vi.advanceTimersByTime(2_000);
    expect(scans() - before).toBe(3); // one per delay, however many keys
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true })); // Gmail's compose key
    vi.advanceTimersByTime(2_000);
    expect(scans() - before).toBe(6);
  });

  it('releases a composer when the site removes it or a container around it', async () => {
    const dialog = document.createElement('section');
    const wrapper = document.createElement('div');
    dialog.append(wrapper);
    document.body.append(dialog);
    const first = composerIn(wrapper);
    const second = composerIn(document.body);
    start(siteAdapter().adapter);
    expect(bound).toEqual([first.root, second.root]);
    dialog.remove();
    await mutationsDelivered();
    expect(released).toEqual([first.root]);
    second.root.remove();
    await mutationsDelivered();
    expect(released).toEqual([first.root, second.root]);
  });

  it('leaves nothing behind when the content script is invalidated', () => {
    vi.useFakeTimers();
    const { adapter, scans } = siteAdapter();
    const { root } = composerIn(document.body);
    start(adapter);
    page.abort();
    expect(released).toEqual([root]);
    const after = scans();
    document.body.click();
    composerIn(document.body).editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(20_000);
    expect(scans()).toBe(after);
    expect(bound).toEqual([root]);
  });
});
