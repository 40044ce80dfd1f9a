/**
 * Real Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the BUILT extension
 * (.output/firefox-mv3) installed as a temporary add-on and the fixtures served at their real URLs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { fixtureFor } from '../fixtures/serve.mjs';

export const EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launchFirefox() {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US', 'network.dns.disableIPv6': true },
  });
  await browser.installExtension(EXTENSION_DIR);
  return browser;
}

/** A page whose every request is answered by a fixture or aborted; errors are collected. */
export async function openFixture(browser, url, overrides = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const fixture = fixtureFor(request.url(), overrides);
    if (fixture) void request.respond({ status: 200, headers: fixture.headers, body: fixture.body });
    else void request.abort();
  });
  await page.goto(url);
  return { page, errors };
}
