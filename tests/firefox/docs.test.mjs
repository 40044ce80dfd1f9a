import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickShadowButton, EVENTUALLY, fixtureLog, fixtureUrl, launchFirefox, nightZone, openFixture, shadowQuery } from './harness.mjs';

const BEFORE = 'Café ✓ 👋🏽 שלום — ';
const AFTER = ' please check the Q3 figures';
const DRAFT = '.docos-docoview-active .docos-input .docos-input-textarea';
const POST = '.docos-docoview-active .docos-input .docos-input-post';

let browser;
before(async () => {
  // Default settings (Docs: confirm; Mon–Fri 09:00–17:00 in the browser's zone) at 03:00 local:
  // the sender is outside their hours, and the comment mentions someone, so it is held.
  browser = await launchFirefox({ timeZone: nightZone() });
});
after(async () => {
  await browser?.close();
});

/** Opens the replica and writes "BEFORE @Priya AFTER" in a new comment (a chip, or "+email" text). */
async function writeComment(params = {}) {
  const opened = await openFixture(browser, fixtureUrl('docs', params));
  const { page } = opened;
  await page.waitForSelector('html[data-async-etiquette-mode="confirm"]');
  await page.locator('#insertCommentButton').click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), {}, DRAFT);
  await page.keyboard.type(BEFORE);
  await page.keyboard.type('@Pri');
  await page.waitForSelector('[role=listbox][aria-label="Suggested people"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[role=listbox][aria-label="Suggested people"]'));
  await page.keyboard.type(AFTER.slice(1));
  return opened;
}

const draftText = (page) => page.$eval(DRAFT, (el) => el.innerText);

test('Firefox Docs: an after-hours comment with a mention is held, and Send now posts it once, unchanged', async () => {
  const { page, errors } = await writeComment();
  const text = `${BEFORE}@Priya Raman${AFTER}`;
  assert.equal(await draftText(page), text);
  await page.locator(POST).click();
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /outside your working hours/);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await fixtureLog(page, 'posted')).length, 0);
  await clickShadowButton(page, 'Send now');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'posted'), { timeout: EVENTUALLY });
  await new Promise((r) => setTimeout(r, 300));
  const posted = await fixtureLog(page, 'posted');
  assert.equal(posted.length, 1);
  assert.equal(posted[0].text, text);
  assert.deepEqual(posted[0].mentions, ['priya@example.com']);
  assert.equal((await fixtureLog(page, 'bodyTyped')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Docs: Ctrl+Enter is held; Keep editing leaves the draft and posts nothing', async () => {
  const { page, errors } = await writeComment({ mentions: 'text' });
  const text = `${BEFORE}+priya@example.com${AFTER}`;
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await shadowQuery(page, '[role=alertdialog]');
  await clickShadowButton(page, 'Keep editing');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await fixtureLog(page, 'posted')).length, 0);
  assert.equal(await draftText(page), text);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Docs: a comment that mentions no one is posted at once', async () => {
  const opened = await openFixture(browser, fixtureUrl('docs'));
  const { page, errors } = opened;
  await page.waitForSelector('html[data-async-etiquette-mode="confirm"]');
  await page.locator('#insertCommentButton').click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), {}, DRAFT);
  await page.keyboard.type('Typo in the second paragraph.');
  await page.locator(POST).click();
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'posted'), { timeout: EVENTUALLY });
  const posted = await fixtureLog(page, 'posted');
  assert.equal(posted.length, 1);
  assert.equal(posted[0].text, 'Typo in the second paragraph.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Docs: Schedule keeps the comment and closes the box; the page posts it later, unchanged', async () => {
  const { page, errors } = await writeComment({ mentions: 'text' });
  const text = `${BEFORE}+priya@example.com${AFTER}`;
  await page.locator(POST).click();
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /keeps this comment’s text in the extension/);
  await clickShadowButton(page, (await shadowQuery(page, '[role=alertdialog] button.ae-primary')).trim());
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'cancelled'), { timeout: EVENTUALLY });
  assert.equal((await fixtureLog(page, 'posted')).length, 0);
  // Stored by the worker (Dexie in Firefox's event page), listed in the page's panel.
  await clickShadowButton(page, 'Held comments (1)', 10_000);
  assert.match(await shadowQuery(page, '[role=dialog] li'), /held until/);
  await clickShadowButton(page, 'Post now');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'posted'), { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  const posted = await fixtureLog(page, 'posted');
  assert.equal(posted.length, 1);
  assert.equal(posted[0].text, text);
  assert.deepEqual(posted[0].mentions, ['priya@example.com']);
  assert.deepEqual(errors, []);
  await page.close();
});
