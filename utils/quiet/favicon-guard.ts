/**
 * Calm's favicon: where the site draws an unread badge into its tab icon (Gmail's "unread message
 * icon", whose URLs end in `/unreadcountfavicon/<n>_2x.png`, camupod/chaticonnotifier; Slack's icon
 * with a dot, levibostian/chill-web), the icon the site showed while its title had no unread marker is
 * kept instead. The site's icon is recognised by meaning, not by URL: it is the one in effect when the
 * site's own title is unmarked. Until such a moment was seen, the icon is left as the site draws it.
 * Only the `href` of the site's own icon links is written, and the site's latest is given back.
 */

export interface FaviconGuard {
  /**
   * Watches the site's icons while its quiet mode is on (calm or shield), in working time too: the
   * plain icon is learned from the site itself. Nothing is watched while the mode is off.
   */
  setWatching(watching: boolean): void;
  /** Keeps the plain icon in place of the badge (watching as well). */
  setActive(active: boolean): void;
}

const ICON_LINKS = 'link[rel~="icon" i]';
/**
 * An icon counts as plain once the title has stayed unmarked this long with it: a site that draws the
 * badge a moment before it rewrites the title must not teach us the badge.
 */
export const PLAIN_SETTLE_MS = 1_000;

export function createFaviconGuard(doc: Document, siteMarked: () => boolean, signal: AbortSignal): FaviconGuard {
  let active = false;
  /** Per link: the href the site last set, its href while the title was unmarked, and what we wrote. */
  const siteHref = new WeakMap<HTMLLinkElement, string>();
  const plainHref = new WeakMap<HTMLLinkElement, string>();
  const written = new WeakMap<HTMLLinkElement, string>();

  // Icon links live in the head; a query over the whole document would walk Slack's whole message list.
  const links = () => [...(doc.head ?? doc).querySelectorAll<HTMLLinkElement>(ICON_LINKS)];
  const unmarked = () => !siteMarked();
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
  let watching = false;
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(settling);
      restore();
    },
    { once: true },
  );

  function setWatching(next: boolean): void {
    if (next === watching || signal.aborted) return;
    watching = next;
    if (!watching) {
      if (active) setActive(false);
      observer.disconnect();
      clearTimeout(settling);
      return;
    }
    observer.observe(doc.head ?? doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
    apply();
    // The page as it stands when we start watching is settled: an unmarked title's icons are plain at once.
    if (unmarked()) for (const link of links()) plainHref.set(link, siteHref.get(link) ?? '');
  }

  function setActive(next: boolean): void {
    if (next === active || signal.aborted) return;
    if (next) setWatching(true);
    active = next;
    if (active) apply();
    else restore();
  }

  return { setWatching, setActive };
}
