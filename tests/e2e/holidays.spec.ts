import { DateTime } from 'luxon';
import { test, expect, type Harness } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { ALWAYS, everyDayFromNow, scene } from './settings-file';
import { holidaySoon } from '../fixtures/holiday-soon.mjs';
import { regionShortLabel } from '../../utils/holidays/regions';

const PRIYA = 'priya@example.com';
const ZONE = 'Europe/Berlin';

/** The holiday dates the worker published for `region` (computed after the import, off the start path). */
async function publishedHolidays(harness: Harness, region: string): Promise<string[] | null> {
  return harness.worker.evaluate(async (code) => {
    const ext = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { holidays?: Record<string, { dates: string[] }> }>> } } } };
    const { snapshot } = await ext.chrome.storage.local.get('snapshot');
    return snapshot?.holidays?.[code]?.dates ?? null;
  }, region);
}

test('a hold whose slot steps over a recipient\u2019s public holiday names it, and Gmail schedules the working day after', async ({ harness }) => {
  const soon = holidaySoon(ZONE);
  const weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], [soon.weekday]: [['09:00', '17:00']] };
  await importSettingsFile(
    harness,
    scene({ meZone: ZONE, me: ALWAYS, contacts: [{ name: 'Priya Raman', emails: [PRIYA], timeZone: ZONE, weekly, holidays: soon.region }] }),
  );
  // The library loads in the worker only now (a region came into use) and the snapshot follows.
  await expect.poll(() => publishedHolidays(harness, soon.region), { timeout: 20_000 }).toContain(soon.date);

  const gmail = await openGmail(harness, { to: PRIYA, body: 'After the holiday is fine' });
  await gmail.send().click();
  const dialog = gmail.holdDialog();
  const day = DateTime.fromISO(soon.date, { locale: 'en-US' }).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
  await expect(dialog).toContainText(`${day} is a public holiday for Priya (${regionShortLabel(soon.region, 'en-US')})`);

  await dialog.getByRole('button', { name: /^Schedule for / }).click();
  await expect.poll(() => gmail.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
  const [scheduled] = await gmail.log('scheduled');
  // Her only working weekday, a week on: the holiday itself is skipped.
  expect(scheduled).toMatchObject({ atMs: DateTime.fromISO(`${soon.weekLater}T09:00`, { zone: ZONE }).toMillis(), to: [PRIYA] });
});

test('a settings file naming an unknown holiday region is refused with the code, and the one in use stays', async ({ harness }) => {
  await importSettingsFile(harness, { ...scene(), me: { timeZone: ZONE, weekly: ALWAYS, daysOff: [], holidays: 'de-by' } });
  const page = await harness.openExtensionPage('options.html');
  const file = { ...scene(), me: { timeZone: ZONE, weekly: ALWAYS, daysOff: [], holidays: 'XX-YY' } };
  await page.getByLabel('Import settings').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('alert')).toContainText('me.holidays ("XX-YY")');
  // Imported in any case, kept in the library's spelling; the refused file changed nothing.
  const me = await harness.worker.evaluate(async () => {
    const ext = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { settings: { me: { holidays?: string } } }>> } } } };
    return (await ext.chrome.storage.local.get('snapshot')).snapshot?.settings.me;
  });
  expect(me?.holidays).toBe('DE-BY');
  await expect.poll(() => publishedHolidays(harness, 'DE-BY'), { timeout: 20_000 }).toContain('2027-01-06');
});

/** The user's own settings as the worker published them. */
async function publishedSettings(harness: Harness): Promise<{ me: { holidays?: string }; contactDefaults: { holidays?: string } } | undefined> {
  return harness.worker.evaluate(async () => {
    const ext = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { settings: { me: { holidays?: string }; contactDefaults: { holidays?: string } } }>> } } } };
    return (await ext.chrome.storage.local.get('snapshot')).snapshot?.settings;
  });
}

test('options: a country found by typing, then its state, saves at once; clearing the country removes it; contacts get a default region', async ({ harness }) => {
  await importSettingsFile(harness, scene());
  const page = await harness.openExtensionPage('options.html');
  const mine = page.getByRole('group', { name: 'Your public holidays' });
  await mine.getByLabel('Country').fill('Germany');
  await expect.poll(async () => (await publishedSettings(harness))?.me.holidays).toBe('DE');
  await mine.getByLabel('State or region').selectOption({ label: 'Bayern' });
  await expect.poll(async () => (await publishedSettings(harness))?.me.holidays).toBe('DE-BY');
  await expect.poll(() => publishedHolidays(harness, 'DE-BY'), { timeout: 20_000 }).toContain('2027-01-06');

  // A name that is no country is refused where it was typed; nothing changes.
  await mine.getByLabel('Country').fill('Germanyy');
  await mine.getByLabel('Country').press('Enter');
  await expect(mine.getByRole('alert')).toContainText('No country is called "Germanyy"');
  expect((await publishedSettings(harness))?.me.holidays).toBe('DE-BY');

  await mine.getByLabel('Country').fill('');
  await mine.getByLabel('Country').press('Enter');
  await expect.poll(async () => (await publishedSettings(harness))?.me.holidays).toBeUndefined();

  const theirs = page.getByRole('group', { name: 'Public holidays for contacts' });
  await theirs.getByLabel('Country').fill('in'); // the two-letter code works too
  await theirs.getByLabel('Country').press('Enter');
  await expect.poll(async () => (await publishedSettings(harness))?.contactDefaults.holidays).toBe('IN');
  await expect(theirs.getByLabel('Country')).toHaveValue('India');
});

test('the dialog\u2019s zone picker takes a holiday region with the zone, found by its name, and it is remembered', async ({ harness }) => {
  await importSettingsFile(harness, scene({ me: everyDayFromNow(ZONE, 120, 60), contacts: [] }));
  const gmail = await openGmail(harness, { to: 'alex@example.com', body: 'Hello' });
  await gmail.send().click();
  const dialog = gmail.holdDialog();
  await dialog.getByLabel('Time zone for alex@example.com').fill('Asia/Kolkata');
  // The region fields are folded (issue 20); a name that is no region is refused in place; nothing is saved.
  await dialog.getByText('Public holidays (optional)', { exact: true }).click();
  await dialog.getByLabel('Public holidays for alex@example.com (optional)').fill('Narnia');
  await dialog.getByRole('button', { name: 'Save time zone for alex@example.com' }).click();
  await expect(dialog.getByRole('alert')).toContainText('No country or region is called "Narnia"');
  await expect(dialog).toContainText('Time zone unknown for alex@example.com');

  await dialog.getByLabel('Public holidays for alex@example.com (optional)').fill('karnataka, india');
  await dialog.getByRole('button', { name: 'Save time zone for alex@example.com' }).click();
  await expect(dialog).not.toContainText('Time zone unknown', { timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  const options = await openOptions(harness);
  const exported = (await options.exportJson()) as { contacts: Array<Record<string, unknown>> };
  expect(exported.contacts).toContainEqual({ name: 'alex@example.com', emails: ['alex@example.com'], timeZone: 'Asia/Kolkata', holidays: 'IN-KA', source: 'typed' });
});
