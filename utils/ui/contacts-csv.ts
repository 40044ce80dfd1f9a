/**
 * The contacts directory as CSV, for spreadsheets and HR exports:
 * name, emails, slackIds, timeZone, hours, daysOff, holidays (a region code such as DE-BY), source. Lists are separated by spaces or ";";
 * hours read "mon 09:00-17:00; tue 09:00-12:00, 13:00-17:00; ..." (days left out are not worked;
 * an empty cell means the contact works your default contact hours). Pure.
 */
import { DAYS, type Day } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { contactSchema, LIMITS, type Contact, type Weekly } from '@/utils/store/schema';
import { describeIssue } from '@/utils/store/settings-file';
import { parseCsv, toCsv, unguard } from './csv';
import { rangesToText, textToRanges } from './weekly-text';

export const CSV_COLUMNS = ['name', 'emails', 'slackIds', 'timeZone', 'hours', 'daysOff', 'holidays', 'source'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export function weeklyToText(weekly: Weekly): string {
  return DAYS.filter((d) => weekly[d].length).map((d) => `${d} ${rangesToText(weekly[d])}`).join('; ');
}

export function textToWeekly(text: string): Weekly | { error: string } {
  const weekly: Weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(mon|tue|wed|thu|fri|sat|sun)\b\s*(.*)$/i.exec(part);
    if (!m) return { error: t('contacts.csv.noDay', { text: part }) };
    const day = m[1]!.toLowerCase() as Day;
    const ranges = textToRanges(m[2]!);
    if ('error' in ranges) return ranges;
    weekly[day] = [...weekly[day], ...ranges];
  }
  return weekly;
}

function list(text: string): string[] {
  return text.split(/[\s;]+/).map((s) => s.trim()).filter(Boolean);
}

export function contactsToCsv(contacts: readonly Contact[]): string {
  const rows = contacts.map((c) => [
    c.name,
    c.emails.join(' '),
    (c.slackIds ?? []).join(' '),
    c.timeZone ?? '',
    c.weekly ? weeklyToText(c.weekly) : '',
    (c.daysOff ?? []).join(' '),
    c.holidays ?? '',
    c.source ?? 'typed',
  ]);
  return toCsv([[...CSV_COLUMNS], ...rows]);
}

export type CsvResult = { contacts: Contact[] } | { error: string };

/** Reads a file whole; the first problem refuses it, naming the line and column. */
export function csvToContacts(text: string): CsvResult {
  const parsed = parseCsv(text);
  if ('error' in parsed) return parsed;
  const [header, ...rows] = parsed.rows;
  if (!header) return { error: t('contacts.csv.empty') };
  const names = header.map((h) => h.trim());
  const unknown = names.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    const found = { columns: unknown.map((u) => `"${u}"`).join(', '), known: CSV_COLUMNS.join(', ') };
    return { error: t('contacts.csv.unknownColumns', unknown.length, found) };
  }
  if (!names.includes('name')) return { error: t('contacts.csv.noHeader') };
  if (rows.length > LIMITS.contacts) return { error: t('contacts.csv.tooMany', { count: rows.length, max: LIMITS.contacts }) };
  const at = (row: string[], column: Column) => unguard((row[names.indexOf(column)] ?? '').trim());
  const contacts: Contact[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    if (row.length > names.length) return { error: t('contacts.csv.tooManyFields', { line, fields: row.length, columns: names.length }) };
    const candidate: Record<string, unknown> = { name: at(row, 'name'), emails: list(at(row, 'emails')) };
    const slackIds = list(at(row, 'slackIds'));
    if (slackIds.length) candidate.slackIds = slackIds;
    if (at(row, 'timeZone')) candidate.timeZone = at(row, 'timeZone');
    if (at(row, 'hours')) {
      const weekly = textToWeekly(at(row, 'hours'));
      if ('error' in weekly) return { error: t('contacts.csv.badHours', { line, error: weekly.error }) };
      candidate.weekly = weekly;
    }
    const daysOff = list(at(row, 'daysOff'));
    if (daysOff.length) candidate.daysOff = daysOff;
    if (at(row, 'holidays')) candidate.holidays = at(row, 'holidays');
    // A row that does not say where it came from was imported: it was not typed here (issue 20).
    candidate.source = at(row, 'source') || 'imported';
    const result = contactSchema.safeParse(candidate);
    if (!result.success) return { error: t('contacts.csv.badLine', { line, error: describeIssue(result.error.issues[0]!, candidate) }) };
    for (const key of [...result.data.emails, ...(result.data.slackIds ?? [])]) {
      const first = seen.get(key);
      if (first !== undefined) return { error: t('contacts.csv.duplicate', { first, line, key }) };
      seen.set(key, line);
    }
    contacts.push(result.data);
  }
  return { contacts };
}
