/**
 * Finds composers as they appear and releases each one when it leaves the page. One observer for
 * the whole page; its callback only schedules a scan, so a busy page pays almost nothing.
 */
import type { SiteAdapter } from './adapter';

export type BindComposer = (composer: HTMLElement, signal: AbortSignal) => void;

export function watchComposers(adapter: SiteAdapter, doc: Document, signal: AbortSignal, bind: BindComposer): void {
  const bound = new Map<HTMLElement, AbortController>();
  let scheduled = false;

  function scan(): void {
    scheduled = false;
    if (signal.aborted) return;
    const present = new Set(adapter.findComposers(doc));
    for (const [composer, controller] of bound) {
      if (!present.has(composer) || !composer.isConnected) {
        controller.abort();
        bound.delete(composer);
      }
    }
    for (const composer of present) {
      if (bound.has(composer)) continue;
      const controller = new AbortController();
      bound.set(composer, controller);
      bind(composer, controller.signal);
    }
  }

  const hint = adapter.composerHint;
  /**
   * Could this batch have added a composer (or a part of one) or removed a bound one? Runs for every
   * change on busy pages (Slack's message list), so each record costs one ancestor walk at most and
   * the removal check runs once per batch.
   */
  function relevant(records: MutationRecord[]): boolean {
    if (!hint) return true;
    let removed = false;
    for (const record of records) {
      if (record.removedNodes.length) removed = true;
      if (!record.addedNodes.length) continue;
      // Added inside an existing composer: one walk up from the parent covers every added node.
      if (record.target instanceof Element && record.target.closest(hint)) return true;
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches(hint) || (node.firstElementChild && node.querySelector(hint)))) return true;
      }
    }
    if (removed) for (const composer of bound.keys()) if (!composer.isConnected) return true;
    return false;
  }

  const observer = new MutationObserver((records) => {
    if (scheduled || !relevant(records)) return;
    scheduled = true;
    setTimeout(scan, 50);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const controller of bound.values()) controller.abort();
      bound.clear();
    },
    { once: true },
  );
  scan();
}
