import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURE_URLS } from '../fixtures/serve.mjs';
import { launchFirefox, openFixture } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
});

for (const site of ['gmail', 'slack', 'docs']) {
  test(`Firefox: the ${site} content script receives the settings snapshot from the worker`, async () => {
    const { page, errors } = await openFixture(browser, FIXTURE_URLS[site]);
    await page.waitForFunction(() => /^\d+$/.test(document.documentElement.getAttribute('data-async-etiquette-revision') ?? ''), {
      timeout: 10_000,
      polling: 100,
    });
    const mode = await page.evaluate(() => document.documentElement.getAttribute('data-async-etiquette-mode'));
    assert.equal(mode, { gmail: 'confirm', slack: 'nudge', docs: 'confirm' }[site]);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
