/**
 * What is synced, field by field. The list is explicit: a field added to a settings section is NOT
 * synced until it is named here (tests/unit/sync-fields.test.ts fails until it is classified as
 * synced or local, so nobody forgets to decide).
 *
 * Synced: your zone, weekly hours and days off; the weekly hours assumed for contacts; each site's
 * mode and quiet-tab mode; the preferences below, one field each; the templates (one entry per template, plus their
 * order; see ./doc.ts).
 * Not synced: the contacts directory (large, and colleagues' data), the event history, held Docs
 * comments, and the device-local preferences in LOCAL_ONLY_FIELDS.
 * A later opt-in for contacts fits as another entry family (`contacts.<key>` entries with
 * tombstones, like templates), under the same byte budget.
 */
import { z } from 'zod';
import { fieldsOf, readField as readSectionField, SECTION_SCHEMAS, withField, withoutField, type FieldName, type FieldRef, type Section } from '@/utils/store/fields';
import { contactDefaultsSchema, meSchema, preferencesSchema, quietSchema, sitesSchema, templateSchema, type Settings } from '@/utils/store/schema';

/** The settings without the contacts directory: everything this module reads or writes. */
export type SyncedSettings = Omit<Settings, 'contacts'>;

export { SECTION_SCHEMAS, type Section } from '@/utils/store/fields';
type SectionKey<S extends Section> = FieldName<S>;

export const SYNCED_FIELDS = {
  me: ['timeZone', 'weekly', 'daysOff', 'holidays'],
  contactDefaults: ['weekly', 'holidays'],
  sites: ['gmail', 'slack', 'docs'],
  quiet: ['gmail', 'slack', 'docs'],
  preferences: ['graceMinutes', 'largeListThreshold', 'askReasonOnSendNow', 'clarityDisabledRules', 'quietExceptions'],
} as const satisfies { [S in Section]: ReadonlyArray<SectionKey<S>> };

/** Fields that stay on this device, with the reason (shown nowhere; it is the decision's record). */
export const LOCAL_ONLY_FIELDS = {
  me: {},
  contactDefaults: {},
  sites: {},
  quiet: {},
  preferences: {
    pause:
      'A pause is a momentary state of this browser ("quiet for an hour while I demo"); it ends by its own alarm here, and a pause started at work must not silence the home browser.',
    snoozes:
      "Per-recipient snoozes hold colleagues' names and addresses (like the contacts directory, which is not synced) and are short-lived.",
    onCallUntil:
      'Being on call is a momentary state of this browser, like a pause: on call at work must not bring back the unread counts and notifications in the home browser.',
  },
} as const satisfies { [S in Section]: Partial<Record<SectionKey<S>, string>> };

/**
 * Synced fields whose value alone may not fit beside the others in the worst case the schema allows
 * (50 exceptions of 100 characters that all need escaping: about 30 kB): serialised after the other
 * core fields, and left out as a stub (reported in `notSynced.fields`, kept on this device) when the
 * budget has no room for it. Every other core field always fits.
 */
export const DROPPABLE_FIELDS: ReadonlySet<string> = new Set(['preferences.quietExceptions']);

type SyncedFields = typeof SYNCED_FIELDS;
export type CoreFieldId = { [S in Section]: `${S}.${SyncedFields[S][number]}` }[Section];
export const TEMPLATE_ORDER = 'templates.order';
export type FieldId = CoreFieldId | typeof TEMPLATE_ORDER;

const CORE_FIELDS: ReadonlyMap<string, FieldRef<CoreFieldId>> = new Map(fieldsOf(SYNCED_FIELDS).map((ref) => [ref.id, ref]));
export const CORE_FIELD_IDS: readonly CoreFieldId[] = [...CORE_FIELDS.keys()] as CoreFieldId[];
export const FIELD_IDS: readonly FieldId[] = [...CORE_FIELD_IDS, TEMPLATE_ORDER];

const FIELD_ID_SET: ReadonlySet<string> = new Set(FIELD_IDS);
export function isFieldId(id: string): id is FieldId {
  return FIELD_ID_SET.has(id);
}

export const templateIdSchema = templateSchema.shape.id;
/**
 * A template's synced value: its id is the entry's key. A key a later version adds is dropped here, not
 * refused, so that version's edits to the title and body still arrive.
 */
export const templateValueSchema = z.object(templateSchema.omit({ id: true }).shape);
export type TemplateValue = z.output<typeof templateValueSchema>;
export const templateOrderSchema = templateIdSchema.array().max(1_000);

function coreField(id: CoreFieldId): FieldRef<CoreFieldId> {
  return CORE_FIELDS.get(id)!;
}

function fieldSchema(id: CoreFieldId): z.ZodType {
  const { section, name } = coreField(id);
  // Every id in CORE_FIELDS names a key of its section's shape (checked by SYNCED_FIELDS' type).
  const schema: z.ZodType = Reflect.get(SECTION_SCHEMAS[section].shape, name);
  return schema;
}

/** Whether a field may be absent (written as `null` in sync). */
export function isOptionalField(id: FieldId): boolean {
  return id !== TEMPLATE_ORDER && fieldSchema(id).safeParse(undefined).success;
}

/**
 * Validates a field's value from outside (sync items, a stored doc): the value, parsed, or an error.
 * `null` stands for "absent" and is valid only for an optional field.
 */
export function parseFieldValue(id: FieldId, value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (id === TEMPLATE_ORDER) {
    const r = templateOrderSchema.safeParse(value);
    return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message ?? 'invalid' };
  }
  if (value === null) return isOptionalField(id) ? { ok: true, value: null } : { ok: false, error: 'must not be empty' };
  const r = fieldSchema(id).safeParse(value);
  if (!r.success) return { ok: false, error: r.error.issues[0]?.message ?? 'invalid' };
  return r.data === undefined ? { ok: false, error: 'must not be empty' } : { ok: true, value: r.data };
}

/** A field's current value: `null` when an optional field is absent; the template ids for the order. */
export function readField(settings: SyncedSettings, id: FieldId): unknown {
  if (id === TEMPLATE_ORDER) return settings.templates.map((t) => t.id);
  const value = readSectionField(settings, coreField(id));
  return value === undefined ? null : value;
}

/**
 * The settings with one core field replaced (`null`: removed), validated as the whole section is
 * validated on read; null when the result would not be valid.
 */
export function writeField(settings: SyncedSettings, id: CoreFieldId, value: unknown): SyncedSettings | null {
  const { section, name } = coreField(id);
  const next = value === null ? withoutField(settings[section], name) : withField(settings[section], name, value);
  switch (section) {
    case 'me': {
      const r = meSchema.safeParse(next);
      return r.success ? { ...settings, me: r.data } : null;
    }
    case 'contactDefaults': {
      const r = contactDefaultsSchema.safeParse(next);
      return r.success ? { ...settings, contactDefaults: r.data } : null;
    }
    case 'sites': {
      const r = sitesSchema.safeParse(next);
      return r.success ? { ...settings, sites: r.data } : null;
    }
    case 'quiet': {
      const r = quietSchema.safeParse(next);
      return r.success ? { ...settings, quiet: r.data } : null;
    }
    case 'preferences': {
      const r = preferencesSchema.safeParse(next);
      return r.success ? { ...settings, preferences: r.data } : null;
    }
  }
}

/**
 * Managed policy: a locked field is never written to sync and ignored on merge. `lockedFields`
 * holds field ids (`'me.timeZone'`, `'sites.gmail'`, `'quiet.gmail'`, `'preferences.graceMinutes'`,
 * `'templates.order'`) or whole sections (`'me'`, `'contactDefaults'`, `'sites'`, `'quiet'`, `'preferences'`,
 * `'templates'`: every template and their order).
 */
export function isLocked(path: string, lockedFields: ReadonlySet<string> | undefined): boolean {
  if (!lockedFields || lockedFields.size === 0) return false;
  if (lockedFields.has(path)) return true;
  const dot = path.indexOf('.');
  return dot > 0 && lockedFields.has(path.slice(0, dot));
}

export const TEMPLATES_LOCK = 'templates';
