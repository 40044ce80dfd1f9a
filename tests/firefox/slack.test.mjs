import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLog, launchFirefox, nightZone, openFixture, shadowQuery } from './harness.mjs';

let browser;
before(async () => {
  // Default settings (Slack: nudge; Mon–Fri 09:00–17:00 in the browser's zone) at 03:00 local.
  browser = await launchFirefox({ timeZone: nightZone() });
});
after(async () => {
  await browser?.close();
});

test('Firefox Slack: nudge mode shows the note while typing and never holds the send', async () => {
  const { page, errors } = await openFixture(browser, 'https://app.slack.com/client/T0TEST/D0TEST');
  await page.waitForSelector('html[data-async-etiquette-mode="nudge"]');
  await page.locator('.p-workspace__primary_view [data-qa="message_input"] .ql-editor').click();
  await page.keyboard.type('Late-night thought 🌙');
  // The typing reached Slack's editor (the note is not shown for an idle empty composer).
  await page.waitForFunction(() => document.activeElement?.textContent === 'Late-night thought 🌙');
  assert.match(await shadowQuery(page, '[role=status]:not(.ae-empty)'), /for you/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: 5_000 });
  const sent = await fixtureLog(page, 'sent');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].text, 'Late-night thought 🌙');
  assert.deepEqual(errors, []);
});
