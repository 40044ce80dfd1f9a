import { isWorkingTime, nextWorkingTime, type Hours } from '@/utils/hours';
import { weekdayTime } from '@/utils/i18n/dates';
import { workingUntil } from '@/utils/store/quiet-tabs';

export interface WorkingStatus {
  working: boolean;
  localTime: string;
  /** When working flips next, formatted in the person's zone, or null when it does not within a week/year. */
  changesAt: string | null;
}

export function workingStatus(hours: Hours, now: Date): WorkingStatus {
  const working = isWorkingTime(hours, now);
  const next = working ? workingUntil(hours, now) : nextWorkingTime(hours, now);
  const fmt = (d: Date) => weekdayTime(d.getTime(), hours.timeZone);
  return { working, localTime: fmt(now), changesAt: next ? fmt(next) : null };
}
