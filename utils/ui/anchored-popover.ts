/**
 * A list that opens from an in-page button must never be hidden by the site: a composer's ancestors can
 * clip it (overflow) or sit below the site's header in the stacking order (seen with the Docs comment
 * box in Firefox). The browser's top layer (the Popover API) is above both; the list is then placed
 * next to its button by hand: above it when there is room, else below, kept inside the viewport.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';

const GAP = 4;
const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

export function placeNextTo(anchor: Pick<DOMRect, 'top' | 'bottom' | 'left'>, size: { width: number; height: number }, viewport: { width: number; height: number }) {
  const above = anchor.top - GAP - size.height;
  const below = anchor.bottom + GAP;
  const top = above >= 0 || below + size.height > viewport.height ? Math.max(0, above) : below;
  const left = Math.min(Math.max(0, anchor.left), Math.max(0, viewport.width - size.width));
  return { top, left };
}

/**
 * Returns a ref callback for the floating element (rendered only while open). It lifts the element into
 * the top layer, positions it at `anchor`, focuses it when `focus` says so, and follows scrolling and
 * resizing until it unmounts. Without the Popover API the element stays where the stylesheet puts it.
 */
export function useAnchoredPopover<T extends HTMLElement>(anchor: RefObject<HTMLElement | null>) {
  const floating = useRef<T | null>(null);

  const place = useCallback(() => {
    const el = floating.current;
    const from = anchor.current;
    if (!el || !from || !supportsPopover) return;
    const view = el.ownerDocument.defaultView;
    const { top, left } = placeNextTo(from.getBoundingClientRect(), el.getBoundingClientRect(), {
      width: view?.innerWidth ?? 0,
      height: view?.innerHeight ?? 0,
    });
    el.style.top = `${top}px`;
    el.style.left = `${left}px`;
  }, [anchor]);

  // Scrolling and resizing are followed only while the element is open: a busy page scrolls all the
  // time (Slack's message list), and a closed picker must cost it nothing (bench (c)).
  const unfollow = useRef<(() => void) | null>(null);
  const follow = useCallback(
    (el: T | null) => {
      unfollow.current?.();
      unfollow.current = null;
      const view = el?.ownerDocument.defaultView;
      if (!view) return;
      view.addEventListener('scroll', place, { capture: true, passive: true });
      view.addEventListener('resize', place, { passive: true });
      unfollow.current = () => {
        view.removeEventListener('scroll', place, { capture: true });
        view.removeEventListener('resize', place);
      };
    },
    [place],
  );
  useEffect(() => () => unfollow.current?.(), []);

  return useCallback(
    (el: T | null, focus?: HTMLElement | null) => {
      if (el !== floating.current) follow(el);
      floating.current = el;
      if (!el) return;
      if (supportsPopover && !el.matches(':popover-open')) {
        el.setAttribute('popover', 'manual');
        el.classList.add('ae-top-layer');
        el.showPopover();
        place();
      }
      (focus ?? el).focus();
    },
    [place, follow],
  );
}
