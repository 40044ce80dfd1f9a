/** Working-hours data shapes shared by the engine and the settings schema. */

export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Per weekday, local wall-clock ranges ["HH:mm", "HH:mm"]; an end at or before its start crosses midnight. */
export type Weekly = Record<Day, Array<[string, string]>>;

export interface Hours {
  /** IANA zone name (canonical or alias), e.g. "Europe/Berlin", "Asia/Calcutta", "UTC". */
  timeZone: string;
  weekly: Weekly;
  /** Local dates "YYYY-MM-DD"; ranges that start on them are dropped whole. */
  daysOff?: string[];
}

/** Monday-first, matching ISO weekday numbering (index 0 = Monday). */
export const DAYS: readonly Day[] = Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const);
