import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { published, test, expect } from './harness';
import { openGmail, type GmailPage } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { seedEvents } from './seed-events';
import { ALWAYS, everyDayFromNow, scene } from './settings-file';

const ZONE = 'Europe/Berlin';
const PRIYA = 'priya@example.com';
const BODY = 'Quick note about the release.';
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function rangeText(week: Record<string, [string, string][]>): string {
  const [start, end] = week.mon![0]!;
  return `${start}-${end}`;
}

/** The held send's dialog appears; Keep editing puts the draft back untouched. */
async function expectHeld(gmail: GmailPage, text: string | RegExp): Promise<void> {
  await gmail.send().click();
  const dialog = gmail.holdDialog();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(text);
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await gmail.log('sent')).toHaveLength(0);
}


async function fillWeek(page: Page, text: string): Promise<void> {
  const hours = page.getByRole('group', { name: 'Working hours', exact: true });
  await hours.getByLabel('Monday').fill(text);
  await hours.getByRole('button', { name: 'Copy Monday to weekdays' }).click();
  await hours.getByLabel('Saturday').fill(text);
  await hours.getByLabel('Sunday').fill(text);
  // Autosave (issue 20): leaving the last day saves the week.
  await hours.getByLabel('Sunday').press('Tab');
}

test('hours, a day off, a new contact and a pause each take effect in an open Gmail page without reloading it', async ({ harness }) => {
  // No grace window: from 23:30 in Berlin, "your day off" would otherwise be waved through as
  // "you start within 30 minutes" (tomorrow 00:00), and the test would depend on the hour it runs.
  await importSettingsFile(harness, { ...scene({ me: ALWAYS, meZone: ZONE, contacts: [] }), preferences: { graceMinutes: 0 } });
  const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
  await gmail.page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  const options = await openOptions(harness);

  // 1. Hours: working only from three hours from now, so now is outside them.
  const later = rangeText(everyDayFromNow(ZONE, 180, 120));
  await fillWeek(options.page, later);
  await published(harness, gmail.page, (s) => s.me.weekly.mon?.[0]?.join('-') === later);
  await expectHeld(gmail, "It's outside your working hours");

  // 2. Back to working around the clock, but today is a day off.
  await fillWeek(options.page, '00:00-00:00');
  const today = DateTime.now().setZone(ZONE).toISODate()!;
  const daysOff = options.page.getByRole('group', { name: 'Days off', exact: true });
  await daysOff.getByLabel('First day off').fill(today);
  await daysOff.getByRole('button', { name: 'Add days off' }).click();
  // Written in the browser's locale, as calendarDate does.
  const shown = await options.page.evaluate((date) => {
    const ui = (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage();
    const format = new Intl.DateTimeFormat(ui, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return format.format(new Date(`${date}T00:00:00Z`));
  }, today);
  await expect(daysOff.getByRole('list')).toContainText(shown);
  await published(harness, gmail.page, (s) => s.me.weekly.mon?.[0]?.join('-') === '00:00-00:00' && s.me.daysOff.includes(today));
  await expectHeld(gmail, "It's your day off");
  await daysOff.getByRole('button', { name: /^Remove / }).click();
  await expect(daysOff).toContainText('None planned.');

  // 3. A contact added in the directory: Priya in Kolkata, whose hours start three hours from now.
  await options.page.getByRole('button', { name: 'Add contact' }).click();
  const editor = options.page.getByRole('form', { name: 'New contact' });
  await editor.getByLabel('Name').fill('Priya Raman');
  await editor.getByLabel('Email addresses').fill(PRIYA);
  await editor.getByLabel('Their time zone').fill('Kolkata');
  await editor.getByRole('option', { name: /^Asia\/(Kolkata|Calcutta)/ }).click();
  await editor.getByLabel('Their own working hours').check();
  await editor.getByLabel('Monday').fill(rangeText(everyDayFromNow('Asia/Kolkata', 180, 240)));
  await editor.getByRole('button', { name: 'Copy Monday to weekdays' }).click();
  for (const day of ['Saturday', 'Sunday']) await editor.getByLabel(day).fill(rangeText(everyDayFromNow('Asia/Kolkata', 180, 240)));
  await editor.getByRole('button', { name: 'Save contact' }).click();
  await expect(options.page.getByRole('status').filter({ hasText: 'Saved Priya Raman.' })).toBeVisible();
  await expect(options.page.getByRole('table', { name: 'Contacts' })).toContainText('Asia/Kolkata');
  await published(harness, gmail.page, (s) => s.contacts.some((c) => c.name === 'Priya Raman') && s.me.daysOff.length === 0);
  await expectHeld(gmail, /outside working hours for Priya/);

  // 4. A pause from the popup: the same send now goes straight through.
  const popup = await harness.openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'Pause for 1 hour' }).click();
  await expect(popup.getByRole('button', { name: 'Resume now' })).toBeVisible();
  await published(harness, gmail.page, (s) => Boolean(s.preferences.pause));
  await gmail.send().click();
  await expect.poll(() => gmail.log('sent')).toHaveLength(1);
  await expect(gmail.holdDialog()).toHaveCount(0);
  expect(await gmail.page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
});

test('a snoozed recipient is not asked about until the snooze ends', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
  await expectHeld(gmail, /Priya/);

  const options = await openOptions(harness);
  const snoozes = options.page.getByRole('group', { name: 'Don’t ask me about…' });
  await snoozes.getByLabel('Person').fill('Priya');
  const friday = await snoozes.getByLabel('Ask again from').inputValue();
  expect(DateTime.fromISO(friday).weekday).toBe(5);
  // A date in the past is refused inline.
  await snoozes.getByLabel('Ask again from').fill('2020-01-01');
  await snoozes.getByRole('button', { name: 'Snooze' }).click();
  await expect(snoozes.getByRole('alert')).toHaveText('Pick a date after today.');
  await snoozes.getByLabel('Ask again from').fill(friday);
  await snoozes.getByRole('button', { name: 'Snooze' }).click();
  await expect(snoozes.getByRole('list', { name: 'Snoozed people' })).toContainText('Priya Raman until');
  await published(harness, gmail.page, (s) => (s.preferences.snoozes?.length ?? 0) > 0);

  await gmail.send().click();
  await expect.poll(() => gmail.log('sent')).toHaveLength(1);
  const exported = (await options.exportJson()) as { preferences: { snoozes: unknown[] } };
  expect(exported.preferences.snoozes).toEqual([{ name: 'Priya Raman', keys: [PRIYA, 'U0ALICE'], until: friday }]);
});

test.describe('time zone picker', () => {
  test.use({ browserTimeZone: 'America/New_York' });

  test('searches by city, zone and offset, picks by keyboard, and offers to switch when travelling', async ({ harness }) => {
    await importSettingsFile(harness, scene({ meZone: ZONE }));
    const { page } = await openOptions(harness);
    const field = page.getByRole('combobox', { name: 'Time zone', exact: true });
    await expect(field).toHaveValue(ZONE);

    // Travelling: the browser says New York; one click switches.
    const travel = page.getByRole('region', { name: 'Travel' });
    await expect(travel).toContainText('This browser is set to America/New_York');
    await travel.getByRole('button', { name: 'Switch to America/New_York' }).click();
    await expect(field).toHaveValue('America/New_York');
    await expect(travel).toHaveCount(0);

    // By city (an alias spelling too), by offset, and picked with the keyboard.
    await field.fill('kathmandu');
    const list = page.getByRole('listbox', { name: 'Matching time zones' });
    await expect(list.getByRole('option').first()).toContainText(/Asia\/Kat(h)?mandu/);
    await field.fill('+5:45');
    await expect(list.getByRole('option')).toHaveCount(1);
    await field.fill('Mumbai');
    await expect(list.getByRole('option').first()).toContainText(/Asia\/(Kolkata|Calcutta)/);
    await field.press('ArrowDown');
    await field.press('Enter');
    await expect(field).toHaveValue(/Asia\/(Kolkata|Calcutta)/);
    await expect(page.getByRole('region', { name: 'Your working hours' })).toContainText(/Asia\/(Kolkata|Calcutta)/);

    // A zone that does not exist is refused inline and nothing is saved.
    await field.fill('Mars/Base');
    await field.press('Enter');
    await expect(page.getByRole('alert')).toContainText('"Mars/Base" is not a time zone');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const exported = (await (await openOptions(harness)).exportJson()) as { me: { timeZone: string } };
    expect(exported.me.timeZone).toMatch(/Asia\/(Kolkata|Calcutta)/);
  });
});

test('the weekly editor validates inline before saving, copies Monday, and reads night shifts back', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const options = await openOptions(harness);
  const hours = options.page.getByRole('group', { name: 'Working hours', exact: true });
  const tuesday = hours.getByLabel('Tuesday');
  await tuesday.fill('09:00-12:00, 11:00-14:00');
  await tuesday.press('Tab');
  // Shown when leaving the field, before any Save.
  await expect(hours.getByRole('alert')).toContainText('overlaps 09:00-12:00');
  await expect(tuesday).toHaveAttribute('aria-invalid', 'true');
  await tuesday.fill('09:00-12:00, 13:00-14:00');
  await expect(hours.getByRole('alert')).toHaveCount(0);

  await hours.getByLabel('Monday').fill('9:00-25:00');
  await hours.getByLabel('Monday').press('Tab');
  await expect(hours.getByRole('alert')).toContainText('24-hour time');
  // Nothing is saved while a day is wrong.
  let exported = (await options.exportJson()) as { me: { weekly: Record<string, unknown> } };
  expect(exported.me.weekly.mon).toEqual([['00:00', '00:00']]);

  await hours.getByLabel('Monday').fill('08:00-12:00, 13:00-17:00');
  await hours.getByRole('button', { name: 'Copy Monday to weekdays' }).click();
  for (const day of DAYS.slice(1, 5)) await expect(hours.getByLabel(day)).toHaveValue('08:00-12:00, 13:00-17:00');
  await hours.getByLabel('Friday').fill('22:00-06:00');
  await expect(hours.getByText('22:00 runs past midnight to Saturday 06:00')).toBeVisible();
  await hours.getByLabel('Saturday').fill('');
  await hours.getByLabel('Sunday').fill('');
  await hours.getByLabel('Sunday').press('Tab');
  await expect.poll(async () => ((await options.exportJson()) as typeof exported).me.weekly).toEqual({
    mon: [['08:00', '12:00'], ['13:00', '17:00']],
    tue: [['08:00', '12:00'], ['13:00', '17:00']],
    wed: [['08:00', '12:00'], ['13:00', '17:00']],
    thu: [['08:00', '12:00'], ['13:00', '17:00']],
    fri: [['22:00', '06:00']],
    sat: [],
    sun: [],
  });
  exported = (await options.exportJson()) as typeof exported;
  // The popup, open elsewhere, shows the new hours without a reload.
  const popup = await harness.openExtensionPage('popup.html');
  await expect(popup.getByRole('region', { name: 'Your working hours' })).toContainText(/working hours/);
});

test('days off: single days and ranges, the next ones listed, past ones removable', async ({ harness }) => {
  await importSettingsFile(harness, { ...scene({ meZone: ZONE }), me: { timeZone: ZONE, weekly: ALWAYS, daysOff: ['2020-05-01'] } });
  const options = await openOptions(harness);
  const group = options.page.getByRole('group', { name: 'Days off', exact: true });
  const start = DateTime.now().setZone(ZONE).plus({ days: 10 });
  await group.getByLabel('First day off').fill(start.toISODate()!);
  await group.getByLabel('Last day off (optional)').fill(start.minus({ days: 2 }).toISODate()!);
  await group.getByRole('button', { name: 'Add days off' }).click();
  await expect(group.getByRole('alert')).toHaveText('The last day is before the first.');
  await group.getByLabel('Last day off (optional)').fill(start.plus({ days: 4 }).toISODate()!);
  await group.getByRole('button', { name: 'Add days off' }).click();
  await expect(group.getByRole('list')).toContainText('(5 days)');
  await group.getByLabel('First day off').fill(start.plus({ days: 20 }).toISODate()!);
  await group.getByRole('button', { name: 'Add days off' }).click();
  await expect(group.getByRole('listitem')).toHaveCount(2);
  await expect(group).toContainText('1 past day off kept.');
  await group.getByRole('button', { name: 'Remove past days off' }).click();
  await expect(group).not.toContainText('past day');
  await expect.poll(async () => ((await options.exportJson()) as { me: { daysOff: string[] } }).me.daysOff).toHaveLength(6);
});

test('contacts: add with inline errors, search, sort, edit, delete, and CSV out and in', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const options = await openOptions(harness);
  const page = options.page;
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Add contact' }).click();
  const editor = page.getByRole('form', { name: 'New contact' });
  await expect(editor.getByLabel('Name')).toBeFocused();
  await editor.getByLabel('Email addresses').fill('ana@');
  await editor.getByRole('button', { name: 'Save contact' }).click();
  await expect(editor.getByRole('alert')).toHaveText(['Give the contact a name.', '"ana@" is not an email address.']);
  await editor.getByLabel('Name').fill('Ana Souza');
  await editor.getByLabel('Email addresses').fill('ana@example.com');
  await editor.getByLabel('Email addresses').fill(PRIYA);
  await editor.getByRole('button', { name: 'Save contact' }).click();
  await expect(editor.getByRole('alert')).toHaveText(`${PRIYA} already belongs to Priya Raman.`);
  await editor.getByLabel('Email addresses').fill('ana@example.com');
  await editor.getByLabel('Their time zone').fill('Sao Paulo');
  await editor.getByLabel('Their time zone').press('ArrowDown');
  await editor.getByLabel('Their time zone').press('Enter');
  await editor.getByRole('button', { name: 'Save contact' }).click();
  await expect(editor).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(3);
  const ana = table.getByRole('row', { name: /Ana Souza/ });
  // Her local time, live.
  await expect(ana).toContainText(DateTime.now().setZone('America/Sao_Paulo').toFormat('ccc'));
  await expect(ana).toContainText('typed by you');
  // Priya came in the imported settings file: her source says so, not "typed by you" (issue 20).
  await expect(table.getByRole('row', { name: /Priya Raman/ })).toContainText('imported from a file');

  // Sort by zone, descending: Kolkata before Sao Paulo.
  await table.getByRole('button', { name: 'Time zone' }).click();
  await expect(table.getByRole('columnheader', { name: 'Time zone' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('rowheader')).toHaveText(['Ana Souza', 'Priya Raman']);
  await table.getByRole('button', { name: 'Time zone' }).click();
  await expect(table.getByRole('rowheader')).toHaveText(['Priya Raman', 'Ana Souza']);

  // Search.
  await page.getByLabel('Search contacts').fill('kolkata');
  await expect(table.getByRole('rowheader')).toHaveText(['Priya Raman']);
  await expect(page.locator('#contacts-range')).toHaveText('1–1 of 1 (of 2 contacts)');
  await page.getByLabel('Search contacts').fill('');

  // Edit.
  await table.getByRole('button', { name: 'Edit Ana Souza' }).click();
  const edit = page.getByRole('form', { name: 'Edit Ana Souza' });
  await edit.getByLabel('Slack member ids').fill('U0ANA1');
  await edit.getByRole('button', { name: 'Save contact' }).click();
  await expect(table.getByRole('row', { name: /Ana Souza/ })).toContainText('U0ANA1');

  // CSV out.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export contacts (CSV)' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('name,emails,slackIds,timeZone,hours,daysOff,holidays,source');
  expect(csv).toContain('Ana Souza,ana@example.com,U0ANA1,America/Sao_Paulo,,,,typed');

  // Delete, with a confirmation.
  await table.getByRole('button', { name: 'Delete Ana Souza' }).click();
  await table.getByRole('button', { name: 'Confirm deleting Ana Souza' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);

  // CSV in: a bad line is named and nothing changes; a good file updates Priya and brings Ana back.
  const input = page.getByLabel('Import contacts (CSV)');
  const bad = `${csv.trim()}\r\nBroken,not-an-address,,,,,\r\n`;
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.getByRole('alert')).toContainText('bad.csv: Line 4: emails[0] ("not-an-address"): is not an email address.');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed');
  await expect(table.getByRole('row')).toHaveCount(2);
  const good = csv.replace('Asia/Kolkata', 'Asia/Colombo');
  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 contacts: 1 added, 1 updated.' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /Priya Raman/ })).toContainText('Asia/Colombo');
});

test('autosave: Start here leads, preferences (folded) are checked inline and save themselves with "Saved", and Undo puts them back', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const options = await openOptions(harness);
  const page = options.page;
  // Start here is the first section, and no section has a Save button any more.
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Start here');
  await expect(page.getByRole('button', { name: /^Save (working hours|time zone|preferences|exceptions)$/ })).toHaveCount(0);
  const group = page.getByRole('group', { name: 'When to ask' });
  await expect(group).toBeHidden();
  await page.getByText('More settings', { exact: true }).click();
  const before = ((await options.exportJson()) as { preferences: Record<string, unknown> }).preferences;
  await group.getByLabel('Don’t ask when their work starts within (minutes)').fill('300');
  await group.getByLabel('Name people in the dialog up to (recipients)').fill('0');
  await group.getByLabel('Name people in the dialog up to (recipients)').press('Tab');
  await expect(group.getByRole('alert')).toHaveText(['The minutes before their work starts must be from 0 to 240.', 'The number of people to name must be from 1 to 1000.']);
  expect(((await options.exportJson()) as { preferences: unknown }).preferences).toEqual(before);
  await group.getByLabel('Don’t ask when their work starts within (minutes)').fill('45');
  await group.getByLabel('Name people in the dialog up to (recipients)').fill('8');
  await group.getByLabel('When I press Send now').selectOption({ label: 'Ask for a reason (I can skip it)' });
  // No press, no Tab: a pause in typing saves too.
  await group.getByLabel('Send now limit per day').fill('3');
  await expect(group.getByRole('alert')).toHaveCount(0);
  await expect
    .poll(async () => ((await options.exportJson()) as { preferences: unknown }).preferences)
    .toEqual({ graceMinutes: 45, largeListThreshold: 8, sendNowReason: 'ask', sendNowDailyLimit: 3 });
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Change undone' })).toBeVisible();
  await expect.poll(async () => ((await options.exportJson()) as { preferences: Record<string, unknown> }).preferences).not.toEqual({
    graceMinutes: 45, largeListThreshold: 8, sendNowReason: 'ask', sendNowDailyLimit: 3,
  });
  await expect(group.getByLabel('Send now limit per day')).toHaveValue('');
});

test('history: a chart over weeks with a table by site, the event log, and clear history', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const weekStart = DateTime.now().setZone(ZONE).startOf('week');
  // Three weeks ago: 6 Gmail events; this week: 4 Slack events (cycled actions: held, scheduled, sent-anyway, nudged...).
  await seedEvents(harness.worker, { count: 6, from: weekStart.minus({ weeks: 3 }).toMillis() + 3_600_000, to: weekStart.minus({ weeks: 3 }).toMillis() + 7_200_000, sites: ['gmail'], actions: ['held', 'held', 'scheduled', 'sent-anyway', 'nudged', 'kept-editing'] });
  await seedEvents(harness.worker, { count: 4, from: weekStart.toMillis() + 60_000, to: Math.min(Date.now(), weekStart.toMillis() + 120_000), sites: ['slack'], actions: ['held', 'scheduled', 'sent-anyway', 'nudged'] });
  const options = await openOptions(harness);
  const history = options.page.locator('#history');
  await expect(history.getByRole('img', { name: /over the last 12 weeks: 3 held, 2 scheduled, 2 sent anyway/ })).toBeVisible();
  await expect(history.locator('.ct-bar')).not.toHaveCount(0);
  const weekly = history.getByRole('table', { name: 'Weekly counts, all sites' });
  // Weeks as calendarDate writes them in the browser's locale (en-US here): "Mon, Mar 2, 2026".
  const thisWeek = weekStart.setLocale('en-US').toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY);
  const threeAgo = weekStart.minus({ weeks: 3 }).setLocale('en-US').toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY);
  await expect(weekly.getByRole('row', { name: thisWeek })).toHaveText(`${thisWeek}1111`);
  await expect(weekly.getByRole('row', { name: threeAgo })).toHaveText(`${threeAgo}2111`);
  await history.getByLabel('Site', { exact: true }).selectOption('slack');
  const slack = history.getByRole('table', { name: 'Weekly counts, Slack' });
  await expect(slack.getByRole('row', { name: threeAgo })).toHaveText(`${threeAgo}0000`);
  await expect(history.getByRole('table', { name: 'Event log' }).getByRole('row')).toHaveCount(11);

  await history.getByRole('button', { name: 'Clear history' }).click();
  await history.getByRole('button', { name: 'Yes, clear history' }).click();
  await expect(history.getByRole('status')).toHaveText('History cleared.');
  // Nothing left to chart: one line instead of weeks of zeros.
  await expect(history.getByRole('table')).toHaveCount(0);
  await expect(history).toContainText('Nothing yet. When a send is held');
  const popup = await harness.openExtensionPage('popup.html');
  await expect(popup.getByRole('region', { name: 'This week' }).getByRole('definition')).toHaveText(['0', '0', '0']);
});

test('reset everything returns to the defaults after a confirmation', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: 'Asia/Kathmandu' }));
  const options = await openOptions(harness);
  await options.page.getByRole('button', { name: 'Reset everything…' }).click();
  await options.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.page.getByRole('combobox', { name: 'Time zone', exact: true })).toHaveValue('Asia/Kathmandu');
  await options.page.getByRole('button', { name: 'Reset everything…' }).click();
  await options.page.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(options.page.getByRole('status').filter({ hasText: 'Everything was reset; the history was kept.' })).toBeVisible();
  await expect(options.page.getByRole('combobox', { name: 'Time zone', exact: true })).not.toHaveValue('Asia/Kathmandu');
  const exported = (await options.exportJson()) as { contacts: unknown[]; sites: unknown };
  expect(exported.contacts).toEqual([]);
  expect(exported.sites).toEqual({ gmail: 'confirm', slack: 'nudge', docs: 'confirm' });
});

test('the options page is keyboard-reachable and fits a 200 % zoom window without sideways scrolling', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const options = await openOptions(harness);
  for (const width of [640, 320]) {
    await options.page.setViewportSize({ width, height: 800 });
    const { scroll, client } = await options.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `sideways scrolling at ${width} px`).toBeLessThanOrEqual(client);
  }
  // Every control has an accessible name.
  const unnamed = await options.page.evaluate(() =>
    [...document.querySelectorAll('input, select, button, textarea')]
      .filter((el) => {
        const id = el.id;
        const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (id && document.querySelector(`label[for="${id}"]`)) || el.closest('label');
        const text = el.tagName === 'BUTTON' && (el.textContent ?? '').trim();
        return !labelled && !text;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});

test('template editor: a new template is checked, previewed, offered in an open Gmail page, and round-trips through the settings file', async ({ harness }) => {
  await importSettingsFile(harness, scene({ meZone: ZONE }));
  const gmail = await openGmail(harness, { to: PRIYA, body: '' });
  const options = await openOptions(harness);
  const group = options.page.getByRole('group', { name: 'Context templates' });
  await group.getByRole('button', { name: 'New template' }).click();
  const form = group.getByRole('form', { name: 'New template' });
  await form.getByLabel('Title').fill('Heads-up');
  await form.getByLabel('Text').fill('Hi {recipient_names}, no rush: {their_tme}.');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(form.getByRole('alert')).toContainText('Unknown variable {their_tme}: did you mean {their_time}?');
  await form.getByLabel('Text').fill('Hi {recipient_names}, no rush ({their_time}).');
  await expect(form.getByRole('region', { name: 'Preview' })).toContainText('Hi Priya and Ana, no rush (');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(group.getByRole('status')).toHaveText('Saved “Heads-up”.');
  await group.getByRole('button', { name: 'Move Heads-up up' }).click();
  await expect(group.getByRole('list', { name: 'Templates, in menu order' }).getByRole('listitem').first()).toContainText('Heads-up');

  // The open Gmail page offers it at once, filled for its recipient.
  await gmail.body().click();
  await gmail.compose().getByRole('button', { name: 'Insert context template' }).click();
  await expect(gmail.page.getByRole('listbox', { name: 'Context templates' }).getByRole('option').first()).toHaveText('Heads-up');
  // Her time, with her weekday when her date is not the sender's (Kolkata is past midnight while Berlin is not).
  const at = DateTime.now();
  const kolkata = at.setZone('Asia/Kolkata');
  const weekday = kolkata.toISODate() === at.setZone(ZONE).toISODate() ? '' : `${kolkata.toFormat('ccc')} `;
  await gmail.page.getByRole('option', { name: 'Heads-up' }).click();
  await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toMatch(new RegExp(`^Hi Priya, no rush \\(${weekday}\\d{1,2}:\\d{2} [AP]M in Asia/Kolkata\\)\\.$`));

  // Export, change it in the file, import: the editor shows the file's version.
  const exported = (await options.exportJson()) as { templates: Array<{ id: string; title: string; body: string }> };
  expect(exported.templates[0]).toEqual({ id: 'heads-up', title: 'Heads-up', body: 'Hi {recipient_names}, no rush ({their_time}).' });
  exported.templates[0]!.title = 'Heads-up (v2)';
  await options.importText(JSON.stringify(exported), 'templates.json');
  await expect(group.getByRole('list', { name: 'Templates, in menu order' }).getByRole('listitem').first()).toContainText('Heads-up (v2)');
});
