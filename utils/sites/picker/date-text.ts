/**
 * Reading and writing the dates schedulers show, in the browser's language: "Tuesday, December 8",
 * "Dec 8, 2026", "12/8/2026", "Dienstag, 8. Dezember", "08.12.2026", "2026-12-08". Pure: no DOM, and
 * "today" is a parameter, so a date shown without a year is read as the nearest one that fits.
 */

/** A calendar date; `month` is 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ParsedDate {
  date: CalendarDate;
  /** Whether the text named the year itself (else it was inferred from today and the weekday). */
  hasYear: boolean;
}

/** Locales whose month and weekday names we read, besides the page's own. */
const KNOWN_LOCALES = ['en-US', 'en-GB', 'de-DE'];

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function calendarDateOf(at: Date): CalendarDate {
  return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
}

function utcDate(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

function realDate(year: number, month: number, day: number): CalendarDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

function normalise(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase();
}

function localesFor(locale: string): string[] {
  return [...new Set([locale, ...KNOWN_LOCALES])];
}

/** Month names (long and short) and weekday names of each locale, lower-case, without dots. */
function namesOf(locale: string): { months: Map<string, number>; weekdays: Map<string, number> } {
  const months = new Map<string, number>();
  const weekdays = new Map<string, number>();
  const clean = (s: string) => normalise(s).replace(/\./g, '');
  for (const loc of localesFor(locale)) {
    for (let m = 1; m <= 12; m++) {
      for (const month of ['long', 'short'] as const) {
        months.set(clean(new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' }).format(utcDate({ year: 2026, month: m, day: 15 }))), m);
      }
    }
    // 2026-03-01 was a Sunday (weekday 0).
    for (let w = 0; w < 7; w++) {
      for (const weekday of ['long', 'short'] as const) {
        weekdays.set(clean(new Intl.DateTimeFormat(loc, { weekday, timeZone: 'UTC' }).format(utcDate({ year: 2026, month: 3, day: 1 + w }))), w);
      }
    }
  }
  return { months, weekdays };
}

const namesCache = new Map<string, ReturnType<typeof namesOf>>();
function names(locale: string): ReturnType<typeof namesOf> {
  let found = namesCache.get(locale);
  if (!found) namesCache.set(locale, (found = namesOf(locale)));
  return found;
}

function weekdayOf(d: CalendarDate): number {
  return utcDate(d).getUTCDay();
}

function dayNumber(d: CalendarDate): number {
  return Math.round(utcDate(d).getTime() / 86_400_000);
}

/**
 * The year for a month and day shown without one: the year whose date has the weekday shown, or
 * else the nearest date from a month ago on (schedulers offer the future).
 */
function inferYear(month: number, day: number, weekday: number | null, today: CalendarDate): CalendarDate | null {
  const candidates = [today.year, today.year + 1, today.year - 1]
    .map((y) => realDate(y, month, day))
    .filter((d): d is CalendarDate => d !== null)
    .filter((d) => weekday === null || weekdayOf(d) === weekday);
  const from = dayNumber(today) - 31;
  const upcoming = candidates.filter((d) => dayNumber(d) >= from).sort((a, b) => dayNumber(a) - dayNumber(b));
  return upcoming[0] ?? candidates[0] ?? null;
}

/** Numbers-only dates: day-month order unless the locale is US English or the separator says otherwise. */
function parseNumeric(s: string, locale: string, today: CalendarDate): ParsedDate | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return wrap(realDate(+iso[1]!, +iso[2]!, +iso[3]!), true);
  const m = /^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?$/.exec(s);
  if (!m) return null;
  const monthFirst = m[2] === '/' && /^en-US$|^en$/i.test(locale);
  const [month, day] = monthFirst ? [+m[1]!, +m[3]!] : [+m[3]!, +m[1]!];
  if (m[4] === undefined) return wrap(inferYear(month, day, null, today), false);
  const year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
  return wrap(realDate(year, month, day), true);
}

function wrap(date: CalendarDate | null, hasYear: boolean): ParsedDate | null {
  return date ? { date, hasYear } : null;
}

/** Dates with a month name, an optional weekday and an optional year, in any word order. */
function parseWords(s: string, locale: string, today: CalendarDate): ParsedDate | null {
  const { months, weekdays } = names(locale);
  const tokens = s.replace(/\./g, ' ').split(/[\s,]+/).filter((t) => t && t !== 'de' && t !== 'of');
  let month: number | null = null;
  let weekday: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  for (const token of tokens) {
    const num = /^(\d{1,4})(?:st|nd|rd|th)?$/.exec(token);
    if (num) {
      const n = Number(num[1]);
      if (num[1]!.length === 4 && year === null) year = n;
      else if (num[1]!.length <= 2 && day === null) day = n;
      else return null;
    } else if (months.has(token) && month === null) month = months.get(token)!;
    else if (weekdays.has(token) && weekday === null) weekday = weekdays.get(token)!;
    else return null;
  }
  if (month === null || day === null) return null;
  if (year === null) return wrap(inferYear(month, day, weekday, today), false);
  const date = realDate(year, month, day);
  return date && (weekday === null || weekdayOf(date) === weekday) ? { date, hasYear: true } : null;
}

/** The date a field shows, or null when the text is not (only) a date ("8:00 AM", "Tomorrow"). */
export function parseDateText(text: string, locale: string, today: CalendarDate): ParsedDate | null {
  const s = normalise(text);
  if (!s || s.length > 60) return null;
  return parseNumeric(s, locale, today) ?? parseWords(s, locale, today);
}

type DateParts = Pick<Intl.DateTimeFormatOptions, 'weekday' | 'year' | 'month' | 'day'>;

/** The shapes a scheduler may show a date in, most common first. */
const SHAPES: DateParts[] = [];
for (const weekday of [undefined, 'long', 'short'] as const) {
  for (const month of ['short', 'long', 'numeric', '2-digit'] as const) {
    for (const year of ['numeric', undefined] as const) {
      for (const day of ['numeric', '2-digit'] as const) {
        if (weekday && (month === 'numeric' || month === '2-digit')) continue;
        SHAPES.push({ weekday, month, year, day });
      }
    }
  }
}

type Formatter = (d: CalendarDate) => string;

function intlFormatter(locale: string, parts: DateParts): Formatter {
  const format = new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' });
  return (d) => format.format(utcDate(d));
}

function isoFormatter(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Every formatter that writes `shown` for the date it shows. */
function formattersFor(shown: string, locale: string, today: CalendarDate): Formatter[] {
  const parsed = parseDateText(shown, locale, today);
  if (!parsed) return [];
  const target = normalise(shown);
  const all: Formatter[] = [isoFormatter];
  for (const loc of localesFor(locale)) for (const parts of SHAPES) all.push(intlFormatter(loc, parts));
  return all.filter((f) => normalise(f(parsed.date)) === target);
}

/**
 * `date` written the way the field already writes a date (its language, order, padding, with or
 * without weekday and year). When the field shows nothing we recognise, the locale's medium date.
 */
export function formatDateLike(shown: string, date: CalendarDate, locale: string, today: CalendarDate): string {
  // "08.12.2026" fits both padded and unpadded months: a padded day says the field pads.
  const pads = /(^|\D)0\d/.test(shown);
  const zeros = (f: Formatter) => (f({ year: 2027, month: 1, day: 5 }).match(/(^|\D)0\d/g) ?? []).length;
  const [like] = formattersFor(shown, locale, today).sort((a, b) => (pads ? zeros(b) - zeros(a) : zeros(a) - zeros(b)));
  return (like ?? intlFormatter(locale, { year: 'numeric', month: 'short', day: 'numeric' }))(date);
}

/** Whether a field's text, read back after writing, shows exactly `date` (a shown weekday must fit too). */
export function showsDate(text: string, date: CalendarDate, locale: string, today: CalendarDate): boolean {
  const parsed = parseDateText(text, locale, today);
  return parsed !== null && sameDate(parsed.date, date);
}
