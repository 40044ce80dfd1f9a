/**
 * Organisation policy on Firefox (issue 8): policies.json "3rdparty" → storage.managed, given to this
 * browser through the `browser.policies.alternatePath` pref (a temporary file, removed afterwards).
 * Slack is locked to "confirm" (its default is "nudge"), so an after-hours message is held.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENTUALLY, clickShadowButton, fixtureLog, launchFirefoxWithPolicy, nightZone, openFixture, shadowQuery } from './harness.mjs';

let firefox;
let browser;
before(async () => {
  // Default settings (Mon–Fri 09:00–17:00 in the browser's zone) at 03:00 local.
  firefox = await launchFirefoxWithPolicy({ locked: { sites: { slack: 'confirm' } } }, { timeZone: nightZone() });
  browser = firefox.browser;
});
after(async () => {
  await firefox?.close();
});

test('Firefox policy: Slack locked to confirm holds an after-hours message; Send now sends it once', async () => {
  const { page, errors } = await openFixture(browser, 'https://app.slack.com/client/T0TEST/D0TEST');
  // The policy is read in the background after start-up; the page follows the published snapshot.
  await page.waitForSelector('html[data-async-etiquette-mode="confirm"]', { timeout: 15_000 });
  await page.locator('.p-workspace__primary_view [data-qa="message_input"] .ql-editor').click();
  await page.keyboard.type('Policy says wait 🌙');
  await page.keyboard.press('Enter');
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /outside your working hours/);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  await clickShadowButton(page, 'Send now');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: EVENTUALLY });
  await new Promise((r) => setTimeout(r, 300));
  const sent = await fixtureLog(page, 'sent');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].text, 'Policy says wait 🌙');
  assert.deepEqual(errors, []);
});
