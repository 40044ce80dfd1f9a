/**
 * The worker's sync wiring (issue 10) with WXT's fake browser (storage.sync, storage.local,
 * storage.onChanged, alarms) and fake-indexeddb: the service's publish hook feeds the sync module,
 * as entrypoints/background/index.ts wires it. The clock is injected; timers are driven by calling
 * pass() after moving the clock, never by waiting.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createService, type Service } from '@/utils/background/service';
import { createSync, SYNC_KEYS, type Sync, type SyncStatus } from '@/utils/background/sync';
import { AppDb } from '@/utils/store/db';
import { parsePolicy, type Policy } from '@/utils/store/policy';
import { readCoreSettings, readUserSet } from '@/utils/store/repository';
import type { Settings } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';

const T0 = Date.UTC(2026, 2, 4, 1, 0);
const ZONE = 'Asia/Tokyo';

const dbs: AppDb[] = [];
const syncs: Sync[] = [];
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  for (const s of syncs.splice(0)) {
    s.cancel();
    await s.idle();
  }
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

interface World {
  db: AppDb;
  service: Service;
  sync: Sync;
  clock: { now: number };
  published: Settings[];
}

async function setup(options: { locked?: ReadonlySet<string>; policy?: Policy } = {}): Promise<World> {
  const db = new AppDb(`sync-${crypto.randomUUID()}`);
  dbs.push(db);
  const clock = { now: T0 };
  const published: Settings[] = [];
  // Late-bound like the worker: the publish hook calls the sync module created after the service.
  const holder: { sync?: Sync } = {};
  const service = createService({
    db,
    publish: async (settings) => {
      published.push(settings);
      void holder.sync?.settingsChanged();
    },
    timeZone: () => ZONE,
    now: () => clock.now,
    policy: async () => options.policy ?? null,
  });
  const sync = createSync({
    db,
    republish: () => service.republish(),
    timeZone: () => ZONE,
    now: () => clock.now,
    lockedFieldIds: () => options.locked ?? new Set(),
  });
  holder.sync = sync;
  syncs.push(sync);
  browser.storage.onChanged.addListener((changes, area) => sync.onStorageChanged(changes, area));
  await service.ready;
  return { db, service, sync, clock, published };
}

async function syncItems(): Promise<Record<string, unknown>> {
  return browser.storage.sync.get(null);
}

async function status(): Promise<SyncStatus> {
  return (await browser.storage.local.get(SYNC_KEYS.status))[SYNC_KEYS.status] as SyncStatus;
}

/** The first pass: this device joins the (empty) account and seeds it. */
async function joined(world: World): Promise<void> {
  await world.sync.pass();
  await world.sync.idle();
}

describe('local changes are mirrored into storage.sync', () => {
  it('the first pass seeds the account with the synced subset and nothing else', async () => {
    const world = await setup();
    await world.service.updateSettings({ preferences: { snoozes: [] } });
    await world.sync.idle();
    // The change is coalesced: the pass waits for the debounce, then writes.
    world.clock.now += 3_000;
    await joined(world);
    const items = await syncItems();
    expect(items['ae1:f:me.timeZone']).toMatchObject({ v: ZONE });
    expect(items['ae1:f:sites.gmail']).toMatchObject({ v: 'confirm' });
    expect(Object.keys(items).every((k) => k.startsWith('ae1:'))).toBe(true);
    expect(JSON.stringify(items)).not.toContain('snoozes');
    expect((await status()).lastSyncedAt).toBe(T0 + 3_000);
    expect((await status()).error).toBeNull();
  });

  it('a settings change is stamped at once and written after the debounce, coalesced into one write', async () => {
    const world = await setup();
    await joined(world);
    const set = vi.spyOn(browser.storage.sync, 'set');
    world.clock.now = T0 + 60_000;
    await world.service.updateSettings({ sites: { gmail: 'off' } });
    world.clock.now += 500;
    await world.service.updateSettings({ sites: { slack: 'confirm' } });
    await world.sync.idle();
    expect(world.sync.hasTimer()).toBe(true);
    // Nothing written yet: the debounce holds the burst.
    expect((await syncItems())['ae1:f:sites.gmail']).toMatchObject({ v: 'confirm' });
    world.clock.now += 2_500;
    await world.sync.pass();
    expect(set).toHaveBeenCalledTimes(1);
    const items = await syncItems();
    expect(items['ae1:f:sites.gmail']).toMatchObject({ v: 'off', t: T0 + 60_000 });
    expect(items['ae1:f:sites.slack']).toMatchObject({ v: 'confirm', t: T0 + 60_500 });
  });

  it('a change that touches nothing synced (a contact) schedules no write', async () => {
    const world = await setup();
    await joined(world);
    await world.service.saveContact({ contact: { name: 'Ana', emails: ['ana@example.com'] } });
    await world.sync.idle();
    expect(world.sync.hasTimer()).toBe(false);
  });
});

describe('incoming changes are merged into Dexie and republished', () => {
  it('a newer item from another device wins, lands in Dexie and is published', async () => {
    const world = await setup();
    await joined(world);
    world.published.length = 0;
    await browser.storage.sync.set({ 'ae1:f:sites.gmail': { t: T0 + 3_600_000, d: 'otherdevice', v: 'off' } });
    await vi.waitFor(async () => expect((await readCoreSettings(world.db, ZONE)).sites.gmail).toBe('off'));
    await world.sync.idle();
    expect(world.published.at(-1)?.sites.gmail).toBe('off');
    // The applied change is not written back as this device's own.
    expect((await syncItems())['ae1:f:sites.gmail']).toMatchObject({ d: 'otherdevice' });
  });

  it('a value chosen on another device is the user\u2019s here too: an organisation\u2019s recommended value yields to it', async () => {
    const parsed = parsePolicy({ recommended: { sites: { gmail: 'nudge', slack: 'confirm' } } });
    if (!parsed.ok || !parsed.policy) throw new Error('bad policy');
    const world = await setup({ policy: parsed.policy });
    await joined(world);
    expect((await world.service.republish()).sites.gmail).toBe('nudge'); // recommended, nothing set by the user
    await browser.storage.sync.set({
      'ae1:f:sites.gmail': { t: T0 + 3_600_000, d: 'otherdevice', v: 'off' },
      'ae1:f:sites.slack': { t: T0 + 3_600_000, d: 'otherdevice', v: 'nudge' }, // Slack's default
    });
    await vi.waitFor(async () => expect((await readCoreSettings(world.db, ZONE)).sites.gmail).toBe('off'));
    await world.sync.idle();
    expect(await readUserSet(world.db)).toEqual(['sites.gmail']);
    expect(world.published.at(-1)?.sites.gmail).toBe('off');
    expect(world.published.at(-1)?.sites.slack).toBe('confirm');
  });

  it('an older item (a device offline for a week) does not overwrite a newer local change', async () => {
    const world = await setup();
    await joined(world);
    world.clock.now = T0 + 60_000;
    await world.service.updateSettings({ sites: { gmail: 'nudge' } });
    await world.sync.idle();
    await browser.storage.sync.set({ 'ae1:f:sites.gmail': { t: T0 - 7 * 86_400_000, d: 'oldlaptop', v: 'off' } });
    await world.sync.idle();
    await world.sync.pass();
    expect((await readCoreSettings(world.db, ZONE)).sites.gmail).toBe('nudge');
  });

  it('a locked field is neither applied nor written', async () => {
    const world = await setup({ locked: new Set(['sites.gmail']) });
    await joined(world);
    expect((await syncItems())['ae1:f:sites.gmail']).toBeUndefined();
    await browser.storage.sync.set({ 'ae1:f:sites.gmail': { t: T0 + 3_600_000, d: 'otherdevice', v: 'off' } });
    await world.sync.idle();
    await world.sync.pass();
    expect((await readCoreSettings(world.db, ZONE)).sites.gmail).toBe('confirm');
    expect((await syncItems())['ae1:f:sites.gmail']).toMatchObject({ d: 'otherdevice' });
  });
});

describe('a refused write', () => {
  it('a quota error is recorded in the status, retried later, and the local settings are kept', async () => {
    const world = await setup();
    await joined(world);
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    world.clock.now = T0 + 60_000;
    await world.service.updateSettings({ sites: { docs: 'off' }, templates: [{ id: 'a', title: 'A', body: 'x' }] });
    await world.sync.idle();
    world.clock.now += 3_000;
    await world.sync.pass();
    const s = await status();
    expect(s.error).toMatch(/sync storage is full/);
    expect(s.lastSyncedAt).toBe(T0);
    const local = await readCoreSettings(world.db, ZONE);
    expect(local.sites.docs).toBe('off');
    expect(local.templates.map((t) => t.id)).toEqual(['a']);
    expect(await browser.alarms.get('ae-sync')).toBeDefined();
    // The next pass, once the browser accepts again, writes it and clears the error.
    vi.mocked(browser.storage.sync.set).mockRestore();
    world.clock.now += 60_000;
    await world.sync.pass();
    expect((await status()).error).toBeNull();
    expect((await syncItems())['ae1:f:sites.docs']).toMatchObject({ v: 'off' });
  });

  it('a refused write is described in German in a German browser', async () => {
    await useLanguage('de');
    const world = await setup();
    await joined(world);
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    world.clock.now = T0 + 60_000;
    await world.service.updateSettings({ sites: { docs: 'off' } });
    await world.sync.idle();
    world.clock.now += 3_000;
    await world.sync.pass();
    expect((await status()).error).toBe(
      'Zu viele Änderungen in kurzer Zeit (MAX_WRITE_OPERATIONS_PER_MINUTE). Ihre Einstellungen bleiben in diesem Browser erhalten; die Synchronisierung versucht es später erneut.',
    );
  });

  it('templates too large for the quota are reported as not synced and stay local', async () => {
    const world = await setup();
    // '<' counts 6 bytes (Chromium writes it as \u003C): 30 kB each, 300 kB in all.
    const big = '<'.repeat(5_000);
    const templates = Array.from({ length: 10 }, (_, i) => ({ id: `big-${i}`, title: `Big ${i}`, body: big }));
    expect(await world.service.updateSettings({ templates })).toEqual({ ok: true });
    await world.sync.idle();
    world.clock.now += 3_000;
    await joined(world);
    const view = await world.sync.getStatus();
    expect(view.notSyncedTemplates.length).toBeGreaterThan(0);
    expect(view.notSyncedTemplates[0]?.title).toMatch(/^Big \d+$/);
    expect((await readCoreSettings(world.db, ZONE)).templates).toHaveLength(10);
    expect((await syncItems())['ae1:t:big-0']).toBeDefined();
  });
});

describe('turning sync off', () => {
  it('stops both directions; turning it on again joins afresh', async () => {
    const world = await setup();
    await joined(world);
    await world.sync.setEnabled(false);
    expect((await browser.storage.local.get(SYNC_KEYS.doc))[SYNC_KEYS.doc]).toBeUndefined();
    const set = vi.spyOn(browser.storage.sync, 'set');
    world.clock.now = T0 + 60_000;
    await world.service.updateSettings({ sites: { gmail: 'off' } });
    await world.sync.idle();
    expect(world.sync.hasTimer()).toBe(false);
    await world.sync.pass();
    expect(set).not.toHaveBeenCalled();
    await browser.storage.sync.set({ 'ae1:f:sites.slack': { t: T0 + 3_600_000, d: 'otherdevice', v: 'confirm' } });
    await world.sync.idle();
    await world.sync.pass();
    expect((await readCoreSettings(world.db, ZONE)).sites.slack).not.toBe('confirm');
    expect((await world.sync.getStatus()).enabled).toBe(false);
    // Back on: the account wins where it has newer values (slack), and this device's change is kept
    // where the account holds only the stamp-0 join of before (gmail was stamped at T0 by the join).
    await world.sync.setEnabled(true);
    await world.sync.idle();
    const local = await readCoreSettings(world.db, ZONE);
    expect(local.sites.slack).toBe('confirm');
    expect((await world.sync.getStatus()).enabled).toBe(true);
  });
});
