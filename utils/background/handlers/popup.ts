/**
 * What the popup shows, the pause it sets (with its end, by alarm or at the next worker start), and
 * being on call (quiet tabs off until then; a passed instant is simply ignored, so it needs no alarm).
 */
import type { Context } from '@/utils/background/context';
import type { Handlers } from '@/utils/background/handle';
import type { PopupSummary } from '@/utils/messaging';
import { showPause } from '@/utils/background/pause-indicator';
import { footprintBounds, footprintLine, summariseFootprint } from '@/utils/store/footprint';
import { summariseWeek } from '@/utils/store/history';
import { teamContactsField } from '@/utils/store/popup-summary';
import { localDate } from '@/utils/hours';
import { withHolidays } from '@/utils/holidays/apply';
import { t } from '@/utils/i18n';
import { isPaused, isSnoozeActive, pauseEnd } from '@/utils/store/quiet';
import { isOnCall, MAX_ON_CALL_MS } from '@/utils/store/quiet-tabs';
import { eventsSince, patchSettings, readCoreSettings } from '@/utils/store/repository';

export async function popupSummary(ctx: Context): Promise<PopupSummary> {
  const at = ctx.now();
  const { core, locked } = await ctx.effectiveCore();
  const zone = core.me.timeZone;
  // Last week too, for the footprint's line; this week's numbers ignore the older events.
  const bounds = footprintBounds(zone, at, 2);
  const [contacts, events, holidays] = await Promise.all([ctx.db.contacts.count(), eventsSince(ctx.db, bounds[0]!), ctx.holidayTable()]);
  const [lastWeek, thisWeek] = summariseFootprint(events, bounds, zone);
  const { pause, snoozes, onCallUntil } = core.preferences;
  return {
    // The working status counts the user's public holidays as days off (the holidays themselves are not shown).
    me: withHolidays(core.me, core.me.holidays, holidays),
    sites: core.sites,
    quiet: core.quiet,
    onCallUntil: onCallUntil !== undefined && isOnCall(core.preferences, at) ? onCallUntil : null,
    pause: pause && isPaused(pause, at) ? pause : null,
    snoozed: (snoozes ?? []).filter((s) => isSnoozeActive(s, localDate(zone, at))).length,
    contacts,
    week: summariseWeek(events, zone, at),
    footprint: { thisWeek: footprintLine(thisWeek), lastWeek: footprintLine(lastWeek) },
    ...(locked.length ? { locked } : {}),
    ...teamContactsField(await ctx.policy()),
  };
}

/** The popup paints from a stored copy before the worker answers: it follows every change. */
export async function storePopupSummary(ctx: Context): Promise<void> {
  if (!ctx.storeSummary) return;
  try {
    await ctx.storeSummary(await popupSummary(ctx));
  } catch (error) {
    console.warn('Async Etiquette: could not store the popup summary', error);
  }
}

/** Ends a pause whose time has come (the alarm, or a worker start after a missed alarm). */
export async function endPauseIfDue(ctx: Context): Promise<boolean> {
  const { db } = ctx;
  await ctx.ready;
  const at = ctx.now();
  const ended = await db.transaction('rw', db.settings, db.contacts, async () => {
    const { preferences } = await readCoreSettings(db, ctx.timeZone());
    if (!preferences.pause || isPaused(preferences.pause, at)) return false;
    const { pause: _over, ...rest } = preferences;
    await patchSettings(db, { preferences: rest }, at);
    return true;
  });
  if (ended) await ctx.republish();
  return ended;
}

/**
 * The pause alarm fired: ends the pause. An alarm can fire before this worker's clock says the pause is
 * over (the system clock was adjusted); the pause then stands and its alarm is armed again, rather than
 * lost until the next settings change.
 */
export async function pauseAlarmFired(ctx: Context): Promise<boolean> {
  if (await endPauseIfDue(ctx)) return true;
  const { core } = await ctx.effectiveCore();
  await showPause(core.preferences.pause, core.me.timeZone, ctx.now());
  return false;
}

/** Why an on-call end cannot be set now, or null when it can (null itself ends being on call). */
export function onCallProblem(until: number | null, now: number): string | null {
  if (until === null) return null;
  if (until <= now) return t('quiet.onCall.past');
  if (until - now > MAX_ON_CALL_MS) return t('quiet.onCall.tooFar');
  return null;
}

export function popupHandlers(ctx: Context): Handlers<'getPopupSummary' | 'setPause' | 'setOnCall'> {
  const { db } = ctx;
  return {
    async getPopupSummary() {
      const summary = await popupSummary(ctx);
      void ctx.storeSummary?.(summary).catch(() => {});
      return summary;
    },

    async setPause({ kind }) {
      const at = ctx.now();
      await db.transaction('rw', db.settings, db.contacts, async () => {
        const { me, preferences } = await readCoreSettings(db, ctx.timeZone());
        const { pause: _previous, ...rest } = preferences;
        const next = kind === 'resume' ? rest : { ...rest, pause: { since: at, until: pauseEnd(kind, me, at) } };
        await patchSettings(db, { preferences: next }, at);
      });
      await ctx.republish();
      return { ok: true };
    },

    async setOnCall({ until }) {
      const at = ctx.now();
      const problem = onCallProblem(until, at);
      if (problem) return { ok: false, error: problem };
      await db.transaction('rw', db.settings, db.contacts, async () => {
        const { preferences } = await readCoreSettings(db, ctx.timeZone());
        const { onCallUntil: _previous, ...rest } = preferences;
        await patchSettings(db, { preferences: until === null ? rest : { ...rest, onCallUntil: until } }, at);
      });
      await ctx.republish();
      return { ok: true };
    },
  };
}
