/**
 * Quiet tabs in a site's page (contract §1 `quiet`, §3): while the user is outside their own working
 * time, the tab title loses its unread markers, the page's desktop notifications are kept back (in the
 * page's world: ./notifications.ts), and in shield mode a cover says "Work can wait". Working time,
 * a settings change or "I'm on call" gives the site its own state back within a second or two, with
 * no reload. No snapshot (worker asleep, first start) means no quiet: the site behaves natively.
 */
import type { SnapshotSource } from '@/utils/guard/snapshot-client';
import type { QuietCoverHandle, QuietCoverRequest } from '@/utils/guard/page-ui';
import type { Site } from '@/utils/store/schema';
import { EXCEPTIONS_EVENT, QUIET_ATTRIBUTE } from './notifications';
import type { QuietSettings } from '@/utils/store/quiet-tabs';
import { quietState, type QuietState } from './state';
import { createFaviconGuard } from './favicon-guard';
import { createTitleGuard } from './title-guard';

/** "Open anyway" uncovers this tab for this long (contract §3: at least 10 minutes). */
export const PEEK_MS = 15 * 60_000;
const HOUR = 3_600_000;

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
  now?: () => number;
}

interface Applied {
  state: QuietState | null;
  peekUntil: number;
  cover: QuietCoverHandle | null;
  exceptions: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  recorded: boolean;
}

export function startQuiet(deps: QuietDeps): void {
  const { site, doc, source, signal } = deps;
  const now = deps.now ?? Date.now;
  const root = doc.documentElement;
  const title = createTitleGuard(doc, site, signal);
  const favicon = createFaviconGuard(doc, site, title.siteTitle, signal);
  const applied: Applied = { state: null, peekUntil: 0, cover: null, exceptions: '[]', timer: undefined, recorded: false };

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

  source.subscribe?.(evaluate, signal);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(applied.timer);
      root.removeAttribute(QUIET_ATTRIBUTE);
      applied.cover?.remove();
    },
    { once: true },
  );
  evaluate();
}
