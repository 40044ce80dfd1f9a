/**
 * Firefox in German (the firefox-esr-l10n-de language pack, installed by .ci/run) on the German Gmail
 * replica: the extension speaks German (its _locales/de), and the German site still works with the
 * adapter, which matches no translated labels.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { clickShadowButton, EVENTUALLY, fixtureLog, fixtureUrl, GMAIL_SEND as SEND, launchFirefox, nightZone, openFixture, shadowQuery } from './harness.mjs';

const LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';
const BODY = 'Hallo Priya, bitte prüfen 👋🏽';

let browser;
before(async () => {
  const hasGerman = existsSync(LANGPACKS) && readdirSync(LANGPACKS).some((f) => f.startsWith('langpack-de@'));
  assert.ok(hasGerman, 'Firefox has no German language pack: apt-get install -y firefox-esr-l10n-de (.ci/run does)');
  // Default settings (Gmail: confirm; Mon–Fri 09:00–17:00 in the browser's zone) at 03:00 local.
  browser = await launchFirefox({ timeZone: nightZone(), prefs: { 'intl.locale.requested': 'de' } });
});
after(async () => {
  await browser?.close();
});

async function openGermanGmail() {
  const opened = await openFixture(browser, fixtureUrl('gmail', { to: 'priya@example.com', body: BODY, variant: 'de' }));
  await opened.page.waitForSelector('html[data-async-etiquette-mode="confirm"]');
  return opened;
}

test('Firefox in German: the hold dialog is German, and Jetzt senden sends the German Gmail draft once', async () => {
  const { page, errors } = await openGermanGmail();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await page.locator(SEND).click();
  const dialog = await shadowQuery(page, '[role=alertdialog]');
  assert.match(dialog, /Es ist außerhalb Ihrer Arbeitszeit/);
  assert.match(dialog, /Planen für (Mo|Di|Mi|Do|Fr|Sa|So)\. \d{2}:\d{2}/);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  await clickShadowButton(page, 'Jetzt senden');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: EVENTUALLY });
  await new Promise((r) => setTimeout(r, 300));
  const sent = await fixtureLog(page, 'sent');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].body, BODY);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox in German: Weiter bearbeiten keeps the draft and sends nothing', async () => {
  const { page, errors } = await openGermanGmail();
  await page.locator(SEND).click();
  await shadowQuery(page, '[role=alertdialog]');
  await clickShadowButton(page, 'Weiter bearbeiten');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.equal(await page.$eval('div.M9 [g_editable=true]', (el) => el.innerText.trim()), BODY);
  assert.deepEqual(errors, []);
  await page.close();
});
