/**
 * Quiet tabs in a page: the site's mode, whether it applies now, and when to look again. The decision
 * itself is utils/store/quiet-tabs.ts (shared with the popup); this adds the page's timer.
 */
import { isQuietNow, nextQuietChange, type QuietSettings } from '@/utils/store/quiet-tabs';
import type { QuietMode, Site } from '@/utils/store/schema';

export interface QuietState {
  /** The site's quiet mode, whether or not it applies now. */
  mode: QuietMode;
  /** Quiet applies now: the user is outside their working time (days off included) and not on call. */
  active: boolean;
  /** While active: the user's next working start (null when none within the engine's horizon). */
  until: number | null;
  /** When the state may next change; null when it cannot (mode off). */
  recheckAt: number | null;
}

/**
 * Looked at again at least this often besides the computed change: a sleeping laptop or a moved clock
 * must not leave a tab in the wrong state for long.
 */
export const QUIET_RECHECK_MS = 30_000;

export function quietState(settings: QuietSettings, site: Site, now: number): QuietState {
  const mode = settings.quiet[site];
  if (mode === 'off') return { mode, active: false, until: null, recheckAt: null };
  const { quiet, until } = isQuietNow(settings, site, now);
  const change = nextQuietChange(settings, site, now) ?? Infinity;
  return { mode, active: quiet, until, recheckAt: Math.min(change, now + QUIET_RECHECK_MS) };
}
