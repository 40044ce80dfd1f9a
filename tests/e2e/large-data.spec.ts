/**
 * Issue 6: the popup opens well under 300 ms with 10,000 contacts and 100,000 events.
 * Contacts come in through the options page's import, as a person's would; events are written into
 * the worker's IndexedDB from its own context (seed-events.ts). The figures are printed and attached.
 */
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { stopServiceWorker, test, expect } from './harness';
import { importSettingsFile } from './pages/options';
import { seedEvents } from './seed-events';
import { ALWAYS, scene } from './settings-file';

const CONTACTS = 10_000;
const EVENTS = 100_000;
const ZONES = ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'Asia/Tokyo', 'America/Sao_Paulo', 'Australia/Sydney', 'Africa/Lagos', 'Europe/Berlin'];

function bigDirectory() {
  return Array.from({ length: CONTACTS }, (_, i) => ({
    name: `Person ${String(i).padStart(5, '0')}`,
    emails: [`p${i}@example.com`],
    ...(i % 3 === 0 ? { slackIds: [`U${String(i).padStart(6, '0')}`] } : {}),
    ...(i % 10 === 9 ? {} : { timeZone: ZONES[i % ZONES.length] }),
  }));
}

interface Timing {
  /** First paint with data (usually from the stored summary), ms since navigation start. */
  ready: number;
  /** The worker's fresh answer shown, ms since navigation start. */
  fresh: number;
  /** Wall clock from goto to the week's numbers visible. */
  wall: number;
}

/** Opens popup.html in a fresh tab and returns when it shows real data (its own marks, since navigation start). */
async function openPopupTimed(page: Page, extensionId: string): Promise<Timing> {
  const started = Date.now();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByRole('region', { name: 'This week' }).waitFor();
  const wall = Date.now() - started;
  await page.waitForFunction(() => performance.getEntriesByName('ae-popup-fresh').length > 0);
  const [ready, fresh] = await page.evaluate(() =>
    ['ae-popup-ready', 'ae-popup-fresh'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
  );
  return { ready: ready!, fresh: fresh!, wall };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

test('with 10,000 contacts and 100,000 events the popup opens well under 300 ms', async ({ harness }, testInfo) => {
  test.setTimeout(240_000);
  const file = { ...scene({ me: ALWAYS, meZone: 'Europe/Berlin' }), contacts: bigDirectory() };
  let t = Date.now();
  await importSettingsFile(harness, file);
  const importMs = Date.now() - t;

  t = Date.now();
  const now = Date.now();
  const total = await seedEvents(harness.worker, { count: EVENTS, from: now - 52 * 7 * 86_400_000, to: now - 60_000 });
  const seedMs = Date.now() - t;
  expect(total).toBe(EVENTS);

  const runs: Timing[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await harness.context.newPage();
    runs.push(await openPopupTimed(page, harness.extensionId));
    if (i === 0) {
      // What it shows is right: the count and this week's numbers (events every ~5 minutes, a sixth of them held).
      await expect(page.getByText(`${CONTACTS} contacts`)).toBeVisible();
      const held = Number(await page.getByRole('region', { name: 'This week' }).getByRole('definition').first().textContent());
      const weekStart = DateTime.now().setZone('Europe/Berlin').startOf('week').toMillis();
      const expected = ((now - weekStart) / (52 * 7 * 86_400_000)) * EVENTS * (2 / 6);
      expect(Math.abs(held - expected)).toBeLessThanOrEqual(Math.max(3, expected * 0.02));
    }
    await page.close();
  }

  // Cold: the worker was stopped (as Chrome does after 30 s idle), so the popup's message wakes it.
  const probe = await harness.context.newPage();
  await probe.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await probe.getByRole('region', { name: 'This week' }).waitFor();
  await stopServiceWorker(probe);
  await probe.close();
  const coldPage = await harness.context.newPage();
  const cold = await openPopupTimed(coldPage, harness.extensionId);

  // The options page pages through the directory instead of rendering it.
  const options = await harness.context.newPage();
  t = Date.now();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await expect(options.locator('#contacts-range')).toHaveText(`1–50 of ${CONTACTS}`);
  const optionsMs = Date.now() - t;
  t = Date.now();
  await options.getByLabel('Search contacts').fill('Person 09999');
  await expect(options.getByRole('table', { name: 'Contacts' }).getByRole('rowheader')).toHaveText(['Person 09999']);
  const searchMs = Date.now() - t;

  const warm = runs.map((r) => r.ready);
  const warmFresh = runs.map((r) => r.fresh);
  const figures = {
    popupReadyMedianMs: Math.round(median(warm)),
    popupReadyMaxMs: Math.round(Math.max(...warm)),
    popupReadyRunsMs: warm.map(Math.round),
    popupFreshMedianMs: Math.round(median(warmFresh)),
    popupFreshMaxMs: Math.round(Math.max(...warmFresh)),
    popupWallMedianMs: median(runs.map((r) => r.wall)),
    popupColdWorkerReadyMs: Math.round(cold.ready),
    popupColdWorkerFreshMs: Math.round(cold.fresh),
    popupColdWorkerWallMs: cold.wall,
    optionsFirstContactsPageMs: optionsMs,
    optionsSearchMs: searchMs,
    importTenThousandContactsMs: importMs,
    seedHundredThousandEventsMs: seedMs,
  };
  console.log(`large data: ${JSON.stringify(figures)}`);
  testInfo.annotations.push({ type: 'popup open time', description: JSON.stringify(figures) });

  // The target is "well under 300 ms"; the medians are held to it. Single runs get head-room, because
  // CI machines (two cores, other suites running) stall now and then.
  expect(figures.popupReadyMedianMs).toBeLessThan(300);
  expect(figures.popupReadyMaxMs).toBeLessThan(600);
  expect(figures.popupFreshMedianMs).toBeLessThan(600);
  // A sleeping worker is not on the popup's path: the stored summary paints first.
  expect(figures.popupColdWorkerReadyMs).toBeLessThan(600);
});
