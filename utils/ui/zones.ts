/**
 * The IANA zone list for pickers, searchable by city, country, abbreviation, zone name or UTC offset
 * ("Bangalore", "Germany", "PST", "asia/kol", "+5:30", "UTC-3", "GMT+1"). Pure; `Intl` supplies the
 * list and country names, luxon the offsets, zone-places.generated.ts the cities.
 */
import { DateTime } from 'luxon';
import { isValidTimeZone } from '@/utils/hours';
import { weekdayTime } from '@/utils/i18n/dates';
import { EXTRA_PLACE_NAMES, ZONE_ABBREVIATIONS } from './zone-names';
import { ZONE_PLACES } from './zone-places.generated';
import { cityOf } from './zone-city';

export { cityOf };

export interface ZoneEntry {
  /** The IANA name stored in settings (the modern spelling when the runtime accepts it). */
  id: string;
  /** "Kolkata", "New York", "Buenos Aires". */
  city: string;
  /** Offset from UTC now, in minutes. */
  offset: number;
  /** "UTC+05:30". */
  offsetLabel: string;
  /** Folded text the search runs over: id, city, old names, cities and countries. */
  haystack: string;
  /** Cities and countries of this zone as written, biggest city first (to say which one matched). */
  places: string[];
}

/** Old spellings some runtimes still list (ICU/CLDR keep them canonical), and their current names. */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
};

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}


export function runtimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

const countryNamers = new Map<string, Intl.DisplayNames | null>();
function countryName(code: string, language: string): string | null {
  if (!countryNamers.has(language)) {
    try {
      countryNamers.set(language, new Intl.DisplayNames([language], { type: 'region' }));
    } catch {
      countryNamers.set(language, null);
    }
  }
  try {
    return countryNamers.get(language)?.of(code) ?? null;
  } catch {
    return null;
  }
}

/** Country names (the zone's main country first; English, then `languages`), then cities (data and hand-kept names), without repeats. */
export function placesOf(ids: readonly string[], languages: readonly string[] = []): string[] {
  const cities: string[] = [];
  const countries: string[] = [];
  for (const id of ids) {
    const [codes = '', names = ''] = ZONE_PLACES[id] ?? [];
    cities.push(...names.split('|'), ...(EXTRA_PLACE_NAMES[id] ?? '').split('|'));
    for (const code of codes.split(' ')) {
      for (const language of ['en', ...languages]) countries.push(code ? (countryName(code, language) ?? '') : '');
    }
  }
  return [...new Set([...countries, ...cities].filter(Boolean))];
}

export function zoneEntry(id: string, now: number, aliases: string[] = [], languages: readonly string[] = []): ZoneEntry {
  const offset = DateTime.fromMillis(now, { zone: id }).offset;
  const city = cityOf(id);
  const label = offsetLabel(offset);
  const places = placesOf([id, ...aliases], languages);
  const haystack = fold([id, city, ...aliases, ...aliases.map(cityOf), ...places, label].join(' '));
  return { id, city, offset, offsetLabel: label, haystack, places };
}

/** Every zone the runtime knows, in current spelling, with UTC, sorted by offset then name. */
export function zoneEntries(now = Date.now(), ids: readonly string[] = runtimeZones(), languages: readonly string[] = []): ZoneEntry[] {
  const aliases = new Map<string, string[]>();
  for (const raw of [...ids, 'UTC']) {
    const modern = RENAMED[raw] && isValidTimeZone(RENAMED[raw]) ? RENAMED[raw] : raw;
    const list = aliases.get(modern) ?? [];
    if (modern !== raw) list.push(raw);
    aliases.set(modern, list);
  }
  const out: ZoneEntry[] = [];
  for (const [id, names] of aliases) {
    if (isValidTimeZone(id)) out.push(zoneEntry(id, now, names, languages));
  }
  return out.sort((a, b) => a.offset - b.offset || a.id.localeCompare(b.id));
}

/** "+5:30", "utc-3", "GMT+01", "+0530", "-8" → minutes; null when the query is not an offset. */
export function parseOffsetQuery(query: string): number | null {
  const m = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(query.trim());
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '+' ? 1 : -1) * (hours * 60 + minutes);
}

/** The zones an abbreviation stands for ("PST", "ist"), most used first; empty when it is none. */
export function abbreviationZones(query: string): readonly string[] {
  return ZONE_ABBREVIATIONS[query.trim().toUpperCase()] ?? [];
}

/**
 * Matches ranked: the zones of an abbreviation first, then exact name, city starting with the query,
 * any word starting with it, anywhere in it; an offset query lists the zones at that offset now.
 */
export function searchZones(entries: readonly ZoneEntry[], query: string, limit = 50): ZoneEntry[] {
  const q = fold(query.trim());
  if (!q) return entries.slice(0, limit);
  const abbreviated = abbreviationZones(q).flatMap((id) => entries.filter((e) => e.id === id));
  const rest = searchByText(entries, q).filter((e) => !abbreviated.includes(e));
  return [...abbreviated, ...rest].slice(0, limit);
}

/** Index of the first (biggest) city or country whose name starts with the folded query; -1 when none. */
function placeStarting(entry: ZoneEntry, needle: string): number {
  return entry.places.findIndex((place) => fold(place).startsWith(needle));
}

function searchByText(entries: readonly ZoneEntry[], q: string): ZoneEntry[] {
  const offset = parseOffsetQuery(q);
  if (offset !== null) return entries.filter((e) => e.offset === offset);
  if (q === 'utc' || q === 'gmt') return entries.filter((e) => e.offset === 0);
  const needle = q.replace(/_/g, ' ');
  const scored: Array<[number, ZoneEntry]> = [];
  for (const entry of entries) {
    const id = fold(entry.id);
    const city = fold(entry.city);
    let score = -1;
    if (id === q) score = 0;
    else if (city.startsWith(needle)) score = 1;
    else if (id.startsWith(q)) score = 2;
    else if (placeStarting(entry, needle) >= 0) score = 3 + placeStarting(entry, needle) / 100_000;
    else if (` ${entry.haystack.replace(/[/_]/g, ' ')}`.includes(` ${needle}`)) score = 3.5;
    else if (entry.haystack.includes(q) || entry.haystack.includes(needle)) score = 4;
    if (score >= 0) scored.push([score, entry]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].id.localeCompare(b[1].id));
  return scored.map(([, e]) => e);
}

/**
 * Why an entry matched, when its name does not say it: the abbreviation ("PST") or the city or
 * country whose words start with the query ("Bengaluru", "Germany"); null otherwise.
 */
export function matchedName(entry: ZoneEntry, query: string): string | null {
  const q = fold(query.trim()).replace(/_/g, ' ');
  if (!q || parseOffsetQuery(q) !== null) return null;
  if (abbreviationZones(q).includes(entry.id)) return query.trim().toUpperCase();
  if (fold(entry.city).startsWith(q) || fold(entry.id).startsWith(q)) return null;
  return entry.places.find((place) => ` ${fold(place)}`.includes(` ${q}`)) ?? null;
}

/** Wall-clock time in a zone, "Tue 14:05" / "Di. 14:05" (24-hour, weekday in the reader's language). */
export function clockIn(zone: string, now: number): string {
  return weekdayTime(now, zone);
}
