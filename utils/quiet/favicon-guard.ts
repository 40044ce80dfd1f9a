/**
 * Calm's favicon: where the site draws an unread badge into its tab icon (Gmail's "unread message
 * icon", whose URLs end in `/unreadcountfavicon/<n>_2x.png`, camupod/chaticonnotifier; Slack's icon
 * with a dot, levibostian/chill-web), the icon the site showed while its title had no unread marker is
 * kept instead. The site's icon is recognised by meaning, not by URL: it is the one in effect when the
 * site's own title is unmarked. Until such a moment was seen, the icon is left as the site draws it.
 * Only the `href` of the site's own icon links is written, and the site's latest is given back.
 */
import type { Site } from '@/utils/store/schema';
import { calmTitle } from './title';

export interface FaviconGuard {
  setActive(active: boolean): void;
}

const ICON_LINKS = 'link[rel~="icon" i]';
/**
 * An icon counts as plain once the title has stayed unmarked this long with it: a site that draws the
 * badge a moment before it rewrites the title must not teach us the badge.
 */
export const PLAIN_SETTLE_MS = 1_000;

export function createFaviconGuard(doc: Document, site: Site, siteTitle: () => string, signal: AbortSignal): FaviconGuard {
  let active = false;
  /** Per link: the href the site last set, its href while the title was unmarked, and what we wrote. */
  const siteHref = new WeakMap<HTMLLinkElement, string>();
  const plainHref = new WeakMap<HTMLLinkElement, string>();
  const written = new WeakMap<HTMLLinkElement, string>();

  const links = () => [...doc.querySelectorAll<HTMLLinkElement>(ICON_LINKS)];
  const unmarked = () => {
    const title = siteTitle();
    return calmTitle(site, title) === title;
  };
  let settling: ReturnType<typeof setTimeout> | undefined;

  /** Learns each link's plain icon once the title has stayed unmarked with it for PLAIN_SETTLE_MS. */
  function learnPlainSoon(): void {
    clearTimeout(settling);
    const seen = links().map((link) => [link, siteHref.get(link)] as const);
    settling = setTimeout(() => {
      if (signal.aborted || !unmarked()) return;
      for (const [link, href] of seen) if (href !== undefined && siteHref.get(link) === href) plainHref.set(link, href);
    }, PLAIN_SETTLE_MS);
  }

  function apply(): void {
    const plainNow = unmarked();
    for (const link of links()) {
      const href = link.getAttribute('href') ?? '';
      if (href !== written.get(link)) siteHref.set(link, href);
      if (!active || plainNow) continue;
      const plain = plainHref.get(link);
      if (plain === undefined || plain === href) continue;
      written.set(link, plain);
      link.setAttribute('href', plain);
    }
    if (plainNow) learnPlainSoon();
  }

  function restore(): void {
    for (const link of links()) {
      const ours = written.get(link);
      const theirs = siteHref.get(link);
      if (ours !== undefined && link.getAttribute('href') === ours && theirs !== undefined) link.setAttribute('href', theirs);
      written.delete(link);
    }
  }

  const observer = new MutationObserver(apply);
  observer.observe(doc.head ?? doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(settling);
      restore();
    },
    { once: true },
  );
  apply();
  // The page as it stands when we start is settled: an unmarked title's icons are plain at once.
  if (unmarked()) for (const link of links()) plainHref.set(link, siteHref.get(link) ?? '');

  return {
    setActive(next) {
      if (next === active) return;
      active = next;
      if (active) apply();
      else restore();
    },
  };
}
