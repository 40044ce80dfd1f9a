/**
 * Firefox parity for the paths the Chromium suite drives with an imported settings file: here the
 * settings come from an organisation policy (the only way to give Firefox settings over BiDi), which
 * locks the sender's hours, gives a team directory and a template. Priya (Asia/Kolkata, Slack U0ALICE)
 * starts work 180 minutes from now, so a message to her is held and her start is the suggested slot.
 * The browser runs in New York while the settings say Berlin: both schedulers take the browser's wall
 * clock, so a wrong conversion would land hours off.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALWAYS, clickShadowButton, EVENTUALLY, everyDayFrom, fixtureLog, fixtureUrl, GMAIL_SEND, launchFirefoxWithPolicy, openFixture, shadowQuery } from './harness.mjs';
import { FIXTURE_URLS } from '../fixtures/serve.mjs';

const BROWSER_ZONE = 'America/New_York';
const BASE = Date.now();
const PRIYA_START = Math.floor(BASE / 60_000) * 60_000 + 180 * 60_000;
const QUARTER = 15 * 60_000;
/** Both schedulers work in 15-minute steps: the slot is rounded up to the next quarter hour. */
const EXPECTED = Math.ceil(PRIYA_START / QUARTER) * QUARTER;
const TEMPLATE = { id: 'ff-no-rush', title: 'Firefox no rush', body: 'No rush <b>at all</b> & reply in your hours.' };

const POLICY = {
  locked: {
    sites: { gmail: 'confirm', slack: 'confirm', docs: 'confirm' },
    me: { timeZone: 'Europe/Berlin', weekly: ALWAYS },
    contactDefaults: { weekly: ALWAYS },
    templates: [TEMPLATE],
  },
  directory: [
    {
      name: 'Priya Raman',
      emails: ['priya@example.com'],
      slackIds: ['U0ALICE'],
      timeZone: 'Asia/Kolkata',
      weekly: everyDayFrom(BASE, 'Asia/Kolkata', 180, 240),
    },
  ],
};

let firefox;
let browser;
before(async () => {
  firefox = await launchFirefoxWithPolicy(POLICY, { timeZone: BROWSER_ZONE });
  browser = firefox.browser;
});
after(async () => {
  await firefox?.close();
});

/** "Tue 9:00 AM" in `zone`, as the dialog's button shows the slot in the sender's zone (en-US: a 12-hour clock). */
function weekdayTime(ms, zone) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
    .formatToParts(ms)
    .reduce((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts.weekday} ${parts.hour}:${parts.minute} ${parts.dayPeriod}`;
}

/** "2026-11-26T09:15" on the browser's wall clock (what the Slack replica logs). */
function browserWallClock(ms) {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: BROWSER_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(ms)
    .reduce((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

async function open(url) {
  const opened = await openFixture(browser, url);
  // The policy is read in the background after start-up; the page follows the published snapshot.
  await opened.page.waitForSelector('html[data-async-etiquette-mode="confirm"]', { timeout: 15_000 });
  return opened;
}

const GMAIL_BODY = 'div.M9 [g_editable=true]';
const SLACK_EDITOR = '.p-workspace__primary_view [data-qa="message_input"] .ql-editor';

/** Clicks the template picker's option named `title` in our shadow UI with real mouse input. */
async function chooseTemplate(page, title) {
  await clickShadowButton(page, 'Insert context template');
  const option = await page.waitForFunction(
    (name) => {
      for (const host of document.querySelectorAll('async-etiquette-ui')) {
        for (const el of host.shadowRoot?.querySelectorAll('[role=option], [role=menuitem]') ?? []) {
          if (el.textContent.trim().startsWith(name)) return el;
        }
      }
      return null;
    },
    { timeout: EVENTUALLY, polling: 50 },
    title,
  );
  const box = await option.asElement().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('Firefox Gmail: Schedule hands the draft to Gmail\u2019s own Schedule send at the suggested minute', async () => {
  const body = 'Deploy notes 📦 — שלום';
  const { page, errors } = await open(fixtureUrl('gmail', { to: 'priya@example.com', body }));
  await page.locator(GMAIL_SEND).click();
  const label = `Schedule for ${weekdayTime(EXPECTED, 'Europe/Berlin')}`;
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /for Priya/);
  await clickShadowButton(page, label);
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'scheduled'), { timeout: 10_000 });
  const [scheduled] = await fixtureLog(page, 'scheduled');
  assert.equal(scheduled.atMs, EXPECTED);
  assert.equal(scheduled.body, body);
  assert.deepEqual(scheduled.to, ['priya@example.com']);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Slack: Schedule drives Slack\u2019s Custom time to the suggested minute', async () => {
  const message = 'Can you check the deploy? 🚀';
  const { page, errors } = await open(FIXTURE_URLS.slack);
  await page.locator(SLACK_EDITOR).click();
  await page.keyboard.type(message);
  await page.keyboard.press('Enter');
  assert.match(await shadowQuery(page, '[role=alertdialog]'), /Priya/);
  await clickShadowButton(page, `Schedule for ${weekdayTime(EXPECTED, 'Europe/Berlin')}`);
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'scheduled'), { timeout: 10_000 });
  const [scheduled] = await fixtureLog(page, 'scheduled');
  assert.equal(scheduled.text, message);
  assert.equal(scheduled.channel, 'D0TEST');
  assert.equal(scheduled.at, browserWallClock(EXPECTED));
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

// Free-text picker variants (issue 16): the defaults above are Gmail's "Nov 26, 2026" beside a grid and
// Slack's year-less "Tuesday, December 8"; these write numbers in the field's own order and a free-text time.
test('Firefox Gmail: a numeric date field ("12/8/2026") and an option list for the time reach the same minute', async () => {
  const body = 'Numbers only 🔢';
  const { page, errors } = await open(fixtureUrl('gmail', { to: 'priya@example.com', body, date: 'numeric', time: 'listbox' }));
  await page.locator(GMAIL_SEND).click();
  await clickShadowButton(page, `Schedule for ${weekdayTime(EXPECTED, 'Europe/Berlin')}`);
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'scheduled'), { timeout: 10_000 });
  const [scheduled] = await fixtureLog(page, 'scheduled');
  assert.equal(scheduled.atMs, EXPECTED);
  assert.equal(scheduled.body, body);
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Slack: German free text ("08.12.2026", "09:37") in Custom time reaches the same minute', async () => {
  const message = 'Bitte prüfen 🚀';
  const { page, errors } = await open(`${FIXTURE_URLS.slack}?lang=de&date=numeric&time=text`);
  await page.locator(SLACK_EDITOR).click();
  await page.keyboard.type(message);
  await page.keyboard.press('Enter');
  await clickShadowButton(page, `Schedule for ${weekdayTime(EXPECTED, 'Europe/Berlin')}`);
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'scheduled'), { timeout: 10_000 });
  const [scheduled] = await fixtureLog(page, 'scheduled');
  assert.equal(scheduled.text, message);
  assert.equal(scheduled.at, browserWallClock(EXPECTED));
  assert.equal((await fixtureLog(page, 'sent')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Gmail: an organisation template goes in at the caret as plain text, and is sent as written', async () => {
  const { page, errors } = await open(fixtureUrl('gmail', { to: 'priya@example.com' }));
  await page.locator(GMAIL_BODY).click();
  await page.keyboard.type('Hello. ');
  await chooseTemplate(page, TEMPLATE.title);
  await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.includes('reply in your hours'), {}, GMAIL_BODY);
  assert.equal(await page.$eval(GMAIL_BODY, (el) => el.innerText.trim()), `Hello. ${TEMPLATE.body}`);
  assert.equal(await page.$eval(GMAIL_BODY, (el) => el.querySelectorAll('b').length), 0);
  await page.locator(GMAIL_SEND).click();
  await shadowQuery(page, '[role=alertdialog]');
  await clickShadowButton(page, 'Send now');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: EVENTUALLY });
  const [sent] = await fixtureLog(page, 'sent');
  assert.equal(sent.body.trim(), `Hello. ${TEMPLATE.body}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Slack: a template is inserted so Slack keeps it, and is sent as text', async () => {
  const { page, errors } = await open(FIXTURE_URLS.slack);
  await page.locator(SLACK_EDITOR).click();
  await chooseTemplate(page, TEMPLATE.title);
  await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.includes('reply in your hours'), {}, SLACK_EDITOR);
  await page.locator(SLACK_EDITOR).click();
  await page.keyboard.press('Enter');
  await shadowQuery(page, '[role=alertdialog]');
  await clickShadowButton(page, 'Send now');
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: EVENTUALLY });
  const [sent] = await fixtureLog(page, 'sent');
  assert.equal(sent.text, TEMPLATE.body);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox Docs: a template goes into the comment box as plain text', async () => {
  const draft = '.docos-docoview-active .docos-input .docos-input-textarea';
  const { page, errors } = await open(FIXTURE_URLS.docs);
  await page.locator('#insertCommentButton').click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), {}, draft);
  await page.keyboard.type('Before ');
  await chooseTemplate(page, TEMPLATE.title);
  await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.includes('reply in your hours'), {}, draft);
  assert.equal(await page.$eval(draft, (el) => el.innerText), `Before ${TEMPLATE.body}`);
  assert.equal(await page.$eval(draft, (el) => el.querySelectorAll('b').length), 0);
  assert.equal((await fixtureLog(page, 'posted')).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
