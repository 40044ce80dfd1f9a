/**
 * Quiet tabs on Firefox (issue 19): the organisation's policy turns Gmail's quiet to "shield" (the only
 * way this suite gives the extension settings). Default hours (Mon–Fri 09:00–17:00) at 03:00 local:
 * outside working time, so the page is covered, its title calm and its notifications kept back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENTUALLY, clickShadowButton, fixtureLog, launchFirefoxWithPolicy, nightZone, openFixture, shadowQuery } from './harness.mjs';
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
  const url = new URL(FIXTURE_URLS.gmail);
  url.searchParams.set('body', BODY);
  const { page, errors } = await openFixture(firefox.browser, url.toString());
  await page.waitForSelector('html[data-async-etiquette-quiet="shield"]', { timeout: EVENTUALLY });
  assert.match(await shadowQuery(page, '[role=dialog]', (el) => el.textContent, EVENTUALLY), /^Work can wait.*Gmail is quiet until \w{3} 09:00/);
  const draft = await page.evaluate(() => document.querySelector('div.M9 [g_editable=true]').innerHTML);

  await page.evaluate(() => {
    window.__fixture.arrive({ from: 'Bob Builder', subject: 'Late question' });
    window.__fixture.arrive({ from: 'Bob Builder', subject: 'Another one' });
  });
  await page.waitForFunction(() => /^Inbox - /.test(document.title), { timeout: EVENTUALLY });
  assert.deepEqual((await fixtureLog(page, 'notification')).map((n) => n.shown), [false, false]);

  await clickShadowButton(page, 'Open anyway');
  await page.waitForFunction(() => ![...document.querySelectorAll('async-etiquette-ui')].some((h) => h.shadowRoot?.querySelector('[role=dialog]')));
  assert.equal(await page.evaluate(() => document.querySelector('div.M9 [g_editable=true]').innerHTML), draft);
  assert.match(await page.title(), /^Inbox - /);
  assert.deepEqual(errors, []);
});
