/**
 * Send now with a reason on Firefox (issue 21). The organisation requires a reason (a managed policy:
 * Firefox pages cannot open our options page over BiDi) and its directory has Priya, outside her
 * hours, so the line for the recipients is offered too. Default settings otherwise: Gmail confirm,
 * Mon–Fri 09:00–17:00 in the browser's zone, at 03:00 local.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { clickShadowButton, EVENTUALLY, everyDayFrom, fixtureLog, fixtureUrl, GMAIL_SEND as SEND, launchFirefoxWithPolicy, nightZone, openFixture, shadowQuery } from './harness.mjs';

const BODY = 'Hi Priya, the deploy is stuck; can you look at it?';
const NOW = Date.now();

let firefox;
let browser;
before(async () => {
  const priya = { name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata', weekly: everyDayFrom(NOW, 'Asia/Kolkata', 180, 240) };
  firefox = await launchFirefoxWithPolicy({ locked: { preferences: { sendNowReason: 'require' } }, directory: [priya] }, { timeZone: nightZone() });
  browser = firefox.browser;
});
after(async () => {
  await firefox?.close();
});

/** The checkbox of the line for the recipients, ticked as a person would (a real click). */
async function tickLine(page) {
  const handle = await page.waitForFunction(
    () => {
      for (const host of document.querySelectorAll('async-etiquette-ui')) {
        const box = host.shadowRoot?.querySelector('.ae-label-choice input[type=checkbox]');
        if (box) return box;
      }
      return null;
    },
    { timeout: 5_000, polling: 50 },
  );
  const box = await handle.asElement().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('Firefox Gmail: a required reason on Send now; the line goes first as plain text and the message is sent once', async () => {
  const { page, errors } = await openFixture(browser, fixtureUrl('gmail', { to: 'priya@example.com', body: BODY }));
  // The policy is read in the background after start-up: the page holds it once the directory's Priya is known.
  await page.waitForSelector('html[data-async-etiquette-mode="confirm"]', { timeout: EVENTUALLY });
  let dialogText = '';
  for (const deadline = Date.now() + EVENTUALLY; Date.now() < deadline; ) {
    await page.locator(SEND).click();
    dialogText = await shadowQuery(page, '[role=alertdialog]');
    if (dialogText.includes('Priya')) break;
    // Held before the policy's directory arrived: leave it and press Send again.
    await clickShadowButton(page, 'Keep editing');
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.match(dialogText, /Priya/);
  await clickShadowButton(page, 'Send now');
  assert.equal(await shadowQuery(page, '#ae-hold-title'), 'Why does this need to go now?');
  assert.equal(await shadowQuery(page, '#ae-hold-detail'), 'Choose a reason to send now.');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('async-etiquette-ui')].some((h) => [...(h.shadowRoot?.querySelectorAll('button') ?? [])].some((b) => b.textContent.trim() === 'Send without a reason'))), false);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);

  await tickLine(page);
  await clickShadowButton(page, 'Incident');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: EVENTUALLY });
  await new Promise((r) => setTimeout(r, 300));
  const sent = await fixtureLog(page, 'sent');
  assert.equal(sent.length, 1);
  const until = DateTime.fromMillis(Math.floor(NOW / 60_000) * 60_000 + 180 * 60_000, { zone: 'Asia/Kolkata', locale: 'en-GB' }).toFormat('EEE HH:mm');
  const line = `Urgent (incident): sent outside your hours, no need to reply until ${until} your time.`;
  assert.ok(sent[0].body.startsWith(`${line}\n`), sent[0].body);
  assert.ok(sent[0].body.endsWith(BODY), sent[0].body);
  assert.equal(sent[0].body.slice(line.length, -BODY.length).trim(), '');
  assert.deepEqual(errors, []);
  await page.close();
});
