import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defaultSettings, DEFAULT_PREFERENCES, DEFAULT_SITES } from '@/utils/store/defaults';
import { settingsFileSchema, type Contact, type Settings, type Weekly } from '@/utils/store/schema';
import {
  completeSettings,
  describeIssue,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsText,
  parseSettingsValue,
  toSettingsFile,
} from '@/utils/store/settings-file';
import { expectError, expectOk } from './helpers/import-result';
import { builtInIssueText } from '@/utils/store/issue-text';
import { parsePolicy } from '@/utils/store/policy';
import { useLanguage } from './setup/i18n';

const ZONE = 'Pacific/Auckland';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/settings/${name}`, import.meta.url), 'utf8');
}


const HEADER = { format: 'async-etiquette/settings', version: 1 } as const;
const EMPTY_WEEK: Weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('the contract example file', () => {
  it('is accepted and read field by field', () => {
    const settings = expectOk(parseSettingsText(fixture('valid-full.json'), ZONE));
    expect(settings.me.timeZone).toBe('Europe/Berlin');
    expect(settings.me.weekly.tue).toEqual([['09:00', '12:00'], ['13:00', '17:30']]);
    expect(settings.me.weekly.thu).toEqual([['22:00', '02:00']]);
    expect(settings.me.weekly.fri).toEqual([['09:00', '24:00']]);
    expect(settings.me.daysOff).toEqual(['2026-12-24']);
    expect(settings.contacts.map((c) => c.name)).toEqual(['Priya Raman', 'Kenji Sato', 'Sam Okafor']);
    expect(settings.contacts[0]).toMatchObject({ slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata' });
    expect(settings.sites).toEqual({ gmail: 'confirm', slack: 'nudge', docs: 'confirm' });
    expect(settings.templates).toEqual([{ id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' }]);
    // Not in the file: taken from the defaults.
    expect(settings.preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it('exports with every top-level field present, in the contract shape', () => {
    const file = toSettingsFile(expectOk(parseSettingsText(fixture('valid-full.json'), ZONE)));
    expect(Object.keys(file).sort()).toEqual(
      ['contactDefaults', 'contacts', 'format', 'me', 'preferences', 'quiet', 'sites', 'templates', 'version'].sort(),
    );
    expect(file.format).toBe('async-etiquette/settings');
    expect(file.version).toBe(1);
    // The exported file is itself a valid settings file.
    expect(settingsFileSchema.safeParse(file).success).toBe(true);
  });

  it('omits unset optional contact fields on export', () => {
    const file = toSettingsFile(expectOk(parseSettingsText(fixture('valid-full.json'), ZONE)));
    const [priya, kenji, sam] = file.contacts;
    expect(Object.keys(priya!).sort()).toEqual(['emails', 'name', 'slackIds', 'timeZone', 'weekly'].sort());
    expect(Object.keys(kenji!).sort()).toEqual(['daysOff', 'emails', 'name', 'timeZone'].sort());
    expect(sam).toStrictEqual({ name: 'Sam Okafor', emails: ['sam@example.com'] });
    // And the JSON text carries no `undefined` holes either.
    expect(JSON.stringify(file.contacts[2])).toBe('{"name":"Sam Okafor","emails":["sam@example.com"]}');
  });

  it('marks contacts the file brings without a source as imported, and exports them without one', () => {
    const settings = expectOk(parseSettingsText(fixture('valid-full.json'), ZONE));
    expect(settings.contacts.map((c) => c.source)).toEqual(['imported', 'imported', 'imported']);
    const typed = { ...settings, contacts: [{ ...settings.contacts[0]!, source: 'typed' as const }] };
    expect(toSettingsFile(typed).contacts[0]!.source).toBe('typed');
    expect(toSettingsFile(settings).contacts.some((c) => 'source' in c)).toBe(false);
  });

  it('round-trips: export → import → export is identical', () => {
    const first = toSettingsFile(expectOk(parseSettingsText(fixture('valid-full.json'), ZONE)));
    const text = JSON.stringify(first, null, 2);
    const second = toSettingsFile(expectOk(parseSettingsText(text, 'America/Lima')));
    expect(JSON.stringify(second, null, 2)).toBe(text);
    expect(second).toStrictEqual(first);
  });

  it('round-trips the defaults', () => {
    const first = toSettingsFile(defaultSettings('Asia/Kathmandu'));
    const text = JSON.stringify(first);
    expect(JSON.stringify(toSettingsFile(expectOk(parseSettingsText(text, 'UTC'))))).toBe(text);
  });
});

describe('missing top-level fields take defaults', () => {
  it('a header-only file yields the defaults in the given zone', () => {
    const settings = expectOk(parseSettingsText(JSON.stringify(HEADER), ZONE));
    expect(settings).toEqual(defaultSettings(ZONE));
  });

  it('me without daysOff gets an empty list; the file zone wins over the fallback zone', () => {
    const settings = expectOk(
      parseSettingsValue({ ...HEADER, me: { timeZone: 'Asia/Calcutta', weekly: EMPTY_WEEK } }, ZONE),
    );
    expect(settings.me).toEqual({ timeZone: 'Asia/Calcutta', weekly: EMPTY_WEEK, daysOff: [] });
  });

  it('partial sites merge with the default modes', () => {
    const settings = expectOk(parseSettingsValue({ ...HEADER, sites: { slack: 'off' } }, ZONE));
    expect(settings.sites).toEqual({ ...DEFAULT_SITES, slack: 'off' });
  });

  it('partial preferences merge with the defaults', () => {
    const settings = expectOk(parseSettingsValue({ ...HEADER, preferences: { graceMinutes: 0 } }, ZONE));
    expect(settings.preferences).toEqual({ ...DEFAULT_PREFERENCES, graceMinutes: 0 });
  });

  it('an empty contacts or templates list stays empty (it is not "missing")', () => {
    const settings = expectOk(parseSettingsValue({ ...HEADER, contacts: [], templates: [] }, ZONE));
    expect(settings.contacts).toEqual([]);
    expect(settings.templates).toEqual([]);
  });

  it('completeSettings does not share the defaults between calls', () => {
    const a = completeSettings({ ...HEADER }, ZONE);
    a.templates.push({ id: 'x', title: 'x', body: 'x' });
    a.sites.gmail = 'off';
    const b = completeSettings({ ...HEADER }, ZONE);
    expect(b.templates.some((t) => t.id === 'x')).toBe(false);
    expect(b.sites.gmail).toBe(DEFAULT_SITES.gmail);
  });
});

describe('refused files', () => {
  it('bad JSON', () => {
    expect(expectError(parseSettingsText(fixture('bad-json.json'), ZONE))).toMatch(/^The file is not valid JSON \(.+\)\.$/);
    expect(expectError(parseSettingsText('', ZONE))).toMatch(/not valid JSON/);
  });

  it.each([['[]'], ['null'], ['42'], ['"async-etiquette/settings"'], ['true']])('JSON that is not one object: %s', (text) => {
    expect(expectError(parseSettingsText(text, ZONE))).toBe('The file must contain one JSON object.');
  });

  it('an unknown zone such as Mars/Base, naming the field', () => {
    const error = expectError(parseSettingsText(fixture('unknown-zone.json'), ZONE));
    expect(error).toContain('contacts[0].timeZone');
    expect(error).toContain('"Mars/Base"');
    expect(error).toMatch(/time zone/);
  });

  it('a bare offset instead of a zone name', () => {
    const error = expectError(parseSettingsText(fixture('offset-zone.json'), ZONE));
    expect(error).toContain('me.timeZone');
    expect(error).toContain('"+05:30"');
  });

  it('"25:00", naming the exact range end', () => {
    const error = expectError(parseSettingsText(fixture('bad-time.json'), ZONE));
    expect(error).toContain('me.weekly.mon[0][1]');
    expect(error).toContain('25:00');
    expect(error).toContain('24-hour');
  });

  it('"09:00:53" (the file keeps "HH:mm", though the engine ignores seconds), naming the range start', () => {
    const file = { ...HEADER, me: { timeZone: 'Europe/Berlin', weekly: { ...EMPTY_WEEK, mon: [['09:00:53', '18:00']] } } };
    const error = expectError(parseSettingsText(JSON.stringify(file), ZONE));
    expect(error).toContain('me.weekly.mon[0][0]');
    expect(error).toContain('09:00:53');
  });

  it('overlapping ranges of one day, naming the later range and the one it overlaps', () => {
    const error = expectError(parseSettingsText(fixture('overlapping-ranges.json'), ZONE));
    expect(error).toContain('me.weekly.tue[1]');
    expect(error).toContain('overlaps 09:00-12:00');
  });

  it('a __proto__ key (an own property after JSON.parse), without polluting prototypes', () => {
    const text = fixture('proto-key.json');
    expect(Object.hasOwn(JSON.parse(text) as object, '__proto__')).toBe(true);
    const error = expectError(parseSettingsText(text, ZONE));
    expect(error).toContain('forbidden key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each([
    ['a nested __proto__', '{"format":"async-etiquette/settings","version":1,"contacts":[{"name":"A","__proto__":{"x":1}}]}', 'contacts[0].__proto__'],
    ['constructor', '{"format":"async-etiquette/settings","version":1,"sites":{"constructor":{"prototype":{}}}}', 'sites.constructor'],
    ['prototype', '{"format":"async-etiquette/settings","version":1,"me":{"prototype":1}}', 'me.prototype'],
  ])('a forbidden key: %s', (_label, text, where) => {
    const error = expectError(parseSettingsText(text, ZONE));
    expect(error).toMatch(/forbidden key/);
    expect(error).toContain(where);
  });

  it('an unknown top-level key, with a clear message', () => {
    expect(expectError(parseSettingsText(fixture('unknown-key.json'), ZONE))).toBe('Unknown field "theme".');
  });

  it('several unknown keys, and unknown keys below the top level', () => {
    expect(expectError(parseSettingsValue({ ...HEADER, a: 1, b: 2 }, ZONE))).toBe('Unknown fields "a", "b".');
    const nested = expectError(parseSettingsValue({ ...HEADER, sites: { gmail: 'off', outlook: 'off' } }, ZONE));
    expect(nested).toBe('Unknown field "outlook" in sites.');
  });

  it('deeply nested junk', () => {
    const error = expectError(parseSettingsText(fixture('deeply-nested.json'), ZONE));
    expect(error).toMatch(/nested too deeply at junk\.a\[0\]/);
  });

  it('extremely deep nesting (a million arrays) is refused without overflowing the stack', () => {
    const depth = 1_000_000;
    const text = `{"format":"async-etiquette/settings","version":1,"me":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(text.length).toBeLessThan(MAX_SETTINGS_FILE_BYTES);
    expect(expectError(parseSettingsText(text, ZONE))).toMatch(/nested too deeply/);
  });

  it('a wrong format or version', () => {
    expect(expectError(parseSettingsValue({ format: 'other', version: 1 }, ZONE))).toContain('format ("other")');
    const version = expectError(parseSettingsValue({ ...HEADER, version: 2 }, ZONE));
    expect(version).toContain('version (2)');
    expect(version).toContain('must be 1');
    expect(expectError(parseSettingsValue({ version: 1 }, ZONE))).toContain('format');
  });

  it('a missing required field inside a present one', () => {
    expect(expectError(parseSettingsValue({ ...HEADER, me: { weekly: EMPTY_WEEK } }, ZONE))).toBe('me.timeZone is missing.');
    const weekly: Partial<Weekly> = { ...EMPTY_WEEK };
    delete weekly.sun;
    expect(expectError(parseSettingsValue({ ...HEADER, contactDefaults: { weekly } }, ZONE))).toBe(
      'contactDefaults.weekly.sun is missing.',
    );
  });

  it('a bad value deep in the last contact', () => {
    const contacts: Contact[] = Array.from({ length: 5 }, (_, i) => ({ name: `P${i}`, emails: [`p${i}@example.com`] }));
    contacts.push({ name: 'Z', emails: ['z@example.com'], daysOff: ['2026-01-01', '2026-02-30'] });
    const error = expectError(parseSettingsValue({ ...HEADER, contacts }, ZONE));
    expect(error).toContain('contacts[5].daysOff[1] ("2026-02-30")');
    expect(error).toContain('YYYY-MM-DD');
  });

  it('duplicate template ids', () => {
    const t = { id: 'no-rush', title: 'A', body: 'B' };
    expect(expectError(parseSettingsValue({ ...HEADER, templates: [t, t] }, ZONE))).toContain('has the id "no-rush" twice');
  });
});

describe('size limit', () => {
  it('refuses 5 MB of text as too large without parsing it as JSON', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = `{"format":"async-etiquette/settings","version":1,"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    const error = expectError(parseSettingsText(text, ZONE));
    expect(error).toMatch(/too large/);
    expect(error).toContain('5.0 MB');
    expect(parse).not.toHaveBeenCalled();
  });

  it('counts bytes, not characters', () => {
    // 800,000 characters of "€" are 2.4 MB of UTF-8.
    const text = `{"format":"async-etiquette/settings","version":1,"x":"${'€'.repeat(800_000)}"}`;
    expect(text.length).toBeLessThan(MAX_SETTINGS_FILE_BYTES);
    expect(expectError(parseSettingsText(text, ZONE))).toMatch(/too large/);
  });

  it('accepts a file of exactly the limit and refuses one byte more', () => {
    const body = JSON.stringify(HEADER);
    const exact = body + ' '.repeat(MAX_SETTINGS_FILE_BYTES - body.length);
    expect(parseSettingsText(exact, ZONE).ok).toBe(true);
    expect(expectError(parseSettingsText(`${exact} `, ZONE))).toMatch(/too large/);
  });
});

describe('describeIssue', () => {
  function firstIssueMessage(value: unknown): string {
    const result = settingsFileSchema.safeParse(value);
    if (result.success) throw new Error('expected an issue');
    return describeIssue(result.error.issues[0]!, value);
  }

  it('formats paths with dots for keys and brackets for indices', () => {
    const weekly = { ...EMPTY_WEEK, wed: [['09:00', '10:00'], ['10:00', '9:30']] };
    const message = firstIssueMessage({ ...HEADER, contacts: [{ name: 'A', emails: [] }, { name: 'B', weekly }] });
    expect(message.startsWith('contacts[1].weekly.wed[1][1] ("9:30"): ')).toBe(true);
  });

  it('quotes short strings, shows numbers and booleans, and leaves long strings out', () => {
    expect(firstIssueMessage({ ...HEADER, preferences: { graceMinutes: 999 } })).toMatch(/^preferences\.graceMinutes \(999\): /);
    expect(firstIssueMessage({ ...HEADER, preferences: { askReasonOnSendNow: 'yes' } })).toMatch(
      /^preferences\.askReasonOnSendNow \("yes"\): /,
    );
    const long = 'x'.repeat(41);
    expect(firstIssueMessage({ ...HEADER, sites: { gmail: long } })).toMatch(/^sites\.gmail: /);
  });

  it('names the whole file when the problem is at the root', () => {
    const result = settingsFileSchema.safeParse('nope');
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error.issues[0]!, 'nope')).toMatch(/^\(the file\)/);
  });
});

describe('round trip, property-based', () => {
  const zone = fc.constantFrom('Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'America/St_Johns', 'Australia/Lord_Howe');
  const hhmm = (minutes: number) =>
    minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  /** Non-overlapping, non-crossing ranges: sorted distinct quarter hours paired up. */
  const dayRanges = fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
    .map((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const out: Array<[string, string]> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]! * 15), hhmm(sorted[i + 1]! * 15)]);
      return out;
    });
  const weekly: fc.Arbitrary<Weekly> = fc.record({
    mon: dayRanges, tue: dayRanges, wed: dayRanges, thu: dayRanges, fri: dayRanges, sat: dayRanges, sun: dayRanges,
  });
  const date = fc
    .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
  const contact: fc.Arbitrary<Contact> = fc.record(
    {
      name: fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s.length > 0),
      emails: fc.array(fc.tuple(word, word).map(([a, b]) => `${a}@${b}.example`), { maxLength: 3 }),
      slackIds: fc.array(fc.stringMatching(/^U[A-Z0-9]{8}$/), { maxLength: 2 }),
      timeZone: zone,
      weekly,
      daysOff: fc.array(date, { maxLength: 3 }),
      source: fc.constantFrom('typed', 'imported', 'slack-profile', 'policy'),
    },
    { requiredKeys: ['name', 'emails'] },
  );
  const mode = fc.constantFrom('off', 'nudge', 'confirm');
  const quietMode = fc.constantFrom('off', 'calm', 'shield');
  const settings: fc.Arbitrary<Settings> = fc.record({
    me: fc.record({ timeZone: zone, weekly, daysOff: fc.array(date, { maxLength: 4 }) }),
    contactDefaults: fc.record({ weekly }),
    contacts: fc.array(contact, { maxLength: 6 }),
    sites: fc.record({ gmail: mode, slack: mode, docs: mode }),
    quiet: fc.record({ gmail: quietMode, slack: quietMode, docs: quietMode }),
    templates: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
        title: fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s.length > 0),
        body: fc.string({ minLength: 1, maxLength: 80 }),
      }),
      { selector: (t) => t.id, maxLength: 4 },
    ),
    preferences: fc.record(
      {
        graceMinutes: fc.integer({ min: 0, max: 240 }),
        largeListThreshold: fc.integer({ min: 1, max: 1000 }),
        sendNowReason: fc.constantFrom('off' as const, 'ask' as const, 'require' as const),
        sendNowDailyLimit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
        sendNowLabel: fc.boolean(),
        onCallUntil: fc.integer({ min: 0, max: 4_000_000_000_000 }),
        quietExceptions: fc.array(
          fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s.length > 0),
          { maxLength: 4 },
        ),
      },
      { requiredKeys: ['graceMinutes', 'largeListThreshold', 'sendNowReason', 'sendNowDailyLimit'] },
    ),
  });

  it('export → import → export is a fixed point for any valid settings', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const text = JSON.stringify(toSettingsFile(s));
        const again = expectOk(parseSettingsText(text, 'UTC'));
        expect(JSON.stringify(toSettingsFile(again))).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('zod\u2019s own checks', () => {
  const zodEnglish = z.locales.en().localeError;
  it.each([
    ['a number of the wrong type', { ...HEADER, preferences: { graceMinutes: '5' } }],
    ['a fraction where an integer is due', { ...HEADER, preferences: { graceMinutes: 1.5 } }],
    ['a number too large', { ...HEADER, preferences: { graceMinutes: 999 } }],
    ['a number too small', { ...HEADER, preferences: { largeListThreshold: 0 } }],
    ['a string too long', { ...HEADER, templates: [{ id: 'a', title: 'x'.repeat(81), body: 'b' }] }],
    ['a list too long', { ...HEADER, me: { timeZone: 'UTC', weekly: { ...EMPTY_WEEK, mon: Array.from({ length: 13 }, () => ['01:00', '02:00']) } } }],
    ['an unknown option', { ...HEADER, sites: { gmail: 'loud' } }],
    ['a pattern', { ...HEADER, preferences: { clarityDisabledRules: ['NOPE'] } }],
    ['an object where a list is due', { ...HEADER, contacts: {} }],
  ])('read in English exactly as zod words them: %s', (_label, value) => {
    const raw: z.core.$ZodRawIssue[] = [];
    const zods = settingsFileSchema.safeParse(value, { error: (issue) => (raw.push(issue), zodEnglish(issue)) });
    const expected = zods.error?.issues[0]?.message;
    expect(expected).toBeTruthy();
    expect(builtInIssueText(raw[0]!)).toBe(expected);
    expect(settingsFileSchema.safeParse(value).error?.issues[0]?.message).toBe(expected);
  });
});

describe('in German', () => {
  it('explains a refused file in German; the path and the value stay as the file has them', async () => {
    await useLanguage('de');
    expect(expectError(parseSettingsText(fixture('bad-time.json'), ZONE))).toBe(
      'me.weekly.mon[0][1] ("25:00"): muss eine Uhrzeit im 24-Stunden-Format „HH:mm“ von 00:00 bis 24:00 sein.',
    );
    expect(expectError(parseSettingsText(fixture('unknown-key.json'), ZONE))).toBe('Unbekanntes Feld "theme".');
    expect(expectError(parseSettingsValue({ ...HEADER, a: 1, b: 2 }, ZONE))).toBe('Unbekannte Felder "a", "b".');
    expect(expectError(parseSettingsValue({ ...HEADER, me: { weekly: EMPTY_WEEK } }, ZONE))).toBe('me.timeZone fehlt.');
    expect(expectError(parseSettingsText('[]', ZONE))).toBe('Die Datei muss genau ein JSON-Objekt enthalten.');
    expect(expectError(parseSettingsText('{', ZONE))).toMatch(/^Die Datei ist kein gültiges JSON \(.+\)\.$/);
    expect(expectError(parseSettingsText(fixture('proto-key.json'), ZONE))).toMatch(/^Die Datei enthält den unzulässigen Schlüssel „__proto__“/);
    expect(expectError(parseSettingsValue({ ...HEADER, preferences: { graceMinutes: 999 } }, ZONE))).toBe(
      'preferences.graceMinutes (999): Zu groß: erwartet Zahl <=240.',
    );
  });

  it('gives sizes in German number format', async () => {
    await useLanguage('de-DE');
    const text = `{"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    expect(expectError(parseSettingsText(text, ZONE))).toBe('Die Datei ist zu groß (5,0 MB; höchstens 2 MB).');
  });

  it('words organisation policy errors in German', async () => {
    await useLanguage('de');
    expect(parsePolicy({ lockd: {} })).toEqual({ ok: false, error: 'Richtlinie Ihrer Organisation ignoriert: Unbekanntes Feld "lockd".' });
  });
});
