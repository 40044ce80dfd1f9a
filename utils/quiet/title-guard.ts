/**
 * Keeps the tab title calm while quiet is on, however often the site rewrites it, and gives the site's
 * own latest title back when quiet ends. Only `document.title` is written; the site's code is not touched.
 */
import type { Site } from '@/utils/store/schema';
import { calmTitle } from './title';

export interface TitleGuard {
  setActive(active: boolean): void;
  /** The title as the site itself last set it (ours aside). */
  siteTitle(): string;
}

export function createTitleGuard(doc: Document, site: Site, signal: AbortSignal): TitleGuard {
  let active = false;
  /** What the site itself last set; what we last wrote (to tell our own writes from the site's). */
  let siteTitle = doc.title;
  let written: string | null = null;

  function apply(): void {
    const current = doc.title;
    if (current !== written) siteTitle = current;
    if (!active) return;
    const calm = calmTitle(site, siteTitle);
    if (calm === current) return;
    written = calm;
    doc.title = calm;
  }

  function restore(): void {
    if (written !== null && doc.title === written) doc.title = siteTitle;
    written = null;
  }

  // The site may replace the <title> element or only its text: watch the whole head.
  const observer = new MutationObserver(apply);
  const target = doc.head ?? doc.documentElement;
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      restore();
    },
    { once: true },
  );

  return {
    siteTitle: () => (doc.title !== written ? doc.title : siteTitle),
    setActive(next) {
      if (next === active) return;
      active = next;
      if (active) apply();
      else restore();
    },
  };
}
