/**
 * Quiet tabs (contract §1 `quiet`, §3): whether a site's tab is quiet right now, and when to look
 * again. Pure (the hours engine only): the content scripts and their tests share it.
 */
import { isWorkingTime, nextWorkingTime, type Hours } from '@/utils/hours';
import type { Site } from '@/utils/store/schema';

export type QuietMode = 'off' | 'calm' | 'shield';

/** What the state reads from the settings. */
export interface QuietInputs {
  me: Hours;
  quiet?: Partial<Record<Site, QuietMode>>;
  preferences: { onCallUntil?: number };
}

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
 * Looked at again at least this often: the end of a working day has no cheap closed form here, and a
 * sleeping laptop or a moved clock must not leave a tab in the wrong state for long.
 */
export const QUIET_RECHECK_MS = 30_000;

export function quietState(settings: QuietInputs, site: Site, now: number): QuietState {
  const mode = settings.quiet?.[site] ?? 'off';
  if (mode === 'off') return { mode, active: false, until: null, recheckAt: null };
  const onCallUntil = settings.preferences.onCallUntil ?? 0;
  const soon = now + QUIET_RECHECK_MS;
  if (onCallUntil > now) return { mode, active: false, until: null, recheckAt: Math.min(onCallUntil, soon) };
  const at = new Date(now);
  if (isWorkingTime(settings.me, at)) return { mode, active: false, until: null, recheckAt: soon };
  const until = nextWorkingTime(settings.me, at)?.getTime() ?? null;
  return { mode, active: true, until, recheckAt: until === null ? soon : Math.min(until, soon) };
}
