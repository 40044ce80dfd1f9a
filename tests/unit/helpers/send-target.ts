import type { SiteAdapter } from '@/utils/guard/adapter';

/**
 * What `adapter.sendTarget` says of `event` when it is dispatched on `target` and read where the guard
 * reads it: a capture listener on `window`, with the real event path.
 */
export function sendTargetOf(adapter: SiteAdapter, target: Element, event: Event): HTMLElement | null {
  let seen: HTMLElement | null | undefined;
  const listener = (e: Event): void => {
    seen = adapter.sendTarget(e);
  };
  window.addEventListener(event.type, listener, { capture: true });
  try {
    target.dispatchEvent(event);
  } finally {
    window.removeEventListener(event.type, listener, { capture: true });
  }
  if (seen === undefined) throw new Error(`the ${event.type} never reached window`);
  return seen;
}
