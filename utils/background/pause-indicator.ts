/**
 * While nudges are paused the toolbar icon says so (a badge and its tooltip), and one alarm ends the
 * pause on time even if no page is open. Called after every settings change, so an import, a reset or
 * another device's change (later, sync) all keep the badge and the alarm right.
 */
import { browser } from 'wxt/browser';
import { zoneOrUtc } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { weekdayTime } from '@/utils/i18n/dates';
import { isPaused } from '@/utils/store/quiet';
import type { Pause } from '@/utils/store/schema';

export const PAUSE_ALARM = 'pause-end';
export const PAUSE_BADGE = 'Zz';
export function pauseTitle(pause: Pause, timeZone: string): string {
  if (pause.until === null) return t('worker.pausedIndefinitely');
  return t('worker.pausedUntil', { time: weekdayTime(pause.until, zoneOrUtc(timeZone)) });
}

export async function showPause(pause: Pause | undefined, timeZone: string, now = Date.now()): Promise<void> {
  const active = pause !== undefined && isPaused(pause, now);
  const { action, alarms } = browser;
  await Promise.all([
    action.setBadgeText({ text: active ? PAUSE_BADGE : '' }),
    action.setTitle({ title: active ? pauseTitle(pause, timeZone) : t('extName') }),
    active ? action.setBadgeBackgroundColor({ color: '#5f6368' }) : Promise.resolve(),
  ]);
  if (active && pause.until !== null) {
    // Ensure, don't recreate: re-creating an alarm on every change would reset nothing useful and costs a write.
    const existing = await alarms.get(PAUSE_ALARM);
    if (existing?.scheduledTime !== pause.until) await alarms.create(PAUSE_ALARM, { when: pause.until });
  } else {
    await alarms.clear(PAUSE_ALARM);
  }
}
