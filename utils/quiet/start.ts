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
import { createFaviconGuard } from './favicon-guard';
import { createTitleGuard } from './title-guard';
import { MAX_OPENED, openedItem } from './opened';

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

interface Applied {
  state: QuietState | null;
  peekUntil: number;
  cover: QuietCoverHandle | null;
  exceptions: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  recorded: boolean;
  peek: Peek | null;
}

export function startQuiet(deps: QuietDeps): void {
  const { site, doc, source, signal } = deps;
  const now = deps.now ?? Date.now;
  const root = doc.documentElement;
  const title = createTitleGuard(doc, site, signal);
  const favicon = createFaviconGuard(doc, site, title.siteTitle, signal);
  const applied: Applied = { state: null, peekUntil: 0, cover: null, exceptions: '[]', timer: undefined, recorded: false, peek: null };
  const href = deps.href ?? (() => doc.location.href);

  function current(): QuietState | null {
    const settings: QuietSettings | undefined = source.current()?.settings;
    return settings ? quietState(settings, site, now()) : null;
  }

  function evaluate(): void {
    clearTimeout(applied.timer);
    if (signal.aborted) return;
    const state = current();
    applied.state = state;
    const active = state?.active ?? false;
    if (active && state) root.setAttribute(QUIET_ATTRIBUTE, state.mode);
    else root.removeAttribute(QUIET_ATTRIBUTE);
    sendExceptions();
    title.setActive(active);
    favicon.setActive(active);
    if (active && !applied.recorded) {
      applied.recorded = true;
      deps.record?.('quieted');
    }
    const peeking = applied.peekUntil > now();
    showOrHideCover(active && state?.mode === 'shield' && !peeking ? state : null);
    if (active && state?.mode === 'shield' && peeking) showPeek(state);
    else endPeek();
    const next = Math.min(state?.recheckAt ?? Infinity, peeking ? applied.peekUntil : Infinity);
    if (Number.isFinite(next)) applied.timer = setTimeout(evaluate, Math.max(250, next - now()));
  }

  function sendExceptions(): void {
    const list = source.current()?.settings.preferences.quietExceptions ?? [];
    const json = JSON.stringify(list);
    if (json === applied.exceptions) return;
    applied.exceptions = json;
    doc.dispatchEvent(new CustomEvent(EXCEPTIONS_EVENT, { detail: json }));
  }

  function showOrHideCover(state: QuietState | null): void {
    if (!state) {
      applied.cover?.remove();
      applied.cover = null;
      return;
    }
    if (applied.cover) return applied.cover.update(state.until);
    applied.cover = deps.showCover({
      until: state.until,
      onOpenAnyway: () => {
        applied.peekUntil = now() + PEEK_MS;
        deps.record?.('peeked');
        evaluate();
      },
      onOnCall: async (hours) => {
        const error = await deps.setOnCall(now() + hours * HOUR);
        if (!error) evaluate();
        return error;
      },
    });
  }

  /** Starts watching what the user opens (once per peek), and shows or refreshes the bar. */
  function showPeek(state: QuietState): void {
    if (!applied.peek) {
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
      const peek: Peek = { opened: [], reminded: 0, bar: null, controller };
      applied.peek = peek;
      const look = () => notice(peek);
      const view = doc.defaultView;
      view?.addEventListener('popstate', look, { signal: controller.signal });
      view?.addEventListener('hashchange', look, { signal: controller.signal });
      // The sites are single-page apps: a click may change the address without an event; look just after it.
      doc.addEventListener('click', () => setTimeout(look, 0), { capture: true, passive: true, signal: controller.signal });
      const interval = setInterval(look, PEEK_WATCH_MS);
      controller.signal.addEventListener('abort', () => clearInterval(interval), { once: true });
      addOpened(peek);
    }
    renderBar(applied.peek, state);
  }

  function notice(peek: Peek): void {
    if (peek.controller.signal.aborted) return;
    if (addOpened(peek) && applied.state) renderBar(peek, applied.state);
  }

  /** The item the page shows now, if new (at most MAX_OPENED per peek); true when one was added. */
  function addOpened(peek: Peek): boolean {
    if (peek.opened.length >= MAX_OPENED) return false;
    const item = openedItem(site, href());
    if (!item || peek.opened.includes(item)) return false;
    peek.opened.push(item);
    return true;
  }

  function renderBar(peek: Peek, state: QuietState): void {
    if (!deps.showPeekBar) return;
    const view = {
      peekUntil: applied.peekUntil,
      remindAt: deps.remindAfterPeek && state.until !== null && state.until > now() ? state.until : null,
      opened: peek.opened.length,
      reminded: peek.reminded,
    };
    if (peek.bar) return peek.bar.update(view);
    peek.bar = deps.showPeekBar({
      ...view,
      onRemind: async () => {
        const at = applied.state?.until;
        const items = peek.opened.slice(peek.reminded);
        if (!deps.remindAfterPeek || at == null || !items.length) return null;
        const error = await deps.remindAfterPeek(at, items);
        if (error) return error;
        peek.reminded += items.length;
        if (applied.peek === peek && applied.state) renderBar(peek, applied.state);
        return null;
      },
    });
  }

  function endPeek(): void {
    const peek = applied.peek;
    if (!peek) return;
    applied.peek = null;
    peek.controller.abort();
    peek.bar?.remove();
  }

  source.subscribe?.(evaluate, signal);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(applied.timer);
      root.removeAttribute(QUIET_ATTRIBUTE);
      applied.cover?.remove();
      endPeek();
    },
    { once: true },
  );
  evaluate();
}
