/**
 * Issue 20 in Firefox: with no time that suits every recipient, the hold dialog offers choices; picking
 * one renames Schedule and hands the draft to Gmail's scheduler at that minute. Settings come by policy
 * (the only way this suite gives the extension settings); windows are relative to the same "now".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { ALWAYS, clickShadowButton, EVENTUALLY, everyDayFrom, fixtureLog, fixtureUrl, GMAIL_SEND, launchFirefoxWithPolicy, openFixture, shadowQuery } from './harness.mjs';

const ZONE = 'Europe/Berlin';
const now = Date.now();
const BODY = 'Notes for all three of you';
const quarterAfter = (at) => Math.ceil(at / 900_000) * 900_000;
const startIn = (minutes) => Math.floor(now / 60_000) * 60_000 + minutes * 60_000;

let firefox;
before(async () => {
  firefox = await launchFirefoxWithPolicy(
    {
      locked: { sites: { gmail: 'confirm' }, me: { timeZone: ZONE, weekly: ALWAYS } },
      directory: [
        { name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata', weekly: everyDayFrom(now, 'Asia/Kolkata', 180, 240) },
        { name: 'Bob Lee', emails: ['bob@example.com'], timeZone: 'America/Los_Angeles', weekly: everyDayFrom(now, 'America/Los_Angeles', 600, 240) },
        { name: 'Kenji Sato', emails: ['kenji@example.jp'], timeZone: 'Asia/Tokyo', weekly: everyDayFrom(now, 'Asia/Tokyo', 1020, 240) },
      ],
    },
    { timeZone: ZONE },
  );
});
after(async () => {
  await firefox?.close();
});

test('Firefox Gmail: three zones without a common time offer choices; the one picked is scheduled', async () => {
  const url = fixtureUrl('gmail', { to: 'priya@example.com, bob@example.com, kenji@example.jp', body: BODY });
  // The policy's directory arrives after start-up: Send (and Keep editing) until the dialog offers choices.
  const deadline = Date.now() + 4 * EVENTUALLY;
  let opened;
  let choices = 0;
  while (Date.now() < deadline) {
    opened = await openFixture(firefox.browser, url);
    await opened.page.waitForSelector('html[data-async-etiquette-mode="confirm"]', { timeout: EVENTUALLY });
    await opened.page.locator(GMAIL_SEND).click();
    choices = await shadowQuery(opened.page, '[role=alertdialog]', (el) => el.querySelectorAll('input[type=radio]').length).catch(() => 0);
    if (choices === 3) break;
    await opened.page.close();
    await new Promise((r) => setTimeout(r, 1_000));
  }
  assert.equal(choices, 3, 'the dialog offers three choices');
  const { page, errors } = opened;
  const bobStart = quarterAfter(startIn(600));
  // A real click on Bob's choice (its label), as a person would.
  const label = await page.waitForFunction(() => {
    for (const host of document.querySelectorAll('async-etiquette-ui')) {
      for (const choice of host.shadowRoot?.querySelectorAll('label.ae-choice') ?? []) if (choice.textContent.startsWith("Bob's")) return choice;
    }
    return null;
  });
  const box = await label.asElement().boundingBox();
  await page.mouse.click(box.x + 8, box.y + box.height / 2);
  const expected = `Schedule for ${DateTime.fromMillis(bobStart).setZone(ZONE).toFormat('ccc h:mm a')}`;
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('async-etiquette-ui')].some((h) => [...(h.shadowRoot?.querySelectorAll('button') ?? [])].some((b) => b.textContent === text)),
    { timeout: EVENTUALLY },
    expected,
  );
  await clickShadowButton(page, expected);
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'scheduled'), { timeout: EVENTUALLY });
  const [scheduled] = await fixtureLog(page, 'scheduled');
  assert.equal(scheduled.atMs, bobStart);
  assert.equal(scheduled.body, BODY);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
