/**
 * Quiet tabs in a site's page (contract §1 `quiet`, §3): while the user is outside their own working
 * time, the tab title loses its unread markers, the page's desktop notifications are kept back (in the
 * page's world: ./notifications.ts), and in shield mode a cover says "Work can wait". Working time,
 * a settings change or "I'm on call" gives the site its own state back within a second or two, with
 * no reload. No snapshot (worker asleep, first start) means no quiet: the site behaves natively.
 */
import type { SnapshotSource } from '@/utils/guard/snapshot-client';
import type { PeekBarHandle, PeekBarRequest, QuietCoverHandle, QuietCoverRequest } from '@/utils/guard/page-ui';
import type { Site } from '@/utils/store/schema';
import { EXCEPTIONS_EVENT, QUIET_ATTRIBUTE } from './notifications';
import type { QuietSettings } from '@/utils/store/quiet-tabs';
import { quietState, type QuietState } from './state';
import { createFaviconGuard, type FaviconGuard } from './favicon-guard';
import { createTitleGuard, type TitleGuard } from './title-guard';
import { MAX_OPENED, openedItem } from './opened';
import { withOwnHolidays } from '@/utils/holidays/apply';

/** "Open anyway" uncovers this tab for this long (contract §3: at least 10 minutes). */
export const PEEK_MS = 15 * 60_000;
const HOUR = 3_600_000;
/** While peeking, the address is looked at this often besides history events and the page's clicks. */
export const PEEK_WATCH_MS = 1_000;

export interface QuietDeps {
  site: Site;
  doc: Document;
  source: SnapshotSource;
  signal: AbortSignal;
  showCover: (request: QuietCoverRequest) => QuietCoverHandle;
  /** Turns quiet tabs off until `until` (the worker stores it); resolves to an error to show, or null. */
  setOnCall: (until: number) => Promise<string | null>;
  /** For the week's counts (fire-and-forget): the tab went quiet (once per page), or "Open anyway". */
  record?: (action: 'quieted' | 'peeked') => void;
  /** While peeking (issue 19, item 4): the bar that hands what was opened to the next working start. */
  showPeekBar?: (request: PeekBarRequest) => PeekBarHandle;
  /** Asks the worker for a reminder at `at` naming these ids; resolves to an error to show, or null. */
  remindAfterPeek?: (at: number, items: string[]) => Promise<string | null>;
  now?: () => number;
  /** The page's address (tests). */
  href?: () => string;
}

/** One peek: what was opened (ids only), what a reminder holds already, and its bar and watchers. */
interface Peek {
  opened: string[];
  reminded: number;
  bar: PeekBarHandle | null;
  controller: AbortController;
}

/** One page's quiet state, shared by the functions below. */
interface QuietPage {
  deps: QuietDeps;
  now: () => number;
  href: () => string;
  title: TitleGuard;
  favicon: FaviconGuard;
  state: QuietState | null;
  peekUntil: number;
  cover: QuietCoverHandle | null;
  exceptions: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  recorded: boolean;
  peek: Peek | null;
}

export function startQuiet(deps: QuietDeps): void {
  const { site, doc, signal } = deps;
  const title = createTitleGuard(doc, site, signal);
  const page: QuietPage = {
    deps,
    now: deps.now ?? Date.now,
    href: deps.href ?? (() => doc.location.href),
    title,
    favicon: createFaviconGuard(doc, title.siteMarked, signal),
    state: null,
    peekUntil: 0,
    cover: null,
    exceptions: '[]',
    timer: undefined,
    recorded: false,
    peek: null,
  };
  deps.source.subscribe?.(() => evaluate(page), signal);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(page.timer);
      doc.documentElement.removeAttribute(QUIET_ATTRIBUTE);
      page.cover?.remove();
      endPeek(page);
    },
    { once: true },
  );
  evaluate(page);
}

function current({ deps, now }: QuietPage): QuietState | null {
  const snapshot = deps.source.current();
  const settings: QuietSettings | undefined = snapshot ? withOwnHolidays(snapshot.settings, snapshot.holidays) : undefined;
  return settings ? quietState(settings, deps.site, now()) : null;
}

/** Applies the state now (attribute, exceptions, title, icon, cover, peek) and looks again when it may change. */
function evaluate(page: QuietPage): void {
  const { deps, now } = page;
  clearTimeout(page.timer);
  if (deps.signal.aborted) return;
  const state = current(page);
  page.state = state;
  const active = state?.active ?? false;
  if (active && state) deps.doc.documentElement.setAttribute(QUIET_ATTRIBUTE, state.mode);
  else deps.doc.documentElement.removeAttribute(QUIET_ATTRIBUTE);
  sendExceptions(page);
  page.title.setActive(active);
  page.favicon.setWatching(Boolean(state && state.mode !== 'off'));
  page.favicon.setActive(active);
  if (active && !page.recorded) {
    page.recorded = true;
    deps.record?.('quieted');
  }
  const peeking = page.peekUntil > now();
  const shield = active && state?.mode === 'shield' ? state : null;
  showOrHideCover(page, shield && !peeking ? shield : null);
  if (shield && peeking) showPeek(page, shield);
  else endPeek(page);
  const next = Math.min(state?.recheckAt ?? Infinity, peeking ? page.peekUntil : Infinity);
  if (Number.isFinite(next)) page.timer = setTimeout(() => evaluate(page), Math.max(250, next - now()));
}

function sendExceptions(page: QuietPage): void {
  const list = page.deps.source.current()?.settings.preferences.quietExceptions ?? [];
  const json = JSON.stringify(list);
  if (json === page.exceptions) return;
  page.exceptions = json;
  page.deps.doc.dispatchEvent(new CustomEvent(EXCEPTIONS_EVENT, { detail: json }));
}

function showOrHideCover(page: QuietPage, state: QuietState | null): void {
  const { deps, now } = page;
  if (!state) {
    page.cover?.remove();
    page.cover = null;
    return;
  }
  if (page.cover) return page.cover.update(state.until);
  page.cover = deps.showCover({
    until: state.until,
    onOpenAnyway: () => {
      page.peekUntil = now() + PEEK_MS;
      deps.record?.('peeked');
      evaluate(page);
    },
    onOnCall: async (hours) => {
      const error = await deps.setOnCall(now() + hours * HOUR);
      if (!error) evaluate(page);
      return error;
    },
  });
}

/** Starts watching what the user opens (once per peek), and shows or refreshes the bar. */
function showPeek(page: QuietPage, state: QuietState): void {
  if (!page.peek) page.peek = watchPeek(page);
  renderBar(page, page.peek, state);
}

function watchPeek(page: QuietPage): Peek {
  const { doc, signal } = page.deps;
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
  const peek: Peek = { opened: [], reminded: 0, bar: null, controller };
  const look = () => notice(page, peek);
  const view = doc.defaultView;
  view?.addEventListener('popstate', look, { signal: controller.signal });
  view?.addEventListener('hashchange', look, { signal: controller.signal });
  // The sites are single-page apps: a click may change the address without an event; look just after it.
  doc.addEventListener('click', () => setTimeout(look, 0), { capture: true, passive: true, signal: controller.signal });
  const interval = setInterval(look, PEEK_WATCH_MS);
  controller.signal.addEventListener('abort', () => clearInterval(interval), { once: true });
  addOpened(page, peek);
  return peek;
}

function notice(page: QuietPage, peek: Peek): void {
  if (peek.controller.signal.aborted) return;
  if (addOpened(page, peek) && page.state) renderBar(page, peek, page.state);
}

/** The item the page shows now, if new (at most MAX_OPENED per peek); true when one was added. */
function addOpened(page: QuietPage, peek: Peek): boolean {
  if (peek.opened.length >= MAX_OPENED) return false;
  const item = openedItem(page.deps.site, page.href());
  if (!item || peek.opened.includes(item)) return false;
  peek.opened.push(item);
  return true;
}

function renderBar(page: QuietPage, peek: Peek, state: QuietState): void {
  const { deps, now } = page;
  if (!deps.showPeekBar) return;
  const view = {
    peekUntil: page.peekUntil,
    remindAt: deps.remindAfterPeek && state.until !== null && state.until > now() ? state.until : null,
    opened: peek.opened.length,
    reminded: peek.reminded,
  };
  if (peek.bar) return peek.bar.update(view);
  peek.bar = deps.showPeekBar({ ...view, onRemind: () => remind(page, peek) });
}

/** Hands what was opened since the last reminder to the worker, for the next working start. */
async function remind(page: QuietPage, peek: Peek): Promise<string | null> {
  const at = page.state?.until;
  const items = peek.opened.slice(peek.reminded);
  if (!page.deps.remindAfterPeek || at == null || !items.length) return null;
  const error = await page.deps.remindAfterPeek(at, items);
  if (error) return error;
  peek.reminded += items.length;
  if (page.peek === peek && page.state) renderBar(page, peek, page.state);
  return null;
}

function endPeek(page: QuietPage): void {
  const peek = page.peek;
  if (!peek) return;
  page.peek = null;
  peek.controller.abort();
  peek.bar?.remove();
}
