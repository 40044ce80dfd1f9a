/**
 * Send now with a reason (issue 21): the reason step ('ask' and 'require'), the recipients' line put
 * at the start of the message as plain text and sent once, the daily limit (the user's own, and the
 * organisation's locked one), and an older settings file's `askReasonOnSendNow`.
 */
import type { Worker } from '@playwright/test';
import { DateTime } from 'luxon';
import { published, test, expect, type Harness } from './harness';
import { withManagedPolicy } from './managed-policy';
import { openGmail, type GmailPage } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { openSlack } from './pages/slack';
import { ALWAYS, everyDayFromNow, scene, startIn } from './settings-file';

const PRIYA = 'priya@example.com';
const BODY = 'Hi Priya, the deploy is stuck on step 3 and I need your eyes on it.';
const REASON_TITLE = 'Why does this need to go now?';

/**
 * The sender's zone: one where it is near midday now, so "today" (the daily limit's day) cannot end
 * between two sends of one test, whenever the suite runs.
 */
function middayZone(now = new Date()): string {
  const zones = ['Pacific/Honolulu', 'America/Los_Angeles', 'America/New_York', 'Atlantic/Azores', 'Europe/Berlin', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Auckland'];
  const fromNoon = (zone: string) => Math.abs(DateTime.fromJSDate(now, { zone }).hour + DateTime.fromJSDate(now, { zone }).minute / 60 - 12);
  return zones.reduce((best, zone) => (fromNoon(zone) < fromNoon(best) ? zone : best));
}

interface StoredEvent {
  action: string;
  site: string;
  reason?: string;
}

/** The event log as the worker stored it. */
async function events(worker: Worker): Promise<StoredEvent[]> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('async-etiquette');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<StoredEvent[]>((resolve, reject) => {
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result as StoredEvent[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  });
}

const sentAnyway = async (harness: Harness) => (await events(harness.worker)).filter((e) => e.action === 'sent-anyway');

/** Priya (Asia/Kolkata) starts three hours after `now`: the line's "until" in her wall clock. */
function priyaStart(now: Date, locale = 'en-GB'): string {
  return DateTime.fromMillis(startIn(180, now), { zone: 'Asia/Kolkata', locale }).toFormat('EEE HH:mm');
}

function withPreferences(preferences: object, now = new Date()) {
  return { ...scene({ now, meZone: middayZone(now) }), preferences };
}

test.describe('Send now asks for a reason', () => {
  test("'ask': Send now offers one-tap reasons and a skip; a tap sends once, unchanged, and only the reason is counted", async ({ harness }) => {
    await importSettingsFile(harness, withPreferences({ sendNowReason: 'ask' }));
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await expect(dialog.getByRole('heading', { name: REASON_TITLE })).toBeVisible();
    for (const name of ['Incident', 'They asked for it', 'Customer waiting', 'In my own words', 'Send without a reason', 'Keep editing']) {
      await expect(dialog.getByRole('button', { name })).toBeVisible();
    }
    // The line for the recipients is offered, unticked unless the user chose it before.
    await expect(dialog.getByRole('checkbox', { name: /^Start the message with a line for them/ })).not.toBeChecked();
    expect(await gmail.log('sent')).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Customer waiting' }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
    expect((await gmail.log('sent'))[0]).toMatchObject({ to: [PRIYA], body: BODY });
    await expect.poll(() => sentAnyway(harness)).toEqual([expect.objectContaining({ site: 'gmail', reason: 'customer' })]);
    await gmail.page.waitForTimeout(300);
    expect(await gmail.log('sent')).toHaveLength(1);
  });

  test("'ask': Send without a reason sends once, and no reason is counted", async ({ harness }) => {
    await importSettingsFile(harness, withPreferences({ sendNowReason: 'ask' }));
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await gmail.holdDialog().getByRole('button', { name: 'Send without a reason' }).click();
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
    expect((await gmail.log('sent'))[0]).toMatchObject({ body: BODY });
    await expect.poll(() => sentAnyway(harness)).toHaveLength(1);
    expect((await sentAnyway(harness))[0]!.reason).toBeUndefined();
  });

  test("'require': no skip; Escape keeps the draft; own words go into the line at the start, sent once as plain text, and are never stored", async ({ harness }) => {
    const now = new Date();
    await importSettingsFile(harness, withPreferences({ sendNowReason: 'require' }, now));
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    const dialog = gmail.holdDialog();
    await expect(dialog.getByText('Choose a reason to send now.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send without a reason' })).toHaveCount(0);
    await gmail.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toBe(BODY);
    expect(await gmail.log('sent')).toHaveLength(0);

    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await dialog.getByRole('button', { name: 'In my own words' }).click();
    const send = dialog.getByRole('button', { name: 'Send with this reason' });
    await expect(send).toBeDisabled();
    const ownWords = 'pager woke <b>me</b> up';
    harness.secrets.push(ownWords);
    await dialog.getByLabel('Your reason (never saved)').fill(ownWords);
    await dialog.getByRole('checkbox', { name: /^Start the message with a line for them/ }).check();
    await send.click();
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
    const line = `Urgent (${ownWords}): sent outside your hours, no need to reply until ${priyaStart(now)} your time.`;
    const body = String((await gmail.log('sent'))[0]!.body);
    // The line, a blank line (Gmail's body is blocks: the replica's innerText shows their breaks), the message as written.
    expect(body.startsWith(`${line}\n`)).toBe(true);
    expect(body.endsWith(BODY)).toBe(true);
    expect(body.slice(line.length, -BODY.length).replace(/\n/g, '')).toBe('');
    expect(body.slice(line.length, -BODY.length).length).toBeGreaterThanOrEqual(2);
    // Plain text: the angle brackets arrived as typed, nothing became markup.
    expect(await gmail.page.locator('div.M9 [g_editable=true] b').count()).toBe(0);
    await expect.poll(() => sentAnyway(harness)).toEqual([expect.objectContaining({ reason: 'own-words' })]);
    await gmail.page.waitForTimeout(300);
    expect(await gmail.log('sent')).toHaveLength(1);
  });

  test('Slack: the ticked line is put first in a DM and sent once; the box is remembered for the next Send now', async ({ harness }) => {
    const now = new Date();
    const alice = { name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240, now) };
    await importSettingsFile(harness, { ...scene({ site: 'slack', contacts: [alice], now, meZone: middayZone(now) }), preferences: { sendNowReason: 'ask' } });
    const slack = await openSlack(harness);
    const message = 'Can you check the deploy? 🚀';
    await slack.editor().click();
    await slack.page.keyboard.type(message);
    await slack.page.keyboard.press('Enter');
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await slack.holdDialog().getByRole('checkbox', { name: /^Start the message with a line for them/ }).check();
    await slack.holdDialog().getByRole('button', { name: 'Incident' }).click();
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
    const until = DateTime.fromMillis(startIn(180, now), { zone: 'America/New_York', locale: 'en-GB' }).toFormat('EEE HH:mm');
    expect((await slack.log('sent'))[0]).toMatchObject({
      channel: 'D0TEST',
      text: `Urgent (incident): sent outside your hours, no need to reply until ${until} your time.\n${message}`,
    });
    await slack.page.waitForTimeout(300);
    expect(await slack.log('sent')).toHaveLength(1);

    // The next Send now starts with the box as the user left it.
    await slack.editor().click();
    await slack.page.keyboard.type('One more thing');
    await slack.page.keyboard.press('Enter');
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect(slack.holdDialog().getByRole('checkbox', { name: /^Start the message with a line for them/ })).toBeChecked();
  });

  test('a settings file from before issue 21 that says askReasonOnSendNow: true asks for a reason, and exports the new field', async ({ harness }) => {
    await importSettingsFile(harness, { ...scene({ meZone: middayZone() }), preferences: { graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: true } });
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect(gmail.holdDialog().getByRole('heading', { name: REASON_TITLE })).toBeVisible();
    await expect(gmail.holdDialog().getByRole('button', { name: 'Send without a reason' })).toBeVisible();
    const options = await openOptions(harness);
    const exported = (await options.exportJson()) as { preferences: Record<string, unknown> };
    expect(exported.preferences).toMatchObject({ sendNowReason: 'ask', sendNowDailyLimit: null });
    expect(exported.preferences).not.toHaveProperty('askReasonOnSendNow');
  });
});

/** Send now on a held draft, under the limit and with no reason asked: it goes at once, as without the feature. */
function sendNowOnce(harness: Harness) {
  return async (gmail: GmailPage) => {
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
    await expect.poll(() => sentAnyway(harness)).toHaveLength(1);
  };
}

/** A second draft tonight, held, and Send now pressed on it: what the limit answers. */
async function pressSendNowAgain(harness: Harness): Promise<GmailPage> {
  const second = await openGmail(harness, { to: PRIYA, body: 'Second one tonight, sorry.' });
  await second.send().click();
  await second.holdDialog().getByRole('button', { name: 'Send now' }).click();
  return second;
}

test.describe('the daily Send now limit', () => {
  test('past your own limit, Send now explains and offers Schedule, and still sends after you confirm', async ({ harness }) => {
    await importSettingsFile(harness, withPreferences({ sendNowReason: 'off', sendNowDailyLimit: 1 }));
    await openGmail(harness, { to: PRIYA, body: BODY }).then(sendNowOnce(harness));
    const second = await pressSendNowAgain(harness);
    const dialog = second.holdDialog();
    await expect(dialog.getByRole('heading', { name: "Today's Send now limit is reached" })).toBeVisible();
    await expect(dialog).toContainText('You have used Send now once today; your limit is 1.');
    await expect(dialog.getByRole('button', { name: /^Schedule for \w{3} \d{1,2}:\d{2}( [AP]M)?$/ })).toBeVisible();
    expect(await second.log('sent')).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => second.log('sent')).toHaveLength(1);
    expect((await second.log('sent'))[0]).toMatchObject({ body: 'Second one tonight, sorry.' });
    await expect.poll(() => sentAnyway(harness)).toHaveLength(2);
  });

  test("the organisation's locked limit: past it, Send now offers Schedule and Keep editing, and does not send", async () => {
    const policy = { locked: { preferences: { sendNowDailyLimit: 1 } } };
    await withManagedPolicy(policy, async (harness) => {
      const zone = middayZone();
      await importSettingsFile(harness, { ...scene({ meZone: zone }), me: { timeZone: zone, weekly: ALWAYS, daysOff: [] } });
      const first = await openGmail(harness, { to: PRIYA, body: BODY });
      // The worker reads managed storage without delaying its start: wait until the page holds the locked limit.
      await published(harness, first.page, (settings) => (settings.preferences as { sendNowDailyLimit?: number | null }).sendNowDailyLimit === 1);
      await sendNowOnce(harness)(first);
      const second = await pressSendNowAgain(harness);
      const dialog = second.holdDialog();
      await expect(dialog).toContainText("Your organisation's Send now limit is 1 a day, and today's are used.");
      await expect(dialog.getByRole('button', { name: 'Send anyway' })).toHaveCount(0);
      await expect(dialog.getByRole('button', { name: /^Schedule for / })).toBeVisible();
      await dialog.getByRole('button', { name: 'Keep editing' }).click();
      await expect(dialog).toHaveCount(0);
      expect(await second.body().evaluate((el) => (el as HTMLElement).innerText)).toBe('Second one tonight, sorry.');
      expect(await second.log('sent')).toHaveLength(0);
    });
  });
});
