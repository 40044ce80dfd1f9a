/**
 * Property tests: the engine against a brute-force reference that scans minute by minute and
 * reads wall clocks straight from Intl (no luxon, no transition tables, no interval arithmetic).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAYS, isWorkingTime, nextCommonWorkingTime, nextWorkingTime, workingTest, type Day, type Hours, type Weekly } from '@/utils/hours';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NUM_RUNS = 200;
/**
 * The reference scans at most this far. Results further away are checked as "nothing working
 * within the window, and the result itself is working": a minute scan to 366 days would take
 * minutes per run. Generated schedules are dense enough that most results fall inside it.
 */
const SCAN_WINDOW = 8 * DAY;
/** The minute scans take a few seconds in all; leave room for slow CI machines. */
const SCAN_TIMEOUT = 30_000;

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'America/Santiago',
  'America/Havana',
  'America/St_Johns',
  'Africa/Casablanca',
  'Asia/Kolkata',
  'Asia/Calcutta',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'UTC',
];

// ---------------------------------------------------------------- reference implementation

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface RefWallClock {
  date: string;
  minutes: number;
}

/** Every UTC offset change of the zones above falls on a multiple of 15 minutes UTC (Lord Howe: 15:30Z). */
const SLOT = 15 * MINUTE;
const offsetCache = new Map<string, number>();

/** UTC offset (ms) over one 15-minute UTC slot, read from Intl.formatToParts at the slot start. */
function refOffset(zone: string, instant: number): number {
  const slot = Math.floor(instant / SLOT) * SLOT;
  const key = `${zone}|${slot}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const parts = Object.fromEntries(formatter(zone).formatToParts(slot).map((p) => [p.type, Number(p.value)]));
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - slot;
    offsetCache.set(key, offset);
  }
  return offset;
}

function refWallClock(zone: string, instant: number): RefWallClock {
  const local = Math.floor(instant / MINUTE) * MINUTE + refOffset(zone, instant);
  const midnight = Math.floor(local / DAY) * DAY;
  return { date: new Date(midnight).toISOString().slice(0, 10), minutes: (local - midnight) / MINUTE };
}

function refMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

interface RefDate {
  day: Day;
  yesterday: string;
}

const dateCache = new Map<string, RefDate>();

/** Weekday and previous date of a "YYYY-MM-DD", memoised because the scan asks for the same few dates. */
function refDate(date: string): RefDate {
  let info = dateCache.get(date);
  if (!info) {
    const midnight = Date.parse(`${date}T00:00:00Z`);
    // getUTCDay: 0 = Sunday.
    const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(midnight).getUTCDay()]!;
    info = { day, yesterday: new Date(midnight - DAY).toISOString().slice(0, 10) };
    dateCache.set(date, info);
  }
  return info;
}

const daysOffSets = new WeakMap<Hours, Set<string>>();

function refDaysOff(h: Hours): Set<string> {
  let set = daysOffSets.get(h);
  if (!set) {
    set = new Set(h.daysOff ?? []);
    daysOffSets.set(h, set);
  }
  return set;
}

/** Membership straight from the contract's wording, on wall-clock date and minute. */
function refIsWorkingWall(h: Hours, { date, minutes }: RefWallClock): boolean {
  const off = refDaysOff(h);
  const { day, yesterday } = refDate(date);
  const today = off.has(date) ? [] : h.weekly[day];
  const fromYesterday = off.has(yesterday) ? [] : h.weekly[refDate(yesterday).day];
  const inToday = today.some(([s, e]) => {
    const [start, end] = [refMinutes(s), refMinutes(e)];
    return end > start ? start <= minutes && minutes < end : start <= minutes;
  });
  const inYesterdays = fromYesterday.some(([s, e]) => {
    const [start, end] = [refMinutes(s), refMinutes(e)];
    return end <= start && minutes < end;
  });
  return inToday || inYesterdays;
}

/** Seconds do not matter: the wall-clock minute of `at` is that of its whole UTC minute (offsets are whole minutes). */
function refIsWorking(h: Hours, at: number): boolean {
  return refIsWorkingWall(h, refWallClock(h.timeZone, at));
}

/**
 * First instant >= from, within `window`, where `isWorking` holds; undefined when none.
 * Membership only changes at whole minutes (ranges and offsets are whole minutes), so checking
 * `from` and then each following minute boundary is exhaustive.
 */
function refScan(from: number, window: number, isWorking: (t: number) => boolean): number | undefined {
  if (isWorking(from)) return from;
  for (let t = Math.floor(from / MINUTE) * MINUTE + MINUTE; t <= from + window; t += MINUTE) {
    if (isWorking(t)) return t;
  }
  return undefined;
}

function refAllWorking(people: Hours[], at: number): boolean {
  return people.every((p) => refIsWorking(p, at));
}

// ---------------------------------------------------------------- generators

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Minutes that sit on DST boundaries often, so gaps and overlaps are hit, plus any minute. */
const boundaryMinute = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 30, 60, 90, 120, 135, 150, 165, 180, 210, 1380, 1410, 1440),
);

/**
 * Up to three non-overlapping ranges for one day: sorted distinct boundaries paired up, with the
 * last range optionally crossing midnight (its end moved to a time at or before its start).
 */
const dayRanges: fc.Arbitrary<Array<[string, string]>> = fc
  .tuple(fc.uniqueArray(boundaryMinute, { maxLength: 6 }), fc.boolean(), boundaryMinute)
  .map(([points, crossLast, crossEnd]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([sorted[i]!, sorted[i + 1]!]);
    const last = ranges.at(-1);
    if (last && crossLast && last[0] < 1440) last[1] = Math.min(crossEnd, last[0]) % 1440;
    return ranges.filter(([s]) => s < 1440).map(([s, e]): [string, string] => [hhmm(s), hhmm(e)]);
  });

const weekly: fc.Arbitrary<Weekly> = fc.record(
  Object.fromEntries(DAYS.map((d) => [d, fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: dayRanges })])) as Record<
    Day,
    fc.Arbitrary<Array<[string, string]>>
  >,
);

const RANGE_START = Date.UTC(2026, 0, 1);
const RANGE_END = Date.UTC(2027, 11, 31);

/** Transition dates of the zones above in 2026-2027 (±2 days is added), so `from` lands near them often. */
const TRANSITION_DAYS = [
  '2026-02-15', '2026-03-08', '2026-03-22', '2026-03-29', '2026-04-05', '2026-04-04', '2026-09-06', '2026-09-27',
  '2026-10-04', '2026-10-25', '2026-11-01', '2027-03-14', '2027-03-28', '2027-04-04', '2027-10-31', '2027-11-07',
].map((d) => Date.parse(`${d}T00:00:00Z`));

const instant: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: RANGE_START, max: RANGE_END }),
  fc.tuple(fc.constantFrom(...TRANSITION_DAYS), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([d, delta]) => d + delta),
  // Whole minutes matter: that is where ranges start.
  fc.tuple(fc.constantFrom(...TRANSITION_DAYS), fc.integer({ min: -2 * 1440, max: 2 * 1440 })).map(([d, m]) => d + m * MINUTE),
);

const daysOffNear = (from: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.integer({ min: -2, max: 10 }), { maxLength: 5 }).map((offsets) =>
    offsets.map((o) => new Date(from + o * DAY).toISOString().slice(0, 10)),
  );

/** Hours plus a `from`, with days off placed around `from` so they matter. */
const scenario = fc
  .tuple(fc.constantFrom(...ZONES), weekly, instant)
  .chain(([timeZone, week, from]) =>
    daysOffNear(from).map((daysOff): { hours: Hours; from: number } => ({ hours: { timeZone, weekly: week, daysOff }, from })),
  );

const groupScenario = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...ZONES), weekly), { minLength: 1, maxLength: 3 }), instant)
  .chain(([people, from]) =>
    fc.tuple(...people.map(() => daysOffNear(from))).map((offs): { people: Hours[]; from: number } => ({
      people: people.map(([timeZone, week], i) => ({ timeZone, weekly: week, daysOff: offs[i] ?? [] })),
      from,
    })),
  );

// ---------------------------------------------------------------- properties

const time = (d: Date | null): number | null => d?.getTime() ?? null;

describe('nextWorkingTime properties', () => {
  it('is working time, >= from, and matches the minute-by-minute reference', () => {
    fc.assert(
      fc.property(scenario, ({ hours, from }) => {
        const result = time(nextWorkingTime(hours, new Date(from)));
        // Equality with the first working minute of the scan also proves no earlier minute in [from, result) works.
        const reference = refScan(from, SCAN_WINDOW, (t) => refIsWorking(hours, t));
        if (reference !== undefined) {
          expect(result).toBe(reference);
        } else if (result !== null) {
          // Nothing in the scanned window, so the engine must have found something beyond it.
          expect(result).toBeGreaterThan(from + SCAN_WINDOW);
          expect(result).toBeLessThanOrEqual(from + 366 * DAY);
        }
        if (result !== null) {
          expect(result).toBeGreaterThanOrEqual(from);
          expect(isWorkingTime(hours, new Date(result))).toBe(true);
          expect(refIsWorking(hours, result)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, SCAN_TIMEOUT);

  it('isWorkingTime agrees with the reference, and a working from is its own next working time', () => {
    fc.assert(
      fc.property(scenario, ({ hours, from }) => {
        const working = isWorkingTime(hours, new Date(from));
        expect(working).toBe(refIsWorking(hours, from));
        if (working) expect(time(nextWorkingTime(hours, new Date(from)))).toBe(from);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('workingTest (compiled once) agrees with the reference over two days around from, minute steps of 7', () => {
    fc.assert(
      fc.property(scenario, ({ hours, from }) => {
        const working = workingTest(hours);
        for (let t = from - DAY; t <= from + DAY; t += 7 * MINUTE) expect(working(t)).toBe(refIsWorking(hours, t));
      }),
      { numRuns: 50 },
    );
  }, SCAN_TIMEOUT);

  it('a week without ranges never works', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (timeZone, from) => {
        const empty: Hours = { timeZone, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
        expect(nextWorkingTime(empty, new Date(from))).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});

describe('nextCommonWorkingTime properties', () => {
  it('for one person equals nextWorkingTime within 28 days', () => {
    fc.assert(
      fc.property(scenario, ({ hours, from }) => {
        const single = time(nextWorkingTime(hours, new Date(from)));
        const expected = single !== null && single - from <= 28 * DAY ? single : null;
        expect(time(nextCommonWorkingTime([hours], new Date(from)))).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('has everyone working and matches the minute-by-minute reference', () => {
    fc.assert(
      fc.property(groupScenario, ({ people, from }) => {
        const result = time(nextCommonWorkingTime(people, new Date(from)));
        const reference = refScan(from, SCAN_WINDOW, (t) => refAllWorking(people, t));
        if (reference !== undefined) {
          expect(result).toBe(reference);
        } else if (result !== null) {
          expect(result).toBeGreaterThan(from + SCAN_WINDOW);
          expect(result).toBeLessThanOrEqual(from + 28 * DAY);
        }
        if (result !== null) {
          expect(result).toBeGreaterThanOrEqual(from);
          expect(people.every((p) => isWorkingTime(p, new Date(result)))).toBe(true);
          expect(refAllWorking(people, result)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, SCAN_TIMEOUT);

  it('does not depend on the order of people', () => {
    fc.assert(
      fc.property(
        groupScenario.chain(({ people, from }) =>
          fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }).map((shuffled) => ({ people, shuffled, from })),
        ),
        ({ people, shuffled, from }) => {
          const a = time(nextCommonWorkingTime(people, new Date(from)));
          expect(time(nextCommonWorkingTime(shuffled, new Date(from)))).toBe(a);
          expect(time(nextCommonWorkingTime([...people].reverse(), new Date(from)))).toBe(a);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
