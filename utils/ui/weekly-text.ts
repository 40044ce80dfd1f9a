/**
 * The plain-text form of a day's ranges used by the minimal hours editor: "09:00-12:00, 13:00-17:30".
 * Parsing is forgiving about spaces and dashes; validation stays with the zod schema.
 */
import { t } from '@/utils/i18n';

export function rangesToText(ranges: ReadonlyArray<readonly [string, string]>): string {
  return ranges.map(([s, e]) => `${s}-${e}`).join(', ');
}

export function textToRanges(text: string): Array<[string, string]> | { error: string } {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const ranges: Array<[string, string]> = [];
  for (const part of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-\u2013\u2014]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m) return { error: t('hours.notARange', { text: part }) };
    ranges.push([m[1]!.padStart(5, '0'), m[2]!.padStart(5, '0')]);
  }
  return ranges;
}
