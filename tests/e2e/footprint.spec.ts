/**
 * Issue 21: the sender's own footprint. A real Send now in the Gmail replica records how many it
 * reached more than an hour outside their hours; older weeks are seeded in the worker's event log.
 * Options shows 12 weeks as a chart with a table view and a CSV made in the page; the popup shows
 * this week against last week in one line. Every expectation derives from the recorded send's instant.
 */
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { scanBoth } from './axe';
import { expect, test, type Harness } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile } from './pages/options';
import { loggedEvents, seedEventList } from './seed-events';
import { scene } from './settings-file';

const ZONE = 'Europe/Berlin';
const PRIYA = 'priya@example.com';
const BODY = 'Footprint check: the quarterly numbers are in the sheet';

/** Sends one message to Priya (three hours before her start) with Send now; returns the event it recorded. */
async function sendNowToPriya(harness: Harness): Promise<Record<string, unknown>> {
  await importSettingsFile(harness, scene());
  const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
  await gmail.send().click();
  await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
  await expect.poll(() => gmail.log('sent')).toHaveLength(1);
  let sent: Record<string, unknown> | undefined;
  await expect
    .poll(async () => {
      sent = (await loggedEvents(harness.worker)).find((e) => e.action === 'sent-anyway');
      return sent;
    })
    .toBeTruthy();
  await gmail.page.close();
  return sent!;
}

const base = { verdict: 'recipients-outside', recipients: 2 };

/** The weeks around the send, in Berlin: this week's Monday and instants in earlier weeks. */
function weeksAround(at: number) {
  const monday = DateTime.fromMillis(at, { zone: ZONE }).startOf('week');
  const inWeek = (weeksBack: number) => monday.minus({ weeks: weeksBack }).plus({ days: 2, hours: 21 }).toMillis();
  return { monday, inWeek };
}

test.describe('footprint', () => {
  test('options: a chart of 12 weeks, its table view and a CSV made in the page, by site', async ({ harness }) => {
    const sent = await sendNowToPriya(harness);
    // Priya starts in three hours and stopped long ago: one person reached far outside; no reason asked.
    expect(sent).toMatchObject({ site: 'gmail', action: 'sent-anyway', farOutside: 1 });
    expect(sent).not.toHaveProperty('reason');
    const { monday, inWeek } = weeksAround(sent.at as number);
    await seedEventList(harness.worker, [
      { ...base, site: 'slack', at: inWeek(1), action: 'nudged', farOutside: 2 },
      { ...base, site: 'slack', at: inWeek(1) + 60_000, action: 'nudged', farOutside: 0 },
      { ...base, site: 'docs', at: inWeek(1) + 120_000, action: 'scheduled' },
      { ...base, site: 'gmail', at: inWeek(5), action: 'sent-anyway', reason: 'incident', farOutside: 3 },
      { ...base, site: 'gmail', at: inWeek(5) + 60_000, action: 'scheduled' },
      // Thirteen weeks back: outside the footprint.
      { ...base, site: 'gmail', at: inWeek(12), action: 'sent-anyway', farOutside: 1 },
    ]);

    const options = await harness.openExtensionPage('options.html');
    const panel = options.locator('.footprint');
    const chart = panel.getByRole('img').first();
    await expect(chart).toHaveAttribute(
      'aria-label',
      'Your footprint on all sites over the last 12 weeks: 3 sends reached someone more than an hour outside their working time, 1 were moved to their hours, 1 Docs comments were held for their hours, 2 held sends went at once. The table view has the numbers per week.',
    );
    // Four series side by side, one bar per week each.
    await expect(chart.locator('.ct-series')).toHaveCount(4);
    await expect(chart.locator('.ct-series-late .ct-bar')).toHaveCount(12);

    await panel.getByRole('button', { name: 'Show the numbers as a table' }).click();
    const table = panel.getByRole('table', { name: 'Footprint per week, all sites' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(12);
    const cells = async (i: number) => rows.nth(i).locator('th, td').allTextContents();
    const dateOf = (weeksBack: number) => monday.minus({ weeks: weeksBack }).setLocale('en-US').toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY);
    expect(await cells(0)).toEqual([dateOf(0), '1', '1', '0', '0', '1', '0', '0', '0', '0', '1']);
    expect(await cells(1)).toEqual([dateOf(1), '1', '2', '0', '1', '0', '0', '0', '0', '0', '0']);
    expect(await cells(5)).toEqual([dateOf(5), '1', '3', '1', '0', '1', '1', '0', '0', '0', '0']);
    expect(await cells(11)).toEqual([dateOf(11), '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    await scanBoth(options, 'the footprint with its table', '.footprint');

    await panel.getByRole('combobox', { name: 'Site' }).selectOption('slack');
    await expect(panel.getByRole('table', { name: 'Footprint per week, Slack' }).locator('tbody tr').nth(1).locator('td').first()).toHaveText('1');
    await expect(chart).toHaveAttribute('aria-label', /^Your footprint on Slack over the last 12 weeks: 1 send reached/);

    const today = () => DateTime.now().setZone(ZONE).toISODate();
    const before = today();
    const [download] = await Promise.all([options.waitForEvent('download'), panel.getByRole('button', { name: 'Download CSV' }).click()]);
    // Named with the day it was made in the user's zone (either side of a midnight passing during the click).
    expect([`async-etiquette-footprint-${before}.csv`, `async-etiquette-footprint-${today()}.csv`]).toContain(download.suggestedFilename());
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('week_start,site,late_sends,people_reached_late,moved_to_their_hours,held_comments,urgent_sends,urgent_incident,urgent_asked,urgent_customer,urgent_own_words,urgent_none');
    expect(lines).toHaveLength(1 + 12 * 3 + 1);
    const week = (n: number) => monday.minus({ weeks: n }).toISODate();
    expect(lines).toContain(`${week(0)},gmail,1,1,0,0,1,0,0,0,0,1`);
    expect(lines).toContain(`${week(1)},slack,1,2,0,0,0,0,0,0,0,0`);
    expect(lines).toContain(`${week(1)},docs,0,0,0,1,0,0,0,0,0,0`);
    expect(lines).toContain(`${week(5)},gmail,1,3,1,0,1,1,0,0,0,0`);
    expect(lines[1]!.startsWith(`${week(11)},gmail,`)).toBe(true);
    expect(csv).not.toContain(PRIYA);
    await expect(panel.getByRole('status')).toHaveText(`Saved ${download.suggestedFilename()}.`);
  });

  test('popup: this week against last week in one line', async ({ harness }) => {
    const sent = await sendNowToPriya(harness);
    const { inWeek } = weeksAround(sent.at as number);
    await seedEventList(harness.worker, [
      { ...base, site: 'slack', at: inWeek(1), action: 'nudged', farOutside: 1 },
      { ...base, site: 'gmail', at: inWeek(1), action: 'sent-anyway', reason: 'asked', farOutside: 2 },
      { ...base, site: 'gmail', at: inWeek(1), action: 'failed-open', farOutside: 1 },
      { ...base, site: 'docs', at: inWeek(1), action: 'scheduled' },
      { ...base, site: 'gmail', at: (sent.at as number) - 1, action: 'scheduled' },
      { ...base, site: 'slack', at: (sent.at as number) - 2, action: 'scheduled' },
    ]);
    const popup = await harness.openExtensionPage('popup.html');
    await expect(popup.locator('.footprint-line')).toHaveText(
      'This week 1 send reached someone over an hour outside their hours (last week: 3); moved to their hours: 2 (last week: 1).',
    );
    await popup.setViewportSize({ width: 380, height: 900 });
    await scanBoth(popup, 'the popup with its footprint line');
  });
});
