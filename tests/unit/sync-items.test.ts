/**
 * The doc as storage.sync items (issue 10): sizes as the browsers count them, chunking of big
 * values, the quota (templates left out and reported, never the core fields), stale keys, and
 * parsing items as a boundary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/utils/store/defaults';
import {
  CHROME_SYNC_QUOTA,
  CORE_FIELD_IDS,
  FIREFOX_SYNC_QUOTA,
  canonicalJson,
  emptyDoc,
  fieldKey,
  itemBytes,
  jsonBytes,
  parseItems,
  planWrite,
  reconcile,
  recordLocalChanges,
  serializeDoc,
  syncBudget,
  templateKey,
  type SyncDoc,
  type SyncedSettings,
} from '@/utils/sync';
import { encodeEntry, splitText } from '@/utils/sync/items';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const ME = 'devA';
const utf8 = (s: string): number => new TextEncoder().encode(s).length;

function core(): SyncedSettings {
  const { contacts: _contacts, ...rest } = defaultSettings('Europe/Berlin');
  return rest;
}

function docOf(settings: SyncedSettings, now = T0): SyncDoc {
  return recordLocalChanges(emptyDoc(), settings, { deviceId: ME, now }).doc;
}

/** How Chromium would count an item: UTF-8 key + its JSON writer's output (see utils/sync/quota.ts). */
function chromiumBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003C')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/\d{10,}/g, (n) => `${n}.0`);
  return utf8(key) + utf8(json);
}

function expectWithinQuota(items: Record<string, unknown>): void {
  const budget = syncBudget();
  let total = 0;
  for (const [k, v] of Object.entries(items)) {
    const n = itemBytes(k, v);
    expect(n, k).toBeLessThanOrEqual(budget.perItem);
    expect(chromiumBytes(k, v), k).toBeLessThanOrEqual(n);
    expect(utf8(k) + utf8(JSON.stringify(v)), k).toBeLessThanOrEqual(n);
    total += n;
  }
  expect(total).toBeLessThanOrEqual(budget.bytes);
  expect(Object.keys(items).length).toBeLessThanOrEqual(budget.items);
}

describe('quotas', () => {
  it('documents both browsers: same sizes, Chrome-only rates', () => {
    expect(CHROME_SYNC_QUOTA).toEqual({
      QUOTA_BYTES: 102_400,
      QUOTA_BYTES_PER_ITEM: 8_192,
      MAX_ITEMS: 512,
      MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
      MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
    });
    expect(FIREFOX_SYNC_QUOTA.QUOTA_BYTES).toBe(102_400);
    expect(FIREFOX_SYNC_QUOTA.QUOTA_BYTES_PER_ITEM).toBe(8_192);
    expect(FIREFOX_SYNC_QUOTA.MAX_ITEMS).toBe(512);
  });

  it('counts JSON bytes at least as the browsers do (UTF-8, Chromium escapes, doubles)', () => {
    expect(jsonBytes('é')).toBe(4);
    expect(jsonBytes('😀')).toBe(6);
    expect(jsonBytes('<')).toBe(8);
    expect(jsonBytes({ t: T0 })).toBe(utf8(JSON.stringify({ t: T0 })) + 2);
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, s) => {
        expect(jsonBytes(value)).toBeGreaterThanOrEqual(utf8(JSON.stringify(value)));
        expect(jsonBytes(s)).toBeGreaterThanOrEqual(utf8(JSON.stringify(s)));
        expect(itemBytes('k', s)).toBeGreaterThanOrEqual(chromiumBytes('k', s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('chunking', () => {
  it('splits a 5,000-character template of emoji into items under the limit and reassembles it byte for byte', () => {
    const body = '😀👩🏽‍💻<"\\\u2028'.repeat(500).slice(0, 5_000);
    expect(body.length).toBe(5_000);
    const settings: SyncedSettings = { ...core(), templates: [{ id: 'emoji', title: 'Emoji ✨', body }] };
    const { items, notSynced } = serializeDoc(docOf(settings));
    expect(notSynced.templates).toEqual([]);
    const header = items[templateKey('emoji')];
    expect(header).toMatchObject({ t: T0, d: ME, n: expect.any(Number) as number, h: expect.any(String) as string });
    expect((header as { n: number }).n).toBeGreaterThan(1);
    expectWithinQuota(items);
    // Through JSON as the browser stores it.
    const stored = JSON.parse(JSON.stringify(items)) as Record<string, unknown>;
    const { doc, problems } = parseItems(stored);
    expect(problems).toEqual([]);
    const back = doc.templates.get('emoji')!.value!;
    expect(back.body).toBe(body);
    expect(new TextEncoder().encode(back.body)).toEqual(new TextEncoder().encode(body));
    expect(back.title).toBe('Emoji ✨');
  });

  it('cuts any string between code points and puts it back identically (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 8, max: 64 }), (text, cap) => {
        const pieces = splitText(text, () => cap);
        expect(pieces.join('')).toBe(text);
        for (const p of pieces) {
          expect(jsonBytes(p) <= cap || [...p].length === 1).toBe(true);
          expect(p).not.toMatch(/^[\udc00-\udfff]/); // never starts inside a surrogate pair
        }
      }),
      { numRuns: 300 },
    );
  });

  it('chunks any big value so every item fits, and reads it back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 5_000 }), (body) => {
        const entry = { value: { title: 'T', body }, t: T0, d: ME };
        const { items } = encodeEntry(templateKey('x'), entry, 2_000);
        const record = Object.fromEntries(items);
        for (const [k, v] of items) expect(itemBytes(k, v)).toBeLessThanOrEqual(2_000);
        const { doc, problems } = parseItems(JSON.parse(JSON.stringify(record)) as Record<string, unknown>);
        expect(problems).toEqual([]);
        expect(doc.templates.get('x')?.value?.body).toBe(body);
      }),
      { numRuns: 60 },
    );
  });

  it('chunks a core field too (2,000 days off) and reads it back', () => {
    const daysOff = Array.from({ length: 2_000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const settings = { ...core(), me: { ...core().me, daysOff } };
    const { items } = serializeDoc(docOf(settings));
    expect(items[fieldKey('me.daysOff')]).toMatchObject({ n: expect.any(Number) as number });
    expectWithinQuota(items);
    expect(parseItems(items).doc.fields.get('me.daysOff')?.value).toEqual(daysOff);
  });
});

describe('the quota', () => {
  const big = (i: number): { id: string; title: string; body: string } => ({ id: `big-${i}`, title: `Big ${i}`, body: '<'.repeat(4_000 + i * 50) });

  it('leaves out whole templates, largest first, reports them, and never the core fields', () => {
    const settings: SyncedSettings = { ...core(), templates: [...core().templates, ...Array.from({ length: 10 }, (_, i) => big(i))] };
    const doc = docOf(settings);
    const s = serializeDoc(doc);
    expect(s.fits).toBe(true);
    expectWithinQuota(s.items);
    // Every core field and the order are there.
    for (const id of [...CORE_FIELD_IDS, 'templates.order' as const]) expect(s.items[fieldKey(id)], id).toBeDefined();
    // The small built-ins all fit; some big ones do not.
    expect(s.notSynced.templates.length).toBeGreaterThan(0);
    expect(s.notSynced.templates.every((id) => id.startsWith('big-'))).toBe(true);
    const left = s.notSynced.templates.map((id) => Number(id.slice(4)));
    const kept = Array.from({ length: 10 }, (_, i) => i).filter((i) => !left.includes(i));
    expect(Math.min(...left)).toBeGreaterThan(Math.max(...kept));
    // A left-out template is a stub: its stamp, no text.
    for (const id of s.notSynced.templates) expect(s.items[templateKey(id)]).toEqual({ t: T0, d: ME, x: 1 });
    expect(s.notSynced.templates).toHaveLength(new Set(s.notSynced.templates).size);
  });

  it('fits the worst case the schema allows: 2,000 days off, 200 templates with long ids, 100 tombstones, 50 long quiet exceptions', () => {
    const daysOff = Array.from({ length: 2_000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const ranges: Array<[string, string]> = Array.from({ length: 12 }, (_, i) => [`${String(i * 2).padStart(2, '0')}:00`, `${String(i * 2).padStart(2, '0')}:30`]);
    const weekly = { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges };
    const id = (i: number, p: string): string => `${p}${String(i).padStart(3, '0')}-${'x'.repeat(59)}`;
    const templates = Array.from({ length: 300 }, (_, i) => ({ id: id(i, 'a'), title: 'T'.repeat(80), body: '<😀'.repeat(1_666) }));
    const quietExceptions = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(100, '<'));
    const preferences = { ...core().preferences, quietExceptions, clarityDisabledRules: Array.from({ length: 20 }, () => 'x'.repeat(40)) };
    const before: SyncedSettings = { ...core(), me: { ...core().me, daysOff, weekly }, contactDefaults: { weekly }, templates, preferences };
    let doc = docOf(before);
    doc = recordLocalChanges(doc, { ...before, templates: templates.slice(100) }, { deviceId: ME, now: T0 + 1 }).doc;
    expect([...doc.templates.values()].filter((e) => e.value === null)).toHaveLength(100);
    const s = serializeDoc(doc);
    expect(s.fits).toBe(true);
    expectWithinQuota(s.items);
    for (const f of CORE_FIELD_IDS) expect(s.items[fieldKey(f)], f).toBeDefined();
    expect(s.notSynced.templates.length).toBeGreaterThan(150);
    // The exceptions did not fit beside the rest: their stamp is there, their value stays here.
    expect(s.notSynced.fields).toEqual(['preferences.quietExceptions']);
    expect(s.items[fieldKey('preferences.quietExceptions')]).toEqual({ t: T0, d: ME, x: 1 });
  });

  it('syncs the quiet-tab exceptions whole when they fit, before any template value, and leaves them out (a stub) when not', () => {
    const quietExceptions = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(100, '<'));
    const settings: SyncedSettings = { ...core(), preferences: { ...core().preferences, quietExceptions } };
    const s = serializeDoc(docOf(settings));
    expect(s.notSynced.fields).toEqual([]);
    expectWithinQuota(s.items);
    expect(parseItems(s.items).doc.fields.get('preferences.quietExceptions')?.value).toEqual(quietExceptions);

    // Templates that fill the budget give way to the exceptions (they are a core field; templates come last).
    const full: SyncedSettings = { ...settings, templates: Array.from({ length: 30 }, (_, i) => big(i)) };
    const crowded = serializeDoc(docOf(full));
    expect(crowded.notSynced.fields).toEqual([]);
    expect(crowded.notSynced.templates.length).toBeGreaterThan(0);
    expect(parseItems(crowded.items).doc.fields.get('preferences.quietExceptions')?.value).toEqual(quietExceptions);

    // A quota with no room for them: a stub, and the other device keeps its own list.
    const tight = serializeDoc(docOf(settings), { quota: { ...CHROME_SYNC_QUOTA, QUOTA_BYTES: 12_000 } });
    expect(tight.notSynced.fields).toEqual(['preferences.quietExceptions']);
    expect(tight.fits).toBe(true);
    const other: SyncedSettings = { ...core(), preferences: { ...core().preferences, quietExceptions: ['mine'] } };
    const otherDoc = recordLocalChanges(emptyDoc(), other, { deviceId: 'devB', now: T0 - 1_000 }).doc;
    const merged = reconcile({ doc: otherDoc, items: tight.items, settings: other, deviceId: 'devB', now: T0 + 1 });
    expect(merged.won).toContain('preferences.quietExceptions');
    expect(merged.settings.preferences.quietExceptions).toEqual(['mine']);
    expect(merged.patch.preferences).toBeUndefined();
  });

  it('never writes locked fields, and leaves out nothing when locked templates are not synced at all', () => {
    const settings: SyncedSettings = { ...core(), templates: Array.from({ length: 10 }, (_, i) => big(i)) };
    const s = serializeDoc(docOf(settings), { lockedFields: new Set(['templates', 'sites.gmail', 'preferences']) });
    expect(s.notSynced.templates).toEqual([]);
    const keys = Object.keys(s.items);
    expect(keys.some((k) => k.startsWith('ae1:t:') || k.startsWith('ae1:c:t.') || k === 'ae1:f:templates.order')).toBe(false);
    expect(keys.some((k) => k === 'ae1:f:sites.gmail' || k.startsWith('ae1:f:preferences.'))).toBe(false);
    expect(keys).toContain('ae1:f:sites.slack');
  });
});

describe('stale keys', () => {
  it('removes the old chunks when a big template changes, and everything of a deleted one', () => {
    const body = '😀'.repeat(2_400);
    const v1: SyncedSettings = { ...core(), templates: [{ id: 'big', title: 'Big', body }] };
    const first = reconcile({ doc: null, items: {}, settings: v1, deviceId: ME, now: T0 });
    const items1 = { ...first.write.set };
    const chunks1 = Object.keys(items1).filter((k) => k.startsWith('ae1:c:t.big:'));
    expect(chunks1.length).toBeGreaterThan(1);

    const v2: SyncedSettings = { ...v1, templates: [{ id: 'big', title: 'Big', body: `${body}!` }] };
    const second = reconcile({ doc: first.doc, items: items1, settings: v2, deviceId: ME, now: T0 + 1_000 });
    expect(second.write.remove).toEqual(chunks1.sort());
    const items2 = { ...items1, ...second.write.set };
    for (const k of second.write.remove) delete items2[k];
    expect(parseItems(items2).doc.templates.get('big')?.value?.body).toBe(`${body}!`);

    const v3: SyncedSettings = { ...v2, templates: [] };
    const third = reconcile({ doc: second.doc, items: items2, settings: v3, deviceId: ME, now: T0 + 2_000 });
    const chunks2 = Object.keys(items2).filter((k) => k.startsWith('ae1:c:'));
    expect(third.write.remove).toEqual(chunks2.sort());
    expect(third.write.set[templateKey('big')]).toEqual({ t: T0 + 2_000, d: ME, v: null });
  });

  it('removes garbage of ours and keeps what is not ours to manage', () => {
    const doc = docOf(core());
    const { items } = serializeDoc(doc);
    const current: Record<string, unknown> = {
      ...items,
      'ae1:c:t.gone:abc:0': 'orphan chunk',
      'ae1:t:Not An Id': { t: 1, d: 'x', v: null },
      'ae1:f:sites.gmail': 'confirm', // malformed: replaced by ours
      'ae1:f:preferences.futureThing': { t: 1, d: 'devZ', n: 1, h: 'abc', l: 3 }, // a newer version's field
      'ae1:c:f.preferences.futureThing:abc:0': '"x"',
      'ae1:z:something-new': 1, // a kind a later version may add
      'other-extension-key': { keep: true },
    };
    const plan = planWrite(items, current, { deviceId: ME });
    expect(plan.remove).toEqual(['ae1:c:t.gone:abc:0', 'ae1:t:Not An Id']);
    expect(Object.keys(plan.set)).toEqual(['ae1:f:sites.gmail']);
    expect(planWrite(items, items, { deviceId: ME })).toEqual({ set: {}, remove: [] });
  });

  it('leaves alone an item another device wrote with the same stamp, in whatever form', () => {
    const doc = docOf(core());
    const { items } = serializeDoc(doc);
    // Device B's serialization of A's entry: A wrote it as a stub (no room on A); B must not "upgrade" it.
    const key = templateKey('no-rush');
    const stubByA = { t: T0, d: ME, x: 1 };
    const planB = planWrite(items, { ...items, [key]: stubByA }, { deviceId: 'devB' });
    expect(planB.set[key]).toBeUndefined();
    // A itself, the author, does write its own form.
    const planA = planWrite(items, { ...items, [key]: stubByA }, { deviceId: ME });
    expect(planA.set[key]).toEqual(items[key]);
  });
});

describe('parsing items (a boundary)', () => {
  it('takes the title and body of a template a later version wrote with a field this one does not know', () => {
    const { doc, problems } = parseItems({ [templateKey('no-rush')]: { t: T0 + 5, d: 'devB', v: { title: 'Later', body: 'Body', colour: 'teal' } } });
    expect(problems).toEqual([]);
    expect(doc.templates.get('no-rush')).toEqual({ t: T0 + 5, d: 'devB', value: { title: 'Later', body: 'Body' } });
  });

  it('ignores malformed items with a reason, applies the valid ones, never throws', () => {
    const doc = docOf(core());
    const { items } = serializeDoc(doc);
    const good = { t: T0 + 5, d: 'devB' };
    const bigBody = '😀'.repeat(2_400);
    const big = encodeEntryItems('chunked', bigBody);
    const bad: Record<string, unknown> = {
      ...items,
      [fieldKey('preferences.graceMinutes')]: { ...good, v: 15 }, // valid, newer: applied
      [fieldKey('sites.slack')]: { ...good, v: 'shout' }, // invalid value
      [fieldKey('sites.docs')]: 'nudge', // not an entry
      [fieldKey('preferences.largeListThreshold')]: { t: -1, d: 'devB', v: 3 }, // bad stamp
      [fieldKey('me.timeZone')]: { ...good, v: 'Mars/Base' }, // a zone nobody knows
      [fieldKey('me.weekly')]: { ...good, v: { mon: [['09:00', '12:00'], ['11:00', '13:00']] } }, // overlapping, missing days
      [templateKey('no-rush')]: { ...good, v: { title: '', body: 'x' } },
      [templateKey('fyi')]: { ...good, n: 3, h: 'abc', l: 10 }, // its chunks are missing
      ...big.items,
      [`ae1:c:t.chunked:${big.hash}:0`]: swapFirstTwo(big.items[`ae1:c:t.chunked:${big.hash}:0`]), // same length, other text
      [templateKey('nul')]: null,
      [templateKey('arr')]: [1, 2],
      'ae1:t:': { ...good, v: null },
      'ae1:f:': { ...good, v: null },
      'ae1:f:__proto__': { ...good, v: null },
      [templateKey('constructor')]: { ...good, v: { title: 'Constructor', body: 'ok' } },
    };
    const parsed = parseItems(bad);
    const reasons = Object.fromEntries(parsed.problems.map((p) => [p.key, p.reason]));
    for (const k of [
      fieldKey('sites.slack'),
      fieldKey('sites.docs'),
      fieldKey('preferences.largeListThreshold'),
      fieldKey('me.timeZone'),
      fieldKey('me.weekly'),
      templateKey('no-rush'),
      templateKey('fyi'),
      templateKey('chunked'),
      templateKey('nul'),
      templateKey('arr'),
      'ae1:t:',
      'ae1:f:',
      'ae1:f:__proto__',
    ]) {
      expect(reasons[k], k).toEqual(expect.any(String));
    }
    expect(reasons[templateKey('fyi')]).toMatch(/chunk 1 of 3 is missing/);
    expect(reasons[templateKey('chunked')]).toMatch(/do not match/);
    expect(reasons[templateKey('constructor')]).toBeUndefined();

    // Merged into the local state: the valid one wins, the rest change nothing here.
    const settings = core();
    const r = reconcile({ doc, items: bad, settings, deviceId: ME, now: T0 + 10 });
    expect(r.settings.preferences.graceMinutes).toBe(15);
    expect(r.settings.sites).toEqual(settings.sites);
    expect(r.settings.me).toEqual(settings.me);
    expect(r.settings.templates.find((t) => t.id === 'no-rush')).toEqual(settings.templates.find((t) => t.id === 'no-rush'));
    expect(r.settings.templates.find((t) => t.id === 'constructor')).toEqual({ id: 'constructor', title: 'Constructor', body: 'ok' });
    // An unreadable value with a newer stamp is not overwritten by our older one (nor one whose
    // chunks have not arrived yet)...
    expect(r.write.set[fieldKey('sites.slack')]).toBeUndefined();
    expect(r.write.set[fieldKey('me.timeZone')]).toBeUndefined();
    expect(r.write.set[templateKey('fyi')]).toBeUndefined();
    expect(r.settings.templates.find((t) => t.id === 'fyi')).toEqual(settings.templates.find((t) => t.id === 'fyi'));
    // ...but an item that is not an entry at all, or has a bad stamp, is replaced by ours.
    expect(r.write.set[fieldKey('sites.docs')]).toMatchObject({ v: 'confirm', d: ME });
    expect(r.write.set[fieldKey('preferences.largeListThreshold')]).toMatchObject({ v: 15, d: ME });
    expect(r.write.remove).toEqual(expect.arrayContaining(['ae1:t:', 'ae1:f:', templateKey('nul'), templateKey('arr')]));
    expect(r.notSynced.fields).toEqual(expect.arrayContaining(['sites.slack', 'me.timeZone', 'me.weekly']));
  });

  it('survives arbitrary junk (property)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom(...CORE_FIELD_IDS.map(fieldKey), templateKey('a'), 'ae1:c:t.a:1:0'));
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue()), (junk) => {
        const doc = docOf(core());
        const r = reconcile({ doc, items: junk, settings: core(), deviceId: ME, now: T0 + 1 });
        expect(r.settings.me.timeZone).toBe('Europe/Berlin');
        expect(canonicalJson(r.settings.sites)).toBe(canonicalJson(core().sites));
      }),
      { numRuns: 200 },
    );
  });
});

function swapFirstTwo(piece: unknown): string {
  const s = String(piece);
  return s.slice(1, 2) + s.slice(0, 1) + s.slice(2);
}

function encodeEntryItems(id: string, body: string): { items: Record<string, unknown>; hash: string } {
  const { items } = encodeEntry(templateKey(id), { value: { title: 'C', body }, t: T0 + 5, d: 'devB' }, syncBudget().perItem);
  const header = items[0]![1] as { h: string };
  return { items: Object.fromEntries(items), hash: header.h };
}
