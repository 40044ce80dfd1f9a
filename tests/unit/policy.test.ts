import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPolicySource, POLICY_CACHE_KEY } from '@/utils/background/policy';
import { createService } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import {
  fileFieldIds,
  inferUserSet,
  lockedFieldIds,
  mergePolicy,
  parsePolicy,
  planUpdate,
  policySchema,
  policyTierSchema,
  userSetBySync,
  type Policy,
} from '@/utils/store/policy';
import { readUserSet } from '@/utils/store/repository';
import type { Settings } from '@/utils/store/schema';
import { settingsFileSchema } from '@/utils/store/schema';
import { databasesClosedAfterEach } from './setup/databases';

const ZONE = 'Europe/Berlin';
const user = (): Settings => defaultSettings(ZONE);
const late = officeWeek([['10:00', '18:00']]);
const noRush = { id: 'org-note', title: 'No rush', body: 'Reply when you can.' };

function policy(value: unknown): Policy {
  const parsed = parsePolicy(value);
  if (!parsed.ok || !parsed.policy) throw new Error(parsed.ok ? 'no policy' : parsed.error);
  return parsed.policy;
}

describe('parsePolicy', () => {
  it('treats {} and non-objects as no policy', () => {
    expect(parsePolicy({})).toEqual({ ok: true, policy: null });
    expect(parsePolicy(undefined)).toEqual({ ok: true, policy: null });
    expect(parsePolicy([])).toEqual({ ok: true, policy: null });
  });

  it('accepts partial tiers at every level', () => {
    const p = policy({ locked: { sites: { gmail: 'confirm' }, me: { weekly: late } }, recommended: { preferences: { graceMinutes: 10 } } });
    expect(p.locked?.sites).toEqual({ gmail: 'confirm' });
    expect(p.recommended?.preferences).toEqual({ graceMinutes: 10 });
  });

  it('refuses unknown keys at any level with a message naming them', () => {
    expect(parsePolicy({ lockd: {} })).toEqual({ ok: false, error: 'Organisation policy ignored: Unknown field "lockd".' });
    const nested = parsePolicy({ locked: { sites: { gmial: 'off' } } });
    expect(nested.ok).toBe(false);
    expect(!nested.ok && nested.error).toMatch(/Unknown field "gmial" in locked\.sites/);
    // pause and snoozes are the browser's own state, not policy.
    expect(parsePolicy({ locked: { preferences: { pause: { since: 0, until: null } } } }).ok).toBe(false);
  });

  it('refuses wrong values with the field named', () => {
    const bad = parsePolicy({ recommended: { sites: { slack: 'always' } } });
    expect(!bad.ok && bad.error).toMatch(/recommended\.sites\.slack/);
    const dup = parsePolicy({ locked: { templates: [noRush, noRush] } });
    expect(!dup.ok && dup.error).toMatch(/twice/);
  });

  it('refuses two templates with one shortcut, across tiers, naming both; a recommended one hidden by a locked one does not count', () => {
    const deadline = { id: 'org-deadline', title: 'Deadline', body: 'Reply by Friday.', shortcut: 'Alt+Shift+Digit1' };
    const clash = parsePolicy({ locked: { templates: [{ ...noRush, shortcut: 'Alt+Shift+Digit1' }] }, recommended: { templates: [deadline] } });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.error).toMatch(/No rush/);
    expect(!clash.ok && clash.error).toMatch(/Deadline/);
    const hidden = parsePolicy({ locked: { templates: [{ ...noRush, shortcut: 'Alt+Shift+Digit1' }] }, recommended: { templates: [{ ...deadline, id: noRush.id }] } });
    expect(hidden.ok).toBe(true);
  });
});

describe('mergePolicy: locked > user > recommended > defaults', () => {
  it('without a policy the user settings are returned unchanged', () => {
    const u = user();
    expect(mergePolicy(u, new Set(), null)).toEqual({ settings: u, locked: [] });
  });

  it('a locked value wins over the user, per site', () => {
    const u = { ...user(), sites: { gmail: 'off' as const, slack: 'off' as const, docs: 'off' as const } };
    const { settings, locked } = mergePolicy(u, new Set(['sites.gmail', 'sites.slack']), policy({ locked: { sites: { gmail: 'confirm' } } }));
    expect(settings.sites).toEqual({ gmail: 'confirm', slack: 'off', docs: 'off' });
    expect(locked).toEqual(['sites.gmail']);
    expect(u.sites.gmail).toBe('off'); // inputs are not mutated
  });

  it('a recommended value applies until the user sets that field, even to the default', () => {
    const p = policy({ recommended: { preferences: { graceMinutes: 5 }, sites: { slack: 'confirm' } } });
    const u = user();
    expect(mergePolicy(u, new Set(), p).settings.preferences.graceMinutes).toBe(5);
    expect(mergePolicy(u, new Set(), p).settings.sites.slack).toBe('confirm');
    // The user chose 30 (the default value): theirs wins.
    expect(mergePolicy(u, new Set(['preferences.graceMinutes']), p).settings.preferences.graceMinutes).toBe(30);
    expect(mergePolicy(u, new Set(['preferences.graceMinutes']), p).settings.sites.slack).toBe('confirm');
  });

  it('merges me and contactDefaults per field', () => {
    const p = policy({ locked: { me: { weekly: late } }, recommended: { me: { timeZone: 'Asia/Tokyo' }, contactDefaults: { weekly: late } } });
    const { settings, locked } = mergePolicy(user(), new Set(['me.timeZone']), p);
    expect(settings.me).toEqual({ timeZone: ZONE, weekly: late, daysOff: [] });
    expect(settings.contactDefaults.weekly).toEqual(late);
    expect(locked).toEqual(['me.weekly']);
  });

  it('templates: locked first and always present, user next, recommended unless the user has the id', () => {
    const u = { ...user(), templates: [{ id: 'mine', title: 'Mine', body: 'x' }, { id: 'shared', title: 'My shared', body: 'y' }, { id: 'rule', title: 'Mine too', body: 'z' }] };
    const p = policy({
      locked: { templates: [{ id: 'rule', title: 'Company rule', body: 'Policy text' }] },
      recommended: { templates: [{ id: 'shared', title: 'Org shared', body: 'o' }, noRush] },
    });
    const { settings, locked } = mergePolicy(u, new Set(), p);
    expect(settings.templates.map((t) => `${t.id}:${t.title}`)).toEqual(['rule:Company rule', 'mine:Mine', 'shared:My shared', 'org-note:No rush']);
    expect(locked).toEqual(['templates.rule']);
  });

  it('directory contacts are added with source policy; the user\u2019s own contact with the same address or Slack id wins', () => {
    const u = { ...user(), contacts: [{ name: 'Ana (mine)', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo' }] };
    const p = policy({
      directory: [
        { name: 'Ana (org)', emails: ['ANA@example.com'], timeZone: 'Europe/Lisbon' },
        { name: 'Priya', emails: ['priya@example.com'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata' },
        { name: 'Priya again', slackIds: ['U012AB3CD'], timeZone: 'Asia/Tokyo' },
      ],
    });
    const { settings } = mergePolicy(u, new Set(), p);
    expect(settings.contacts.map((c) => [c.name, c.source])).toEqual([
      ['Ana (mine)', undefined],
      ['Priya', 'policy'],
    ]);
  });
});

describe('user-set tracking', () => {
  it('fileFieldIds names the fields a settings file carries', () => {
    expect(fileFieldIds({ format: 'x', sites: { gmail: 'off' }, me: { timeZone: 'UTC', weekly: late }, preferences: { graceMinutes: 1 }, contactDefaults: { weekly: late } }).sort()).toEqual(
      ['contactDefaults.weekly', 'me.timeZone', 'me.weekly', 'preferences.graceMinutes', 'sites.gmail'],
    );
  });

  it('inferUserSet (databases from before tracking) counts the fields that differ from the defaults', () => {
    const stored = { ...user(), sites: { gmail: 'off' as const, slack: 'nudge' as const, docs: 'confirm' as const } };
    expect(inferUserSet(stored, user())).toEqual(['sites.gmail']);
  });

  it('userSetBySync marks what sync changed to a non-default value, not what it left or set to the default', () => {
    const before = { ...user(), sites: { gmail: 'off' as const, slack: 'nudge' as const, docs: 'confirm' as const } };
    const after = {
      ...before,
      sites: { ...before.sites, gmail: 'confirm' as const, slack: 'off' as const },
      preferences: { ...before.preferences, graceMinutes: 45 },
      me: { ...before.me, weekly: late },
    };
    // gmail went back to its default; docs was not touched; the zone did not change.
    expect(userSetBySync(before, after, user()).sort()).toEqual(['me.weekly', 'preferences.graceMinutes', 'sites.slack']);
    expect(userSetBySync(before, before, user())).toEqual([]);
  });
});

describe('planUpdate', () => {
  const p = policy({ locked: { sites: { gmail: 'confirm' }, templates: [{ id: 'rule', title: 'Rule', body: 'Policy' }] }, recommended: { preferences: { graceMinutes: 5 }, templates: [noRush] } });
  const stored = user();
  const effective = mergePolicy(stored, new Set(), p).settings;

  it('refuses a change to a locked field', () => {
    expect(planUpdate(stored, effective, p, { sites: { gmail: 'off' } })).toEqual({ ok: false, error: 'sites.gmail is set by your organisation.' });
  });

  it('an unchanged locked or recommended value is not copied into the user\u2019s settings', () => {
    const plan = planUpdate(stored, effective, p, { sites: { gmail: 'confirm', slack: 'off' }, preferences: { graceMinutes: 5, largeListThreshold: 15, sendNowReason: 'ask' } });
    expect(plan).toEqual({
      ok: true,
      write: { sites: { ...stored.sites, slack: 'off' }, preferences: { ...stored.preferences, sendNowReason: 'ask' } },
      userSet: ['sites.slack', 'preferences.sendNowReason'],
    });
  });

  it('choosing the default over a recommended value marks the field as the user\u2019s', () => {
    const plan = planUpdate(stored, effective, p, { preferences: { graceMinutes: 30 } });
    expect(plan.ok && plan.userSet).toEqual(['preferences.graceMinutes']);
  });

  it('templates: locked ones must stay unchanged and are not stored; unchanged recommended ones are not stored', () => {
    expect(planUpdate(stored, effective, p, { templates: effective.templates.filter((t) => t.id !== 'rule') }).ok).toBe(false);
    const edited = effective.templates.map((t) => (t.id === 'rule' ? { ...t, body: 'mine' } : t));
    expect(planUpdate(stored, effective, p, { templates: edited })).toMatchObject({ ok: false, error: 'The template "Rule" is set by your organisation.' });
    const plan = planUpdate(stored, effective, p, { templates: effective.templates });
    expect(plan.ok && plan.write.templates).toEqual(stored.templates);
    const changed = effective.templates.map((t) => (t.id === 'org-note' ? { ...t, body: 'My words' } : t));
    expect(plan.ok && planUpdate(stored, effective, p, { templates: changed })).toMatchObject({ ok: true, write: { templates: [...stored.templates, { ...noRush, body: 'My words' }] } });
  });
});

describe('policy in the worker (service)', () => {
  const dbs = databasesClosedAfterEach();

  async function setup(managed: Policy | null) {
    const db = new AppDb(`policy-${crypto.randomUUID()}`);
    dbs.push(db);
    const published: Array<{ settings: Settings; locked: string[] }> = [];
    const service = createService({ db, publish: async (settings, locked) => void published.push({ settings, locked }), timeZone: () => ZONE, policy: async () => managed });
    await service.ready;
    return { db, service, published };
  }

  it('publishes the merged settings with the locked list; Export writes only the user\u2019s own', async () => {
    const p = policy({ locked: { sites: { gmail: 'confirm' } }, recommended: { sites: { slack: 'confirm' } }, directory: [{ name: 'Org Person', emails: ['org@example.com'], timeZone: 'Asia/Tokyo' }] });
    const { service, published } = await setup(p);
    expect(await service.updateSettings({ sites: { docs: 'off' } })).toEqual({ ok: true });
    const last = published.at(-1)!;
    expect(last.locked).toEqual(['sites.gmail']);
    expect(last.settings.sites).toEqual({ gmail: 'confirm', slack: 'confirm', docs: 'off' });
    expect(last.settings.contacts.map((c) => c.source)).toEqual(['policy']);
    const file = await service.getSettings();
    expect(file.sites).toEqual({ gmail: 'confirm', slack: 'nudge', docs: 'off' });
    expect(file.contacts).toEqual([]);
    expect((await service.getPopupSummary()).locked).toEqual(['sites.gmail']);
  });

  it('refuses updates to locked fields and records what the user set; import and reset set the list', async () => {
    const p = policy({ locked: { sites: { gmail: 'confirm' } }, recommended: { preferences: { graceMinutes: 5 } } });
    const { db, service } = await setup(p);
    expect(await readUserSet(db)).toEqual([]);
    expect(await service.updateSettings({ sites: { gmail: 'off' } })).toEqual({ ok: false, error: 'sites.gmail is set by your organisation.' });
    expect(await service.updateSettings({ preferences: { graceMinutes: 30 } })).toEqual({ ok: true });
    expect(await readUserSet(db)).toEqual(['preferences.graceMinutes']);
    expect((await service.effective()).settings.preferences.graceMinutes).toBe(30);
    await service.importSettings({ text: JSON.stringify({ format: 'async-etiquette/settings', version: 1, sites: { gmail: 'off' } }) });
    expect(await readUserSet(db)).toEqual(['sites.gmail']);
    expect((await service.effective()).settings.sites.gmail).toBe('confirm');
    expect((await service.effective()).settings.preferences.graceMinutes).toBe(5);
    await service.resetSettings({ history: false });
    expect(await readUserSet(db)).toEqual([]);
  });
});

describe('reading managed storage', () => {
  it('uses the cache first, refreshes from managed storage, ignores an invalid policy, survives a throwing managed area', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { locked: { sites: { gmail: 'confirm' } } } });
    const changes: Array<Policy | null> = [];
    const source = createPolicySource((p) => changes.push(p), 0);
    expect(await source.get()).toEqual({ locked: { sites: { gmail: 'confirm' } } });

    await fakeBrowser.storage.managed.set({ locked: { sites: { slack: 'confirm' } } });
    await source.refresh();
    expect(await source.get()).toEqual({ locked: { sites: { slack: 'confirm' } } });
    expect((await fakeBrowser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]).toEqual({ locked: { sites: { slack: 'confirm' } } });

    await fakeBrowser.storage.managed.set({ bogus: 1 });
    await source.refresh();
    expect(await source.get()).toEqual({ locked: { sites: { slack: 'confirm' } } });

    const original = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    await source.refresh();
    expect(await source.get()).toBeNull();
    fakeBrowser.storage.managed.get = original;
    expect(changes.length).toBe(2);
  });
});

describe('public/managed-schema.json (Chrome managed_schema)', () => {
  const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as Record<string, unknown>;
  const ALLOWED = new Set(['type', 'properties', 'items', 'enum', 'description', 'title', 'id', '$ref', 'minimum', 'maximum', 'pattern', 'additionalProperties', 'patternProperties']);

  function walk(node: unknown, path: string, visit: (key: string, path: string) => void): void {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      visit(key, path);
      if (key === 'properties' || key === 'patternProperties') {
        for (const [name, child] of Object.entries(value as Record<string, unknown>)) walk(child, `${path}.${name}`, visit);
      } else if (key === 'items' || key === 'additionalProperties') walk(value, `${path}[]`, visit);
    }
  }

  it('uses only keywords Chrome accepts, and a known type everywhere', () => {
    const bad: string[] = [];
    walk(schema, '$', (key, path) => {
      if (!ALLOWED.has(key)) bad.push(`${path}: ${key}`);
    });
    expect(bad).toEqual([]);
    expect(schema.type).toBe('object');
  });

  it('matches the zod schema: top level, tiers, and the settings sections', () => {
    const props = schema.properties as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(props).sort()).toEqual(Object.keys(policySchema.shape).sort());
    for (const tier of ['locked', 'recommended']) expect(Object.keys(props[tier]!.properties).sort()).toEqual(Object.keys(policyTierSchema.shape).sort());
    for (const key of Object.keys(policyTierSchema.shape)) expect(Object.keys(settingsFileSchema.shape)).toContain(key);
  });

  it('every $ref names an id defined in the schema', () => {
    const text = JSON.stringify(schema);
    const ids = new Set([...text.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]));
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) expect(ids.has(ref)).toBe(true);
  });

  it('lockedFieldIds lists what the options page greys out', () => {
    expect(lockedFieldIds(policy({ locked: { sites: { gmail: 'confirm' }, preferences: { graceMinutes: 0 }, me: { weekly: late }, contactDefaults: { weekly: late }, templates: [noRush] } }))).toEqual(
      ['sites.gmail', 'preferences.graceMinutes', 'me.weekly', 'contactDefaults.weekly', 'templates.org-note'],
    );
  });
});
