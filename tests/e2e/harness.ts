/**
 * Launches real Chromium with the BUILT extension (.output/chrome-mv3; `npm run build` makes it),
 * serves the site fixtures at their real origins, and fails a test on any uncaught error.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  /** Load the extension from this folder instead (its id follows from the path: see extensionIdForPath). */
  extensionDir?: string;
  /**
   * The browser's UI language as a BCP 47 tag, e.g. 'de-DE' (default 'en-US'). Chromium's `--lang` picks
   * the extension's messages (_locales/de); Playwright's `locale` is what chrome.i18n.getUILanguage() and
   * navigator.language report. Environment variables (LANGUAGE, LANG) change neither in headless Chromium.
   */
  uiLanguage?: string;
  /** A clock the test can move (see MovableClock): every process of this browser reads it. */
  clock?: MovableClock;
  /**
   * Keep the first-run page the extension opens on install (issue 22). By default it is closed as soon
   * as it opens, so every other test sees only the pages it opened itself.
   */
  keepFirstRun?: boolean;
}

/** The first-run page (entrypoints/welcome), opened by the worker on a new install only. */
export function isFirstRunPage(page: Page): boolean {
  return /^chrome-extension:\/\/[a-p]{32}\/welcome\.html/.test(page.url());
}

/**
 * A fresh profile installs the extension, so the worker opens the first-run page, seconds later on a
 * busy machine (after the worker's install step). It is closed once it has loaded: a test waiting for
 * a page of its own ignores it too (`nextPage`). Not sooner: in runs that closed it at once, a later
 * extension page sometimes had no messages at all (blank labels; see ensureMessages in utils/i18n).
 */
function closeFirstRunPages(context: BrowserContext): void {
  const close = (page: Page) => {
    if (!isFirstRunPage(page)) return;
    void page
      .waitForLoadState('load')
      .then(() => page.close())
      .catch(() => undefined);
  };
  context.pages().forEach(close);
  context.on('page', close);
}

/** The next page that opens in `context` other than the first-run page (e.g. a tab the extension opens). */
export function nextPage(context: BrowserContext): Promise<Page> {
  return context.waitForEvent('page', { predicate: (page) => !isFirstRunPage(page) });
}

/**
 * How long a test waits for something the page or the worker does by itself (a note, a native send, a
 * pushed snapshot). A bound against hanging, not a figure: how fast it happens is the bench's to report,
 * and a busy machine must not fail a test (issue 15).
 */
export const EVENTUALLY = 15_000;

/** libfaketime, preloaded into Chromium so a test can move the browser's clock (apt-get install -y faketime). */
export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/**
 * The browser's clock, moved by the test instead of waited for: a state that lasts a few seconds of wall
 * time (a pause ending, an alarm due) is set far ahead and reached by moving the clock, so a busy machine
 * cannot make the test miss it. libfaketime re-reads the offset from `file` at most once a second; it
 * starts where the runner's own clock is (tests/clock-sweep.mjs shifts that through FAKETIME).
 */
export class MovableClock {
  readonly file: string;
  /** The runner's own shift (FAKETIME, set by tests/clock-sweep.mjs), in seconds. */
  private readonly baseSeconds = Number(/^[+-]?\d+$/.exec(process.env.FAKETIME ?? '')?.[0] ?? 0);
  private movedSeconds = 0;
  private readonly browsers = new Set<BrowserContext>();

  constructor(dir: string) {
    if (!existsSync(LIBFAKETIME)) throw new Error(`libfaketime is missing (${LIBFAKETIME}): apt-get install -y faketime`);
    this.file = join(dir, 'faketime');
    this.write();
  }

  /** Environment that makes a browser follow this clock. */
  env(): Record<string, string> {
    const { FAKETIME: _runner, ...rest } = process.env;
    return { ...(rest as Record<string, string>), LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: this.file, FAKETIME_CACHE_DURATION: '1' };
  }

  /** A browser that follows this clock (launchWithExtension attaches it). */
  attach(context: BrowserContext): void {
    this.browsers.add(context);
    context.on('close', () => this.browsers.delete(context));
  }

  /**
   * Chrome arms an alarm's timer for a delay; a clock that jumps (no real clock does) is noticed at the
   * next re-arm. Creating and clearing a spare alarm re-arms it, so alarms now due fire at once. It is
   * done from an extension document, which works whether or not the worker is asleep.
   */
  private async rearmAlarms(): Promise<void> {
    for (const context of this.browsers) {
      const id = new URL((await extensionWorker(context)).url()).host;
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${id}/manifest.json`);
        await page.evaluate(async () => {
          const { alarms } = (globalThis as unknown as { chrome: { alarms: { create(n: string, i: { when: number }): Promise<void>; clear(n: string): Promise<boolean> } } }).chrome;
          await alarms.create('test-clock-moved', { when: Date.now() + 3_600_000 });
          await alarms.clear('test-clock-moved');
        });
      } finally {
        await page.close();
      }
    }
  }

  /** What the browser's clock reads now (epoch ms). */
  now(): number {
    return Date.now() + this.movedSeconds * 1000;
  }

  /** Moves the browser's clock forward; resolves once every process has had time to re-read it. */
  async moveBy(seconds: number): Promise<void> {
    this.movedSeconds += Math.ceil(seconds);
    this.write();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await this.rearmAlarms();
  }

  /** Moves the browser's clock to `at` (epoch ms), or just past it. */
  async moveTo(at: number): Promise<void> {
    await this.moveBy(Math.max(0, (at - this.now()) / 1000));
  }

  private write(): void {
    const offset = this.baseSeconds + this.movedSeconds;
    writeFileSync(this.file, `${offset >= 0 ? '+' : ''}${offset}\n`);
  }
}

/** Chromium's UI locales are bare languages ('de': '--lang=de-DE' falls back to English) but for a few regional ones. */
function chromiumUiLocale(tag: string): string {
  return /^(en-(US|GB)|es-419|pt-(BR|PT)|zh-(CN|TW))$/.test(tag) ? tag : (tag.split('-')[0] ?? tag);
}

/** The id Chromium gives an unpacked extension: the first 32 hex digits of SHA-256(absolute path), as a-p. */
export function extensionIdForPath(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export async function launchWithExtension(
  userDataDir: string,
  { timezoneId, overrides = {}, extensionDir = EXTENSION_DIR, uiLanguage = 'en-US', clock, keepFirstRun = false }: LaunchOptions = {},
): Promise<BrowserContext> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: uiLanguage,
    timezoneId,
    ...(clock ? { env: clock.env() } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${chromiumUiLocale(uiLanguage)}`,
    ],
  });
  if (!keepFirstRun) closeFirstRunPages(context);
  await serveFixtures(context, overrides);
  clock?.attach(context);
  return context;
}

const strays = new WeakMap<BrowserContext, string[]>();

/**
 * http(s) requests in this context that no fixture answers (from pages, extension pages or the
 * worker). The fixtures make none of their own, so every entry is a request the extension made:
 * each test's teardown asserts there are none.
 */
export function strayRequests(context: BrowserContext): string[] {
  let list = strays.get(context);
  if (!list) strays.set(context, (list = []));
  return list;
}

/** No request leaves the machine: fixtures answer their real URLs, everything else http(s) is aborted. */
export async function serveFixtures(context: BrowserContext, overrides: FixtureOverrides = {}): Promise<void> {
  const seen = new WeakSet<object>();
  const stray = (request: { url(): string }) => {
    if (seen.has(request) || !/^https?:\/\//.test(request.url()) || fixtureFor(request.url(), overrides)) return;
    seen.add(request);
    strayRequests(context).push(request.url());
  };
  context.on('request', stray);
  await context.route(/^https?:\/\//, (route) => {
    const fixture = fixtureFor(route.request().url(), overrides) as { body: string; headers: Record<string, string> } | null;
    if (fixture) return route.fulfill({ status: 200, body: fixture.body, headers: fixture.headers });
    stray(route.request());
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
  /** Text the test typed into a site: after the test, none of it may be in the extension's storage. */
  secrets: string[];
  /** Opens an extension page (popup.html, options.html) as an ordinary tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** The browser's clock, when the test asked for a movable one. */
  clock?: MovableClock;
}

/** Uncaught errors and console errors from every page and from the worker fail the test. */
function collectErrors(context: BrowserContext, worker: Worker, errors: string[]): void {
  context.on('weberror', (error) => errors.push(`${error.page()?.url() ?? 'page'}: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The context also reports service workers' messages: the first worker's come through its own
    // listener below; a restarted worker (a new Worker object) is still the worker.
    const from = message.worker();
    if (from === worker) return;
    errors.push(`${from ? 'worker' : (message.page()?.url() ?? 'context')}: ${message.text()}`);
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
    secrets: [],
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
  };
}

/**
 * Profiles in which the extension has already started once: its database made, its defaults stored and
 * its first-run page shown (and left to load, as a person would). A test's profile is a copy, about
 * 0.1 s, instead of a new profile and a new install, about 1.5 s more with the first-run page; over the
 * suite that is minutes of CI. One per browser zone and language, since the defaults follow them; made
 * once per test process and removed when it exits.
 */
const templates = new Map<string, Promise<string>>();

function profileTemplate(timezoneId: string | undefined, uiLanguage: string | undefined): Promise<string> {
  const key = `${timezoneId ?? ''}|${uiLanguage ?? ''}`;
  let made = templates.get(key);
  if (!made) {
    made = makeProfileTemplate(timezoneId, uiLanguage);
    templates.set(key, made);
  }
  return made;
}

async function makeProfileTemplate(timezoneId: string | undefined, uiLanguage: string | undefined): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ae-e2e-template-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const context = await launchWithExtension(dir, { timezoneId, uiLanguage, keepFirstRun: true });
  try {
    const worker = await extensionWorker(context);
    const firstRun = context.pages().find(isFirstRunPage) ?? (await context.waitForEvent('page', { predicate: isFirstRunPage }));
    await firstRun.waitForLoadState('load');
    await expect
      .poll(() => worker.evaluate(async () => {
        const ext = globalThis as unknown as { chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } } };
        const stored = await ext.chrome.storage.local.get(['firstRunOpened', 'snapshot']);
        return stored.firstRunOpened !== undefined && stored.snapshot !== undefined;
      }), { timeout: 60_000 })
      .toBe(true);
  } finally {
    await context.close();
  }
  return dir;
}

export const test = base.extend<{
  harness: Harness;
  browserTimeZone: string | undefined;
  browserLanguage: string | undefined;
  movableClock: boolean;
  keepFirstRun: boolean;
}>({
  browserTimeZone: [undefined, { option: true }],
  /** The browser's UI language ('de-DE' for the German extension UI); undefined is en-US. */
  browserLanguage: [undefined, { option: true }],
  /** `test.use({ movableClock: true })`: the browser follows `harness.clock` (libfaketime). */
  movableClock: [false, { option: true }],
  /** `test.use({ keepFirstRun: true })`: the first-run page opened on install stays open (LaunchOptions). */
  keepFirstRun: [false, { option: true }],
  harness: async ({ browserTimeZone, browserLanguage, movableClock, keepFirstRun }, use, testInfo) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'ae-e2e-'));
    // A copy of a profile where the extension already started, unless the test is about a new install
    // (the first-run page) or moves the browser's clock (its data must be made at the clock it reads).
    if (!keepFirstRun && !movableClock && !process.env.FAKETIME) {
      cpSync(await profileTemplate(browserTimeZone, browserLanguage), userDataDir, { recursive: true });
    }
    const clock = movableClock ? new MovableClock(userDataDir) : undefined;
    const context = await launchWithExtension(userDataDir, { timezoneId: browserTimeZone, uiLanguage: browserLanguage, clock, keepFirstRun });
    const harness = { ...(await makeHarness(context, userDataDir)), clock };
    await use(harness);
    if (testInfo.status !== testInfo.expectedStatus) await describePages(context, harness.worker);
    // No message text is stored: every object store (held Docs comments aside) and storage.local.
    const stored = harness.secrets.length ? await storedText(harness).catch((error: Error) => `unreadable: ${error.message}`) : '';
    await context.close();
    // A profile is about 16 MB; a suite leaves none behind.
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    // Errors the browser reported in any page fail the test that caused them.
    expect(harness.errors, 'uncaught errors or console errors in pages').toEqual([]);
    expect(strayRequests(context), 'network requests that no fixture answers (the extension makes none)').toEqual([]);
    for (const secret of harness.secrets) expect(stored.includes(JSON.stringify(secret).slice(1, -1)), `typed text found in storage: ${secret}`).toBe(false);
    expect(stored.startsWith('unreadable'), stored).toBe(false);
  },
});

/**
 * After a failed test: each open page's address, the start of its text and, in extension pages,
 * whether chrome.i18n answers. CI keeps only the log, where a page's state is otherwise lost.
 */
async function describePages(context: BrowserContext, worker: Worker): Promise<void> {
  const inWorker = await Promise.race([
    worker.evaluate(() => JSON.stringify((globalThis as unknown as { chrome: { i18n: { getMessage(key: string): string } } }).chrome.i18n.getMessage('extName'))),
    new Promise<string>((resolve) => setTimeout(() => resolve('(no answer in 2 s)'), 2_000)),
  ]).catch((error: Error) => `(${error.message.split('\n')[0]})`);
  console.log(`[after failure] worker i18n extName=${inWorker}`);
  for (const page of context.pages()) {
    const state = await Promise.race([
      page.evaluate(() => {
        const ext = (globalThis as unknown as { chrome?: { i18n?: { getMessage(key: string): string } } }).chrome;
        const i18n = location.protocol === 'chrome-extension:' ? ` i18n extName=${JSON.stringify(ext?.i18n?.getMessage('extName'))}` : '';
        return `${i18n} text=${JSON.stringify((document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 300))}`;
      }),
      new Promise<string>((resolve) => setTimeout(() => resolve(' (no answer in 2 s)'), 2_000)),
    ]).catch((error: Error) => ` (${error.message.split('\n')[0]})`);
    console.log(`[after failure] ${page.url()}${state}`);
  }
}

/** Object stores and storage.local keys that legitimately hold message text: held Docs comments, until posted or discarded. */
export const TEXT_STORES = ['heldComments'];

/**
 * Everything the extension keeps, as one JSON string: every object store of every IndexedDB
 * database of the extension origin, and storage.local (except TEXT_STORES). Read from the
 * extension's origin in a document that runs none of its code (manifest.json), so a broken worker
 * or page cannot add errors.
 */
export async function storedText(harness: Harness): Promise<string> {
  const page = await harness.context.newPage();
  try {
    await page.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
    return await page.evaluate(async (skip) => {
      const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const out: Record<string, unknown> = {};
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await request(indexedDB.open(name));
        for (const store of Array.from(db.objectStoreNames)) {
          if (!skip.includes(store)) out[`${name}/${store}`] = await request(db.transaction(store).objectStore(store).getAll());
        }
        db.close();
      }
      const ext = globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } };
      const local = await ext.chrome.storage.local.get(null);
      for (const key of skip) delete local[key];
      out['storage.local'] = local;
      return JSON.stringify(out);
    }, TEXT_STORES);
  } finally {
    await page.close();
  }
}


export interface PublishedSettings {
  me: { weekly: Record<string, [string, string][]>; daysOff: string[] };
  contacts: Array<{ name: string; timeZone?: string }>;
  preferences: { pause?: unknown; snoozes?: unknown[] };
}

/**
 * Waits until the worker has published settings that pass `check`, then until `page` holds that
 * revision or a later one. A revision alone is not enough: the worker also republishes for its own
 * reasons (a sync pass), and a page holding such a revision may still judge with the old settings.
 */
export async function published(harness: Harness, page: Page, check: (settings: PublishedSettings) => boolean): Promise<void> {
  let wanted = 0;
  await expect
    .poll(async () => {
      const stored = await harness.worker.evaluate(async () => {
        const ext = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
        return (await ext.chrome.storage.local.get('snapshot')).snapshot as { revision: number; settings: unknown } | undefined;
      });
      if (!stored || !check(stored.settings as PublishedSettings)) return false;
      wanted = stored.revision;
      return true;
    })
    .toBe(true);
  await expect.poll(async () => Number(await page.locator('html').getAttribute('data-async-etiquette-revision'))).toBeGreaterThanOrEqual(wanted);
}

export { expect };
