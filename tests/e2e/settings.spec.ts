import { launchWithExtension, makeHarness, stopServiceWorker, test, expect } from './harness';
import { openOptions } from './pages/options';
import { sampleSettings } from './settings-file';

test('an imported settings file shows in options and popup, and survives a worker and a browser restart', async ({ harness }) => {
  const options = await openOptions(harness);
  const file = sampleSettings();
  await options.importText(JSON.stringify(file));
  await expect(options.page.getByRole('status').filter({ hasText: 'Imported settings.json' })).toBeVisible();
  await expect(options.page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Kathmandu');
  await expect(options.page.getByLabel('Friday')).toHaveValue('22:00-06:00');

  const popup = await harness.openExtensionPage('popup.html');
  await expect(popup.getByText('Asia/Kathmandu')).toBeVisible();
  await expect(popup.getByLabel('Gmail')).toHaveValue('nudge');
  await expect(popup.getByLabel('Slack')).toHaveValue('off');

  // The worker keeps nothing in memory: after a restart it answers from IndexedDB.
  const before = await harness.worker.evaluate(() => performance.timeOrigin);
  await stopServiceWorker(options.page);
  const exported = await options.exportJson();
  const worker = harness.context.serviceWorkers()[0]!;
  expect(await worker.evaluate(() => performance.timeOrigin)).toBeGreaterThan(before);
  expect(exported).toMatchObject({ ...file, preferences: expect.any(Object) });

  // A browser restart with the same profile keeps everything too.
  await harness.context.close();
  const context = await launchWithExtension(harness.userDataDir);
  try {
    const again = await makeHarness(context, harness.userDataDir);
    const reopened = await openOptions(again);
    await expect(reopened.page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Kathmandu');
    expect(await reopened.exportJson()).toEqual(exported);
    const popupAgain = await again.openExtensionPage('popup.html');
    await expect(popupAgain.getByLabel('Gmail')).toHaveValue('nudge');
    expect(again.errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('export writes the complete contract file: every top-level field present', async ({ harness }) => {
  const options = await openOptions(harness);
  const exported = (await options.exportJson()) as Record<string, unknown>;
  expect(Object.keys(exported)).toEqual(
    expect.arrayContaining(['format', 'version', 'me', 'contactDefaults', 'contacts', 'sites', 'templates']),
  );
  expect(exported.format).toBe('async-etiquette/settings');
  expect(exported.version).toBe(1);
});

const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
const withMe = (me: unknown) => JSON.stringify({ ...sampleSettings(), me });
const validMe = sampleSettings().me;

const refusals: Array<[string, string | Buffer, RegExp]> = [
  ['bad JSON', '{"format": "async-etiquette/settings", "version": 1,', /not valid JSON/],
  ['an unknown zone', withMe({ ...validMe, timeZone: 'Mars/Base' }), /me\.timeZone.*Mars\/Base.*time zone/],
  ['a bare offset zone', withMe({ ...validMe, timeZone: '+05:30' }), /me\.timeZone/],
  ['25:00', withMe({ ...validMe, weekly: { ...validMe.weekly, mon: [['09:00', '25:00']] } }), /me\.weekly\.mon\[0\]\[1\].*25:00/],
  ['overlapping ranges', withMe({ ...validMe, weekly: { ...validMe.weekly, tue: [['09:00', '12:00'], ['11:00', '14:00']] } }), /me\.weekly\.tue.*overlap/],
  ['a 5 MB file', Buffer.alloc(5 * 1024 * 1024, 0x20), /too large/],
  ['a __proto__ key', '{"format":"async-etiquette/settings","version":1,"__proto__":{"polluted":true}}', /__proto__/],
  ['a nested __proto__ key', JSON.stringify(sampleSettings()).replace('"name":"Ana Souza"', '"name":"Ana Souza","__proto__":{"isAdmin":true}'), /__proto__/],
  ['an unknown top-level key', JSON.stringify({ ...sampleSettings(), colour: 'blue' }), /Unknown field "colour"/],
  ['deep nesting', JSON.stringify({ ...sampleSettings(), contacts: [deep(200)] }), /nested too deeply/],
];

test('malformed settings files are refused with a clear message and change nothing', async ({ harness }) => {
  const options = await openOptions(harness);
  await options.importText(JSON.stringify(sampleSettings()));
  await expect(options.page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Kathmandu');
  const before = await options.exportJson();

  for (const [what, text, message] of refusals) {
    await test.step(what, async () => {
      await options.importText(text, `${what}.json`);
      const alert = options.page.getByRole('alert');
      await expect(alert).toContainText(message);
      await expect(alert).toContainText('Nothing was changed');
      expect(await options.exportJson()).toEqual(before);
    });
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  await expect(options.page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Kathmandu');
});
