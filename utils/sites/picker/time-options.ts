/** Choosing a time from a scheduler's list of options ("9:00 AM", "9:15 AM", … or "09:00", "09:30", …). Pure. */
import { parseTimeText } from '../time-text';

/**
 * The option to pick for `target` (minutes of the day): the exact one, else the first that is not
 * earlier (a list in 30-minute steps turns 9:15 into 9:30). Null when every option is earlier: the
 * next day is not ours to choose.
 */
export function chooseTimeOption(labels: readonly string[], target: number): { index: number; minutes: number } | null {
  let best: { index: number; minutes: number } | null = null;
  labels.forEach((label, index) => {
    const minutes = parseTimeText(label);
    if (minutes === null || minutes < target) return;
    if (!best || minutes < best.minutes) best = { index, minutes };
  });
  return best;
}
