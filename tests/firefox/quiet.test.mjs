/**
 * Quiet tabs on Firefox (issue 19): the organisation's policy sets Gmail's quiet (the only way this
 * suite gives the extension settings).
 * - shield: default hours (Mon–Fri 09:00–17:00) at 03:00 local, outside working time, so the page is
 *   covered, its title calm and its notifications kept back;
 * - "I'm on call" in the cover turns quiet off (a settings change through the worker), and the page
 *   gives the title and notifications back by itself, without a reload. (Firefox hangs at start under
 *   libfaketime, so the clock is moved in the Chromium suite only: tests/e2e/quiet.spec.ts.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickShadowButton, EVENTUALLY, fixtureLog, fixtureUrl, launchFirefoxWithPolicy, nightZone, openFixture, shadowQuery, tabTitle } from './harness.mjs';
import { FIXTURE_URLS } from '../fixtures/serve.mjs';

const BODY = 'Draft for the morning 🌙\nZeile zwei';

let firefox;
before(async () => {
  firefox = await launchFirefoxWithPolicy({ locked: { quiet: { gmail: 'shield' } } }, { timeZone: nightZone() });
});
after(async () => {
  await firefox?.close();
});

test('Firefox quiet: shield covers Gmail, keeps its title and notifications quiet, and Open anyway leaves the draft as it was', async () => {
  const { page, errors } = await openFixture(firefox.browser, fixtureUrl('gmail', { body: BODY }));
  await page.waitForSelector('html[data-async-etiquette-quiet="shield"]', { timeout: EVENTUALLY });
  assert.match(await shadowQuery(page, '[role=dialog]', (el) => el.textContent, EVENTUALLY), /^Work can wait.*Gmail is quiet until \w{3} 9:00 AM/);
  const draft = await page.evaluate(() => document.querySelector('div.M9 [g_editable=true]').innerHTML);

  await page.evaluate(() => {
    window.__fixture.arrive({ from: 'Bob Builder', subject: 'Late question' });
    window.__fixture.arrive({ from: 'Bob Builder', subject: 'Another one' });
  });
  await page.waitForFunction(() => /^Inbox - /.test(document.querySelector('title').textContent), { timeout: EVENTUALLY });
  assert.deepEqual((await fixtureLog(page, 'notification')).map((n) => n.shown), [false, false]);

  await clickShadowButton(page, 'Open anyway');
  await page.waitForFunction(() => ![...document.querySelectorAll('async-etiquette-ui')].some((h) => h.shadowRoot?.querySelector('[role=dialog]')));
  assert.equal(await page.evaluate(() => document.querySelector('div.M9 [g_editable=true]').innerHTML), draft);
  assert.match(await tabTitle(page), /^Inbox - /);
  assert.deepEqual(errors, []);
});

test('Firefox quiet: "I\u2019m on call" in the cover turns quiet off; the page gives the unread count and notifications back, without a reload', async () => {
  const { page, errors } = await openFixture(firefox.browser, FIXTURE_URLS.gmail);
  await page.waitForSelector('html[data-async-etiquette-quiet="shield"]', { timeout: EVENTUALLY });
  await page.evaluate(() => {
    window.__fixture.arrive({ from: 'Bob Builder', subject: 'Late question' });
    window.__fixture.arrive({ from: 'Bob Builder', subject: 'Another one' });
  });
  await page.waitForFunction(() => /^Inbox - /.test(document.querySelector('title').textContent), { timeout: EVENTUALLY });
  assert.deepEqual((await fixtureLog(page, 'notification')).map((n) => n.shown), [false, false]);

  await clickShadowButton(page, "I'm on call", EVENTUALLY);
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-async-etiquette-quiet'), { timeout: EVENTUALLY });
  assert.match(await tabTitle(page), /^Inbox \(2\) - /);
  await page.evaluate(() => window.__fixture.arrive({ from: 'Bob Builder', subject: 'Morning' }));
  await page.waitForFunction(() => /^Inbox \(3\) - /.test(document.querySelector('title').textContent), { timeout: EVENTUALLY });
  assert.deepEqual((await fixtureLog(page, 'notification')).map((n) => n.shown), [false, false, true]);
  assert.deepEqual(errors, []);
});
