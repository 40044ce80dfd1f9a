/**
 * Words for zod's own checks (wrong type, too long, not one of the options…), in the UI language.
 * schema.ts installs this as zod's error map, so the text is chosen when a value is checked, never at
 * module load. The English reads exactly as zod's own; a check with its own message never comes here.
 */
import { z } from 'zod';
import { t } from '@/utils/i18n';

type RawIssue = z.core.$ZodRawIssue;
type SizeIssue = Extract<RawIssue, { code: 'too_big' | 'too_small' }>;

/** Type names as the settings file's reader knows them; an unknown one is shown as zod names it. */
const TYPE_NAMES: Record<string, () => string> = {
  string: () => t('settingsFile.type.string'),
  number: () => t('settingsFile.type.number'),
  int: () => t('settingsFile.type.int'),
  boolean: () => t('settingsFile.type.boolean'),
  object: () => t('settingsFile.type.object'),
  array: () => t('settingsFile.type.array'),
  null: () => t('settingsFile.type.null'),
  undefined: () => t('settingsFile.type.undefined'),
  nan: () => t('settingsFile.type.nan'),
};

function typeName(type: string): string {
  return TYPE_NAMES[type]?.() ?? type;
}

function bound(issue: SizeIssue, limit: number | bigint | Date): string {
  if (issue.exact) return t('settingsFile.issue.exactly', { n: String(limit) });
  const symbol = issue.code === 'too_big' ? '<' : '>';
  return `${symbol}${issue.inclusive ? '=' : ''}${String(limit)}`;
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const limit = bound(issue, issue.maximum);
  if (issue.origin === 'string') return t('settingsFile.issue.stringTooLong', { bound: limit });
  if (issue.origin === 'array') return t('settingsFile.issue.arrayTooLong', { bound: limit });
  if (issue.origin === 'number') return t('settingsFile.issue.numberTooBig', { bound: limit });
  return t('settingsFile.issue.invalid');
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  const limit = bound(issue, issue.minimum);
  if (issue.origin === 'string') return t('settingsFile.issue.stringTooShort', { bound: limit });
  if (issue.origin === 'array') return t('settingsFile.issue.arrayTooShort', { bound: limit });
  if (issue.origin === 'number') return t('settingsFile.issue.numberTooSmall', { bound: limit });
  return t('settingsFile.issue.invalid');
}

function describe(issue: RawIssue): string {
  const { util } = z.core;
  switch (issue.code) {
    case 'invalid_type':
      return t('settingsFile.issue.invalidType', { expected: typeName(issue.expected), received: typeName(util.parsedType(issue.input)) });
    case 'invalid_value':
      return issue.values.length === 1
        ? t('settingsFile.issue.expectedValue', { value: util.stringifyPrimitive(issue.values[0]) })
        : t('settingsFile.issue.expectedOneOf', { values: util.joinValues(issue.values, '|') });
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern ? t('settingsFile.issue.pattern', { pattern: issue.pattern }) : t('settingsFile.issue.invalid');
    case 'not_multiple_of':
      return t('settingsFile.issue.multipleOf', { divisor: String(issue.divisor) });
    default:
      return t('settingsFile.issue.invalid');
  }
}

/** zod's error map: undefined (zod's own English) where messages cannot be read, e.g. outside the extension. */
export function builtInIssueText(issue: RawIssue): string | undefined {
  try {
    return describe(issue) || undefined;
  } catch {
    return undefined;
  }
}
