/**
 * Launches real Chromium with the BUILT extension (.output/chrome-mv3; `npm run build` makes it),
 * serves the site fixtures at their real origins, and fails a test on any uncaught error.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM shared with the Firefox suite
import { fixtureFor } from '../fixtures/serve.mjs';

export const EXTENSION_DIR = resolve(process.env.AE_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type FixtureOverrides = Record<string, string>;

export interface LaunchOptions {
  /** The browser's own zone (what Gmail's and Slack's schedulers use). */
  timezoneId?: string;
  overrides?: FixtureOverrides;
}

export async function launchWithExtension(userDataDir: string, { timezoneId, overrides = {} }: LaunchOptions = {}): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    timezoneId,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--lang=en-US',
    ],
  });
  await serveFixtures(context, overrides);
  return context;
}

/** No request leaves the machine: fixtures answer their real URLs, everything else http(s) is aborted. */
export async function serveFixtures(context: BrowserContext, overrides: FixtureOverrides = {}): Promise<void> {
  await context.route(/^https?:\/\//, (route) => {
    const fixture = fixtureFor(route.request().url(), overrides) as { body: string; headers: Record<string, string> } | null;
    if (fixture) return route.fulfill({ status: 200, body: fixture.body, headers: fixture.headers });
    return route.abort();
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export function extensionIdOf(worker: Worker): string {
  return new URL(worker.url()).host;
}

/** Stops the MV3 worker the way Chrome does when idle, over CDP. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  errors: string[];
  /** Opens an extension page (popup.html, options.html) as an ordinary tab. */
  openExtensionPage: (path: string) => Promise<Page>;
}

/** Uncaught errors and console errors from every page and from the worker fail the test. */
function collectErrors(context: BrowserContext, worker: Worker, errors: string[]): void {
  context.on('weberror', (error) => errors.push(`${error.page()?.url() ?? 'page'}: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.page()?.url() ?? 'context'}: ${message.text()}`);
  });
  worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`worker: ${message.text()}`);
  });
}

export async function makeHarness(context: BrowserContext, userDataDir: string): Promise<Harness> {
  const errors: string[] = [];
  const worker = await extensionWorker(context);
  const extensionId = extensionIdOf(worker);
  collectErrors(context, worker, errors);
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    errors,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
  };
}

export const test = base.extend<{ harness: Harness; browserTimeZone: string | undefined }>({
  browserTimeZone: [undefined, { option: true }],
  harness: async ({ browserTimeZone }, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'ae-e2e-'));
    const context = await launchWithExtension(userDataDir, { timezoneId: browserTimeZone });
    const harness = await makeHarness(context, userDataDir);
    await use(harness);
    await context.close();
    // Errors the browser reported in any page fail the test that caused them.
    expect(harness.errors, 'uncaught errors or console errors in pages').toEqual([]);
  },
});

export { expect };
