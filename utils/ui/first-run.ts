/**
 * The first-run page's logic (issue 22, item 1), pure so it is tested without a browser: the hours
 * presets, which preset a week already is, and the one update that "Save and finish" sends.
 */
import { DAYS, type Weekly } from '@/utils/hours';
import type { UpdateSettingsPayload } from '@/utils/messaging';
import type { Quiet, Settings, Site, Sites } from '@/utils/store/schema';

export const HOURS_PRESETS = ['office', 'fourDay', 'custom'] as const;
export type HoursPreset = (typeof HOURS_PRESETS)[number];

const NINE_TO_FIVE: [string, string] = ['09:00', '17:00'];

/** The weekly hours a preset stands for; `custom` keeps the week it is given. */
export function weeklyForPreset(preset: HoursPreset, custom: Weekly): Weekly {
  const workDays = preset === 'office' ? 5 : preset === 'fourDay' ? 4 : null;
  if (workDays === null) return custom;
  // Monday first: a four-day week is Monday to Thursday, the most common form (Friday off).
  return Object.fromEntries(DAYS.map((day, index) => [day, index < workDays ? [[...NINE_TO_FIVE]] : []])) as Weekly;
}

function sameWeekly(a: Weekly, b: Weekly): boolean {
  return DAYS.every((day) => JSON.stringify(a[day] ?? []) === JSON.stringify(b[day] ?? []));
}

/** The preset a week already matches, so the page opens with the person's current hours selected. */
export function presetOf(weekly: Weekly): HoursPreset {
  return HOURS_PRESETS.find((preset) => preset !== 'custom' && sameWeekly(weeklyForPreset(preset, weekly), weekly)) ?? 'custom';
}

/** What the page lets a person choose; everything else stays as it is. */
export interface FirstRunChoices {
  timeZone: string;
  weekly: Weekly;
  daysOff: string[];
  /** A region code, or undefined for none. */
  holidays: string | undefined;
  sites: Sites;
  quiet: Quiet;
}

export function choicesFrom(settings: Pick<Settings, 'me' | 'sites' | 'quiet'>): FirstRunChoices {
  const { me } = settings;
  return {
    timeZone: me.timeZone,
    weekly: structuredClone(me.weekly),
    daysOff: [...(me.daysOff ?? [])],
    holidays: me.holidays,
    sites: { ...settings.sites },
    quiet: { ...settings.quiet },
  };
}

function changedSites<T extends Record<Site, string>>(field: 'sites' | 'quiet', before: T, after: T, locked: ReadonlySet<string>): Partial<T> | undefined {
  const entries = (Object.keys(after) as Site[]).filter((site) => after[site] !== before[site] && !locked.has(`${field}.${site}`));
  return entries.length ? (Object.fromEntries(entries.map((site) => [site, after[site]])) as Partial<T>) : undefined;
}

/**
 * The single update "Save and finish" sends: only what the person changed, and never a field the
 * organisation locked (the worker would refuse the whole update). Null when nothing changed. Sending
 * only changes also leaves a value the organisation recommends as it is, rather than making it the
 * person's own choice.
 */
export function firstRunPatch(before: FirstRunChoices, after: FirstRunChoices, locked: readonly string[]): UpdateSettingsPayload | null {
  const isLocked = new Set(locked);
  const me: NonNullable<UpdateSettingsPayload['me']> = {};
  const open = (field: string) => !isLocked.has(`me.${field}`);
  if (after.timeZone !== before.timeZone && open('timeZone')) me.timeZone = after.timeZone;
  if (!sameWeekly(after.weekly, before.weekly) && open('weekly')) me.weekly = after.weekly;
  if (JSON.stringify([...after.daysOff].sort()) !== JSON.stringify([...before.daysOff].sort()) && open('daysOff')) me.daysOff = after.daysOff;
  if (after.holidays !== before.holidays && open('holidays')) me.holidays = after.holidays ?? null;
  const patch: UpdateSettingsPayload = {
    ...(Object.keys(me).length ? { me } : {}),
    ...optional('sites', changedSites('sites', before.sites, after.sites, isLocked)),
    ...optional('quiet', changedSites('quiet', before.quiet, after.quiet, isLocked)),
  };
  return Object.keys(patch).length ? patch : null;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * The first run opens on a new install only: never on an update, a browser update or a worker restart.
 * Nor for an add-on Firefox loaded temporarily (about:debugging, web-ext, a test driver): that is a
 * developer's copy, installed afresh at every start, and a store install is never temporary.
 */
export function opensFirstRun(details: { reason: string; temporary?: boolean }): boolean {
  return details.reason === 'install' && details.temporary !== true;
}

/** The page's path in the built extension (entrypoints/welcome/). */
export const FIRST_RUN_PATH = '/welcome.html';
