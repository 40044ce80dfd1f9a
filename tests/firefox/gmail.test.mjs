import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickShadowButton, EVENTUALLY, fixtureLog, fixtureUrl, GMAIL_SEND as SEND, launchFirefox, nightZone, openFixture, setViewport, shadowQuery } from './harness.mjs';

const BODY = 'Hi Priya 👋🏽\nשלום עולם — مرحبا\nCafé ✓';

let browser;
before(async () => {
  // Default settings (Gmail: confirm; Mon–Fri 09:00–17:00 in the browser's zone) at 03:00 local.
  browser = await launchFirefox({ timeZone: nightZone() });
});
after(async () => {
  await browser?.close();
});

async function openCompose() {
  const opened = await openFixture(browser, fixtureUrl('gmail', { to: 'priya@example.com', body: BODY }));
  await opened.page.waitForSelector('html[data-async-etiquette-mode="confirm"]');
  return opened;
}

test('Firefox Gmail: an after-hours send is held, and Send now sends it once, unchanged', async () => {
  const { page, errors } = await openCompose();
  await page.locator(SEND).click();
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /outside your working hours/);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  await clickShadowButton(page, 'Send now');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: EVENTUALLY });
  await new Promise((r) => setTimeout(r, 300));
  const sent = await fixtureLog(page, 'sent');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].body, BODY);
  assert.deepEqual(sent[0].to, ['priya@example.com']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Gmail: Ctrl+Enter is held; Keep editing leaves the draft and sends nothing', async () => {
  const { page, errors } = await openCompose();
  await page.locator('div.M9 [g_editable=true]').click();
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await shadowQuery(page, '[role=alertdialog]');
  await clickShadowButton(page, 'Keep editing');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.equal(await page.$eval('div.M9 [g_editable=true]', (el) => el.innerText), BODY);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Gmail: a compose that appears with no click or key is held on Send, and gets its template button when reached', async () => {
  const { page, errors } = await openCompose();
  await setViewport(page, { width: 1900, height: 900 }); // room for two compose windows side by side
  const pickers = (index) =>
    page.evaluate((i) => document.querySelectorAll('div.M9')[i]?.querySelectorAll('async-etiquette-ui[data-kind="template-picker"]').length ?? -1, index);
  await page.waitForFunction(() => document.querySelector('div.M9 async-etiquette-ui[data-kind="template-picker"]'), { timeout: EVENTUALLY });
  // Gmail restores a draft by itself: no gesture, no focus.
  await page.evaluate(() => window.__fixture.openCompose({ to: 'priya@example.com', body: 'Restored draft' }));
  const restored = (await page.$$('div.M9 [g_editable=true]'))[1];
  await restored.hover();
  await page.waitForFunction(() => document.querySelectorAll('div.M9')[1]?.querySelector('async-etiquette-ui[data-kind="template-picker"]'), { timeout: EVENTUALLY });
  assert.equal(await pickers(1), 1);
  const sends = await page.$$(SEND);
  await sends[1].click();
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /Priya/);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
