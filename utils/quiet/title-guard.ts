/**
 * Keeps the tab title calm while quiet is on, however often the site rewrites it, and gives the site's
 * own latest title back when quiet ends. Where the page-world guard runs (utils/quiet/title-main.ts, which
 * calms each of the site's writes as it is made), the title is left to it; this is the fallback for a page
 * where it could not start. Only `document.title` is written; the site's code is not touched. Nothing is
 * watched while quiet does not apply.
 */
import type { Site } from '@/utils/store/schema';
import { calmTitle } from './title';
import { TITLE_GUARD_ATTRIBUTE, TITLE_MARKED_ATTRIBUTE } from './title-main';

export interface TitleGuard {
  setActive(active: boolean): void;
  /** Whether the title as the site itself last set it (ours aside) carries an unread marker. */
  siteMarked(): boolean;
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

  // The site may replace the <title> element or only its text: the whole head is watched, but only
  // while quiet applies. A busy site rewrites its title with every message (bench (c)).
  const observer = new MutationObserver(apply);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      restore();
    },
    { once: true },
  );

  const delegated = () => doc.documentElement.hasAttribute(TITLE_GUARD_ATTRIBUTE);
  const marked = (title: string) => calmTitle(site, title) !== title;

  return {
    siteMarked: () => {
      // The page-world guard says it once it has taken over; until then the title is still the site's.
      const said = active && delegated() ? doc.documentElement.getAttribute(TITLE_MARKED_ATTRIBUTE) : null;
      return said !== null ? said === '1' : marked(doc.title !== written ? doc.title : siteTitle);
    },
    setActive(next) {
      if (next === active || signal.aborted) return;
      active = next;
      if (delegated()) return;
      if (active) {
        siteTitle = doc.title;
        observer.observe(doc.head ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
        apply();
      } else {
        observer.disconnect();
        restore();
      }
    },
  };
}
