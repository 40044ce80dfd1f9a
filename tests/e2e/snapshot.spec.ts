import { EVENTUALLY, test, expect } from './harness';
// @ts-expect-error plain ESM shared with the Firefox suite
import { FIXTURE_URLS } from '../fixtures/serve.mjs';

const SITES = ['gmail', 'slack', 'docs'] as const;
const REVISION = 'data-async-etiquette-revision';
const MODE = 'data-async-etiquette-mode';

test('a content script on each site receives the snapshot, and a pushed change without a reload', async ({ harness }) => {
  const pages = [];
  for (const site of SITES) {
    const page = await harness.context.newPage();
    await page.goto((FIXTURE_URLS as Record<string, string>)[site]!);
    await expect(page.locator('html')).toHaveAttribute(REVISION, /^\d+$/);
    pages.push({ site, page, revision: Number(await page.locator('html').getAttribute(REVISION)) });
  }

  const popup = await harness.openExtensionPage('popup.html');
  for (const site of ['Gmail', 'Slack', 'Google Docs']) await popup.getByLabel(site).selectOption('off');

  for (const { page, revision } of pages) {
    await expect(page.locator('html')).toHaveAttribute(MODE, 'off', { timeout: EVENTUALLY });
    expect(Number(await page.locator('html').getAttribute(REVISION))).toBeGreaterThan(revision);
  }
});
