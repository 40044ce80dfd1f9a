import { holdView } from '@/utils/etiquette/hold-view';
import type { Verdict } from '@/utils/etiquette/types';

/** The hold dialog's holiday lines for a verdict (none unless it is after hours). */
export function holidayView(verdict: Verdict): string[] {
  return verdict.kind === 'after-hours' ? (holdView(verdict).holidays ?? []) : [];
}
