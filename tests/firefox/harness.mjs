/**
 * Real Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the BUILT extension
 * (.output/firefox-mv3) installed as a temporary add-on and the fixtures served at their real URLs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIXTURE_URLS, fixtureFor } from '../fixtures/serve.mjs';

export const EXTENSION_DIR = resolve(process.env.AE_OUT_DIR ?? '.output', 'firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * A zone where it is about 03:00 right now: outside the default working hours (Mon–Fri 09:00–17:00
 * in the browser's zone) on any day. Firefox pages cannot open our options page over BiDi, so the
 * Firefox suite reaches "after hours" through the browser's own zone instead of an imported file.
 */
export function nightZone(now = new Date()) {
  const offset = (((3 - now.getUTCHours()) % 24) + 24 + 12) % 24 - 12; // in -12..11
  // Etc/GMT names have the sign inverted: Etc/GMT-3 is UTC+3.
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/**
 * `prefs`: extra Firefox prefs, e.g. { 'browser.policies.alternatePath': '/tmp/…/policies.json' } to
 * give this browser an enterprise policy (tests/firefox/policy.test.mjs). `env`: extra environment.
 */
export async function launchFirefox({ timeZone, prefs = {}, env = {} } = {}) {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US', 'network.dns.disableIPv6': true, ...prefs },
    env: { ...process.env, ...env, ...(timeZone ? { TZ: timeZone } : {}) },
  });
  await browser.installExtension(EXTENSION_DIR);
  return browser;
}

/**
 * A request answered after its page closed: Firefox ESR 140.12 rejects it with "no such request"
 * (network.failRequest, network.provideResponse), which ESR 153 did not. Anything else is still thrown, and
 * fails the run.
 */
function unlessGone(error) {
  if (!/no such request/.test(String(error?.message))) throw error;
}

/**
 * The page's viewport, checked by reading it back. Puppeteer's setViewport also sends
 * emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know ("unknown command"); the
 * size itself is set by browsingContext.setViewport beside it, so that one error is let through and the size
 * is read back.
 */
export async function setViewport(page, { width, height }) {
  await page.setViewport({ width, height }).catch((error) => {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(error?.message))) throw error;
  });
  // The rejection can come before the size is applied: wait for it.
  const applied = await page
    .waitForFunction((w, h) => window.innerWidth === w && window.innerHeight === h, { timeout: 5_000 }, width, height)
    .then(() => true, () => false);
  const size = await page.evaluate(() => `${window.innerWidth}×${window.innerHeight}`);
  if (!applied) throw new Error(`viewport is ${size}, not ${width}×${height}`);
}

/** A replica at its real URL, with what it should show in its query (`to`, `body`, `variant`, …). */
export function fixtureUrl(site, params = {}) {
  const url = new URL(FIXTURE_URLS[site]);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** Gmail's Send button in a compose (not its schedule arrow), as tests/e2e/pages/gmail.ts finds it. */
export const GMAIL_SEND = 'div.M9 .IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])';

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
    const answered = fixture ? request.respond({ status: 200, headers: fixture.headers, body: fixture.body }) : request.abort();
    answered.catch(unlessGone);
  });
  await page.goto(url);
  return { page, errors };
}

export async function fixtureLog(page, type) {
  return page.evaluate((t) => window.__fixtureLog.filter((e) => e.type === t), type);
}

/** Waits for `selector` inside one of our shadow roots and returns fn(element) evaluated in the page. */
export async function shadowQuery(page, selector, fn = (el) => el.textContent, timeout = 5_000) {
  const handle = await page.waitForFunction(
    (sel) => {
      for (const host of document.querySelectorAll('async-etiquette-ui')) {
        const found = host.shadowRoot?.querySelector(sel);
        if (found) return found;
      }
      return null;
    },
    { timeout, polling: 50 },
    selector,
  );
  return handle.evaluate(fn);
}

/** Clicks the button named `name` in our in-page UI, as a person would (real mouse input). */
export async function clickShadowButton(page, name, timeout = 5_000) {
  const handle = await page.waitForFunction(
    (label) => {
      for (const host of document.querySelectorAll('async-etiquette-ui')) {
        for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) {
          if ((button.getAttribute('aria-label') ?? button.textContent.trim()) === label) return button;
        }
      }
      return null;
    },
    { timeout, polling: 50 },
    name,
  );
  const box = await handle.asElement().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * The title the tab shows (the <title> text). The page's own `document.title` is the site's: while quiet
 * is on, the page-world guard calms what is shown and lets the site read back what it wrote.
 */
export async function tabTitle(page) {
  return page.evaluate(() => document.querySelector('title')?.textContent ?? '');
}

export const GECKO_ID = 'async-etiquette@async-etiquette.dev';

/**
 * Firefox with an organisation policy (policies.json "3rdparty" → storage.managed), the only way this
 * suite can give the extension settings. Release Firefox honours browser.policies.alternatePath only
 * "in automation" (Cu.isInAutomation: EnterprisePoliciesParent.sys.mjs), which needs the pref below AND
 * MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 at start-up (verified on this ESR; without them the pref is silently
 * ignored). Fixtures are answered by request interception, so blocking non-local connections changes
 * nothing else. Returns the browser and a cleanup that closes it and removes the temporary file.
 */
export async function launchFirefoxWithPolicy(policy, { timeZone } = {}) {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'ae-ff-policy-'));
  const policiesFile = join(dir, 'policies.json');
  writeFileSync(policiesFile, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }));
  const browser = await launchFirefox({
    timeZone,
    prefs: {
      'browser.policies.alternatePath': policiesFile,
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
    },
    env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  });
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { browser, close };
}

/** Every day the same range, starting `startMin` minutes after `base` (ms) on `zone`'s wall clock. */
export function everyDayFrom(base, zone, startMin, lengthMin) {
  const fmt = (ms) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const start = Math.floor(base / 60_000) * 60_000 + startMin * 60_000;
  const range = [fmt(start), fmt(start + lengthMin * 60_000)];
  return Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [range]]));
}

export const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '00:00']]]));

/**
 * How long a test waits for something the page or the extension does by itself. A bound against hanging,
 * not a figure: how fast it happens is the bench's to report; a busy machine must not fail a test.
 */
export const EVENTUALLY = 15_000;
