/**
 * `npm run demo` (issue 22, item 4): try the extension without an account. Builds the Chrome extension,
 * opens the system Chromium with it loaded and our replicas of Gmail, Slack and Google Docs served at
 * their real URLs (tests/fixtures/serve.mjs, as the e2e suites do; every other request is aborted), and
 * imports a sample settings file built around "now": you are outside your working hours (so quiet tabs
 * are on) and so are your sample colleagues, each in a zone where it is night right now. Pressing Send
 * in Gmail (the compose is open, addressed to Priya) shows the hold dialog; the template button sits in
 * each composer; Slack's tab is shielded.
 *
 *   npm run demo                  headed where $DISPLAY is set, else headless; stays open until Ctrl+C
 *   npm run demo -- --check       opens everything, checks the extension runs and holds a send, exits 0
 *   npm run demo -- --no-build    uses the existing build (.output/chrome-mv3, or $AE_OUT_DIR)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { FIXTURE_URLS, fixtureFor } from '../tests/fixtures/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION_DIR = resolve(process.env.AE_OUT_DIR ?? '.output', 'chrome-mv3');
const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
const HEADED = Boolean(process.env.DISPLAY) && !CHECK;
/** How long the check waits for something the extension does by itself (a bound against hanging). */
const EVENTUALLY = 30_000;

/** Real zones spread around the globe: at any instant it is night (00:00–06:00) in at least two of them. */
const ZONES = [
  'Pacific/Honolulu', 'America/Los_Angeles', 'America/Denver', 'America/New_York', 'America/Sao_Paulo',
  'Atlantic/Azores', 'Europe/London', 'Europe/Berlin', 'Europe/Athens', 'Asia/Dubai', 'Asia/Karachi',
  'Asia/Kolkata', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
];

/** Minutes since local midnight in `zone` at `now`. */
function minutesIn(zone, now) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

const hhmm = (minutes) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Zones where it is night now, the closest to 03:00 first (and so outside any Mon–Fri 09:00–17:00). */
export function nightZones(now = new Date()) {
  return ZONES.map((zone) => ({ zone, distance: Math.abs(minutesIn(zone, now) - 180) }))
    .filter(({ distance }) => distance < 180)
    .sort((a, b) => a.distance - b.distance)
    .map(({ zone }) => zone);
}

/**
 * The sample settings file (contract §1) around `now`: your working day ended an hour ago (every day,
 * in this machine's zone), and Priya (Gmail, Docs) and Alice (Slack's DM) are where it is night.
 */
export function sampleSettings(now = new Date()) {
  const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const mine = minutesIn(myZone, now);
  // Nine to five an hour ago: from 9 h before now to 1 h before now, on the minute.
  const range = [hhmm((mine + 24 * 60 - 9 * 60) % (24 * 60)), hhmm((mine + 24 * 60 - 60) % (24 * 60))];
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [range]]));
  const [priyaZone, aliceZone = priyaZone] = nightZones(now);
  return {
    format: 'async-etiquette/settings',
    version: 1,
    me: { timeZone: myZone, weekly: week, daysOff: [] },
    contacts: [
      { name: 'Priya Raman', emails: ['priya@example.com'], timeZone: priyaZone },
      { name: 'Alice Example', emails: ['alice@example.com'], slackIds: ['U0ALICE'], timeZone: aliceZone },
    ],
    sites: { gmail: 'confirm', slack: 'confirm', docs: 'confirm' },
    quiet: { gmail: 'calm', slack: 'shield', docs: 'off' },
  };
}

function build() {
  if (args.has('--no-build')) return;
  console.log('Building the Chrome extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('the build failed');
}

async function launch(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !HEADED,
    // Ctrl+C is ours: the browser is closed and its temporary profile removed (see main).
    handleSIGINT: false,
    handleSIGTERM: false,
    viewport: HEADED ? null : { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(HEADED ? [] : ['--disable-gpu', '--remote-debugging-port=9222']),
    ],
  });
  // The replicas answer their real URLs; nothing else leaves the machine.
  await context.route(/^https?:\/\//, (route) => {
    const fixture = fixtureFor(route.request().url());
    return fixture ? route.fulfill({ status: 200, body: fixture.body, headers: fixture.headers }) : route.abort();
  });
  return context;
}

/** The settings file goes in through the message the options page's "Import settings" sends. */
async function importSettings(context, extensionId, settings) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  const reply = await page.evaluate(
    (text) => new Promise((done) => chrome.runtime.sendMessage({ id: 1, type: 'importSettings', data: { text }, timestamp: Date.now() }, done)),
    JSON.stringify(settings),
  );
  await page.close();
  if (!reply?.res?.ok) throw new Error(`the sample settings were refused: ${JSON.stringify(reply)}`);
}

async function openSite(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  // The content script marks the page once it has the settings: the extension is running there.
  await page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached', timeout: EVENTUALLY });
  return page;
}

function gmailUrl() {
  const url = new URL(FIXTURE_URLS.gmail);
  url.searchParams.set('to', 'priya@example.com');
  url.searchParams.set('subject', 'Quarterly numbers');
  url.searchParams.set('body', 'Hi Priya, the numbers are in the shared sheet. Could you check them?');
  return url.toString();
}

/** The check: a send in Gmail is held with a Schedule offer, and Slack's tab is shielded. */
async function check(gmail, slack) {
  await gmail.locator('div.M9 .IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])').first().click();
  const dialog = gmail.getByRole('alertdialog');
  await dialog.getByRole('button', { name: /^Schedule/ }).waitFor({ timeout: EVENTUALLY });
  console.log(`✓ Gmail: the send was held: "${(await dialog.getByRole('button', { name: /^Schedule/ }).first().innerText()).trim()}"`);
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await slack.getByRole('dialog', { name: /^Work can wait/ }).waitFor({ timeout: EVENTUALLY });
  console.log('✓ Slack: the tab is shielded ("Work can wait")');
}

async function main() {
  build();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'ae-demo-'));
  const context = await launch(userDataDir);
  const cleanUp = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    console.log(`✓ Extension loaded (${extensionId})`);
    // The install opens the first-run page; it stays as the first tab (it follows the sample settings below).
    const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'))
      ?? (await context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html'), timeout: EVENTUALLY }).catch(() => null));
    if (welcome) console.log('✓ The first-run page opened on install');
    const settings = sampleSettings();
    await importSettings(context, extensionId, settings);
    const [priya, alice] = settings.contacts;
    console.log(`✓ Sample settings: your day ended an hour ago; Priya is in ${priya.timeZone} (${hhmm(minutesIn(priya.timeZone, new Date()))}), Alice in ${alice.timeZone} (${hhmm(minutesIn(alice.timeZone, new Date()))})`);
    for (const page of context.pages()) if (page.url() === 'about:blank') await page.close();
    const gmail = await openSite(context, gmailUrl());
    const slack = await openSite(context, FIXTURE_URLS.slack);
    await openSite(context, FIXTURE_URLS.docs);
    await gmail.bringToFront();
    if (CHECK) {
      await check(gmail, slack);
      console.log('Demo check passed.');
      return;
    }
    printGuide();
    await new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      context.once('close', resolve);
    });
  } finally {
    await cleanUp();
  }
}

function printGuide() {
  console.log(`
Try it (all three sites are local replicas; nothing is sent anywhere):
  • Gmail: a compose to Priya is open. Press Send: the send is held, and "Schedule for …" offers her next
    working slot. The "Insert context template" button sits in the compose.
  • Slack: the tab is covered ("Work can wait") because your day is over: "Open anyway", then write to Alice
    and press Enter.
  • Google Docs: comment with +priya@example.com and press Comment.
  • The first tab is the first-run page; the toolbar icon opens the popup.`);
  if (!HEADED) {
    console.log(`
No display ($DISPLAY is not set), so Chromium runs headless and there is nothing to see here.
  • Run it where a display exists (a desktop session, or: xvfb-run -a npm run demo with a VNC viewer),
  • or open chrome://inspect in a Chrome on this machine (port 9222) to see and use the tabs,
  • or run \`npm run demo -- --check\` to check it end to end.`);
  }
  console.log('\nPress Ctrl+C to close the browser.');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
