/**
 * Issue 22: the popup's team clock and plan-a-time, as a person uses them. Everyone's hours are set
 * relative to the instant the test starts (any hour, any weekday), and what the popup should say is
 * derived from that instant and the same zones. The organisation's directory comes in by policy.
 */
import { DateTime } from 'luxon';
import type { Locator, Page } from '@playwright/test';
import { scanBoth } from './axe';
import { EVENTUALLY, expect, test, type Harness } from './harness';
import { withManagedPolicy } from './managed-policy';
import { importSettingsFile } from './pages/options';
import { ALWAYS, everyDayFromNow, scene, startIn } from './settings-file';

const ME = 'Europe/Berlin';
const MINUTE = 60_000;
const SOON_MS = 2 * 3_600_000;

/** The popup's clock in en-US (contract §3): "9:00 AM"; with the weekday: "Tue 9:00 AM". */
function clock(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone, locale: 'en-US' }).toLocaleString({ hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).replace(/[\u202f\u00a0]/g, ' ');
}
function weekdayClock(at: number, zone: string): string {
  return `${DateTime.fromMillis(at, { zone, locale: 'en-US' }).toFormat('EEE')} ${clock(at, zone)}`;
}
/** A row's time as the popup writes it: the weekday only when that day is not today in the person's zone. */
function rowClock(at: number, zone: string, now: Date): string {
  return localDate(at, zone) === localDate(now.getTime(), zone) ? clock(at, zone) : weekdayClock(at, zone);
}
function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate()!;
}

interface Person {
  name: string;
  email: string;
  zone?: string;
  group: 'working' | 'soon' | 'off' | 'unknown';
  /** When next available (now while working), for the expected order. */
  when: number;
}

/** Everyone of the scene and where they stand at `now`, in the order the team clock must list them. */
function people(now: Date) {
  const at = now.getTime();
  const danaZone = 'America/Sao_Paulo';
  // Dana works around the clock but has today (her date) off: back at her next local midnight.
  const danaBack = DateTime.fromMillis(at, { zone: danaZone }).plus({ days: 1 }).startOf('day').toMillis();
  const contacts = [
    { name: 'Wendy Working', emails: ['wendy@example.com'], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', -60, 300, now) },
    { name: 'Sara Soon', emails: ['sara@example.com'], timeZone: 'Europe/London', weekly: everyDayFromNow('Europe/London', 30, 240, now) },
    { name: 'Sam Soon', emails: ['sam@example.com'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 90, 240, now) },
    { name: 'Lee Later', emails: ['lee@example.com'], timeZone: 'Asia/Tokyo', weekly: everyDayFromNow('Asia/Tokyo', 300, 240, now) },
    { name: 'Dana Dayoff', emails: ['dana@example.com'], timeZone: danaZone, weekly: ALWAYS, daysOff: [localDate(at, danaZone)] },
    { name: 'Uma Unknown', emails: ['uma@example.com'] },
  ];
  const directory = [{ name: 'Omar Org', emails: ['omar@corp.example'], timeZone: 'Africa/Lagos', weekly: everyDayFromNow('Africa/Lagos', -120, 600, now) }];
  const listed: Person[] = [
    { name: 'Wendy Working', email: 'wendy@example.com', zone: 'Asia/Kolkata', group: 'working', when: at },
    { name: 'Omar Org', email: 'omar@corp.example', zone: 'Africa/Lagos', group: 'working', when: at },
    { name: 'Sara Soon', email: 'sara@example.com', zone: 'Europe/London', group: 'soon', when: startIn(30, now) },
    { name: 'Sam Soon', email: 'sam@example.com', zone: 'America/New_York', group: 'soon', when: startIn(90, now) },
    { name: 'Lee Later', email: 'lee@example.com', zone: 'Asia/Tokyo', group: 'off', when: startIn(300, now) },
    { name: 'Dana Dayoff', email: 'dana@example.com', zone: danaZone, group: danaBack - at <= SOON_MS ? 'soon' : 'off', when: danaBack },
    { name: 'Uma Unknown', email: 'uma@example.com', group: 'unknown', when: Infinity },
  ];
  const order = ['working', 'soon', 'off', 'unknown'];
  listed.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || a.when - b.when || a.name.localeCompare(b.name));
  return { contacts, directory, listed, danaBack };
}

/** Opens the popup with navigator.clipboard.writeText recorded in window.__copied. */
async function openPopup(harness: Harness): Promise<Page> {
  const page = await harness.context.newPage();
  await page.addInitScript(() => {
    const copied: string[] = [];
    Object.assign(window, { __copied: copied });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
  });
  await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await page.setViewportSize({ width: 380, height: 600 });
  return page;
}

/** Every item of the virtualised list, top to bottom, read by scrolling through it. */
async function listedTexts(clockRegion: Locator): Promise<{ headings: string[]; names: string[]; setSize: number }> {
  const scroller = clockRegion.locator('.team-scroll');
  const seen = new Map<number, { heading?: string; name?: string }>();
  const height = await scroller.evaluate((el) => el.scrollHeight);
  for (let top = 0; ; top += 100) {
    await scroller.evaluate((el, y) => el.scrollTo(0, y), top);
    const items = clockRegion.getByRole('listitem');
    await expect(items.first()).toBeVisible();
    await expect(clockRegion.locator('.team-row.loading')).toHaveCount(0);
    const batch = await items.evaluateAll((els) =>
      els.map((el) => ({ pos: Number(el.getAttribute('aria-posinset')), heading: el.querySelector('h3')?.textContent ?? undefined, name: el.querySelector('.team-name')?.textContent ?? undefined })),
    );
    for (const { pos, ...item } of batch) seen.set(pos, item);
    if (top >= height) break;
  }
  const setSize = Number(await clockRegion.getByRole('listitem').first().getAttribute('aria-setsize'));
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  const ordered = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  return { headings: ordered.flatMap((i) => (i.heading ? [i.heading] : [])), names: ordered.flatMap((i) => (i.name ? [i.name] : [])), setSize };
}

function expectedHeadings(listed: Person[]): string[] {
  const labels = { working: 'Working now', soon: 'Starting within 2 hours', off: 'Off', unknown: 'Time zone unknown' } as const;
  return (['working', 'soon', 'off', 'unknown'] as const).flatMap((group) => {
    const count = listed.filter((p) => p.group === group).length;
    return count ? [`${labels[group]} (${count})`] : [];
  });
}

/** The copied line: the user's zone with its weekday, the others with theirs only on another date. */
function expectedLine(at: number, zones: Array<[zone: string, city: string, outside: boolean]>): string {
  const firstDate = localDate(at, zones[0]![0]);
  return zones
    .map(([zone, city, outside], i) => `${i > 0 && localDate(at, zone) === firstDate ? clock(at, zone) : weekdayClock(at, zone)} ${city}${outside ? ' (outside hours)' : ''}`)
    .join(' · ');
}

test('the team clock groups contacts and the directory by who works now, orders them by next start, searches, and plans a time whose line is copied', async () => {
  test.setTimeout(120_000);
  const now = new Date();
  const { contacts, directory, listed, danaBack } = people(now);
  await withManagedPolicy({ directory }, async (harness) => {
    await importSettingsFile(harness, { ...scene({ me: ALWAYS, meZone: ME, now }), contacts });
    const popup = await openPopup(harness);
    const teamClock = popup.getByRole('region', { name: 'Team clock' });
    // The directory arrives with the policy (read after start-up); the list follows the worker's change.
    await expect(teamClock.getByText('Omar Org')).toBeVisible({ timeout: EVENTUALLY });

    const { headings, names, setSize } = await listedTexts(teamClock);
    expect(headings).toEqual(expectedHeadings(listed));
    expect(names).toEqual(listed.map((p) => p.name));
    expect(setSize).toBe(listed.length + headings.length);

    // Each row: place, and when the shift ends or starts, in that person's own time.
    const row = (name: string) => teamClock.getByRole('listitem').filter({ hasText: name });
    await expect(row('Wendy Working')).toContainText(`Kolkata · until ${rowClock(startIn(240, now), 'Asia/Kolkata', now)}`);
    await expect(row('Sara Soon')).toContainText(`London · starts ${rowClock(startIn(30, now), 'Europe/London', now)}`);
    // Her local time now: the popup reads the clock to the minute, some time after the scene's instant.
    const shownTime = await row('Sara Soon').locator('.team-time').textContent();
    const minutesSince = Array.from({ length: Math.ceil((Date.now() - now.getTime()) / MINUTE) + 1 }, (_, i) => clock(now.getTime() + i * MINUTE, 'Europe/London'));
    expect(minutesSince).toContain(shownTime);
    await teamClock.locator('.team-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(row('Dana Dayoff')).toContainText(`Sao Paulo · day off · next start ${weekdayClock(danaBack, 'America/Sao_Paulo')}`);
    await expect(row('Uma Unknown')).toContainText('uma@example.com · time zone unknown');
    await expect(row('Uma Unknown').getByRole('checkbox')).toHaveCount(0);
    await teamClock.locator('.team-scroll').evaluate((el) => el.scrollTo(0, 0));

    // Search by address, by the organisation's entry, by words of a name; the summary says how many match.
    const search = teamClock.getByRole('searchbox', { name: 'Search people by name or address' });
    await search.fill('sam@example');
    await expect(teamClock.locator('.team-name')).toHaveText(['Sam Soon']);
    await expect(teamClock).toContainText(`1 of ${listed.length} matches`);
    await search.fill('corp.example');
    await expect(teamClock.locator('.team-name')).toHaveText(['Omar Org']);
    await search.fill('soon s');
    await expect(teamClock.locator('.team-name')).toHaveText(['Sara Soon', 'Sam Soon']);
    await search.fill('nobody-here');
    await expect(teamClock).toContainText('No one matches this search.');
    await search.fill('');
    await expect(teamClock.locator('.team-name').first()).toHaveText(listed[0]!.name);

    // Plan a time with Wendy and Sara: their common slot is Sara's start (the user works around the clock).
    await teamClock.getByRole('checkbox', { name: 'Wendy Working' }).check();
    await teamClock.getByRole('checkbox', { name: 'Sara Soon' }).focus();
    await popup.keyboard.press('Space');
    await expect(teamClock.getByRole('checkbox', { name: 'Sara Soon' })).toBeChecked();
    await teamClock.getByRole('button', { name: 'Plan a time with 2 people' }).click();
    const plan = popup.getByRole('region', { name: 'Plan a time' });
    await expect(plan.getByRole('heading', { name: 'Plan a time' })).toBeFocused();
    await expect(plan.getByRole('img')).toHaveCount(3);
    await expect(plan.getByRole('img').nth(1)).toHaveAttribute('aria-label', /^Wendy Working, Kolkata: working /);
    const slot = startIn(30, now);
    const wendyEnds = startIn(240, now);
    await expect(plan).toContainText(`Next common slot: ${weekdayClock(slot, ME)}–${clock(wendyEnds, ME)}, your time`);
    await expect(plan.locator(`.plan-mark.in[data-slot-at="${slot}"]`)).toHaveCount(3);
    await plan.getByRole('button', { name: 'Copy' }).click();
    await expect(plan.getByRole('status')).toHaveText('Copied.');
    const line = expectedLine(slot, [[ME, 'Berlin', false], ['Asia/Kolkata', 'Kolkata', false], ['Europe/London', 'London', false]]);
    expect(await popup.evaluate(() => (window as unknown as { __copied: string[] }).__copied)).toEqual([line]);
    await expect(plan.getByLabel('Line to copy')).toHaveValue(line);

    // Lee too: no time suits all four; Sara's start still reaches three of them, and Tokyo is outside hours.
    await teamClock.getByRole('checkbox', { name: 'Lee Later' }).check();
    await expect(plan).toContainText(`No time suits everyone; ${weekdayClock(slot, ME)}–${clock(wendyEnds, ME)}, your time, reaches 3 of 4.`);
    await expect(plan.locator('.plan-mark.out')).toHaveCount(1);
    await scanBoth(popup, 'the team clock with a plan', '.team-clock');
    await plan.getByRole('button', { name: 'Copy' }).click();
    const most = expectedLine(slot, [[ME, 'Berlin', false], ['Asia/Kolkata', 'Kolkata', false], ['Europe/London', 'London', false], ['Asia/Tokyo', 'Tokyo', true]]);
    await expect.poll(() => popup.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1))).toBe(most);

    await plan.getByRole('button', { name: 'Close' }).click();
    await expect(plan).toHaveCount(0);
    await expect(teamClock.getByRole('button', { name: 'Plan a time with 3 people' })).toBeFocused();

    // The options page has the same team clock and plan (issue 22: "in the popup or options").
    const options = await harness.openExtensionPage('options.html#team-clock');
    const inOptions = options.getByRole('region', { name: 'Team clock' });
    await inOptions.getByRole('checkbox', { name: 'Wendy Working' }).check();
    await inOptions.getByRole('checkbox', { name: 'Sara Soon' }).check();
    await inOptions.getByRole('button', { name: 'Plan a time with 2 people' }).click();
    const planned = options.getByRole('region', { name: 'Plan a time' });
    await expect(planned).toContainText(`Next common slot: ${weekdayClock(slot, ME)}–${clock(wendyEnds, ME)}, your time`);
    await expect(planned.getByLabel('Line to copy')).toHaveValue(line);
  });
});
