import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { BrowserContext } from '@playwright/test';
import { EVENTUALLY, expect, launchWithExtension, makeHarness, nextPage, stopServiceWorker, test, type Harness } from './harness';
import { docsPage, docsUrl, extensionState, openDocs, type DocsPage } from './pages/docs';
import { importSettingsFile } from './pages/options';
import { ALWAYS, everyDayFromNow, scene, startIn } from './settings-file';

const PRIYA = 'priya@example.com';
/** Emoji, RTL, a combining accent and a line break around the mention: posted byte-identical. */
const BEFORE = 'Café ✓ 👋🏽 שלום — مرحبا ';
const AFTER = ' please check the Q3 figures\nThanks!';

const priya = (weekly: unknown) => ({ name: 'Priya Raman', emails: [PRIYA], timeZone: 'Asia/Kolkata', weekly });

/** Docs in confirm mode; Priya is outside her hours (she starts 3 hours from now). */
function docsScene(extra: Parameters<typeof scene>[0] = {}) {
  return { ...scene({ site: 'docs', ...extra }), preferences: { graceMinutes: 0 } };
}

/** Writes a new comment "BEFORE @Priya AFTER" (a chip, or "+priya@example.com" text). */
async function writeComment(docs: DocsPage): Promise<void> {
  await docs.newComment();
  await docs.write(BEFORE);
  await docs.mention('Pri');
  await docs.write(AFTER.slice(1));
}

/** What the draft says once written: the chip shows "@Priya Raman", text mode "+priya@example.com ". */
const CHIP_TEXT = `${BEFORE}@Priya Raman${AFTER}`;
const TOKEN_TEXT = `${BEFORE}+${PRIYA}${AFTER}`;

test.describe('Docs: after hours, confirm mode', () => {
  test.beforeEach(async ({ harness }) => {
    await importSettingsFile(harness, docsScene());
  });

  test('clicking Comment with Priya mentioned holds it; Send now posts it once, byte-identical', async ({ harness }) => {
    const docs = await openDocs(harness);
    await writeComment(docs);
    expect(await docs.draftText()).toBe(CHIP_TEXT);
    await docs.post().click();
    const dialog = docs.holdDialog();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('for Priya in Asia/Kolkata');
    await expect(dialog.getByRole('button', { name: /^Schedule for \w{3} \d{1,2}:\d{2} [AP]M$/ })).toBeVisible();
    await expect(dialog).toContainText('keeps this comment\u2019s text in the extension');
    // The mousedown, its mouseup and its click all stayed away from Docs.
    await docs.page.waitForTimeout(300);
    expect(await docs.log('posted')).toHaveLength(0);
    await expect(dialog).toHaveCount(1);

    await dialog.getByRole('button', { name: 'Send now' }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    await docs.page.waitForTimeout(300);
    const posted = await docs.log('posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ text: CHIP_TEXT, mentions: [PRIYA], trusted: false, thread: 'new' });
    expect(await docs.log('bodyTyped')).toHaveLength(0);
  });

  test('Ctrl+Enter in the draft is held too; Keep editing and Escape leave it exactly as it was', async ({ harness }) => {
    const docs = await openDocs(harness, { mentions: 'text' });
    await writeComment(docs);
    expect(await docs.draftText()).toBe(TOKEN_TEXT);
    await docs.page.keyboard.press('Control+Enter');
    await expect(docs.holdDialog()).toBeVisible();
    await docs.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
    await expect(docs.holdDialog()).toHaveCount(0);
    await expect(docs.draft()).toBeFocused();
    expect(await docs.draftText()).toBe(TOKEN_TEXT);
    await docs.page.keyboard.press('Control+Enter');
    await expect(docs.holdDialog()).toBeVisible();
    await docs.page.keyboard.press('Escape');
    await expect(docs.holdDialog()).toHaveCount(0);
    // Enter and Space on the focused Comment button are presses as well.
    await docs.post().focus();
    await docs.page.keyboard.press('Space');
    await expect(docs.holdDialog()).toBeVisible();
    await docs.page.waitForTimeout(300);
    expect(await docs.log('posted')).toHaveLength(0);
    expect(await docs.draftText()).toBe(TOKEN_TEXT);
  });

  test('pressing Comment again while the dialog is open posts nothing and keeps one dialog', async ({ harness }) => {
    const docs = await openDocs(harness);
    await writeComment(docs);
    await docs.post().click();
    await expect(docs.holdDialog()).toBeVisible();
    await docs.post().click({ force: true });
    await docs.draft().press('Control+Enter');
    await expect(docs.holdDialog()).toHaveCount(1);
    expect(await docs.log('posted')).toHaveLength(0);
  });

  test('a comment that mentions no one is posted at once, even outside the sender\u2019s own hours', async ({ harness }) => {
    await importSettingsFile(harness, docsScene({ me: everyDayFromNow('Europe/Berlin', 120, 60) }));
    const docs = await openDocs(harness);
    await docs.newComment();
    await docs.write('Typo in the second paragraph.');
    await docs.post().click();
    const posted = await docs.log('posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ text: 'Typo in the second paragraph.', mentions: [], trusted: true });
    await expect(docs.holdDialog()).toHaveCount(0);
  });

  test('a reply in the legacy textarea is held, and Send now posts it to the thread', async ({ harness }) => {
    const docs = await openDocs(harness, { variant: 'legacy' });
    const reply = docs.page.locator('.docos-anchoreddocoview').first().locator('textarea.docos-input-textarea');
    await reply.click();
    await docs.page.keyboard.type('Agreed, ');
    await docs.mention('Pri');
    await docs.page.keyboard.type('can you confirm?');
    const text = `Agreed, +${PRIYA} can you confirm?`;
    expect(await reply.inputValue()).toBe(text);
    await docs.page.locator('.docos-anchoreddocoview').first().locator('.docos-input-post').click();
    await expect(docs.holdDialog()).toContainText('Priya');
    await docs.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    expect((await docs.log('posted'))[0]).toMatchObject({ text, mentions: [PRIYA], thread: 'thread-1' });
  });

  test('a template goes into the comment box at the caret as plain text', async ({ harness }) => {
    const hostile = '<img src=x onerror="window.__pwned=1"> & <b>bold</b>';
    await importSettingsFile(harness, docsScene({ templates: [{ id: 'hostile', title: 'Hostile text', body: hostile }] }));
    const docs = await openDocs(harness);
    await docs.newComment();
    await docs.write('Before ');
    await docs.box().getByRole('button', { name: 'Insert context template' }).click();
    await docs.page.getByRole('option', { name: 'Hostile text' }).click();
    await expect.poll(() => docs.draftText()).toBe(`Before ${hostile}`);
    expect(await docs.draft().locator('img, b').count()).toBe(0);
    // Docs saw the text as typed: its Comment button is enabled.
    await expect(docs.post()).toHaveAttribute('aria-disabled', 'false');
    expect(await docs.log('bodyTyped')).toHaveLength(0);
  });
});

test.describe('Docs: Schedule keeps the comment for later', () => {
  let now: Date;
  test.beforeEach(async ({ harness }) => {
    now = new Date();
    await importSettingsFile(harness, docsScene({ now }));
  });

  test('Schedule stores it, closes the box, lists it in the page and the popup; Discard deletes it', async ({ harness }) => {
    const docs = await openDocs(harness, { mentions: 'text' });
    await writeComment(docs);
    await docs.post().click();
    const schedule = docs.holdDialog().getByRole('button', { name: /^Schedule for / });
    const start = startIn(180, now);
    await expect(schedule).toHaveText(`Schedule for ${DateTime.fromMillis(start).setZone('Europe/Berlin').toFormat('ccc h:mm a')}`);
    await schedule.click();
    // The box closes (Cancel) only once the worker has the text; nothing is posted.
    await expect.poll(() => docs.log('cancelled')).toHaveLength(1);
    await expect(docs.page.getByRole('status').filter({ hasText: 'Comment kept until' })).toBeVisible();
    expect(await docs.log('posted')).toHaveLength(0);
    const state = await extensionState(harness);
    expect(state.alarm).toBe(start);

    await docs.panelButton().click();
    const item = docs.panel().getByRole('listitem', { name: 'Comment for Priya Raman' });
    await expect(item).toContainText(TOKEN_TEXT.split('\n')[0]!);
    await expect(item).toContainText('held until');

    const popup = await harness.openExtensionPage('popup.html');
    const held = popup.getByRole('listitem', { name: 'Comment on Q3 planning notes' });
    await expect(held).toContainText('for Priya Raman');
    await held.getByRole('button', { name: 'Discard' }).click();
    await expect(held).toHaveCount(0);
    // The doc's panel follows: nothing is held any more, and the alarm is gone.
    await expect(docs.panel()).toHaveCount(0);
    await expect(docs.panelButton()).toHaveCount(0);
    expect((await extensionState(harness)).alarm).toBeNull();
    expect(await docs.log('posted')).toHaveLength(0);
  });

  test('a held reply is posted back to its thread from the page’s panel, before its slot if you choose', async ({ harness }) => {
    const docs = await openDocs(harness, { mentions: 'text' });
    const thread = docs.page.locator('.docos-anchoreddocoview').first();
    const reply = thread.locator('.docos-input-textarea');
    await reply.click();
    await docs.write('Agreed, ');
    await docs.mention('Pri');
    await docs.write('can you confirm?\nThanks');
    const text = `Agreed, +${PRIYA} can you confirm?\nThanks`;
    await thread.locator('.docos-input-post').click();
    await docs.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect.poll(() => docs.log('cancelled')).toHaveLength(1);
    await expect(reply).toHaveText('');
    await docs.panelButton().click();
    const item = docs.panel().getByRole('listitem', { name: 'Reply for Priya Raman' });
    await expect(item).toContainText('held until');
    await item.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    expect((await docs.log('posted'))[0]).toMatchObject({ text, mentions: [PRIYA], thread: 'thread-1', trusted: false });
    await expect(docs.page.getByRole('status').filter({ hasText: 'Posted.' })).toBeVisible();
    await expect(docs.panelButton()).toHaveCount(0);
  });

  test('Post now in the popup opens the doc and posts it there once, byte-identical', async ({ harness }) => {
    const docs = await openDocs(harness, { mentions: 'text' });
    await writeComment(docs);
    await docs.post().click();
    await docs.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect.poll(() => docs.log('cancelled')).toHaveLength(1);
    await docs.page.close();

    const popup = await harness.openExtensionPage('popup.html');
    const opened = nextPage(harness.context);
    await popup.getByRole('listitem', { name: 'Comment on Q3 planning notes' }).getByRole('button', { name: 'Post now' }).click();
    const tab = docsPage(await opened);
    await tab.page.waitForURL(/^https:\/\/docs\.google\.com\/document\/d\/FIXTURE\/edit$/);
    await tab.page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
    await expect.poll(() => tab.log('posted'), { timeout: 15_000 }).toHaveLength(1);
    expect((await tab.log('posted'))[0]).toMatchObject({ text: TOKEN_TEXT, mentions: [PRIYA], trusted: false });
    await expect(popup.getByRole('listitem', { name: 'Comment on Q3 planning notes' })).toHaveCount(0);
    // Reloading the doc offers nothing again.
    await tab.page.reload();
    await tab.page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
    await tab.page.waitForTimeout(500);
    await expect(tab.panelButton()).toHaveCount(0);
    expect(await tab.log('posted')).toHaveLength(0);
  });
});

/**
 * Priya's hours start ten minutes from now (a minute boundary), so the suggested slot (her start) is
 * ahead however slow the machine; the test reaches it by moving the browser's clock (harness.clock), not
 * by waiting. The settings drive it, as for a real user: nothing in the product is shortened for the test.
 */
function laterScene() {
  const now = Date.now();
  const slot = Math.floor(now / 60_000) * 60_000 + 10 * 60_000;
  return { settings: docsScene({ contacts: [priya(everyDayFromNow('Asia/Kolkata', 10, 240, new Date(now)))] }), slot };
}

async function holdForLater(docs: DocsPage, slot: number): Promise<void> {
  await writeComment(docs);
  await docs.post().click();
  const schedule = docs.holdDialog().getByRole('button', { name: /^Schedule for / });
  await expect(schedule).toHaveText(`Schedule for ${DateTime.fromMillis(slot).setZone('Europe/Berlin').toFormat('ccc h:mm a')}`);
  await schedule.click();
  await expect.poll(() => docs.log('cancelled')).toHaveLength(1);
}

test.describe('Docs: reminded at the slot', () => {
  test.use({ movableClock: true });

  test('the alarm fires at the slot: a notification, and the open doc offers it; Post now posts it byte-identical', async ({ harness }) => {
    const { settings, slot } = laterScene();
    await importSettingsFile(harness, settings);
    const docs = await openDocs(harness, { mentions: 'text' });
    await holdForLater(docs, slot);
    expect((await extensionState(harness)).alarm).toBe(slot);
    // Before the slot: held quietly.
    await expect(docs.panel()).toHaveCount(0);
    await expect(docs.panelButton()).toHaveText('Held comments (1)');

    // A minute before the slot: still held. At the slot: reminded.
    const item = docs.panel().getByRole('listitem', { name: 'Comment for Priya Raman' });
    await harness.clock!.moveTo(slot - 60_000);
    await docs.panelButton().click();
    await expect(item).toContainText('held until');
    expect((await extensionState(harness)).notifications).toHaveLength(0);
    await harness.clock!.moveTo(slot + 1_000);
    await expect(item).toContainText('ready to post', { timeout: 15_000 });
    const state = await extensionState(harness);
    expect(state.notifications).toHaveLength(1);
    expect(state.notifications[0]).toMatch(/^held-comment:/);
    expect(state.alarm).toBeNull();
    expect(await docs.log('posted')).toHaveLength(0);

    await item.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    const [posted] = await docs.log('posted');
    expect(posted).toMatchObject({ text: TOKEN_TEXT, mentions: [PRIYA], thread: 'new', trusted: false });
    await expect(docs.page.getByRole('status').filter({ hasText: 'Posted.' })).toBeVisible();
    await expect(docs.panel()).toHaveCount(0);
    expect((await extensionState(harness)).notifications).toHaveLength(0);
    expect(await docs.log('bodyTyped')).toHaveLength(0);
  });
});

test.describe('Docs: held comments survive restarts', () => {
  test.use({ movableClock: true });

  /** Closes the browser and opens it again on the same profile and clock; the test owns the new context. */
  async function restart(harness: Harness): Promise<{ context: BrowserContext; harness: Harness }> {
    await harness.context.close();
    const context = await launchWithExtension(harness.userDataDir, { clock: harness.clock });
    return { context, harness: await makeHarness(context, harness.userDataDir) };
  }

  test('a worker restart and a browser restart between hold and reminder lose nothing; posted byte-identical', async ({ harness }) => {
    test.setTimeout(120_000);
    const { settings, slot } = laterScene();
    await importSettingsFile(harness, settings);
    const docs = await openDocs(harness, { mentions: 'text' });
    await holdForLater(docs, slot);

    // The worker is stopped as Chrome does when idle; the reloaded doc asks a new one, which reads
    // the comment back from the database.
    const before = await harness.worker.evaluate(() => performance.timeOrigin);
    await stopServiceWorker(docs.page);
    await docs.page.reload();
    await docs.panelButton().click();
    await expect(docs.panel().getByRole('listitem', { name: 'Comment for Priya Raman' })).toContainText('held until');
    expect(await harness.worker.evaluate(() => performance.timeOrigin)).toBeGreaterThan(before);
    expect((await extensionState(harness)).alarm).toBe(slot);

    const restarted = await restart(harness);
    try {
      expect(harness.clock!.now()).toBeLessThan(slot);
      const page = await restarted.context.newPage();
      await page.goto(docsUrl({ mentions: 'text' }));
      const again = docsPage(page);
      await again.panelButton().waitFor();
      expect((await extensionState(restarted.harness)).alarm).toBe(slot);
      const item = again.panel().getByRole('listitem', { name: 'Comment for Priya Raman' });
      await harness.clock!.moveTo(slot + 1_000);
      await expect(item).toContainText('ready to post', { timeout: 15_000 });
      expect((await extensionState(restarted.harness)).notifications).toHaveLength(1);
      expect(await again.log('posted')).toHaveLength(0);
      await item.getByRole('button', { name: 'Post now' }).click();
      await expect.poll(() => again.log('posted')).toHaveLength(1);
      expect((await again.log('posted'))[0]).toMatchObject({ text: TOKEN_TEXT, mentions: [PRIYA] });
      expect(restarted.harness.errors).toEqual([]);
    } finally {
      await restarted.context.close();
    }
  });

  test('a slot missed while the browser was closed is offered at the next start, never posted by itself or twice', async ({ harness }) => {
    const { settings, slot } = laterScene();
    await importSettingsFile(harness, settings);
    const docs = await openDocs(harness);
    await holdForLater(docs, slot);
    await harness.context.close();
    await harness.clock!.moveTo(slot + 2_000);

    const context = await launchWithExtension(harness.userDataDir, { clock: harness.clock });
    try {
      const next = await makeHarness(context, harness.userDataDir);
      const page = await context.newPage();
      await page.goto(docsUrl());
      const again = docsPage(page);
      const item = again.panel().getByRole('listitem', { name: 'Comment for Priya Raman' });
      await expect(item).toContainText('ready to post');
      await expect.poll(async () => (await extensionState(next)).notifications).toHaveLength(1);
      await page.waitForTimeout(500);
      expect(await again.log('posted')).toHaveLength(0);

      // The lighter path: posted without the mention, so no email goes out.
      await item.getByRole('button', { name: 'Post without the @-mention' }).click();
      await expect.poll(() => again.log('posted')).toHaveLength(1);
      expect((await again.log('posted'))[0]).toMatchObject({ text: `${BEFORE}Priya Raman${AFTER}`, mentions: [] });

      await page.reload();
      await page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      await expect(again.panelButton()).toHaveCount(0);
      expect(await again.log('posted')).toHaveLength(0);
      expect((await extensionState(next)).notifications).toHaveLength(0);
      expect(next.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test.describe('Docs: nudge mode', () => {
  test('a note under the draft says who is outside their hours as you type; Comment posts at once', async ({ harness }) => {
    await importSettingsFile(harness, docsScene({ mode: 'nudge' }));
    const docs = await openDocs(harness);
    await writeComment(docs);
    await expect(docs.page.getByRole('status').filter({ hasText: 'for Priya' })).toBeVisible({ timeout: EVENTUALLY });
    await docs.post().click();
    const posted = await docs.log('posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ text: CHIP_TEXT, mentions: [PRIYA], trusted: true });
    await expect(docs.holdDialog()).toHaveCount(0);
  });
});

test.describe('Docs: in hours', () => {
  test('a comment to Priya inside her hours is posted at once', async ({ harness }) => {
    await importSettingsFile(harness, docsScene({ contacts: [priya(ALWAYS)] }));
    const docs = await openDocs(harness);
    await writeComment(docs);
    await docs.post().click();
    const posted = await docs.log('posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ text: CHIP_TEXT, mentions: [PRIYA], trusted: true });
  });
});
