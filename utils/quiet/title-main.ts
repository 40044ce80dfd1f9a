/**
 * Calm's tab title, in the page's own world (entrypoints/quiet.content.ts, before the site's scripts).
 * While quiet is on, each of the site's writes to `document.title` is calmed as it is made: the tab never
 * flashes a count, and no second write follows each of the site's (on a busy Slack, one per message; a
 * title written from the isolated world after every message cost more script time than Slack itself:
 * bench (c)). The site still reads back its own title. A title changed another way (the <title> text) is
 * calmed by a watch on the head that runs only while quiet is on. When quiet ends, the site's latest
 * title is put back.
 *
 * The isolated content script turns quiet on and off with QUIET_ATTRIBUTE on <html>. It sees
 * TITLE_GUARD_ATTRIBUTE and leaves the title to this guard, and learns from TITLE_MARKED_ATTRIBUTE ("1"
 * or "0", while quiet is on) whether the site's own title is marked (for the favicon). No text leaves
 * the page.
 */
import type { Site } from '@/utils/store/schema';
import { QUIET_ATTRIBUTE, type PageWindow } from './notifications';
import { calmTitle } from './title';

export const TITLE_GUARD_ATTRIBUTE = 'data-async-etiquette-title-guard';
export const TITLE_MARKED_ATTRIBUTE = 'data-async-etiquette-title-marked';

const SITE_HOSTS: Record<string, Site> = { 'mail.google.com': 'gmail', 'app.slack.com': 'slack', 'docs.google.com': 'docs' };

export function siteForHost(host: string): Site | null {
  return SITE_HOSTS[host] ?? null;
}

/** The page's own `title` accessor, wherever on the prototype chain its Document keeps it. */
function titleAccessor(doc: Document): PropertyDescriptor | undefined {
  for (let proto: object | null = Object.getPrototypeOf(doc); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, 'title');
    if (found) return found;
  }
  return undefined;
}

/** Installs the guard; returns a function that takes it away and leaves the site's title in place. */
export function installTitleGuard(win: PageWindow, site: Site): () => void {
  const doc = win.document;
  const root = doc.documentElement;
  const accessor = titleAccessor(doc);
  const nativeGet = accessor?.get;
  const nativeSet = accessor?.set;
  if (!root || !nativeGet || !nativeSet) return () => {};
  const read = () => String(nativeGet.call(doc));
  const write = (value: string) => void nativeSet.call(doc, value);
  /** The site's latest title while quiet is on (null while it is off), and what we last wrote. */
  let siteTitle: string | null = null;
  let written: string | null = null;

  function show(title: string): void {
    siteTitle = title;
    const calm = calmTitle(site, title);
    const marked = calm !== title ? '1' : '0';
    if (root.getAttribute(TITLE_MARKED_ATTRIBUTE) !== marked) root.setAttribute(TITLE_MARKED_ATTRIBUTE, marked);
    if (read() === calm) return;
    written = calm;
    write(calm);
  }

  const head = new win.MutationObserver(() => {
    const current = read();
    if (siteTitle === null || current === written || current === calmTitle(site, siteTitle)) return;
    show(current);
  });

  function start(): void {
    show(read());
    head.observe(doc.head ?? root, { childList: true, subtree: true, characterData: true });
  }

  function stop(): void {
    head.disconnect();
    if (siteTitle !== null && read() !== siteTitle) write(siteTitle);
    siteTitle = null;
    written = null;
    root.removeAttribute(TITLE_MARKED_ATTRIBUTE);
  }

  Object.defineProperty(doc, 'title', {
    configurable: true,
    enumerable: true,
    get: () => siteTitle ?? read(),
    set: (value: unknown) => (siteTitle === null ? write(String(value)) : show(String(value))),
  });
  const state = new win.MutationObserver(() => {
    const quiet = root.hasAttribute(QUIET_ATTRIBUTE);
    if (quiet && siteTitle === null) start();
    else if (!quiet && siteTitle !== null) stop();
  });
  state.observe(root, { attributes: true, attributeFilter: [QUIET_ATTRIBUTE] });
  root.setAttribute(TITLE_GUARD_ATTRIBUTE, '');

  return () => {
    state.disconnect();
    stop();
    delete (doc as { title?: unknown }).title;
    root.removeAttribute(TITLE_GUARD_ATTRIBUTE);
  };
}
