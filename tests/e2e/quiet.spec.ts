/**
 * Quiet tabs (issue 19; contract §1 `quiet`, §3): the user's own evenings. The scenes put the user
 * outside their working time now (their day starts three hours from now), so quiet applies; moving
 * their hours to "around the clock" is working time starting, without a reload.
 */
import AxeBuilder from '@axe-core/playwright';
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { EVENTUALLY, test, expect, type Harness } from './harness';
import { importSettingsFile } from './pages/options';
import { openGmail, type FixtureEntry } from './pages/gmail';
import { openSlack } from './pages/slack';
import { ALWAYS, everyDayFromNow, scene, startIn } from './settings-file';

const ZONE = 'Europe/Berlin';
const QUIET_OFF = { gmail: 'off', slack: 'off', docs: 'off' };
const PREFERENCES = { graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: false };

/** A message from someone else, as the replica's site delivers it (title marker, desktop notification). */
async function arrive(page: Page, ...args: string[]): Promise<void> {
  await page.evaluate((a) => {
    const fixture = (window as unknown as { __fixture: { arrive(...x: unknown[]): void } }).__fixture;
    if (a.length === 1) fixture.arrive({ from: a[0], subject: 'Quick question' });
    else fixture.arrive(...a);
  }, args);
}

const shown = (entries: FixtureEntry[]) => entries.map((e) => `${String(e.title)}: ${e.shown ? 'shown' : 'kept back'}`);

test('calm: after hours Gmail’s title has no unread count and its notifications stay back (an exception’s shows); working time gives both back without a reload', async ({ harness }) => {
  await harness.context.grantPermissions(['notifications'], { origin: 'https://mail.google.com' });
  const now = new Date();
  const evening = {
    ...scene({ me: everyDayFromNow(ZONE, 180, 240, now), meZone: ZONE, now }),
    quiet: { ...QUIET_OFF, gmail: 'calm' },
    preferences: { ...PREFERENCES, quietExceptions: ['Priya Raman'] },
  };
  await importSettingsFile(harness, evening);
  const gmail = await openGmail(harness);
  await expect(gmail.page.locator('html[data-async-etiquette-quiet="calm"]')).toBeAttached();
  await arrive(gmail.page, 'Bob Builder');
  await arrive(gmail.page, 'Priya Raman');
  await arrive(gmail.page, 'Bob Builder');
  await expect(gmail.page).toHaveTitle(/^Inbox - \S+@\S+ - Gmail$/);
  expect(shown(await gmail.log('notification'))).toEqual(['Bob Builder: kept back', 'Priya Raman: shown', 'Bob Builder: kept back']);
  // The tab icon Gmail showed with no unread mail, not the one with the count.
  const icon = () => gmail.page.locator('link[rel="icon"]').getAttribute('href');
  expect(await icon()).not.toContain('<text');

  // Working time starts: the site's own title is back, and its next notification shows.
  await importSettingsFile(harness, { ...evening, me: { ...evening.me, weekly: ALWAYS } });
  await expect(gmail.page).toHaveTitle(/^Inbox \(3\) - \S+@\S+ - Gmail$/, { timeout: EVENTUALLY });
  expect(await icon()).toContain('>3</text>');
  await expect(gmail.page.locator('html[data-async-etiquette-quiet]')).toHaveCount(0);
  await arrive(gmail.page, 'Bob Builder');
  await expect(gmail.page).toHaveTitle(/^Inbox \(4\) - /);
  expect(shown(await gmail.log('notification')).at(-1)).toBe('Bob Builder: shown');
});

test('shield: set in the popup with one click, the cover says until when, keeps keys from the page, and Open anyway finds the draft byte-identical and Send still held', async ({ harness }) => {
  const now = new Date();
  const alice = { name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240, now) };
  const evening = scene({ site: 'slack', me: everyDayFromNow(ZONE, 180, 240, now), meZone: ZONE, contacts: [alice], now });
  await importSettingsFile(harness, evening);
  const slack = await openSlack(harness, '/C0TEST');
  await slack.editor().click();
  await slack.page.keyboard.type('Half a thought, to finish tomorrow 🌙');
  harness.secrets.push('Half a thought, to finish tomorrow');
  const draft = await slack.editor().innerHTML();

  // Shield is turned on in the popup (one click) while the draft is open: the page is covered, nothing in it changes.
  const popup = await harness.openExtensionPage('popup.html');
  await popup.getByRole('group', { name: 'Quiet tabs' }).getByRole('group', { name: 'Slack' }).getByRole('radio', { name: 'Shield' }).click();
  const start = DateTime.fromMillis(startIn(180, now), { zone: ZONE, locale: 'en-US' }).toFormat('EEE h:mm a');
  await expect(popup.getByText(`Quiet until ${start}: Slack`)).toBeVisible();
  await slack.page.bringToFront();
  const cover = slack.page.getByRole('dialog', { name: /^Work can wait/ });
  await expect(cover).toBeVisible({ timeout: EVENTUALLY });
  await expect(cover).toContainText(`Slack is quiet until ${start}`);
  await expect(cover.getByRole('button', { name: 'Open anyway' })).toBeFocused();
  const axe = await new AxeBuilder({ page: slack.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('async-etiquette-ui').analyze();
  expect(axe.passes.length).toBeGreaterThan(0);
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await slack.page.keyboard.type('zz');
  await slack.page.keyboard.press('Escape');
  expect(await slack.editor().innerHTML()).toBe(draft);
  await arrive(slack.page, 'D0TEST', 'U0ALICE', 'Are you around?');
  await expect(slack.page).toHaveTitle(/^general \(Channel\) - Test Workspace - Slack$/);
  expect(shown(await slack.log('notification'))).toEqual(['Alice Example: kept back']);
  expect(await slack.log('sent')).toHaveLength(0);

  await cover.getByRole('button', { name: 'Open anyway' }).click();
  await expect(cover).toHaveCount(0);
  expect(await slack.editor().innerHTML()).toBe(draft);
  // Still calm while the page is open, and a send is still judged as before.
  await expect(slack.page).toHaveTitle(/^general \(Channel\)/);
  await slack.editor().click();
  await slack.page.keyboard.press('End');
  await slack.page.keyboard.press('Enter');
  await expect(slack.holdDialog()).toBeVisible();
  expect(await slack.log('sent')).toHaveLength(0);

  // The week counts the quiet evening and the peek (counts and times only).
  await popup.reload();
  await expect(popup.getByText('Quiet evenings: 1 · Opened anyway: 1')).toBeVisible({ timeout: EVENTUALLY });
});

test.describe('peek', () => {
  test.use({ movableClock: true });

test('peek: what is opened anyway is handed to the next working start with one click, which fires there as a notification; working time gives the page back; the worker keeps ids and times only', async ({ harness }) => {
  const now = new Date();
  const evening = { ...scene({ site: 'slack', me: everyDayFromNow(ZONE, 180, 240, now), meZone: ZONE, now }), quiet: { ...QUIET_OFF, slack: 'shield' } };
  await importSettingsFile(harness, evening);
  const slack = await openSlack(harness, '/C0TEST');
  await slack.page.getByRole('dialog', { name: /^Work can wait/ }).getByRole('button', { name: 'Open anyway' }).click({ timeout: EVENTUALLY });
  const bar = slack.page.getByRole('region', { name: 'Opened anyway' });
  await expect(bar).toContainText(/^Opened anyway until \d{1,2}:\d\d [AP]M/);

  // Another conversation (the replica navigates as Slack does, by history.pushState); a popstate makes the page look at once.
  await slack.go('/D0TEST');
  await slack.page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
  const start = startIn(180, now);
  const label = DateTime.fromMillis(start, { zone: ZONE, locale: 'en-US' }).toFormat('EEE h:mm a');
  await bar.getByRole('button', { name: `Remind me at ${label}` }).click();
  await expect(bar.getByRole('status')).toHaveText(`Reminder set for ${label}: 2 opened`);

  const stored = await harness.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> }; storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } };
    return { alarm: await chrome.alarms.get('peek-reminder'), data: (await chrome.storage.local.get('peekReminders')).peekReminders };
  });
  expect(stored.alarm?.scheduledTime).toBe(start);
  expect(stored.data).toEqual({
    pending: [{ id: expect.any(String), site: 'slack', at: start, createdAt: expect.any(Number), items: ['T0TEST/C0TEST', 'T0TEST/D0TEST'] }],
    shown: [],
  });
  expect(JSON.stringify(stored.data)).not.toMatch(/general|Alice|Test Workspace/);

  // A minute before the working start: the 15-minute peek is long over, so the cover is back; no reminder yet.
  const cover = slack.page.getByRole('dialog', { name: /^Work can wait/ });
  await harness.clock!.moveTo(start - 60_000);
  await expect(cover).toBeVisible({ timeout: EVENTUALLY });
  await expect(bar).toHaveCount(0);
  expect(await reminderState(harness)).toEqual({ notifications: [], pending: 1, shown: 0 });
  // At the working start: the reminder is shown once, and the page is given back without a reload.
  await harness.clock!.moveTo(start + 1_000);
  const { id } = (stored.data as { pending: [{ id: string }] }).pending[0];
  await expect.poll(() => reminderState(harness), { timeout: EVENTUALLY }).toEqual({ notifications: [`peek:${id}`], pending: 0, shown: 1 });
  await expect(cover).toHaveCount(0, { timeout: EVENTUALLY });
  await expect(slack.page.locator('html[data-async-etiquette-quiet]')).toHaveCount(0);
});
});

/** The worker's peek reminders: notifications on screen, and how many wait or were shown. */
async function reminderState(harness: Harness): Promise<{ notifications: string[]; pending: number; shown: number }> {
  // From an extension page: the worker may have been stopped and started again by the alarm.
  const page = await harness.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> }; storage: { local: { get(k: string): Promise<Record<string, { pending: unknown[]; shown: unknown[] } | undefined>> } } } };
      const data = (await chrome.storage.local.get('peekReminders')).peekReminders;
      return { notifications: Object.keys(await chrome.notifications.getAll()), pending: data?.pending.length ?? 0, shown: data?.shown.length ?? 0 };
    });
  } finally {
    await page.close();
  }
}
