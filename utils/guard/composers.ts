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

/** What one watch keeps: the bound composers with their release, and the pending scans. */
interface Watch {
  adapter: SiteAdapter;
  doc: Document;
  signal: AbortSignal;
  bind: BindComposer;
  bound: Map<HTMLElement, AbortController>;
  timers: Map<string, ReturnType<typeof setTimeout>>;
  removals: MutationObserver;
}

export function watchComposers(adapter: SiteAdapter, doc: Document, signal: AbortSignal, bind: BindComposer): void {
  const bound = new Map<HTMLElement, AbortController>();
  const removals = new MutationObserver(() => {
    for (const composer of bound.keys()) {
      if (!composer.isConnected) return scan(watch);
    }
  });
  const watch: Watch = { adapter, doc, signal, bind, bound, timers: new Map(), removals };
  listenForTriggers(watch);
  releaseOnAbort(watch);
  scan(watch);
  scanAfter(watch, 'start', () => bound.size === 0);
}

function scan(watch: Watch): void {
  const { adapter, doc, signal, bind, bound } = watch;
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
  if (changed) watchRemovals(watch);
}

/** One pending scan per delay: a burst of clicks or keys costs no more than one. */
function scanAfter(watch: Watch, kind: keyof typeof SCANS_MS, wanted: () => boolean = () => true): void {
  const { timers } = watch;
  for (const ms of SCANS_MS[kind]) {
    const key = `${kind}:${ms}`;
    if (timers.has(key)) continue;
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (wanted()) scan(watch);
      }, ms),
    );
  }
}

function watchRemovals({ bound, removals }: Watch): void {
  removals.disconnect();
  const seen = new Set<Node>();
  for (const composer of bound.keys()) {
    for (let node = composer.parentNode; node && !seen.has(node); node = node.parentNode) {
      seen.add(node);
      removals.observe(node, { childList: true });
    }
  }
}

function listenForTriggers(watch: Watch): void {
  const { adapter, doc, signal, bound } = watch;
  /** Focus or the pointer in a composer we have not bound yet (it appeared without a gesture). */
  const onEnter = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof Node)) return;
    const composer = adapter.composerOf(target);
    if (composer && !bound.has(composer)) scan(watch);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (!isTyping(event)) scanAfter(watch, 'gesture');
  };
  const onVisible = (): void => {
    if (doc.visibilityState === 'visible') scan(watch);
  };
  const options = { capture: true, passive: true, signal };
  doc.addEventListener('focusin', onEnter, options);
  doc.addEventListener('pointerover', onEnter, options);
  doc.addEventListener('click', () => scanAfter(watch, 'gesture'), options);
  doc.addEventListener('keydown', onKey, options);
  doc.addEventListener('visibilitychange', onVisible, { passive: true, signal });
  doc.defaultView?.addEventListener('popstate', () => scanAfter(watch, 'gesture'), { passive: true, signal });
}

function releaseOnAbort({ signal, removals, timers, bound }: Watch): void {
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
}

/** A character typed into a field: it opens nothing, and Slack or Gmail may see many per second. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return false;
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);
}
