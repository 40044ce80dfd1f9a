/**
 * German sites and a German browser. The replicas in German (Gmail ?variant=de, Slack ?lang=de, Docs
 * ?lang=de) keep the sites' structure and change every visible label: a hold, Send now and Schedule must
 * do exactly what they do in English. Then the extension's own UI in German (Chromium --lang=de).
 */
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { EVENTUALLY, test, expect, type Harness } from './harness';
import { docsPage, docsUrl, extensionState, type DocsPage } from './pages/docs';
import { openGmail } from './pages/gmail';
import { importSettingsFile } from './pages/options';
import { openSlack } from './pages/slack';
import { everyDayFromNow, quarterAfter, scene, startIn } from './settings-file';

const PRIYA = 'priya@example.com';
const BODY = 'Hallo Priya 👋🏽\nGrüße aus München — שלום\nCafé ✓';
/** Priya's start (three hours from the scene's `now`, to the minute), rounded up to a 15-minute scheduler step. */
function priyaStartRounded(now: Date): number {
  return quarterAfter(startIn(180, now));
}

test.describe('German Gmail', () => {
  test.use({ browserTimeZone: 'America/New_York' });
  let now: Date;
  test.beforeEach(async ({ harness }) => {
    now = new Date();
    await importSettingsFile(harness, scene({ now }));
  });

  test('a held send goes out once with Send now, byte-identical', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant: 'de' });
    await expect(gmail.page.locator('html')).toHaveAttribute('lang', 'de');
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog).toContainText('for Priya in Asia/Kolkata');
    expect(await gmail.log('sent')).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
    expect((await gmail.log('sent'))[0]).toMatchObject({ to: [PRIYA], body: BODY, trusted: false });
    await gmail.page.waitForTimeout(300);
    expect(await gmail.log('sent')).toHaveLength(1);
  });

  test('Schedule goes through Gmail\u2019s German "Senden planen" picker to the suggested minute', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant: 'de' });
    await gmail.send().click();
    const expected = priyaStartRounded(now);
    const button = gmail.holdDialog().getByRole('button', { name: /^Schedule for / });
    await expect(button).toHaveText(`Schedule for ${DateTime.fromMillis(expected).setZone('Europe/Berlin').toFormat('ccc h:mm a')}`);
    await button.click();
    await expect.poll(() => gmail.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    expect((await gmail.log('scheduled'))[0]).toMatchObject({ atMs: expected, source: 'picker', to: [PRIYA], body: BODY });
    expect(await gmail.log('sent')).toHaveLength(0);
  });
});

/** Alice (U0ALICE, New York) starts work three hours from now: outside her hours. */
const aliceOutside = (now: Date) => ({ name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240, now) });
const MESSAGE = 'Kannst du das Deployment prüfen? 🚀 Grüße';

test.describe('German Slack', () => {
  test.use({ browserTimeZone: 'Asia/Tokyo' });

  test('Enter is held and Send now sends once; Schedule drives "Benutzerdefinierte Zeit" to the suggested minute', async ({ harness }) => {
    const now = new Date();
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [aliceOutside(now)] }));
    const slack = await openSlack(harness, '/D0TEST', '?lang=de');
    await expect(slack.page.locator('html')).toHaveAttribute('lang', 'de');
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toContainText('for Alice in America/New York');
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
    expect((await slack.log('sent'))[0]).toMatchObject({ channel: 'D0TEST', text: MESSAGE });

    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    await slack.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect.poll(() => slack.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    const expected = DateTime.fromMillis(priyaStartRounded(now)).setZone('Asia/Tokyo').toFormat("yyyy-MM-dd'T'HH:mm");
    expect((await slack.log('scheduled'))[0]).toMatchObject({ channel: 'D0TEST', text: MESSAGE, at: expected });
    expect(await slack.log('sent')).toHaveLength(1);
  });

  test('a zone is learned from the German profile pane ("21:41 Ortszeit")', async ({ harness }) => {
    const file = scene({ site: 'slack', contacts: [{ name: 'Alice Example', emails: [], slackIds: ['U0ALICE'] }] });
    file.contactDefaults = { weekly: everyDayFromNow('America/New_York', 180, 240) };
    await importSettingsFile(harness, file);
    const slack = await openSlack(harness, '/D0TEST', '?lang=de');
    const revision = await slack.page.locator('html').getAttribute('data-async-etiquette-revision');
    await slack.page.locator('[data-qa="channel_name"]').click();
    await expect(slack.page.locator('[data-qa="member_profile_pane"] .p-local_time__text')).toHaveText(/^\d{2}:\d{2} Ortszeit$/);
    await expect(slack.page.locator('html')).not.toHaveAttribute('data-async-etiquette-revision', revision ?? '', { timeout: EVENTUALLY });
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toContainText('for Alice in America/New York');
  });
});

/** Docs in confirm mode; Priya is outside her hours (she starts 3 hours from now). */
function docsScene(now: Date) {
  return { ...scene({ site: 'docs', now }), preferences: { graceMinutes: 0 } };
}

async function openGermanDocs(harness: Harness): Promise<DocsPage> {
  const page = await harness.context.newPage();
  await page.goto(docsUrl({ lang: 'de', mentions: 'text' }));
  await page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
  await expect(page).toHaveTitle('Q3-Planungsnotizen - Google Docs');
  return docsPage(page);
}

/** "Bitte prüfen, +priya@example.com danke" typed into a new German comment, the mention picked from "Vorgeschlagene Personen". */
async function writeGermanComment(docs: DocsPage): Promise<string> {
  await docs.newComment();
  await docs.write('Bitte prüfen, ');
  await docs.page.keyboard.type('@Pri');
  const suggestions = docs.page.getByRole('listbox', { name: 'Vorgeschlagene Personen' });
  await expect(suggestions).toBeVisible();
  await docs.page.keyboard.press('Enter');
  await expect(suggestions).toHaveCount(0);
  await docs.write('danke für die Zahlen');
  return `Bitte prüfen, +${PRIYA} danke für die Zahlen`;
}

test.describe('German Docs', () => {
  let now: Date;
  test.beforeEach(async ({ harness }) => {
    now = new Date();
    await importSettingsFile(harness, docsScene(now));
  });

  test('Kommentieren is held; Send now posts it once, byte-identical', async ({ harness }) => {
    const docs = await openGermanDocs(harness);
    const text = await writeGermanComment(docs);
    await expect(docs.post()).toHaveText('Kommentieren');
    await docs.post().click();
    await expect(docs.holdDialog()).toContainText('for Priya in Asia/Kolkata');
    await docs.page.waitForTimeout(300);
    expect(await docs.log('posted')).toHaveLength(0);
    await docs.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    expect((await docs.log('posted'))[0]).toMatchObject({ text, mentions: [PRIYA], trusted: false, thread: 'new' });
  });

  test('Schedule keeps the comment until the slot and closes the box; Post now posts it byte-identical', async ({ harness }) => {
    const docs = await openGermanDocs(harness);
    const text = await writeGermanComment(docs);
    await docs.post().click();
    await docs.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect.poll(() => docs.log('cancelled')).toHaveLength(1);
    await expect(docs.page.getByRole('status').filter({ hasText: 'Comment kept until' })).toBeVisible();
    expect((await extensionState(harness)).alarm).toBe(startIn(180, now));
    expect(await docs.log('posted')).toHaveLength(0);

    await docs.panelButton().click();
    const item = docs.panel().getByRole('listitem', { name: 'Comment for Priya Raman' });
    await expect(item).toContainText('held until');
    await item.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    expect((await docs.log('posted'))[0]).toMatchObject({ text, mentions: [PRIYA], thread: 'new', trusted: false });
  });
});

/**
 * The options page is German too, so the settings file goes in through its file input by id rather
 * than by the English label `Import settings`.
 */
async function importInAnyLanguage(harness: Harness, settings: unknown): Promise<void> {
  const page = await harness.openExtensionPage('options.html');
  const buffer = Buffer.from(JSON.stringify(settings), 'utf8');
  await page.locator('input#import-settings').setInputFiles({ name: 'scene.json', mimeType: 'application/json', buffer });
  await expect(page.getByRole('status').filter({ hasText: 'scene.json' })).toBeVisible();
  await page.close();
}

function germanHoldDialog(page: Page) {
  return page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Weiter bearbeiten' }) });
}

test.describe('The extension in German (browser UI language de-DE)', () => {
  test.use({ browserTimeZone: 'America/New_York', browserLanguage: 'de-DE' });

  test('the hold dialog speaks German ("Planen für Di. 09:00", "Jetzt senden", "Weiter bearbeiten") and Planen still schedules', async ({ harness }) => {
    const options = await harness.openExtensionPage('options.html');
    expect(await options.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toBe('de-DE');
    await options.close();
    const now = new Date();
    await importInAnyLanguage(harness, scene({ now }));
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant: 'de' });
    await gmail.send().click();
    const dialog = germanHoldDialog(gmail.page);
    await expect(dialog.getByRole('heading')).toHaveText('Es ist außerhalb der Arbeitszeit für Priya');
    await expect(dialog).toContainText('bei Priya in Asia/Kolkata');
    await expect(dialog).toContainText('Nächster guter Zeitpunkt: ');
    await expect(dialog.getByRole('button', { name: 'Jetzt senden' })).toBeVisible();
    const expected = priyaStartRounded(now);
    const wall = DateTime.fromMillis(expected).setZone('Europe/Berlin').setLocale('de-DE').toFormat('EEE HH:mm');
    expect(wall).toMatch(/^(Mo|Di|Mi|Do|Fr|Sa|So)\. \d{2}:\d{2}$/);
    const schedule = dialog.getByRole('button', { name: `Planen für ${wall}` });
    await expect(schedule).toBeVisible();
    await expect(gmail.compose().getByRole('button', { name: 'Kontextvorlage einfügen' })).toHaveCount(1);
    await schedule.click();
    await expect.poll(() => gmail.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    expect((await gmail.log('scheduled'))[0]).toMatchObject({ atMs: expected, source: 'picker', to: [PRIYA], body: BODY });
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('Weiter bearbeiten leaves the draft as it was; a failed Planen says in German which time to pick', async ({ harness }) => {
    await importInAnyLanguage(harness, scene());
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant: 'de,no-schedule' });
    await gmail.send().click();
    await germanHoldDialog(gmail.page).getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await expect(germanHoldDialog(gmail.page)).toHaveCount(0);
    expect(await gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toBe(BODY);
    await gmail.send().click();
    await germanHoldDialog(gmail.page).getByRole('button', { name: /^Planen für / }).click();
    const message = gmail.page.getByRole('status').filter({ hasText: 'Das Planen konnte nicht abgeschlossen werden' });
    await expect(message).toContainText('(„Senden planen“ im Menü)', { timeout: 10_000 });
    await expect(message).toContainText(/Wählen Sie (Mo|Di|Mi|Do|Fr|Sa|So)\. \d{2}:\d{2} /);
    expect(await gmail.log('scheduled')).toHaveLength(0);
    expect(await gmail.log('sent')).toHaveLength(0);
  });
});
