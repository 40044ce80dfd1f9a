/**
 * Organisation policy (issue 8 item 3): the settings shape of contract §1 in two tiers plus a team
 * directory. Pure: parsing, the read-time merge and the update rules. Policy is never written into
 * IndexedDB; the worker merges it over the user's own settings on every read.
 *
 *   effective = locked > user > recommended > defaults, field by field.
 *
 * Field ids (shared with the sync core's `lockedFields`): 'sites.gmail', 'quiet.gmail',
 * 'preferences.graceMinutes', 'me.weekly', 'contactDefaults.weekly', and 'templates.<id>' for a
 * locked template.
 */
import { z } from 'zod';
import { t } from '@/utils/i18n';
import { findShortcutClash, shortcutClashMessage } from '@/utils/etiquette/templates/shortcuts';
import {
  contactSchema,
  LIMITS,
  meSchema,
  preferencesSchema,
  quietSchema,
  sitesSchema,
  templateSchema,
  contactDefaultsSchema,
  type Contact,
  type Settings,
  type Template,
} from './schema';
import { POLICY_FIELD_REFS, readField, SECTIONS, withField, withoutField, type Section } from './fields';
import { describeIssue } from './settings-file';


const uniqueTemplates = templateSchema
  .array()
  .max(LIMITS.templates)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: t('settingsFile.field.duplicateId', { id }) });
      seen.add(id);
    }
  });

/** One shortcut, one template: across both tiers (a locked template hides a recommended one with its id). */
function refuseShortcutClash(policy: { locked?: { templates?: Template[] }; recommended?: { templates?: Template[] } }, ctx: z.RefinementCtx): void {
  const locked = policy.locked?.templates ?? [];
  const lockedIds = new Set(locked.map((template) => template.id));
  const shown = [...locked, ...(policy.recommended?.templates ?? []).filter((template) => !lockedIds.has(template.id))];
  const clash = findShortcutClash(shown);
  if (clash) ctx.addIssue({ code: 'custom', path: ['templates'], message: shortcutClashMessage(clash).replace(/[.。]$/, '') });
}

/** One tier: every part optional, every object strict about unknown keys. */
export const policyTierSchema = z.strictObject({
  sites: sitesSchema.partial().optional(),
  quiet: quietSchema.partial().optional(),
  preferences: preferencesSchema
    .pick({ graceMinutes: true, largeListThreshold: true, askReasonOnSendNow: true, quietExceptions: true })
    .partial()
    .optional(),
  me: meSchema.partial().optional(),
  contactDefaults: contactDefaultsSchema.partial().optional(),
  templates: uniqueTemplates.optional(),
});

export const policySchema = z
  .strictObject({
    locked: policyTierSchema.optional(),
    recommended: policyTierSchema.optional(),
    directory: contactSchema.array().max(LIMITS.contacts).optional(),
  })
  .superRefine(refuseShortcutClash);

export type PolicyTier = z.output<typeof policyTierSchema>;
export type Policy = z.output<typeof policySchema>;

export type PolicyResult = { ok: true; policy: Policy | null } | { ok: false; error: string };

/** `{}` (Chrome with no policy) and non-objects are "no policy"; anything else must parse whole. */
export function parsePolicy(raw: unknown): PolicyResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) return { ok: true, policy: null };
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: t('policy.ignored', { reason: describeIssue(parsed.error.issues[0]!, raw) }) };
  return { ok: true, policy: parsed.data };
}

/** The field ids a tier sets. */
export function tierFieldIds(tier: PolicyTier | undefined): string[] {
  if (!tier) return [];
  const ids: string[] = POLICY_FIELD_REFS.filter((ref) => readField(tier, ref) !== undefined).map((ref) => ref.id);
  for (const t of tier.templates ?? []) ids.push(`templates.${t.id}`);
  return ids;
}

/** What the options page greys out, the worker refuses, and sync leaves alone. */
export function lockedFieldIds(policy: Policy | null): string[] {
  return tierFieldIds(policy?.locked);
}

export function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equalValues(v, b[i]));
  const ea = Object.entries(a).filter(([, v]) => v !== undefined);
  const eb = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && equalValues(v, eb.get(k)));
}

const POLICY_FIELD_IDS: ReadonlySet<string> = new Set(POLICY_FIELD_REFS.map((ref) => ref.id));

function replaceSection<S extends Section>(target: { [K in Section]?: Settings[K] }, section: S, value: Settings[S]): void {
  target[section] = value;
}

export function contactKeysOf(contact: Contact): string[] {
  return [...contact.emails.map((e) => e.toLowerCase()), ...(contact.slackIds ?? [])];
}

export interface Effective {
  settings: Settings;
  /** Field ids set by the organisation's locked tier. */
  locked: string[];
}

/**
 * The read-time merge. `user` is the stored settings (defaults where the user never stored a row);
 * `userSet` the field ids the user actually set. Never mutates its inputs.
 */
export function mergePolicy(user: Settings, userSet: ReadonlySet<string>, policy: Policy | null): Effective {
  if (!policy) return { settings: user, locked: [] };
  const { locked, recommended } = policy;
  const settings: Settings = {
    ...user,
    sites: { ...user.sites },
    quiet: { ...user.quiet },
    preferences: { ...user.preferences },
    me: { ...user.me },
    contactDefaults: { ...user.contactDefaults },
  };
  for (const ref of POLICY_FIELD_REFS) {
    const lockedValue = readField(locked, ref);
    const recommendedValue = readField(recommended, ref);
    if (lockedValue !== undefined) replaceSection(settings, ref.section, withField(settings[ref.section], ref.name, lockedValue));
    else if (recommendedValue !== undefined && !userSet.has(ref.id)) {
      replaceSection(settings, ref.section, withField(settings[ref.section], ref.name, recommendedValue));
    }
  }

  const lockedTemplates = locked?.templates ?? [];
  const lockedIds = new Set(lockedTemplates.map((t) => t.id));
  const own = user.templates.filter((t) => !lockedIds.has(t.id));
  const ownIds = new Set(user.templates.map((t) => t.id));
  const extra = (recommended?.templates ?? []).filter((t) => !lockedIds.has(t.id) && !ownIds.has(t.id));
  settings.templates = [...lockedTemplates, ...own, ...extra];

  if (policy.directory?.length) {
    const taken = new Set(user.contacts.flatMap(contactKeysOf));
    const added: Contact[] = [];
    for (const contact of policy.directory) {
      const keys = contactKeysOf(contact);
      if (keys.some((k) => taken.has(k))) continue;
      keys.forEach((k) => taken.add(k));
      added.push({ ...contact, source: 'policy' });
    }
    settings.contacts = [...user.contacts, ...added];
  }
  return { settings, locked: lockedFieldIds(policy) };
}

/** Field ids a settings file carries (import marks them as the user's own). */
export function fileFieldIds(file: unknown): string[] {
  if (file === null || typeof file !== 'object') return [];
  return POLICY_FIELD_REFS.filter((ref) => {
    const part: unknown = Reflect.get(file, ref.section);
    return part !== null && typeof part === 'object' && readField({ [ref.section]: part }, ref) !== undefined;
  }).map((ref) => ref.id);
}

/**
 * For a database written before user-set tracking: a field counts as the user's own when its stored
 * value differs from the default (a recommended value must not replace what the user chose).
 */
export function inferUserSet(stored: Omit<Settings, 'contacts'>, defaults: Omit<Settings, 'contacts'>): string[] {
  return POLICY_FIELD_REFS.filter((ref) => !equalValues(readField(stored, ref), readField(defaults, ref))).map((ref) => ref.id);
}

/**
 * Fields that sync changed to something other than this browser's default. Stored values never hold
 * policy values, so such a value is a choice the user made on another device: marked here too, a
 * recommended value yields to it as it does there. A field synced back to its default keeps its mark.
 */
export function userSetBySync(
  before: Omit<Settings, 'contacts'>,
  after: Omit<Settings, 'contacts'>,
  defaults: Omit<Settings, 'contacts'>,
): string[] {
  return POLICY_FIELD_REFS.filter((ref) => {
    const value = readField(after, ref);
    return !equalValues(value, readField(before, ref)) && !equalValues(value, readField(defaults, ref));
  }).map((ref) => ref.id);
}

/** `null` removes an optional field (a holiday region set back to none). */
type Removable<T, K extends keyof T> = Omit<T, K> & { [F in K]?: T[F] | null };

export interface UpdatePatch {
  me?: Partial<Removable<Settings['me'], 'holidays'>>;
  contactDefaults?: Removable<Settings['contactDefaults'], 'holidays'>;
  sites?: Partial<Settings['sites']>;
  quiet?: Partial<Settings['quiet']>;
  preferences?: Partial<Settings['preferences']>;
  templates?: Template[];
  contacts?: Contact[];
}

export type UpdatePlan =
  | { ok: true; write: Partial<Settings>; userSet: string[] }
  | { ok: false; error: string };

function lockedMessage(id: string): string {
  return t('policy.lockedField', { field: id });
}

/**
 * Turns a page's patch (built from the effective settings it shows) into what to store. A field whose
 * value equals the effective one is unchanged: the user's stored value stays (no policy value is
 * copied in). A changed field is stored and marked as the user's own; a changed locked field is refused.
 */
export function planUpdate(stored: Settings, effective: Settings, policy: Policy | null, patch: UpdatePatch): UpdatePlan {
  const locked = new Set(lockedFieldIds(policy));
  const userSet: string[] = [];
  const write: Partial<Settings> = {};

  for (const section of SECTIONS) {
    const part = patch[section];
    if (!part) continue;
    let next = stored[section];
    let changed = false;
    for (const [name, value] of Object.entries(part)) {
      if (value === undefined) continue;
      const id = `${section}.${name}`;
      const policyField = POLICY_FIELD_IDS.has(id);
      if (policyField && equalValues(value, readField(effective, { section, name }))) continue;
      if (locked.has(id)) return { ok: false, error: lockedMessage(id) };
      next = value === null ? (withoutField(next, name) as typeof next) : withField(next, name, value);
      changed = true;
      if (policyField) userSet.push(id);
    }
    if (changed) replaceSection(write, section, next);
  }

  if (patch.templates) {
    const lockedTemplates = policy?.locked?.templates ?? [];
    for (const template of lockedTemplates) {
      const sent = patch.templates.find((p) => p.id === template.id);
      if (!sent || !equalValues(sent, template)) return { ok: false, error: t('policy.lockedTemplate', { title: template.title }) };
    }
    const lockedIds = new Set(lockedTemplates.map((t) => t.id));
    const storedIds = new Set(stored.templates.map((t) => t.id));
    const recommended = new Map((policy?.recommended?.templates ?? []).map((t) => [t.id, t]));
    const own = patch.templates.filter((t) => {
      if (lockedIds.has(t.id)) return false;
      const rec = recommended.get(t.id);
      // An unchanged recommended template stays the organisation's (not copied into the user's list).
      return !(rec && !storedIds.has(t.id) && equalValues(rec, t));
    });
    // A template of the user's own hidden by a locked one of the same id is kept.
    const hidden = stored.templates.filter((t) => lockedIds.has(t.id));
    write.templates = [...own, ...hidden];
  }

  if (patch.contacts) write.contacts = patch.contacts.filter((c) => c.source !== 'policy');
  return { ok: true, write, userSet };
}
