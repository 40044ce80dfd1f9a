/**
 * Public holidays in the worker (issue 21, contract §1 `holidays`). The date-holidays library is big,
 * so it lives in its own file (entrypoints/holidays-lib.ts) and is loaded only when a region in use
 * has no stored dates or they run short, after the snapshot went out, never on the worker's start
 * path. Computed dates are kept in storage.local (a derived cache: counts as nothing the user typed).
 */
import { z } from 'zod';
import type { HolidayTable, RegionHolidays } from '@/utils/holidays/apply';
import { computeRegionHolidays, type HolidaysConstructor } from '@/utils/holidays/compute';
import type { Settings } from '@/utils/store/schema';

export const HOLIDAYS_KEY = 'holidays';
/** Dates are computed this far ahead of today, and recomputed when fewer than REFRESH_DAYS remain. */
export const HOLIDAY_DAYS = 400;
export const REFRESH_DAYS = 300;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const storedSchema = z.record(z.string(), z.object({ from: isoDate, until: isoDate, place: z.string().max(200), dates: z.array(isoDate).max(2_000) }));

export interface HolidayDeps {
  /** The library's constructor, loaded on demand. */
  load: () => Promise<HolidaysConstructor>;
  read: () => Promise<unknown>;
  write: (table: HolidayTable) => Promise<void>;
  /** Today's local date ("YYYY-MM-DD"); a day earlier than any zone's today is fine. */
  today: () => string;
  /** The browser's language, for place names. */
  locale?: () => string;
}

/** Every region someone in the settings observes: the user, the contact default and each contact. */
export function regionsInUse(settings: Pick<Settings, 'me' | 'contactDefaults' | 'contacts'>): string[] {
  const regions = new Set<string>();
  if (settings.me.holidays) regions.add(settings.me.holidays);
  if (settings.contactDefaults.holidays) regions.add(settings.contactDefaults.holidays);
  for (const contact of settings.contacts) if (contact.holidays) regions.add(contact.holidays);
  return [...regions].sort();
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A region whose stored dates are missing or end within REFRESH_DAYS of today. */
export function needsDates(entry: RegionHolidays | undefined, today: string): boolean {
  return !entry || entry.from > today || entry.until < addDays(today, REFRESH_DAYS);
}

export function createHolidays(deps: HolidayDeps) {
  /** Regions the library failed on in this worker's life: not retried on every publish. */
  const failed = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();

  async function storedTable(): Promise<Record<string, RegionHolidays>> {
    const parsed = storedSchema.safeParse(await deps.read().catch(() => undefined));
    return parsed.success ? parsed.data : {};
  }

  /** What is stored for `regions` (nothing is computed here), and which of them need dates. */
  async function stored(regions: readonly string[]): Promise<{ table: HolidayTable; missing: string[] }> {
    const all = await storedTable();
    const today = deps.today();
    const table: Record<string, RegionHolidays> = {};
    for (const region of regions) if (all[region]) table[region] = all[region];
    const missing = regions.filter((region) => needsDates(all[region], today) && !failed.has(region));
    return { table, missing };
  }

  /** Computes and stores dates for `regions` (dropping regions no longer in use); true when anything changed. */
  async function compute(regions: readonly string[], inUse: readonly string[]): Promise<boolean> {
    const Library = await deps.load();
    const today = deps.today();
    const from = addDays(today, -1);
    const all = await storedTable();
    const next: Record<string, RegionHolidays> = {};
    for (const region of inUse) if (all[region]) next[region] = all[region];
    let changed = Object.keys(all).length !== Object.keys(next).length;
    for (const region of regions) {
      try {
        next[region] = computeRegionHolidays(Library, region, from, HOLIDAY_DAYS, deps.locale?.() ?? 'en');
        changed = true;
      } catch (error) {
        failed.add(region);
        console.warn(`Async Etiquette: no holidays for ${region}`, error);
      }
    }
    if (changed) await deps.write(next);
    return changed;
  }

  /** One computation at a time; a second call while one runs waits for it and then checks again. */
  function refresh(regions: readonly string[], inUse: readonly string[]): Promise<boolean> {
    const next = queue.then(() => compute(regions, inUse));
    queue = next.catch(() => {});
    return next;
  }

  return { stored, refresh, all: storedTable };
}

export type Holidays = ReturnType<typeof createHolidays>;
