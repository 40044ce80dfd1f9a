/**
 * Public holidays in Firefox (issue 21): the worker loads the holidays library (a script in Firefox's
 * background page), and the hold dialog says which holiday pushed the slot. Settings come by policy:
 * a colleague in the organisation's directory who works one weekday, whose next one is a public holiday.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { ALWAYS, EVENTUALLY, fixtureLog, fixtureUrl, GMAIL_SEND, launchFirefoxWithPolicy, openFixture, shadowQuery } from './harness.mjs';
import { holidaySoon } from '../fixtures/holiday-soon.mjs';

const ZONE = 'Europe/Berlin';
const soon = holidaySoon(ZONE);
const weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], [soon.weekday]: [['09:00', '17:00']] };

let firefox;
before(async () => {
  firefox = await launchFirefoxWithPolicy(
    {
      locked: { sites: { gmail: 'confirm' }, me: { timeZone: ZONE, weekly: ALWAYS } },
      directory: [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: ZONE, weekly, holidays: soon.region }],
    },
    { timeZone: ZONE },
  );
});
after(async () => {
  await firefox?.close();
});

test('Firefox holidays: the hold dialog names the recipient\u2019s public holiday the slot steps over', async () => {
  const url = fixtureUrl('gmail', { to: 'priya@example.com', body: 'After the holiday is fine' });
  const day = DateTime.fromISO(soon.date, { locale: 'en-US' }).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
  const expected = `${day} is a public holiday for Priya`;
  // The policy and then the holiday dates arrive after start-up: try Send until the dialog says it.
  const deadline = Date.now() + 4 * EVENTUALLY;
  let text = '';
  while (Date.now() < deadline) {
    const { page, errors } = await openFixture(firefox.browser, url);
    await page.waitForSelector('html[data-async-etiquette-mode="confirm"]', { timeout: EVENTUALLY });
    await page.locator(GMAIL_SEND).click();
    text = await shadowQuery(page, '[role=alertdialog]').catch(() => '');
    assert.equal((await fixtureLog(page, 'sent')).length, 0);
    assert.deepEqual(errors, []);
    await page.close();
    if (text.includes(expected)) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  assert.ok(text.includes(expected), `the dialog says "${expected}": ${text}`);
});
