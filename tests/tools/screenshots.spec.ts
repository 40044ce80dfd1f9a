/**
 * The pictures behind `npm run screenshots` (tests/tools/screenshots.mjs): real Chromium, the built
 * extension, the Gmail replica at 1280×800, with times set relative to now so the dialog always shows
 * the same situation (recipients outside their hours) whenever it runs.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../e2e/harness';
import { openGmail } from '../e2e/pages/gmail';
import { importSettingsFile } from '../e2e/pages/options';
import { everyDayFromNow, scene } from '../e2e/settings-file';

const DIR = process.env.AE_SCREENSHOTS_DIR ?? 'docs/screenshots/after';
const VIEWPORT = { width: 1280, height: 800 };
const PRIYA = { name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', 180, 240) };
/** Working windows three, ten and seventeen hours from now: no time suits all three. */
const BOB = { name: 'Bob Lee', emails: ['bob@example.com'], timeZone: 'America/Los_Angeles', weekly: everyDayFromNow('America/Los_Angeles', 600, 240) };
const KENJI = { name: 'Kenji Sato', emails: ['kenji@example.jp'], timeZone: 'Asia/Tokyo', weekly: everyDayFromNow('Asia/Tokyo', 1020, 240) };
const BODY = 'Hi all, can you review the launch notes ASAP?';

async function shootDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: join(DIR, `${name}.png`) });
}

test.use({ browserTimeZone: 'Europe/Berlin' });

test('screenshots: the hold dialog, the popup and the options page', async ({ harness }) => {
  await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 720, 480), contacts: [PRIYA, BOB, KENJI] }));

  const one = await openGmail(harness, { to: 'priya@example.com', body: 'Hi Priya, the launch notes are attached.' });
  await one.page.setViewportSize(VIEWPORT);
  await one.send().click();
  await shootDialog(one.page, 'dialog-one-recipient');
  await one.page.close();

  const three = await openGmail(harness, { to: 'priya@example.com, bob@example.com, kenji@example.jp', body: BODY });
  await three.page.setViewportSize(VIEWPORT);
  await three.send().click();
  await shootDialog(three.page, 'dialog-three-zones-no-common-slot');
  await three.page.close();

  const unknown = await openGmail(harness, { to: 'priya@example.com, alex@example.com', body: 'Hi both, notes attached.' });
  await unknown.page.setViewportSize(VIEWPORT);
  await unknown.send().click();
  await shootDialog(unknown.page, 'dialog-unknown-zone');
  await unknown.page.close();

  const popup = await harness.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  await popup.screenshot({ path: join(DIR, 'popup.png'), fullPage: true });

  const options = await harness.openExtensionPage('options.html');
  await options.setViewportSize(VIEWPORT);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  await options.screenshot({ path: join(DIR, 'options.png'), fullPage: true });
});
