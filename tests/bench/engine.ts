/**
 * Bench figure (f): `nextCommonWorkingTime` for 50 people. Bundled with esbuild by run.mjs and run in
 * plain Node (the engine is pure TypeScript + Intl, contract §2). Each call gets fresh Hours objects,
 * as the guard builds them on every Send.
 */
import { nextCommonWorkingTime, type Hours, type Weekly } from '@/utils/hours';

const ZONES = [
  'Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Europe/Madrid', 'Europe/Warsaw', 'Europe/Helsinki', 'Europe/Lisbon',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo', 'America/Toronto',
  'Asia/Kolkata', 'Asia/Calcutta', 'Asia/Tokyo', 'Asia/Singapore', 'Asia/Kathmandu', 'Asia/Dubai', 'Asia/Shanghai',
  'Australia/Sydney', 'Australia/Adelaide', 'Pacific/Auckland', 'Africa/Lagos', 'Africa/Nairobi',
];

function week(start: string, end: string, weekend = false): Weekly {
  const day: Array<[string, string]> = [[start, end]];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: weekend ? day : [], sun: weekend ? day : [] };
}

/** 50 people across 25 zones with long, overlapping days: a common slot exists within days. */
export function overlappingTeam(): Hours[] {
  return Array.from({ length: 50 }, (_, i) => ({
    timeZone: ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Europe/Lisbon', 'Africa/Lagos'][i % 5]!,
    weekly: i % 7 === 0 ? week('07:00', '20:00') : week('06:00', '22:00'),
    daysOff: i % 10 === 0 ? ['2026-12-24', '2026-12-25'] : [],
  }));
}

/** 50 people spread round the globe with office hours: no common slot in 28 days (the worst case). */
export function globalTeam(): Hours[] {
  return Array.from({ length: 50 }, (_, i) => ({
    timeZone: ZONES[i % ZONES.length]!,
    weekly: week('09:00', '17:00'),
    daysOff: [],
  }));
}

function copy(people: Hours[]): Hours[] {
  return people.map((p) => ({ timeZone: p.timeZone, weekly: p.weekly, daysOff: p.daysOff }));
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface EngineFigure {
  runs: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  found: number;
}

/** Times `runs` calls from instants spread over a year (so zone caches see new blocks too). */
export function timeEngine(team: () => Hours[], runs: number, seed = 1): EngineFigure {
  const base = Date.UTC(2026, 0, 5, 3, 17);
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const people = team();
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const from = new Date(base + Math.floor(random() * 365 * 24 * 60) * 60_000);
    const input = copy(people);
    const started = performance.now();
    const result = nextCommonWorkingTime(input, from);
    times.push(performance.now() - started);
    if (result) found++;
  }
  const firstMs = times[0]!;
  const sorted = [...times].sort((a, b) => a - b);
  return { runs, firstMs, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), found };
}
