/**
 * The settings fields, declared once: which sections there are, each section's schema, and typed
 * reading and writing of one field. Policy (utils/store/policy.ts), sync (utils/sync/fields.ts) and
 * the pages address a field by the same id, `<section>.<field>` ('sites.gmail', 'me.weekly').
 */
import { contactDefaultsSchema, meSchema, preferencesSchema, quietSchema, SITES, sitesSchema, type Settings } from './schema';

export const SECTION_SCHEMAS = {
  me: meSchema,
  contactDefaults: contactDefaultsSchema,
  sites: sitesSchema,
  quiet: quietSchema,
  preferences: preferencesSchema,
} as const;

export type Section = keyof typeof SECTION_SCHEMAS;
export const SECTIONS = Object.keys(SECTION_SCHEMAS) as Section[];
export type FieldName<S extends Section> = keyof Settings[S] & string;
export type SettingsCore = Pick<Settings, Section>;

/** The preferences an organisation may set (pause, snoozes and on-call are this browser's own state). */
export const POLICY_PREFERENCES = ['graceMinutes', 'largeListThreshold', 'askReasonOnSendNow', 'quietExceptions'] as const;
export const POLICY_ME = ['timeZone', 'weekly', 'daysOff', 'holidays'] as const;

/** The fields an organisation may set, and that count as "set by the user" once changed. */
export const POLICY_FIELDS = {
  sites: SITES,
  quiet: SITES,
  preferences: POLICY_PREFERENCES,
  me: POLICY_ME,
  contactDefaults: ['weekly', 'holidays'],
} as const satisfies { [S in Section]: ReadonlyArray<FieldName<S>> };

type Lists = { readonly [S in Section]: ReadonlyArray<FieldName<S>> };
/** A field id of a list: 'sites.gmail' | 'me.weekly' | … */
export type FieldIdOf<L extends Lists> = { [S in Section]: `${S}.${L[S][number]}` }[Section];
export type PolicyFieldId = FieldIdOf<typeof POLICY_FIELDS>;

export interface FieldRef<Id extends string = string> {
  section: Section;
  name: string;
  id: Id;
}

/** Every field of a list such as POLICY_FIELDS, with its id. */
export function fieldsOf<L extends Lists>(list: L): Array<FieldRef<FieldIdOf<L>>> {
  // In the list's own order: ids come out as the list declares them.
  const sections = Object.keys(list).filter((key): key is Section => key in SECTION_SCHEMAS);
  return sections.flatMap((section) => {
    const names: ReadonlyArray<string> = list[section];
    return names.map((name) => ({ section, name, id: `${section}.${name}` as FieldIdOf<L> }));
  });
}

export const POLICY_FIELD_REFS = fieldsOf(POLICY_FIELDS);

/** One field's value in a section-shaped object (settings, a policy tier, a patch); undefined when absent. */
export function readField(from: { readonly [S in Section]?: object } | undefined, ref: Pick<FieldRef, 'section' | 'name'>): unknown {
  const part = from?.[ref.section];
  return part === undefined ? undefined : (Reflect.get(part, ref.name) as unknown);
}

/** The section with one field set. Unvalidated: callers pass values of that field's type, or parse the result. */
export function withField<T extends object>(part: T, name: string, value: unknown): T {
  return { ...part, [name]: value };
}

/** The section without one field, to be parsed by its schema. */
export function withoutField(part: object, name: string): object {
  return Object.fromEntries(Object.entries(part).filter(([key]) => key !== name));
}
