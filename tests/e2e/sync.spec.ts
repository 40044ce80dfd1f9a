/**
 * Settings sync through storage.sync (issue 10), in real Chromium. Chromium started with
 * --disable-sync still provides chrome.storage.sync (kept locally, never uploaded), so "another
 * device" is simulated by writing its items from the worker's context, in the documented `ae1:`
 * layout, with a newer stamp: exactly what the browser's sync delivers.
 */
import type { Worker } from '@playwright/test';
import { test, expect } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { scene } from './settings-file';

const PRIYA = 'priya@example.com';

interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

function syncItems(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync.get(null));
}

/** Another device's field item: `ae1:f:<field id>` = { t, d, v }, stamped an hour from now. */
function writeRemoteField(worker: Worker, field: string, value: unknown): Promise<void> {
  return worker.evaluate(
    ({ field, value }) =>
      (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync.set({
        [`ae1:f:${field}`]: { t: Date.now() + 3_600_000, d: 'otherlaptop', v: value },
      }),
    { field, value },
  );
}

test('storage.sync is available with --disable-sync, and a fresh install seeds it with the synced subset', async ({ harness }) => {
  const options = await openOptions(harness);
  await expect(options.page.getByRole('checkbox', { name: 'Sync my settings across my browsers' })).toBeChecked();
  await expect.poll(async () => Object.keys(await syncItems(harness.worker)), { timeout: 15_000 }).toContain('ae1:f:me.timeZone');
  const items = await syncItems(harness.worker);
  expect(Object.keys(items).every((k) => k.startsWith('ae1:'))).toBe(true);
  await expect(options.page.getByText(/^Last synced /)).toBeVisible();
});

test('a change made on another browser reaches the options page and an open Gmail tab', async ({ harness }) => {
  // Priya is outside her hours and Gmail is in confirm mode: a send is held.
  await importSettingsFile(harness, scene());
  const options = await openOptions(harness);
  const gmailMode = options.page.getByRole('combobox', { name: 'Gmail' });
  await expect(gmailMode).toHaveValue('confirm');
  const gmail = await openGmail(harness, { to: PRIYA, body: 'Quick question about the report' });
  await gmail.send().click();
  await expect(gmail.holdDialog()).toBeVisible();
  await gmail.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
  await expect(gmail.holdDialog()).toHaveCount(0);

  // The other browser turned Gmail off.
  await writeRemoteField(harness.worker, 'sites.gmail', 'off');
  await expect(gmailMode).toHaveValue('off');
  // The open Gmail tab follows without a reload: the late send is no longer held.
  await expect(async () => {
    await gmail.send().click();
    await expect(gmail.holdDialog()).toHaveCount(0, { timeout: 500 });
    expect(await gmail.log('sent')).toHaveLength(1);
  }).toPass({ timeout: 10_000 });
});

test('a local edit in options is mirrored into storage.sync', async ({ harness }) => {
  const options = await openOptions(harness);
  // Wait for the first pass (this browser joins the account) so the edit is a change of its own.
  await expect.poll(async () => Object.keys(await syncItems(harness.worker)), { timeout: 15_000 }).toContain('ae1:f:sites.docs');
  await options.page.getByRole('combobox', { name: 'Google Docs' }).selectOption('off');
  await expect
    .poll(async () => (await syncItems(harness.worker))['ae1:f:sites.docs'], { timeout: 20_000 })
    .toMatchObject({ v: 'off', d: expect.stringMatching(/^[A-Za-z0-9_-]+$/) });
  // Not synced: the contacts directory.
  await options.page.getByRole('checkbox', { name: 'Sync my settings across my browsers' }).waitFor();
  expect(JSON.stringify(await syncItems(harness.worker))).not.toContain('contacts');
});

test('sync off: local edits stay local and remote changes are not applied', async ({ harness }) => {
  const options = await openOptions(harness);
  const box = options.page.getByRole('checkbox', { name: 'Sync my settings across my browsers' });
  await expect(box).toBeChecked();
  // Wait for the first pass to seed storage.sync, so there is a Slack item that a leak would change.
  await expect.poll(async () => (await syncItems(harness.worker))['ae1:f:sites.slack']).toMatchObject({ v: 'nudge' });
  await box.uncheck();
  // The box is disabled until the worker has answered: only then is sync off for the next edit.
  await expect(box).toBeEnabled();
  await expect(box).not.toBeChecked();
  await options.page.getByRole('combobox', { name: 'Slack' }).selectOption('confirm');
  await writeRemoteField(harness.worker, 'sites.docs', 'off');
  await options.page.waitForTimeout(3_000);
  await expect(options.page.getByRole('combobox', { name: 'Google Docs' })).not.toHaveValue('off');
  expect((await syncItems(harness.worker))['ae1:f:sites.slack']).toMatchObject({ v: 'nudge' });
});
