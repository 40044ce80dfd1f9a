/**
 * The IANA zone list for pickers, searchable by city, zone name or UTC offset ("Kolkata", "asia/kol",
 * "+5:30", "UTC-3", "GMT+1"). Pure; `Intl` supplies the list and luxon the offsets.
 */
import { DateTime } from 'luxon';
import { isValidTimeZone } from '@/utils/hours';
import { weekdayTime } from '@/utils/i18n/dates';

export interface ZoneEntry {
  /** The IANA name stored in settings (the modern spelling when the runtime accepts it). */
  id: string;
  /** "Kolkata", "New York", "Buenos Aires". */
  city: string;
  /** Offset from UTC now, in minutes. */
  offset: number;
  /** "UTC+05:30". */
  offsetLabel: string;
  /** Folded text the search runs over: id, city, old names, well-known cities. */
  haystack: string;
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

/** Big cities that have no zone of their own name. */
const CITIES: Record<string, string> = {
  'Asia/Kolkata': 'Mumbai Delhi Bengaluru Bangalore Chennai Hyderabad India',
  'America/Los_Angeles': 'San Francisco Seattle Vancouver Pacific',
  'America/New_York': 'Boston Washington Miami Atlanta Eastern',
  'America/Chicago': 'Dallas Houston Austin Central',
  'America/Denver': 'Mountain Salt Lake City',
  'America/Sao_Paulo': 'Rio de Janeiro Brazil',
  'Asia/Shanghai': 'Beijing China Shenzhen',
  'Europe/Berlin': 'Munich Frankfurt Hamburg Germany',
  'Europe/Paris': 'France Lyon',
  'Europe/London': 'UK Britain Manchester Edinburgh',
  'Europe/Zurich': 'Geneva Switzerland',
  'Asia/Dubai': 'Abu Dhabi UAE',
  'Australia/Sydney': 'Canberra',
  'Asia/Tokyo': 'Japan Osaka',
  'Africa/Lagos': 'Nigeria Abuja',
  'Asia/Karachi': 'Pakistan Lahore Islamabad',
  'Asia/Jakarta': 'Indonesia',
  'Asia/Manila': 'Philippines',
  'Asia/Ho_Chi_Minh': 'Hanoi Vietnam',
};

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function cityOf(id: string): string {
  return (id.split('/').pop() ?? id).replace(/_/g, ' ');
}

export function runtimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function zoneEntry(id: string, now: number, aliases: string[] = []): ZoneEntry {
  const offset = DateTime.fromMillis(now, { zone: id }).offset;
  const city = cityOf(id);
  const label = offsetLabel(offset);
  const haystack = fold([id, city, ...aliases, ...aliases.map(cityOf), CITIES[id] ?? '', label].join(' '));
  return { id, city, offset, offsetLabel: label, haystack };
}

/** Every zone the runtime knows, in current spelling, with UTC, sorted by offset then name. */
export function zoneEntries(now = Date.now(), ids: readonly string[] = runtimeZones()): ZoneEntry[] {
  const aliases = new Map<string, string[]>();
  for (const raw of [...ids, 'UTC']) {
    const modern = RENAMED[raw] && isValidTimeZone(RENAMED[raw]) ? RENAMED[raw] : raw;
    const list = aliases.get(modern) ?? [];
    if (modern !== raw) list.push(raw);
    aliases.set(modern, list);
  }
  const out: ZoneEntry[] = [];
  for (const [id, names] of aliases) {
    if (isValidTimeZone(id)) out.push(zoneEntry(id, now, names));
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

/**
 * Matches ranked: exact name, city starting with the query, any word starting with it, anywhere in it;
 * an offset query lists the zones at that offset now.
 */
export function searchZones(entries: readonly ZoneEntry[], query: string, limit = 50): ZoneEntry[] {
  const q = fold(query.trim());
  if (!q) return entries.slice(0, limit);
  const offset = parseOffsetQuery(q);
  if (offset !== null) return entries.filter((e) => e.offset === offset).slice(0, limit);
  if (q === 'utc' || q === 'gmt') return entries.filter((e) => e.offset === 0).slice(0, limit);
  const needle = q.replace(/_/g, ' ');
  const scored: Array<[number, ZoneEntry]> = [];
  for (const entry of entries) {
    const id = fold(entry.id);
    const city = fold(entry.city);
    let score = -1;
    if (id === q) score = 0;
    else if (city.startsWith(needle)) score = 1;
    else if (id.startsWith(q)) score = 2;
    else if (` ${entry.haystack.replace(/[/_]/g, ' ')}`.includes(` ${needle}`)) score = 3;
    else if (entry.haystack.includes(q) || entry.haystack.includes(needle)) score = 4;
    if (score >= 0) scored.push([score, entry]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].id.localeCompare(b[1].id));
  return scored.slice(0, limit).map(([, e]) => e);
}

/** Wall-clock time in a zone, "Tue 14:05" / "Di. 14:05" (24-hour, weekday in the reader's language). */
export function clockIn(zone: string, now: number): string {
  return weekdayTime(now, zone);
}
