/**
 * What is synced, field by field (issue 10), and the per-field stamps of local changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/utils/store/defaults';
import { contactDefaultsSchema, meSchema, preferencesSchema, quietSchema, sitesSchema } from '@/utils/store/schema';
import {
  FIELD_IDS,
  LOCAL_ONLY_FIELDS,
  SYNCED_FIELDS,
  canonicalJson,
  compareEntries,
  createDeviceId,
  decodeDoc,
  emptyDoc,
  encodeDoc,
  isLocked,
  mergeDocs,
  mergeEntry,
  nextStamp,
  readField,
  recordLocalChanges,
  templateList,
  writeField,
  type SyncDoc,
  type SyncedSettings,
} from '@/utils/sync';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const ME = 'devA';

function core(): SyncedSettings {
  const { contacts: _contacts, ...rest } = defaultSettings('Europe/Berlin');
  return rest;
}

describe('the synced subset', () => {
  it.each([
    ['me', meSchema],
    ['contactDefaults', contactDefaultsSchema],
    ['sites', sitesSchema],
    ['quiet', quietSchema],
    ['preferences', preferencesSchema],
  ] as const)('classifies every field of %s as synced or local (a new field needs a decision)', (section, schema) => {
    const synced: readonly string[] = SYNCED_FIELDS[section];
    const local = Object.keys(LOCAL_ONLY_FIELDS[section]);
    expect([...synced, ...local].sort()).toEqual(Object.keys(schema.shape).sort());
    expect(synced.filter((f) => local.includes(f))).toEqual([]);
  });

  it('syncs exactly these fields; not contacts, pause, snoozes or being on call', () => {
    expect(FIELD_IDS).toEqual([
      'me.timeZone',
      'me.weekly',
      'me.daysOff',
      'me.holidays',
      'contactDefaults.weekly',
      'contactDefaults.holidays',
      'sites.gmail',
      'sites.slack',
      'sites.docs',
      'quiet.gmail',
      'quiet.slack',
      'quiet.docs',
      'preferences.graceMinutes',
      'preferences.largeListThreshold',
      'preferences.askReasonOnSendNow',
      'preferences.clarityDisabledRules',
      'preferences.quietExceptions',
      'templates.order',
    ]);
    expect(Object.keys(LOCAL_ONLY_FIELDS.preferences).sort()).toEqual(['onCallUntil', 'pause', 'snoozes']);
  });

  it('reads and writes one field, validated; null removes an optional one', () => {
    const s = core();
    expect(readField(s, 'sites.slack')).toBe('nudge');
    expect(readField(s, 'templates.order')).toEqual(s.templates.map((t) => t.id));
    expect(writeField(s, 'sites.slack', 'confirm')?.sites).toEqual({ ...s.sites, slack: 'confirm' });
    expect(writeField(s, 'sites.slack', 'shout')).toBeNull();
    expect(readField(s, 'quiet.gmail')).toBe('off');
    expect(writeField(s, 'quiet.gmail', 'shield')?.quiet).toEqual({ gmail: 'shield', slack: 'off', docs: 'off' });
    expect(writeField(s, 'quiet.gmail', 'nudge')).toBeNull();
    expect(writeField(s, 'quiet.gmail', null)).toBeNull();
    expect(readField(s, 'preferences.quietExceptions')).toBeNull();
    expect(writeField(s, 'preferences.quietExceptions', ['Priya', '#incidents'])?.preferences.quietExceptions).toEqual(['Priya', '#incidents']);
    expect(writeField(s, 'preferences.quietExceptions', ['x'.repeat(101)])).toBeNull();
    expect(writeField(s, 'preferences.graceMinutes', 500)).toBeNull();
    const noDays = writeField(s, 'me.daysOff', null)!;
    expect('daysOff' in noDays.me).toBe(false);
    expect(readField(noDays, 'me.daysOff')).toBeNull();
    expect(writeField(s, 'me.timeZone', null)).toBeNull();
    // Writing a preference keeps the local-only ones.
    const paused: SyncedSettings = { ...s, preferences: { ...s.preferences, pause: { since: 1, until: null } } };
    expect(writeField(paused, 'preferences.graceMinutes', 5)?.preferences).toEqual({ ...paused.preferences, graceMinutes: 5 });
  });

  it('locks by field or by section, and a template called "order" is not the order', () => {
    const locked = new Set(['sites.gmail', 'preferences', 'templates.order']);
    expect(isLocked('sites.gmail', locked)).toBe(true);
    expect(isLocked('sites.slack', locked)).toBe(false);
    expect(isLocked('preferences.graceMinutes', locked)).toBe(true);
    expect(isLocked('templates.order', locked)).toBe(true);
    expect(isLocked('templates', locked)).toBe(false);
    expect(isLocked('me.timeZone', undefined)).toBe(false);
  });
});

describe('local changes', () => {
  it('stamps only the fields that changed (deep equality), with one stamp per call', () => {
    const s = core();
    const first = recordLocalChanges(emptyDoc(), s, { deviceId: ME, now: T0 });
    expect(first.changed).toHaveLength(FIELD_IDS.length + s.templates.length);
    // Same values, rebuilt objects: nothing changes.
    const again = recordLocalChanges(first.doc, structuredClone(s), { deviceId: ME, now: T0 + 1_000 });
    expect(again.changed).toEqual([]);
    expect(again.doc).toBe(first.doc);

    const edited: SyncedSettings = {
      ...s,
      me: { ...s.me, weekly: { ...s.me.weekly, fri: [['09:00', '13:00']] } },
      templates: s.templates.filter((t) => t.id !== 'fyi').map((t) => (t.id === 'no-rush' ? { ...t, body: 'Edited' } : t)),
    };
    const second = recordLocalChanges(first.doc, edited, { deviceId: ME, now: T0 + 2_000 });
    expect(second.changed.sort()).toEqual(['me.weekly', 'templates.fyi', 'templates.no-rush', 'templates.order']);
    expect(second.doc.templates.get('fyi')).toEqual({ value: null, t: T0 + 2_000, d: ME });
    expect(second.doc.fields.get('me.timeZone')).toEqual(first.doc.fields.get('me.timeZone'));
    expect(templateList(second.doc)).toEqual(edited.templates);
  });

  it('stamps after everything seen: t = max(now, highest + 1)', () => {
    const doc = recordLocalChanges(emptyDoc(), core(), { deviceId: ME, now: T0 }).doc;
    expect(nextStamp(doc, T0 + 10)).toBe(T0 + 10);
    expect(nextStamp(doc, T0 - 5 * 60_000)).toBe(T0 + 1);
    const next = recordLocalChanges(doc, { ...core(), sites: { ...core().sites, docs: 'off' } }, { deviceId: ME, now: T0 - 300_000 });
    expect(next.doc.fields.get('sites.docs')?.t).toBe(T0 + 1);
  });

  it('re-creating a deleted template, and reordering, are changes too', () => {
    const s = core();
    const d1 = recordLocalChanges(emptyDoc(), s, { deviceId: ME, now: T0 }).doc;
    const d2 = recordLocalChanges(d1, { ...s, templates: s.templates.slice(1) }, { deviceId: ME, now: T0 + 1 }).doc;
    const d3 = recordLocalChanges(d2, s, { deviceId: ME, now: T0 + 2 });
    expect(d3.changed.sort()).toEqual([`templates.${s.templates[0]!.id}`, 'templates.order']);
    const reordered = { ...s, templates: [...s.templates].reverse() };
    expect(recordLocalChanges(d3.doc, reordered, { deviceId: ME, now: T0 + 3 }).changed).toEqual(['templates.order']);
  });

  it('leaves locked fields unstamped', () => {
    const s = core();
    const r = recordLocalChanges(emptyDoc(), s, { deviceId: ME, now: T0, lockedFields: new Set(['me', 'templates']) });
    expect(r.changed.some((p) => p.startsWith('me.') || p.startsWith('templates'))).toBe(false);
    expect(r.changed).toContain('sites.gmail');
  });

  it('stores the doc in storage.local and reads it back, validated', () => {
    const doc = recordLocalChanges(emptyDoc(), core(), { deviceId: ME, now: T0 }).doc;
    const json = JSON.parse(JSON.stringify(encodeDoc(doc))) as unknown;
    expect(decodeDoc(json)).toEqual(doc);
    expect(decodeDoc(null)).toBeNull();
    expect(decodeDoc({ v: 2 })).toBeNull();
    const broken = JSON.parse(JSON.stringify(encodeDoc(doc))) as { fields: Record<string, unknown>; templates: Record<string, unknown> };
    broken.fields['sites.gmail'] = { t: 1, d: ME, v: 'shout' };
    broken.templates['Bad Id'] = { t: 1, d: ME, v: null };
    const back = decodeDoc(broken)!;
    expect(back.fields.has('sites.gmail')).toBe(false);
    expect(back.templates.has('Bad Id')).toBe(false);
    expect(back.fields.get('sites.slack')).toEqual(doc.fields.get('sites.slack'));
  });

  it('makes device ids that stamps accept', () => {
    const id = createDeviceId();
    expect(id).toMatch(/^[a-z0-9]{10}$/);
    expect(createDeviceId()).not.toBe(id);
  });
});

describe('merge', () => {
  const entryArb = fc.record({
    t: fc.integer({ min: 0, max: 3 }), // few values: ties are common
    d: fc.constantFrom('devA', 'devB', 'devC'),
    value: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 }), fc.record({ title: fc.constantFrom('x', 'y'), body: fc.constantFrom('1', '2') })),
  });
  const docArb = fc
    .tuple(
      fc.dictionary(fc.constantFrom('preferences.graceMinutes', 'sites.gmail', 'me.timeZone'), entryArb),
      fc.dictionary(fc.constantFrom('a', 'b', 'order', 'constructor'), entryArb),
    )
    .map(([fields, templates]): SyncDoc => ({
      fields: new Map(Object.entries(fields)) as SyncDoc['fields'],
      templates: new Map(Object.entries(templates)) as SyncDoc['templates'],
    }));
  const view = (d: SyncDoc): unknown => JSON.parse(canonicalJson(encodeDoc(d))) as unknown;

  it('is a join: commutative, associative, idempotent (property, with ties)', () => {
    fc.assert(
      fc.property(docArb, docArb, docArb, (a, b, c) => {
        expect(view(mergeDocs(a, b))).toEqual(view(mergeDocs(b, a)));
        expect(view(mergeDocs(mergeDocs(a, b), c))).toEqual(view(mergeDocs(a, mergeDocs(b, c))));
        expect(view(mergeDocs(a, a))).toEqual(view(a));
      }),
      { numRuns: 500 },
    );
  });

  it('breaks a tie of times by device id, then by value', () => {
    const x = { t: 5, d: 'devA', value: 1 };
    const y = { t: 5, d: 'devB', value: 0 };
    expect(mergeEntry(x, y, null)).toBe(y);
    expect(mergeEntry(y, x, null)).toBe(y);
    const z = { t: 5, d: 'devB', value: 2 };
    expect(mergeEntry(y, z, null)).toBe(z);
    expect(mergeEntry(z, y, null)).toBe(z);
    // A deletion is a change like any other: the later one wins, whichever it is.
    expect(mergeEntry({ t: 6, d: 'devA', value: null }, y, null)?.value).toBeNull();
    expect(mergeEntry({ t: 4, d: 'devZ', value: null }, y, null)).toBe(y);
  });

  it('keeps the local value as a stand-in when a stub (stamp without value) wins', () => {
    const local = { t: 1, d: 'devA', value: { title: 'Old', body: 'here' } };
    const stub = { t: 2, d: 'devB', value: null, stub: true as const };
    expect(mergeEntry(local, stub, null)).toEqual({ t: 2, d: 'devB', value: { title: 'Old', body: 'here' }, stub: true });
    // The same change with its value beats its stub.
    const real = { t: 2, d: 'devB', value: { title: 'New', body: 'there' } };
    expect(mergeEntry(mergeEntry(local, stub, null), real, null)).toBe(real);
    expect(compareEntries(real, stub)).toBeGreaterThan(0);
  });
});
