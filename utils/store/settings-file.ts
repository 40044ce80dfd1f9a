/**
 * Reading and writing the settings file of contract §1. Import is all-or-nothing: the text is
 * checked for size, JSON, hostile keys and nesting before zod sees it, and the first problem is
 * reported in words that name the field.
 */
import type { z } from 'zod';
import { formatLocale, t } from '@/utils/i18n';
import { defaultSettings } from './defaults';
import {
  SETTINGS_FORMAT,
  SETTINGS_VERSION,
  settingsFileSchema,
  type Contact,
  type ParsedSettingsFile,
  type Settings,
  type SettingsFile,
} from './schema';

export const MAX_SETTINGS_FILE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || t('settingsFile.wholeFile');
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let here: unknown = root;
  for (const part of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[part as string];
  }
  return here;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length <= 40 ? ` ("${value}")` : '';
  if (typeof value === 'number' || typeof value === 'boolean') return ` (${String(value)})`;
  return '';
}

function describeUnknownKeys(keys: readonly string[], path: ReadonlyArray<PropertyKey>): string {
  const quoted = keys.map((k) => `"${k}"`).join(', ');
  if (!path.length) return t('settingsFile.unknownFields', keys.length, { keys: quoted });
  return t('settingsFile.unknownFieldsIn', keys.length, { keys: quoted, path: formatPath(path) });
}

/**
 * The first zod issue, as "me.weekly.mon[0][1] ("25:00"): must be a 24-hour time …". The path and the
 * value are quoted as the file has them; the explanation (the schema's message) is in the UI language.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') return describeUnknownKeys(issue.keys, issue.path);
  const value = valueAt(input, issue.path);
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type' && value === undefined) return t('settingsFile.missing', { path });
  return t('settingsFile.problem', { path, value: describeValue(value), problem: issue.message });
}

/** Hostile shapes zod would otherwise walk: prototype keys and absurd nesting. */
function findStructuralProblem(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) return t('settingsFile.tooDeep', { path: formatPath(path) });
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, Array.isArray(value) ? Number(key) : key];
      if (FORBIDDEN_KEYS.has(key)) return t('settingsFile.forbiddenKey', { key, path: formatPath(childPath) });
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Megabytes with one decimal, in the reader's number format ("5.0" / "5,0"); `trimZero` drops a ".0". */
function megabytes(bytes: number, trimZero = false): string {
  const format = new Intl.NumberFormat(formatLocale(), { minimumFractionDigits: trimZero ? 0 : 1, maximumFractionDigits: 1 });
  return format.format(bytes / 1024 / 1024);
}

/** "The file is too large (5.0 MB; at most 2 MB).", shared with the other file imports. */
export function fileTooLargeText(bytes: number, maxBytes: number): string {
  return t('settingsFile.tooLarge', { size: megabytes(bytes), max: megabytes(maxBytes, true) });
}

/** Fills what the file left out with defaults: a settings file need not be complete. */
export function completeSettings(parsed: ParsedSettingsFile, timeZone?: string): Settings {
  const base = defaultSettings(parsed.me?.timeZone ?? timeZone);
  return {
    me: parsed.me ? { ...parsed.me, daysOff: parsed.me.daysOff ?? [] } : base.me,
    contactDefaults: parsed.contactDefaults ?? base.contactDefaults,
    // A contact a file brings without a source was imported, not typed here (issue 20).
    contacts: parsed.contacts?.map((c) => ({ ...c, source: c.source ?? 'imported' })) ?? base.contacts,
    sites: { ...base.sites, ...parsed.sites },
    quiet: { ...base.quiet, ...parsed.quiet },
    templates: parsed.templates ?? base.templates,
    preferences: { ...base.preferences, ...parsed.preferences },
  };
}

export function parseSettingsValue(value: unknown, timeZone?: string): ImportResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: t('settingsFile.notObject') };
  }
  const structural = findStructuralProblem(value);
  if (structural) return { ok: false, error: structural };
  const result = settingsFileSchema.safeParse(value);
  if (!result.success) return { ok: false, error: describeIssue(result.error.issues[0]!, value) };
  return { ok: true, settings: completeSettings(result.data, timeZone) };
}

export function parseSettingsText(text: string, timeZone?: string): ImportResult {
  const size = byteLength(text);
  if (size > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: fileTooLargeText(size, MAX_SETTINGS_FILE_BYTES) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: t('settingsFile.notJson', { reason: why }) };
  }
  return parseSettingsValue(value, timeZone);
}

/** Contract §1: optional contact fields are omitted when unset. */
function exportContact(contact: Contact): Contact {
  const out: Contact = { name: contact.name, emails: [...contact.emails] };
  if (contact.slackIds?.length) out.slackIds = [...contact.slackIds];
  if (contact.timeZone) out.timeZone = contact.timeZone;
  if (contact.weekly) out.weekly = contact.weekly;
  if (contact.daysOff?.length) out.daysOff = [...contact.daysOff];
  if (contact.holidays) out.holidays = contact.holidays;
  // 'imported' is what a file without a source becomes: omitted, so a file exports as it was imported.
  if (contact.source && contact.source !== 'imported') out.source = contact.source;
  return out;
}

export function toSettingsFile(settings: Settings): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    me: { ...settings.me, daysOff: settings.me.daysOff ?? [] },
    contactDefaults: settings.contactDefaults,
    contacts: settings.contacts.map(exportContact),
    sites: settings.sites,
    quiet: settings.quiet,
    templates: settings.templates,
    preferences: settings.preferences,
  };
}
