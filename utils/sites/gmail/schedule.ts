import type { ScheduleOutcome } from '@/utils/guard/adapter';

/** Placeholder replaced in the next commit. */
export async function scheduleGmail(_composer: HTMLElement, _at: Date, _signal: AbortSignal): Promise<ScheduleOutcome> {
  return { ok: false, step: 'not implemented' };
}
