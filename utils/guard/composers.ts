/**
 * Finds composers as they appear and releases each one when it leaves the page, without watching
 * the whole page: a body-wide MutationObserver is called for every batch of a busy page (Slack's
 * message list, Gmail's thread list) and measurably costs script time there (bench (c)).
 *
 * A composer appears while the page loads or after something the person does: a click or key that
 * opens it, focus moving into it, the pointer over it. Those moments trigger a scan. A bound
 * composer's removal is seen by observing only the direct children of its ancestors, which a
 * message list or thread list filling up elsewhere never touches.
 */
import type { SiteAdapter } from './adapter';

export type BindComposer = (composer: HTMLElement, signal: AbortSignal) => void;

const SCANS_MS = {
  /**
   * While a single-page app builds its UI after the content script starts (restored drafts), until
   * the first composer is there: after that, more appear only through the triggers below.
   */
  start: [500, 1_500, 4_000, 10_000],
  /** After a click, command key or history step: the site renders what it opens within a few frames. */
  gesture: [60, 400, 1_200],
} as const;

export function watchComposers(adapter: SiteAdapter, doc: Document, signal: AbortSignal, bind: BindComposer): void {
  const bound = new Map<HTMLElement, AbortController>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function scan(): void {
    if (signal.aborted) return;
    const present = new Set(adapter.findComposers(doc));
    let changed = false;
    for (const [composer, controller] of bound) {
      if (present.has(composer) && composer.isConnected) continue;
      controller.abort();
      bound.delete(composer);
      changed = true;
    }
    for (const composer of present) {
      if (bound.has(composer)) continue;
      const controller = new AbortController();
      bound.set(composer, controller);
      bind(composer, controller.signal);
      changed = true;
    }
    if (changed) watchRemovals();
  }

  /** One pending scan per delay: a burst of clicks or keys costs no more than one. */
  function scanAfter(kind: keyof typeof SCANS_MS, wanted: () => boolean = () => true): void {
    for (const ms of SCANS_MS[kind]) {
      const key = `${kind}:${ms}`;
      if (timers.has(key)) continue;
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          if (wanted()) scan();
        }, ms),
      );
    }
  }

  const removals = new MutationObserver(() => {
    for (const composer of bound.keys()) {
      if (!composer.isConnected) return scan();
    }
  });
  function watchRemovals(): void {
    removals.disconnect();
    const seen = new Set<Node>();
    for (const composer of bound.keys()) {
      for (let node = composer.parentNode; node && !seen.has(node); node = node.parentNode) {
        seen.add(node);
        removals.observe(node, { childList: true });
      }
    }
  }

  /** Focus or the pointer in a composer we have not bound yet (it appeared without a gesture). */
  const onEnter = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof Node)) return;
    const composer = adapter.composerOf(target);
    if (composer && !bound.has(composer)) scan();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (!isTyping(event)) scanAfter('gesture');
  };
  const onVisible = (): void => {
    if (doc.visibilityState === 'visible') scan();
  };
  const options = { capture: true, passive: true, signal };
  doc.addEventListener('focusin', onEnter, options);
  doc.addEventListener('pointerover', onEnter, options);
  doc.addEventListener('click', () => scanAfter('gesture'), options);
  doc.addEventListener('keydown', onKey, options);
  doc.addEventListener('visibilitychange', onVisible, { passive: true, signal });
  doc.defaultView?.addEventListener('popstate', () => scanAfter('gesture'), { passive: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      removals.disconnect();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const controller of bound.values()) controller.abort();
      bound.clear();
    },
    { once: true },
  );
  scan();
  scanAfter('start', () => bound.size === 0);
}

/** A character typed into a field: it opens nothing, and Slack or Gmail may see many per second. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return false;
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);
}
