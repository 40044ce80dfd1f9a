/**
 * Every plausible form of the sites' own date and time pickers (replica variants behind ?date= and
 * ?time=; sources in README and sites.md): the extension schedules at the exact minute in the
 * browser's zone, which differs from the user's own (Berlin), or stops at a named step with nothing
 * scheduled, nothing sent and the draft as it was.
 */
import { DateTime } from 'luxon';
import { EVENTUALLY, test, expect } from './harness';
import { openGmail } from './pages/gmail';
import { openSlack } from './pages/slack';
import { importSettingsFile } from './pages/options';
import { everyDayFromNow, scene, startIn } from './settings-file';

const PRIYA = 'priya@example.com';
const BODY = 'Hi Priya 👋🏽\nשלום עולם — مرحبا\nCafé ✓';
const MESSAGE = 'Can you check the deploy? 🚀 שלום';
/** Alice (New York) starts work three hours from `now`. */
const aliceOutside = (now: Date) => ({ name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240, now) });

/** The recipient starts work 180 minutes after the scene's `now` (to the minute); the slot is that, rounded up to `step` minutes. */
function expectedSlot(now: Date, stepMinutes: number): number {
  const step = stepMinutes * 60_000;
  return Math.ceil(startIn(180, now) / step) * step;
}

test.describe('Gmail "Pick date & time" variants, browser in New York, user in Berlin', () => {
  test.use({ browserTimeZone: 'America/New_York' });

  const variants: Array<Record<string, string>> = [
    { date: 'native' },
    { date: 'numeric' },
    { date: 'grid' },
    { time: 'select' },
    { time: 'listbox' },
    { date: 'numeric', variant: 'de' },
    { date: 'grid', time: 'listbox' },
  ];
  // One browser for the whole matrix (a launch costs more than a variant): each variant in its own page.
  test('schedules at the exact minute in every variant', async ({ harness }) => {
    const now = new Date();
    await importSettingsFile(harness, scene({ now }));
    for (const params of variants) {
      await test.step(`${new URLSearchParams(params)}`, async () => {
        const gmail = await openGmail(harness, { to: PRIYA, body: BODY, ...params });
        await gmail.send().click();
        await gmail.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
        await expect.poll(() => gmail.log('scheduled'), { timeout: EVENTUALLY }).toHaveLength(1);
        const [scheduled] = await gmail.log('scheduled');
        expect(scheduled).toMatchObject({ atMs: expectedSlot(now, 15), source: 'picker', to: [PRIYA], body: BODY });
        expect(await gmail.log('sent')).toHaveLength(0);
        await gmail.page.close();
      });
    }
  });
});

test.describe('Slack "Custom time" variants, browser in Tokyo, user in Berlin', () => {
  test.use({ browserTimeZone: 'Asia/Tokyo' });

  const variants: Array<{ query: Record<string, string>; step: number }> = [
    { query: {}, step: 15 },
    { query: { date: 'text-year' }, step: 15 },
    { query: { date: 'numeric' }, step: 15 },
    { query: { date: 'native' }, step: 15 },
    { query: { date: 'calendar' }, step: 15 },
    { query: { time: 'text' }, step: 15 },
    { query: { time: 'select' }, step: 15 },
    { query: { time: 'listbox30' }, step: 30 },
    { query: { lang: 'de' }, step: 15 },
    { query: { lang: 'de', date: 'numeric', time: 'text' }, step: 15 },
  ];
  test('schedules at the exact minute in every variant', async ({ harness }) => {
    const now = new Date();
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [aliceOutside(now)], now }));
    for (const { query, step } of variants) {
      await test.step(`${new URLSearchParams(query) || 'default'}`, async () => {
        const slack = await openSlack(harness, '/D0TEST', `?${new URLSearchParams(query)}`);
        await slack.editor().click();
        await slack.page.keyboard.type(MESSAGE);
        await slack.page.keyboard.press('Enter');
        await slack.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
        await expect.poll(() => slack.log('scheduled'), { timeout: EVENTUALLY }).toHaveLength(1);
        const expected = DateTime.fromMillis(expectedSlot(now, step)).setZone('Asia/Tokyo').toFormat("yyyy-MM-dd'T'HH:mm");
        expect((await slack.log('scheduled'))[0]).toMatchObject({ channel: 'D0TEST', text: MESSAGE, at: expected });
        expect(await slack.log('sent')).toHaveLength(0);
        if (expectedSlot(now, step) !== expectedSlot(now, 15)) {
          // The list had no option at the suggested quarter hour: the page says which minute Slack took.
          const taken = DateTime.fromMillis(expectedSlot(now, step)).setZone('Europe/Berlin').toFormat('ccc h:mm a');
          await expect(slack.page.getByRole('status').filter({ hasText: taken })).toBeVisible();
        }
        await slack.page.close();
      });
    }
  });

  test('a time field that takes no value it was given stops at "the time field": Slack\u2019s dialog stays open, nothing is scheduled or sent', async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [aliceOutside(new Date())] }));
    const slack = await openSlack(harness, '/D0TEST', '?time=trusted-only');
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    await slack.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect(slack.page.getByRole('status').filter({ hasText: "Couldn't finish scheduling (the time field)" })).toBeVisible({ timeout: EVENTUALLY });
    await expect(slack.page.locator('[data-qa="schedule_message_modal"]')).toBeVisible();
    expect(await slack.log('scheduled')).toHaveLength(0);
    expect(await slack.log('sent')).toHaveLength(0);
    expect(await slack.editor().evaluate((el) => (el as HTMLElement).innerText)).toBe(MESSAGE);
    // Site health: the page says so once, and the popup names Slack.
    await expect(slack.page.getByRole('note', { name: 'Async Etiquette' })).toContainText("couldn't finish the site's own scheduler");
    const popup = await harness.openExtensionPage('popup.html');
    await expect(popup.getByRole('alert')).toContainText('Slack', { timeout: EVENTUALLY });
  });
});
