/**
 * The first run (issue 22, item 1): the page the worker opens on a new install, as a person meets it.
 * These tests keep that page (the harness closes it for every other test: `keepFirstRun`).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { scanBoth } from './axe';
import { EVENTUALLY, expect, isFirstRunPage, launchWithExtension, makeHarness, stopServiceWorker, test, type Harness } from './harness';
import { withManagedPolicy } from './managed-policy';
import { openOptions } from './pages/options';

/** The page the install opened (seconds after start on a busy machine: the worker's install step comes first). */
async function firstRunPage(context: BrowserContext): Promise<Page> {
  const page = context.pages().find(isFirstRunPage) ?? (await context.waitForEvent('page', { predicate: isFirstRunPage, timeout: EVENTUALLY * 2 }));
  await page.getByRole('heading', { level: 1, name: 'Welcome to Async Etiquette' }).waitFor();
  return page;
}

const firstRunPages = (context: BrowserContext) => context.pages().filter(isFirstRunPage).length;

/** The revision of the settings the worker last published (0: none yet). */
function publishedRevision(harness: Harness): Promise<number> {
  return harness.worker.evaluate(async () => {
    const ext = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { revision: number } | undefined>> } } } };
    return (await ext.chrome.storage.local.get('snapshot')).snapshot?.revision ?? 0;
  });
}

const DEFAULT_WEEK = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] };

test('install opens the first run; Skip keeps the defaults; a locked value shows as locked; neither a worker restart nor a browser restart opens it again', async () => {
  // Docs is locked by the organisation (a policy for a copy of the extension, so no other test sees it).
  await withManagedPolicy(
    { locked: { sites: { docs: 'off' } } },
    async (harness, extensionDir) => {
      const welcome = await firstRunPage(harness.context);
      await expect(welcome.getByRole('listitem').filter({ hasText: 'sends nothing anywhere' })).toBeVisible();
      const docs = welcome.getByRole('combobox', { name: 'Google Docs' });
      await expect(docs).toBeDisabled();
      await expect(docs).toHaveValue('off');
      await expect(welcome.getByText('set by your organisation').first()).toBeVisible();
      // Custom hours open the seven day fields; the page with them has no axe violations in either scheme.
      await welcome.getByRole('radio', { name: 'Custom hours' }).check();
      await expect(welcome.getByRole('textbox', { name: 'Monday' })).toHaveValue('09:00-17:00');
      await scanBoth(welcome, 'the first run');

      // Changed here but skipped: nothing is saved.
      await welcome.getByRole('textbox', { name: 'Friday' }).fill('');
      await welcome.getByRole('combobox', { name: 'Gmail' }).selectOption('off');
      await welcome.getByRole('group', { name: 'Slack' }).getByRole('radio', { name: 'Shield' }).check();
      const closed = welcome.waitForEvent('close');
      await welcome.getByRole('button', { name: 'Skip: keep the defaults' }).first().click();
      await closed;

      const options = await openOptions(harness);
      const exported = (await options.exportJson()) as { me: { weekly: unknown; daysOff: unknown }; sites: unknown; quiet: unknown };
      expect(exported.me.weekly).toEqual(DEFAULT_WEEK);
      expect(exported.me.daysOff).toEqual([]);
      // Export writes only the user's own values: Docs stays the built-in default, not the policy's.
      expect(exported.sites).toEqual({ gmail: 'confirm', slack: 'nudge', docs: 'confirm' });
      expect(exported.quiet).toEqual({ gmail: 'off', slack: 'off', docs: 'off' });

      // A worker restart (Chrome stops an idle worker): it answers again, and opens nothing.
      const before = await harness.worker.evaluate(() => performance.timeOrigin);
      await stopServiceWorker(options.page);
      expect(await options.exportJson()).toEqual(exported);
      expect(await harness.context.serviceWorkers()[0]!.evaluate(() => performance.timeOrigin)).toBeGreaterThan(before);

      // A browser restart on the same profile: Chrome announces a --load-extension extension as 'install'
      // again on every start (an update's reason, 'update', is the unit test's: first-run.test.ts).
      const revision = await publishedRevision(harness);
      await harness.context.close();
      const context = await launchWithExtension(harness.userDataDir, { extensionDir, keepFirstRun: true });
      try {
        const restarted = await makeHarness(context, harness.userDataDir);
        // That install event has been handled (it republishes the settings) before we look for a page it must not open.
        await expect.poll(() => publishedRevision(restarted), { timeout: EVENTUALLY * 2 }).toBeGreaterThan(revision);
        const again = await openOptions(restarted);
        expect(await again.exportJson()).toEqual(exported);
        await again.page.waitForTimeout(1_000);
        expect(firstRunPages(context)).toBe(0);
        expect(restarted.errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    { keepFirstRun: true },
  );
});

test.describe('completing the first run', () => {
  test.use({ keepFirstRun: true });

  test('changes the exported settings as chosen, by keyboard where a person would; options reopens it with those values', async ({ harness }) => {
    const welcome = await firstRunPage(harness.context);
    await expectChoicesMade(harness, welcome);

    await welcome.getByRole('button', { name: 'Save and finish' }).click();
    await expect(welcome.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const closed = welcome.waitForEvent('close');
    await welcome.getByRole('button', { name: 'Close this tab' }).click();
    await closed;

    const options = await openOptions(harness);
    const exported = (await options.exportJson()) as Record<string, Record<string, unknown>>;
    expect(exported.me).toEqual({ timeZone: 'Asia/Kolkata', weekly: { ...DEFAULT_WEEK, fri: [] }, daysOff: [DAY_OFF], holidays: 'DE' });
    expect(exported.sites).toEqual({ gmail: 'confirm', slack: 'confirm', docs: 'confirm' });
    expect(exported.quiet).toEqual({ gmail: 'calm', slack: 'off', docs: 'off' });
    // Imported from the CSV: its source is 'imported', which a settings file leaves out (issue 20).
    expect(exported.contacts).toEqual([{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' }]);

    // Options reopens it, showing what was saved; nothing else opened it meanwhile.
    await options.page.getByRole('link', { name: 'Go through the first-run setup again' }).click();
    await expect(options.page.getByRole('heading', { level: 1, name: 'Welcome to Async Etiquette' })).toBeVisible();
    await expect(options.page.getByRole('combobox', { name: 'Time zone', exact: true })).toHaveValue('Asia/Kolkata');
    await expect(options.page.getByRole('radio', { name: /^Four days/ })).toBeChecked();
    await expect(options.page.getByRole('combobox', { name: 'Slack' })).toHaveValue('confirm');
    expect(firstRunPages(harness.context)).toBe(1);
  });
});

const DAY_OFF = '2031-04-15';

/** Every section, as a person fills it in: zone and hours by keyboard, a day off, a region, a site, a quiet tab, a CSV. */
async function expectChoicesMade(harness: Harness, welcome: Page): Promise<void> {
  const zone = welcome.getByRole('combobox', { name: 'Time zone', exact: true });
  await zone.fill('Kolkata');
  await zone.press('ArrowDown');
  await zone.press('Enter');
  await expect(zone).toHaveValue('Asia/Kolkata');

  const office = welcome.getByRole('radio', { name: 'Monday to Friday, 09:00–17:00' });
  await expect(office).toBeChecked();
  await office.focus();
  await welcome.keyboard.press('ArrowDown');
  await expect(welcome.getByRole('radio', { name: /^Four days/ })).toBeChecked();

  await welcome.getByLabel('First day off').fill(DAY_OFF);
  await welcome.getByRole('button', { name: 'Add days off' }).click();
  await expect(welcome.getByRole('button', { name: /^Remove/ })).toHaveCount(1);
  const country = welcome.getByLabel('Country');
  await country.fill('Germany');
  await country.press('Enter');

  await welcome.getByRole('combobox', { name: 'Slack' }).selectOption('confirm');
  await welcome.getByRole('group', { name: 'Gmail' }).getByRole('radio', { name: 'Calm' }).check();

  await welcome.getByLabel('Import contacts (CSV)').setInputFiles({
    name: 'team.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,emails,timeZone\nPriya Raman,priya@example.com,Asia/Kolkata\n'),
  });
  await expect(welcome.getByRole('status').filter({ hasText: 'Imported 1 contact' })).toBeVisible();
  await expect(welcome.getByText('You have 1 contact of your own.')).toBeVisible();
  expect(harness.errors).toEqual([]);
}
