/**
 * Quiet tabs, the data side (contract §1 `quiet`): the schema, the settings file, organisation policy,
 * the worker's updates and the snapshot content scripts read. Sync: sync-fields, sync-items and
 * sync-devices tests; the decisions: quiet-tabs.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { defaultSettings, DEFAULT_QUIET } from '@/utils/store/defaults';
import { POLICY_FIELDS } from '@/utils/store/fields';
import { fileFieldIds, lockedFieldIds, mergePolicy, parsePolicy, planUpdate, type Policy } from '@/utils/store/policy';
import { readSettings } from '@/utils/store/repository';
import { preferencesSchema, QUIET_MODES, quietModeSchema, quietSchema, settingsFileSchema, type Settings } from '@/utils/store/schema';
import { parseSettingsValue, toSettingsFile } from '@/utils/store/settings-file';
import { expectError, expectOk } from './helpers/import-result';
import { readSnapshot } from '@/utils/store/snapshot';
import { databasesClosedAfterEach } from './setup/databases';

const ZONE = 'Europe/Berlin';
/** Wednesday 4 March 2026, 20:00 in Berlin. No test reads the real clock. */
const NOW = Date.UTC(2026, 2, 4, 19, 0);
const HEADER = { format: 'async-etiquette/settings', version: 1 } as const;


function policy(value: unknown): Policy {
  const parsed = parsePolicy(value);
  if (!parsed.ok || !parsed.policy) throw new Error(parsed.ok ? 'no policy' : parsed.error);
  return parsed.policy;
}

describe('the quiet schema', () => {
  it('has exactly the three modes and the three sites', () => {
    expect(QUIET_MODES).toEqual(['off', 'calm', 'shield']);
    expect(quietModeSchema.options).toEqual(['off', 'calm', 'shield']);
    expect(Object.keys(quietSchema.shape)).toEqual(['gmail', 'slack', 'docs']);
    expect(quietSchema.safeParse({ gmail: 'calm', slack: 'shield', docs: 'off' }).success).toBe(true);
    expect(quietSchema.safeParse({ gmail: 'calm', slack: 'shield' }).success).toBe(false);
  });

  it('defaults to off everywhere', () => {
    expect(DEFAULT_QUIET).toEqual({ gmail: 'off', slack: 'off', docs: 'off' });
    expect(defaultSettings(ZONE).quiet).toEqual(DEFAULT_QUIET);
    // A fresh copy each time.
    const a = defaultSettings(ZONE);
    a.quiet.gmail = 'shield';
    expect(defaultSettings(ZONE).quiet.gmail).toBe('off');
  });

  it('takes onCallUntil and quietExceptions as optional preferences', () => {
    const base = defaultSettings(ZONE).preferences;
    expect(preferencesSchema.safeParse(base).success).toBe(true);
    expect(preferencesSchema.safeParse({ ...base, onCallUntil: NOW, quietExceptions: ['Priya Raman', 'boss@example.com', '#incidents'] }).success).toBe(true);
    expect(preferencesSchema.parse({ ...base, quietExceptions: ['  Priya  '] }).quietExceptions).toEqual(['Priya']);
    for (const bad of [{ onCallUntil: -1 }, { onCallUntil: 1.5 }, { quietExceptions: ['   '] }, { quietExceptions: ['x'.repeat(101)] }, { quietExceptions: Array.from({ length: 51 }, (_, i) => `p${i}`) }]) {
      expect(preferencesSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
  });
});

describe('the settings file', () => {
  it('accepts quiet, whole or in part; what is missing is off', () => {
    expect(expectOk(parseSettingsValue({ ...HEADER, quiet: { gmail: 'calm', slack: 'shield', docs: 'off' } }, ZONE)).quiet).toEqual({
      gmail: 'calm',
      slack: 'shield',
      docs: 'off',
    });
    expect(expectOk(parseSettingsValue({ ...HEADER, quiet: { slack: 'shield' } }, ZONE)).quiet).toEqual({ gmail: 'off', slack: 'shield', docs: 'off' });
    expect(expectOk(parseSettingsValue({ ...HEADER, quiet: {} }, ZONE)).quiet).toEqual(DEFAULT_QUIET);
  });

  it('without quiet (every file written before quiet tabs) imports with quiet off', () => {
    const settings = expectOk(parseSettingsValue({ ...HEADER, sites: { gmail: 'off' } }, ZONE));
    expect(settings.quiet).toEqual({ gmail: 'off', slack: 'off', docs: 'off' });
  });

  it('refuses an unknown mode, naming the field and the value', () => {
    const error = expectError(parseSettingsValue({ ...HEADER, quiet: { gmail: 'loud' } }, ZONE));
    expect(error).toBe('quiet.gmail ("loud"): Invalid option: expected one of "off"|"calm"|"shield".');
  });

  it('refuses an unknown site in quiet, and a quiet that is not an object', () => {
    expect(expectError(parseSettingsValue({ ...HEADER, quiet: { gmail: 'calm', outlook: 'calm' } }, ZONE))).toBe('Unknown field "outlook" in quiet.');
    expect(expectError(parseSettingsValue({ ...HEADER, quiet: 'calm' }, ZONE))).toMatch(/^quiet \("calm"\): /);
  });

  it('refuses bad quiet preferences with the field named', () => {
    expect(expectError(parseSettingsValue({ ...HEADER, preferences: { quietExceptions: ['ok', ''] } }, ZONE))).toMatch(/^preferences\.quietExceptions\[1\] \(""\): /);
    expect(expectError(parseSettingsValue({ ...HEADER, preferences: { onCallUntil: 'tonight' } }, ZONE))).toMatch(/^preferences\.onCallUntil \("tonight"\): /);
  });

  it('is always written on export, off or not, and reads back the same', () => {
    const plain = toSettingsFile(defaultSettings(ZONE));
    expect(plain.quiet).toEqual({ gmail: 'off', slack: 'off', docs: 'off' });
    expect(Object.keys(plain)).toContain('quiet');
    const mine: Settings = {
      ...defaultSettings(ZONE),
      quiet: { gmail: 'shield', slack: 'calm', docs: 'off' },
      preferences: { ...defaultSettings(ZONE).preferences, onCallUntil: NOW + 3_600_000, quietExceptions: ['Priya', '#incidents'] },
    };
    const file = toSettingsFile(mine);
    expect(settingsFileSchema.safeParse(file).success).toBe(true);
    const again = expectOk(parseSettingsValue(JSON.parse(JSON.stringify(file)), 'UTC'));
    expect(again.quiet).toEqual(mine.quiet);
    expect(again.preferences.quietExceptions).toEqual(['Priya', '#incidents']);
    // Like the pause, being on call is part of the preferences as stored, and so of the file.
    expect(again.preferences.onCallUntil).toBe(NOW + 3_600_000);
  });
});

describe('organisation policy', () => {
  it('may lock or recommend each site’s quiet mode and the exceptions, never being on call', () => {
    expect(POLICY_FIELDS.quiet).toEqual(['gmail', 'slack', 'docs']);
    expect(POLICY_FIELDS.preferences).toContain('quietExceptions');
    expect(POLICY_FIELDS.preferences).not.toContain('onCallUntil' as never);
    const p = policy({ locked: { quiet: { gmail: 'shield' }, preferences: { quietExceptions: ['#incidents'] } }, recommended: { quiet: { slack: 'calm' } } });
    expect(lockedFieldIds(p)).toEqual(['quiet.gmail', 'preferences.quietExceptions']);
    const refused = parsePolicy({ locked: { preferences: { onCallUntil: NOW } } });
    expect(refused.ok).toBe(false);
    expect(parsePolicy({ locked: { quiet: { gmail: 'loud' } } }).ok).toBe(false);
    expect(parsePolicy({ recommended: { quiet: { outlook: 'calm' } } }).ok).toBe(false);
  });

  it('merges per site: locked wins, recommended yields to what the user set', () => {
    const p = policy({ locked: { quiet: { gmail: 'shield' } }, recommended: { quiet: { slack: 'calm', docs: 'calm' } } });
    const user: Settings = { ...defaultSettings(ZONE), quiet: { gmail: 'off', slack: 'off', docs: 'shield' } };
    const { settings, locked } = mergePolicy(user, new Set(['quiet.docs']), p);
    expect(settings.quiet).toEqual({ gmail: 'shield', slack: 'calm', docs: 'shield' });
    expect(locked).toEqual(['quiet.gmail']);
    // The user's object is not changed.
    expect(user.quiet.gmail).toBe('off');
  });

  it('refuses a change to a locked quiet mode; a settings file’s quiet marks the fields as the user’s', () => {
    const p = policy({ locked: { quiet: { gmail: 'shield' } } });
    const stored = defaultSettings(ZONE);
    const effective = mergePolicy(stored, new Set(), p).settings;
    expect(planUpdate(stored, effective, p, { quiet: { gmail: 'off' } })).toEqual({ ok: false, error: 'quiet.gmail is set by your organisation.' });
    // Sending the locked value back unchanged (a page's whole section) is not a change.
    const plan = planUpdate(stored, effective, p, { quiet: { gmail: 'shield', slack: 'calm' } });
    expect(plan).toEqual({ ok: true, write: { quiet: { gmail: 'off', slack: 'calm', docs: 'off' } }, userSet: ['quiet.slack'] });
    expect(fileFieldIds({ ...HEADER, quiet: { docs: 'calm' } })).toEqual(['quiet.docs']);
  });
});

describe('the worker', () => {
  const dbs = databasesClosedAfterEach();

  async function setup(managed: Policy | null = null) {
    const db = new AppDb(`quiet-${crypto.randomUUID()}`);
    dbs.push(db);
    const published: Array<{ settings: Settings; locked: string[] }> = [];
    const service = createService({
      db,
      publish: async (settings, locked) => void published.push({ settings, locked }),
      timeZone: () => ZONE,
      now: () => NOW,
      policy: async () => managed,
    });
    await service.ready;
    return { db, service, published };
  }

  it('updates one site’s quiet mode, publishes it to content scripts, and refuses a bad one', async () => {
    const { db, service, published } = await setup();
    expect(await service.updateSettings({ quiet: { slack: 'shield' } })).toEqual({ ok: true });
    expect((await readSettings(db, ZONE)).quiet).toEqual({ gmail: 'off', slack: 'shield', docs: 'off' });
    const last = published.at(-1)!;
    expect(last.settings.quiet).toEqual({ gmail: 'off', slack: 'shield', docs: 'off' });
    const snapshot = readSnapshot({ revision: 1, settings: last.settings });
    expect(snapshot?.settings.quiet.slack).toBe('shield');

    const refused = await service.updateSettings({ quiet: { gmail: 'loud' } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^quiet\.gmail \("loud"\)/);
    expect(await service.updateSettings({ quiet: { outlook: 'calm' } })).toEqual({ ok: false, error: 'Unknown field "outlook" in quiet.' });
    expect((await readSettings(db, ZONE)).quiet.slack).toBe('shield');
  });

  it('saves the exceptions like any preference and sends them, and onCallUntil, in the snapshot', async () => {
    const { service, published } = await setup();
    expect(await service.updateSettings({ preferences: { quietExceptions: ['Priya Raman', '#incidents'] } })).toEqual({ ok: true });
    expect(await service.setOnCall({ until: NOW + 3_600_000 })).toEqual({ ok: true });
    const { preferences } = published.at(-1)!.settings;
    expect(preferences.quietExceptions).toEqual(['Priya Raman', '#incidents']);
    expect(preferences.onCallUntil).toBe(NOW + 3_600_000);
    expect((await service.getSettings()).preferences.quietExceptions).toEqual(['Priya Raman', '#incidents']);
  });

  it('applies a locked quiet mode, says it is locked, and refuses to change it', async () => {
    const { service, published } = await setup(policy({ locked: { quiet: { gmail: 'shield' } } }));
    expect(await service.updateSettings({ quiet: { slack: 'calm' } })).toEqual({ ok: true });
    const last = published.at(-1)!;
    expect(last.settings.quiet).toEqual({ gmail: 'shield', slack: 'calm', docs: 'off' });
    expect(last.locked).toEqual(['quiet.gmail']);
    const summary = await service.getPopupSummary();
    expect(summary.quiet).toEqual({ gmail: 'shield', slack: 'calm', docs: 'off' });
    expect(summary.locked).toEqual(['quiet.gmail']);
    expect(await service.updateSettings({ quiet: { gmail: 'off' } })).toEqual({ ok: false, error: 'quiet.gmail is set by your organisation.' });
    // Export writes only the user's own values.
    expect((await service.getSettings()).quiet).toEqual({ gmail: 'off', slack: 'calm', docs: 'off' });
  });

  it('setOnCall: sets and ends being on call; refuses an instant in the past or more than 7 days ahead', async () => {
    const { db, service } = await setup();
    const DAY = 86_400_000;
    expect(await service.setOnCall({ until: NOW - 1 })).toEqual({ ok: false, error: 'The end of on-call must be in the future.' });
    expect(await service.setOnCall({ until: NOW })).toEqual({ ok: false, error: 'The end of on-call must be in the future.' });
    expect(await service.setOnCall({ until: NOW + 7 * DAY + 1 })).toEqual({ ok: false, error: 'On call can last at most 7 days.' });
    expect((await readSettings(db, ZONE)).preferences.onCallUntil).toBeUndefined();
    const bad = await service.setOnCall({ until: 'tonight' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^until \("tonight"\)/);
    expect((await service.setOnCall({})).ok).toBe(false);

    expect(await service.setOnCall({ until: NOW + 7 * DAY })).toEqual({ ok: true });
    expect((await readSettings(db, ZONE)).preferences.onCallUntil).toBe(NOW + 7 * DAY);
    expect(await service.setOnCall({ until: NOW + 2 * 3_600_000 })).toEqual({ ok: true });
    expect((await service.getPopupSummary()).onCallUntil).toBe(NOW + 2 * 3_600_000);
    // Other preferences stay as they were.
    expect((await readSettings(db, ZONE)).preferences.graceMinutes).toBe(defaultSettings(ZONE).preferences.graceMinutes);

    expect(await service.setOnCall({ until: null })).toEqual({ ok: true });
    const preferences = (await readSettings(db, ZONE)).preferences;
    expect('onCallUntil' in preferences).toBe(false);
    expect((await service.getPopupSummary()).onCallUntil).toBeNull();
  });

  it('the popup summary reads a passed on-call instant as not on call', async () => {
    const { service } = await setup();
    await service.updateSettings({ preferences: { onCallUntil: NOW - 60_000 } });
    expect((await service.getPopupSummary()).onCallUntil).toBeNull();
  });

  it('imports a file without quiet as all off, and resets quiet to off', async () => {
    const { service } = await setup();
    await service.updateSettings({ quiet: { gmail: 'calm' } });
    expect(await service.importSettings({ text: JSON.stringify({ ...HEADER, sites: { docs: 'off' } }) })).toEqual({ ok: true });
    expect((await service.getSettings()).quiet).toEqual(DEFAULT_QUIET);
    await service.updateSettings({ quiet: { docs: 'shield' } });
    await service.resetSettings({ history: false });
    expect((await service.getSettings()).quiet).toEqual(DEFAULT_QUIET);
  });
});
