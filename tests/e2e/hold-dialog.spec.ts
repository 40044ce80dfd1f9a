/**
 * Issue 20: the hold dialog read in two seconds (rows, choices, Pick a time, placement beside the
 * composer) and the ⋯ menu's ways out, each undone from the popup. Times are derived from the same
 * "now" the scene is built around.
 */
import type { Locator } from '@playwright/test';
import { DateTime } from 'luxon';
import { EVENTUALLY, published, test, expect } from './harness';
import { scanBoth, OUR_UI } from './axe';
import { openGmail } from './pages/gmail';
import { importSettingsFile } from './pages/options';
import { everyDayFromNow, quarterAfter, scene, startIn } from './settings-file';

test.use({ browserTimeZone: 'Europe/Berlin' });

const BERLIN = 'Europe/Berlin';
const PRIYA = 'priya@example.com';
const BODY = 'Hi all, the launch notes are attached.';

/** Sender's clock as the Schedule button writes it (en-US: 12-hour). */
const senderWall = (at: number) => DateTime.fromMillis(at).setZone(BERLIN).toFormat('ccc h:mm a');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('three recipients with no common time: rows, beside the composer, choices and Pick a time schedule at the chosen minute', async ({ harness }) => {
  const now = new Date();
  // Working windows 3, 10 and 17 hours from now, four hours each: no time suits all three.
  const contacts = [
    { name: 'Priya Raman', emails: [PRIYA], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', 180, 240, now) },
    { name: 'Bob Lee', emails: ['bob@example.com'], timeZone: 'America/Los_Angeles', weekly: everyDayFromNow('America/Los_Angeles', 600, 240, now) },
    { name: 'Kenji Sato', emails: ['kenji@example.jp'], timeZone: 'Asia/Tokyo', weekly: everyDayFromNow('Asia/Tokyo', 1020, 240, now) },
  ];
  await importSettingsFile(harness, scene({ contacts, now }));
  const gmail = await openGmail(harness, { to: `${PRIYA}, bob@example.com, kenji@example.jp`, body: BODY });
  await gmail.page.setViewportSize({ width: 1280, height: 800 });
  await gmail.send().click();
  const dialog = gmail.holdDialog();
  await expect(dialog).toBeVisible();

  // One row per recipient: name, city from the zone, outside hours.
  const rows = dialog.getByRole('list', { name: 'Recipients' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  for (const [name, city] of [['Priya', 'Kolkata'], ['Bob', 'Los Angeles'], ['Kenji', 'Tokyo']]) {
    await expect(rows.filter({ hasText: name })).toContainText(city!);
    await expect(rows.filter({ hasText: name })).toContainText('outside hours');
  }
  // Fits in 360 px and sits beside the compose window, over neither its recipients nor its body.
  const dialogBox = await box(dialog);
  expect(dialogBox.height).toBeLessThanOrEqual(360);
  expect(overlaps(dialogBox, await box(gmail.compose().locator('.anm[name="to"]')))).toBe(false);
  expect(overlaps(dialogBox, await box(gmail.body()))).toBe(false);
  // All actions on one row.
  const actions = ['Send now', 'Keep editing'].map((name) => dialog.getByRole('button', { name, exact: true }));
  const schedule = dialog.getByRole('button', { name: /^Schedule for / });
  const tops = await Promise.all([schedule, ...actions].map(async (b) => (await box(b)).y));
  expect(new Set(tops).size).toBe(1);

  // Three choices; the suggested one is picked and names the Schedule button.
  const choices = dialog.getByRole('group', { name: 'When to schedule' }).getByRole('radio');
  await expect(choices).toHaveCount(3);
  const bobStart = quarterAfter(startIn(600, now));
  const bob = dialog.getByRole('radio', { name: /^Bob's / });
  await expect(bob).not.toBeChecked();
  await bob.check();
  await expect(schedule).toHaveText(`Schedule for ${senderWall(bobStart)}`);

  // Pick a time: every recipient's clock at the picked time, in hours or not; then it is the choice.
  await dialog.getByRole('button', { name: 'Pick a time…' }).click();
  const picker = dialog.getByRole('group', { name: 'Pick a time' });
  const kenjiWorking = startIn(1020 + 30, now);
  await picker.getByLabel(`Time (${BERLIN})`).fill(DateTime.fromMillis(kenjiWorking).setZone(BERLIN).toFormat("yyyy-MM-dd'T'HH:mm"));
  const times = picker.getByRole('list', { name: 'At that time' }).getByRole('listitem');
  await expect(times.filter({ hasText: 'Kenji' })).toContainText(`${DateTime.fromMillis(kenjiWorking).setZone('Asia/Tokyo').toFormat('ccc h:mm a')} in hours`);
  await expect(times.filter({ hasText: 'Priya' })).toContainText('outside hours');
  await picker.getByRole('button', { name: 'Use this time' }).click();
  const picked = quarterAfter(Math.floor(kenjiWorking / 60_000) * 60_000);
  await expect(dialog.getByRole('radio', { name: /^Your pick/ })).toBeChecked();
  await expect(schedule).toHaveText(`Schedule for ${senderWall(picked)}`);
  await scanBoth(gmail.page, 'the hold dialog with choices and a picked time', OUR_UI);

  await schedule.click();
  await expect.poll(() => gmail.log('scheduled'), { timeout: EVENTUALLY }).toHaveLength(1);
  const [scheduled] = await gmail.log('scheduled');
  expect(scheduled).toMatchObject({ atMs: picked, to: [PRIYA, 'bob@example.com', 'kenji@example.jp'], body: BODY });
  expect(await gmail.log('sent')).toHaveLength(0);
});

test('the ⋯ menu by keyboard: a week without asking about Priya, Gmail turned off, Settings; each undone in the popup', async ({ harness }) => {
  await importSettingsFile(harness, scene());
  const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
  await gmail.send().click();
  const dialog = gmail.holdDialog();
  const menuButton = dialog.getByRole('button', { name: 'Async Etiquette menu' });
  // "Why am I seeing this?" says why and leads to the settings.
  await dialog.getByRole('button', { name: 'Why am I seeing this?' }).click();
  await expect(dialog).toContainText('Async Etiquette holds a send on Gmail');

  await menuButton.focus();
  await gmail.page.keyboard.press('ArrowDown');
  const menu = dialog.getByRole('menu');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText(["Don't ask about Priya for a week", 'Turn off on Gmail', 'Settings']);
  await expect(items.nth(0)).toBeFocused();
  await gmail.page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await gmail.page.keyboard.press('End');
  await expect(items.nth(2)).toBeFocused();
  await scanBoth(gmail.page, 'the hold dialog with its menu open', OUR_UI);
  // Escape closes the menu only; focus goes back to its button, the dialog stays.
  await gmail.page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await expect(dialog).toBeVisible();

  // Settings opens the options page (through the worker); the dialog stays.
  const optionsOpened = harness.context.waitForEvent('page', (page) => page.url().includes('options.html'));
  await menuButton.press('Enter');
  await items.filter({ hasText: 'Settings' }).press('Enter');
  await (await optionsOpened).close();
  await expect(dialog).toBeVisible();

  // A week's snooze: the draft stays; the next Send goes straight out, once.
  await menuButton.press('ArrowDown');
  await expect(items.nth(0)).toBeFocused();
  await gmail.page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(gmail.page.getByRole('status').filter({ hasText: 'Not asking about Priya until' })).toBeVisible();
  await expect(gmail.body()).toHaveText(BODY);
  await published(harness, gmail.page, (settings) => (settings.preferences.snoozes ?? []).length === 1);
  await gmail.send().click();
  await expect.poll(() => gmail.log('sent')).toHaveLength(1);
  await expect(gmail.holdDialog()).toHaveCount(0);

  // The popup lists the snooze and undoes it.
  const popup = await harness.openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'Ask about Priya Raman again' }).click();
  await expect(popup.getByRole('button', { name: 'Ask about Priya Raman again' })).toHaveCount(0);

  // Asked again: held; "Turn off on Gmail" leaves the draft, and the popup shows Gmail off, to turn back on.
  const again = await openGmail(harness, { to: PRIYA, body: BODY });
  await again.send().click();
  await again.holdDialog().getByRole('button', { name: 'Async Etiquette menu' }).click();
  await again.holdDialog().getByRole('menuitem', { name: 'Turn off on Gmail' }).click();
  await expect(again.holdDialog()).toHaveCount(0);
  await expect(again.page.getByRole('status').filter({ hasText: 'Off on Gmail' })).toBeVisible();
  await expect(again.body()).toHaveText(BODY);
  const mode = () => again.page.locator('html').getAttribute('data-async-etiquette-mode');
  await expect.poll(mode).toBe('off');
  await popup.reload();
  const gmailMode = popup.getByRole('combobox', { name: 'Gmail' });
  await expect(gmailMode).toHaveValue('off');
  await gmailMode.selectOption('confirm');
  await expect.poll(mode).toBe('confirm');
});
