/**
 * Organisation policy (issue 8 item 3): the settings shape of contract §1 in two tiers plus a team
 * directory. Pure: parsing, the read-time merge and the update rules. Policy is never written into
 * IndexedDB; the worker merges it over the user's own settings on every read.
 *
 *   effective = locked > user > recommended > defaults, field by field.
 *
 * Field ids (shared with the sync core's `lockedFields`): 'sites.gmail', 'preferences.graceMinutes',
 * 'me.weekly', 'contactDefaults.weekly', and 'templates.<id>' for a locked template.
 */
import { z } from 'zod';
import { t } from '@/utils/i18n';
import { findShortcutClash, shortcutClashMessage } from '@/utils/etiquette/templates/shortcuts';
import {
  contactSchema,
  LIMITS,
  meSchema,
  preferencesSchema,
  SITES,
  sitesSchema,
  templateSchema,
  contactDefaultsSchema,
  type Contact,
  type Settings,
  type Template,
} from './schema';
import { describeIssue } from './settings-file';

/** The preferences an organisation may set (pause and snoozes are this browser's own state). */
export const POLICY_PREFERENCES = ['graceMinutes', 'largeListThreshold', 'askReasonOnSendNow'] as const;
export const POLICY_ME = ['timeZone', 'weekly', 'daysOff'] as const;

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
  preferences: preferencesSchema.pick({ graceMinutes: true, largeListThreshold: true, askReasonOnSendNow: true }).partial().optional(),
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
  const ids: string[] = [];
  for (const site of SITES) if (tier.sites?.[site] !== undefined) ids.push(`sites.${site}`);
  for (const key of POLICY_PREFERENCES) if (tier.preferences?.[key] !== undefined) ids.push(`preferences.${key}`);
  for (const key of POLICY_ME) if (tier.me?.[key] !== undefined) ids.push(`me.${key}`);
  if (tier.contactDefaults?.weekly) ids.push('contactDefaults.weekly');
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
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equalValues(ra[k], rb[k]));
}

type Section = 'sites' | 'preferences' | 'me' | 'contactDefaults';
const FIELDS: Record<Section, readonly string[]> = {
  sites: SITES,
  preferences: POLICY_PREFERENCES,
  me: POLICY_ME,
  contactDefaults: ['weekly'],
};

function pick(tier: PolicyTier | undefined, section: Section, field: string): unknown {
  const part = tier?.[section] as Record<string, unknown> | undefined;
  return part?.[field];
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
    preferences: { ...user.preferences },
    me: { ...user.me },
    contactDefaults: { ...user.contactDefaults },
  };
  for (const section of Object.keys(FIELDS) as Section[]) {
    const target = settings[section] as Record<string, unknown>;
    for (const field of FIELDS[section]) {
      const lockedValue = pick(locked, section, field);
      const recommendedValue = pick(recommended, section, field);
      if (lockedValue !== undefined) target[field] = lockedValue;
      else if (recommendedValue !== undefined && !userSet.has(`${section}.${field}`)) target[field] = recommendedValue;
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
  const root = file as Record<string, unknown>;
  const ids: string[] = [];
  for (const section of Object.keys(FIELDS) as Section[]) {
    const part = root[section];
    if (part === null || typeof part !== 'object') continue;
    for (const field of FIELDS[section]) if ((part as Record<string, unknown>)[field] !== undefined) ids.push(`${section}.${field}`);
  }
  return ids;
}

/**
 * For a database written before user-set tracking: a field counts as the user's own when its stored
 * value differs from the default (a recommended value must not replace what the user chose).
 */
export function inferUserSet(stored: Omit<Settings, 'contacts'>, defaults: Omit<Settings, 'contacts'>): string[] {
  const ids: string[] = [];
  for (const section of Object.keys(FIELDS) as Section[]) {
    for (const field of FIELDS[section]) {
      const a = (stored[section] as Record<string, unknown>)[field];
      const b = (defaults[section] as Record<string, unknown>)[field];
      if (!equalValues(a, b)) ids.push(`${section}.${field}`);
    }
  }
  return ids;
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
  const ids: string[] = [];
  for (const section of Object.keys(FIELDS) as Section[]) {
    for (const field of FIELDS[section]) {
      const value = (after[section] as Record<string, unknown>)[field];
      if (equalValues(value, (before[section] as Record<string, unknown>)[field])) continue;
      if (!equalValues(value, (defaults[section] as Record<string, unknown>)[field])) ids.push(`${section}.${field}`);
    }
  }
  return ids;
}

export interface UpdatePatch {
  me?: Settings['me'];
  contactDefaults?: Settings['contactDefaults'];
  sites?: Partial<Settings['sites']>;
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

  for (const section of Object.keys(FIELDS) as Section[]) {
    const part = patch[section] as Record<string, unknown> | undefined;
    if (!part) continue;
    const next: Record<string, unknown> = { ...(stored[section] as Record<string, unknown>) };
    let changed = false;
    for (const [field, value] of Object.entries(part)) {
      if (value === undefined) continue;
      const id = `${section}.${field}`;
      const policyField = FIELDS[section].includes(field);
      if (policyField && equalValues(value, (effective[section] as Record<string, unknown>)[field])) continue;
      if (locked.has(id)) return { ok: false, error: lockedMessage(id) };
      next[field] = value;
      changed = true;
      if (policyField) userSet.push(id);
    }
    if (changed) (write as Record<string, unknown>)[section] = next;
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
