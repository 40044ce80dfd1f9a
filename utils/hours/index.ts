/**
 * Pure working-hours engine: no browser APIs, only Intl (via luxon) for time-zone offsets.
 * See engine.ts for the semantics of wall-clock membership across DST changes.
 */
export { DAYS, type Day, type Hours, type Weekly } from './types';
export { parseHHmm } from './time';
export { isValidTimeZone } from './zone';
export { isWorkingTime, nextCommonWorkingTime, nextWorkingTime, wallClock, workingTest, type WallClock } from './engine';
export {
  daysOfWeek,
  defaultDeadline,
  fromLocalInput,
  localDate,
  nextDayWorkStart,
  nextFriday,
  periodBounds,
  startOf,
  toLocalInput,
  zoneOrUtc,
} from './calendar';
