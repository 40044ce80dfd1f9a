import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { importSettingsFile } from './pages/options';
import { actionTitle, badgeText, pauseAlarm, seedEvents } from './seed-events';
import { ALWAYS, everyDayFromNow, scene } from './settings-file';

const ZONE = 'Europe/Berlin';

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

test('the popup shows your clock, zone, working state and next change, site modes and this week in a chart', async ({ harness }) => {
  // Working hours start three hours from now: out of hours, with the next start shown.
  await importSettingsFile(harness, scene({ me: everyDayFromNow(ZONE, 180, 240), meZone: ZONE }));
  const weekStart = DateTime.now().setZone(ZONE).startOf('week').toMillis();
  // This week: 2 held, 1 scheduled, 1 sent anyway (and a nudge and a kept-editing that the chart leaves out);
  // last week's events do not count.
  await seedEvents(harness.worker, { count: 6, from: weekStart + 60_000, to: Math.min(Date.now(), weekStart + 3_600_000) });
  await seedEvents(harness.worker, { count: 10, from: weekStart - 5 * 86_400_000, to: weekStart - 1 });

  const popup = await harness.openExtensionPage('popup.html');
  const status = popup.getByRole('region', { name: 'Your working hours' });
  await expect(status).toContainText(ZONE);
  await expect(status).toContainText(DateTime.now().setZone(ZONE).toFormat('ccc'));
  const nextStart = DateTime.now().setZone(ZONE).plus({ minutes: 180 });
  await expect(status).toContainText(/Outside working hours · next start \w{3} \d{1,2}:\d{2} [AP]M/);
  await expect(status).toContainText(nextStart.toFormat('h:mm').slice(0, -1));
  await expect(popup.getByLabel('Gmail')).toHaveValue('confirm');
  await expect(popup.getByLabel('Slack')).toHaveValue('off');
  await expect(popup.getByLabel('Google Docs')).toHaveValue('off');

  const week = popup.getByRole('region', { name: 'This week' });
  await expect(week.getByRole('definition')).toHaveText(['2', '1', '1']);
  const chart = week.getByRole('img', { name: /This week: 2 sends held, 1 scheduled, 1 sent anyway/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg .ct-bar')).not.toHaveCount(0);
  await expect(popup.getByRole('link', { name: 'All settings' })).toHaveAttribute('href', /options\.html$/);

  // A change of mode here reaches storage and comes back through the snapshot.
  await popup.getByLabel('Slack').selectOption('nudge');
  const other = await harness.openExtensionPage('popup.html');
  await expect(other.getByLabel('Slack')).toHaveValue('nudge');
});

test('pausing shows a badge on the toolbar icon and arms an alarm; resuming clears both', async ({ harness }) => {
  await importSettingsFile(harness, scene({ me: ALWAYS, meZone: ZONE }));
  const popup = await harness.openExtensionPage('popup.html');
  expect(await badgeText(harness.worker)).toBe('');

  const before = Date.now();
  await popup.getByRole('button', { name: 'Pause for 1 hour' }).click();
  const until = DateTime.fromMillis(before + 3_600_000).setZone(ZONE);
  await expect(popup.getByRole('status').filter({ hasText: 'Paused until' })).toContainText(until.toFormat('ccc h:'));
  await expect.poll(() => badgeText(harness.worker)).toBe('Zz');
  const alarm = await pauseAlarm(harness.worker);
  expect(alarm).toBeGreaterThanOrEqual(before + 3_600_000);
  expect(alarm).toBeLessThan(Date.now() + 3_600_000 + 1_000);
  expect(await actionTitle(harness.worker)).toMatch(/paused until \w{3} \d{1,2}:\d{2} [AP]M/);

  // A second popup sees the pause at once.
  const second = await harness.openExtensionPage('popup.html');
  await expect(second.getByRole('button', { name: 'Resume now' })).toBeVisible();

  await popup.getByRole('button', { name: 'Resume now' }).click();
  await expect(popup.getByRole('button', { name: 'Pause for 1 hour' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Pause for 1 hour' })).toBeVisible();
  await expect.poll(() => badgeText(harness.worker)).toBe('');
  expect(await pauseAlarm(harness.worker)).toBeNull();

  // Until I resume: a badge, no alarm.
  await popup.getByRole('button', { name: 'Pause until I resume' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Paused until you turn it back on' })).toBeVisible();
  await expect.poll(() => badgeText(harness.worker)).toBe('Zz');
  expect(await pauseAlarm(harness.worker)).toBeNull();
  await popup.getByRole('button', { name: 'Resume now' }).click();
  await expect.poll(() => badgeText(harness.worker)).toBe('');
});

test('"until tomorrow\u2019s work start" names that start and pauses until it', async ({ harness }) => {
  // Working every day from 07:15 to 16:45 in Berlin: tomorrow's start is tomorrow 07:15.
  const day: [string, string][] = [['07:15', '16:45']];
  const week = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
  await importSettingsFile(harness, scene({ me: week, meZone: ZONE }));
  const popup = await harness.openExtensionPage('popup.html');
  const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 7, minute: 15, second: 0, millisecond: 0 });
  const button = popup.getByRole('button', { name: `Pause until ${tomorrow.toFormat('ccc')} 7:15 AM` });
  await button.click();
  await expect(popup.getByRole('status').filter({ hasText: `Paused until ${tomorrow.toFormat('ccc')} 7:15 AM` })).toBeVisible();
  expect(await pauseAlarm(harness.worker)).toBe(tomorrow.toMillis());
});

test.describe('with the browser\u2019s clock moved by the test', () => {
  test.use({ movableClock: true });

  test('a pause ends by itself when its alarm fires: the badge goes and the popup updates', async ({ harness }) => {
    const file = scene({ me: ALWAYS, meZone: ZONE });
    // A pause that ends in ten minutes: its state holds however slow the machine; the test moves the clock past its end.
    const now = Date.now();
    await importSettingsFile(harness, {
      ...file,
      preferences: { graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: false, pause: { since: now, until: now + 600_000 } },
    });
    const popup = await harness.openExtensionPage('popup.html');
    await expect.poll(() => badgeText(harness.worker)).toBe('Zz');
    await expect(popup.getByRole('button', { name: 'Resume now' })).toBeVisible();
    expect(await pauseAlarm(harness.worker)).toBe(now + 600_000);

    await harness.clock!.moveBy(11 * 60);
    await expect.poll(() => badgeText(harness.worker), { timeout: 15_000 }).toBe('');
    await expect(popup.getByRole('button', { name: 'Pause for 1 hour' })).toBeVisible();
  });
});

test('the popup is keyboard-operable and fits a narrow (200 % zoom) window without sideways scrolling', async ({ harness }) => {
  await importSettingsFile(harness, scene({ me: ALWAYS, meZone: ZONE }));
  const popup = await harness.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 320, height: 600 });
  await expect(popup.getByLabel('Gmail')).toBeVisible();
  await noHorizontalScroll(popup);

  // Tab to the first pause button and press it with the keyboard.
  for (let i = 0; i < 10; i++) {
    await popup.keyboard.press('Tab');
    if (await popup.getByRole('button', { name: 'Pause for 1 hour' }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(popup.getByRole('button', { name: 'Pause for 1 hour' })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: 'Resume now' })).toBeVisible();
  await noHorizontalScroll(popup);
  await popup.getByRole('button', { name: 'Resume now' }).press('Enter');
  await expect(popup.getByRole('button', { name: 'Pause for 1 hour' })).toBeVisible();
});
