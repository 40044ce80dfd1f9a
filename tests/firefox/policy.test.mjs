/**
 * Organisation policy on Firefox (issue 8): policies.json "3rdparty" → storage.managed, given to this
 * browser through the `browser.policies.alternatePath` pref (a temporary file, removed afterwards).
 * Slack is locked to "confirm" (its default is "nudge"), so an after-hours message is held.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickShadowButton, fixtureLog, launchFirefox, nightZone, openFixture, shadowQuery } from './harness.mjs';

const GECKO_ID = 'async-etiquette@async-etiquette.dev';
const dir = mkdtempSync(join(tmpdir(), 'ae-ff-policy-'));
const policiesFile = join(dir, 'policies.json');

let browser;
before(async () => {
  writeFileSync(
    policiesFile,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { locked: { sites: { slack: 'confirm' } } } } } } }),
  );
  // Default settings (Mon–Fri 09:00–17:00 in the browser's zone) at 03:00 local.
  // Release Firefox honours browser.policies.alternatePath only "in automation" (Cu.isInAutomation:
  // EnterprisePoliciesParent.sys.mjs), which needs this pref AND MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 at
  // start-up (verified on this ESR; without them the pref is silently ignored). Fixtures are answered
  // by request interception, so blocking non-local connections changes nothing else.
  browser = await launchFirefox({
    timeZone: nightZone(),
    prefs: {
      'browser.policies.alternatePath': policiesFile,
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
    },
    env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  });
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
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
  await page.waitForFunction(() => window.__fixtureLog.some((e) => e.type === 'sent'), { timeout: 5_000 });
  await new Promise((r) => setTimeout(r, 300));
  const sent = await fixtureLog(page, 'sent');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].text, 'Policy says wait 🌙');
  assert.deepEqual(errors, []);
});
