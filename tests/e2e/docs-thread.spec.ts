/**
 * Issue 21: a held Docs reply is checked before it is posted. If its thread got replies since it was
 * held (a colleague replies; the replica adds it as Docs pushes it into the open page), the panel says
 * how many and offers to read the thread first; nothing is posted until "Post anyway".
 */
import type { Page } from '@playwright/test';
import { OUR_UI, scanBoth } from './axe';
import { expect, nextPage, test, type Harness } from './harness';
import { docsPage, openDocs, type DocsPage } from './pages/docs';
import { importSettingsFile } from './pages/options';
import { scene } from './settings-file';

const PRIYA = 'priya@example.com';
const TEXT = `Agreed, +${PRIYA} can you confirm?`;

async function colleagueReplies(page: Page, email = 'fox@example.com', text = 'Actually the figures changed.'): Promise<void> {
  await page.evaluate(([e, t]) => (window as unknown as { __fixture: { colleagueReplies(id: string, e: string, t: string): void } }).__fixture.colleagueReplies('thread-1', e!, t!), [email, text]);
}

/** Writes a reply to Dana's thread mentioning Priya (outside her hours) and keeps it for later with Schedule. */
async function holdReply(harness: Harness, params: Record<string, string> = {}): Promise<DocsPage> {
  await importSettingsFile(harness, { ...scene({ site: 'docs' }), preferences: { graceMinutes: 0 } });
  const docs = await openDocs(harness, { mentions: 'text', ...params });
  const thread = docs.page.locator('.docos-anchoreddocoview').first();
  await thread.locator('.docos-input-textarea').click();
  await docs.write('Agreed, ');
  await docs.mention('Pri');
  await docs.write('can you confirm?');
  await thread.locator('.docos-input-post').click();
  await docs.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
  await expect.poll(() => docs.log('cancelled')).toHaveLength(1);
  return docs;
}

test.describe('Docs: a held reply is checked against its thread before posting', () => {
  test('a colleague replied: the panel says so, Read the thread shows it, Post anyway posts once, byte-identical', async ({ harness }) => {
    const docs = await holdReply(harness);
    await colleagueReplies(docs.page);
    await docs.panelButton().click();
    const item = docs.panel().getByRole('listitem', { name: 'Reply for Priya Raman' });
    await item.getByRole('button', { name: 'Post now' }).click();
    await expect(item).toContainText('1 new reply in its thread since you wrote this.');
    await expect(item.getByRole('button', { name: 'Read the thread' })).toBeFocused();
    await expect(item.getByRole('button', { name: 'Post now' })).toHaveCount(0);
    expect(await docs.log('posted')).toHaveLength(0);
    await scanBoth(docs.page, 'the held panel with a thread check', OUR_UI);

    await item.getByRole('button', { name: 'Read the thread' }).click();
    const thread = docs.page.locator('.docos-anchoreddocoview').first();
    await expect(thread).toBeFocused();
    await expect(thread).toContainText('Actually the figures changed.');
    await expect(docs.page.getByRole('status').filter({ hasText: 'The thread is shown in the document' })).toBeVisible();
    expect(await docs.log('posted')).toHaveLength(0);

    await item.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    expect((await docs.log('posted'))[0]).toMatchObject({ text: TEXT, mentions: [PRIYA], thread: 'thread-1', trusted: false });
    await expect(docs.page.getByRole('status').filter({ hasText: 'Posted.' })).toBeVisible();
    await docs.page.waitForTimeout(300);
    expect(await docs.log('posted')).toHaveLength(1);
  });

  test('no reply since: Post now posts at once, with no check', async ({ harness }) => {
    const docs = await holdReply(harness, { replies: '2' });
    await docs.panelButton().click();
    const item = docs.panel().getByRole('listitem', { name: 'Reply for Priya Raman' });
    await item.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => docs.log('posted')).toHaveLength(1);
    expect((await docs.log('posted'))[0]).toMatchObject({ text: TEXT, thread: 'thread-1' });
    await expect(docs.page.getByText('since you wrote this')).toHaveCount(0);
  });

  test('a long thread folded behind "N more replies": new replies counted from the fold; Read the thread unfolds it; Discard posts nothing', async ({ harness }) => {
    const docs = await holdReply(harness, { replies: '3', fold: 'on' });
    await colleagueReplies(docs.page, 'priya@example.com', 'I can confirm tomorrow.');
    await colleagueReplies(docs.page, 'alex@example.com', 'Me too.');
    const fold = docs.page.locator('.docos-expandable-replyview');
    await expect(fold).toHaveText('4 more replies');
    await docs.panelButton().click();
    const item = docs.panel().getByRole('listitem', { name: 'Reply for Priya Raman' });
    await item.getByRole('button', { name: 'Post without the @-mention' }).click();
    await expect(item).toContainText('2 new replies in its thread since you wrote this.');
    await item.getByRole('button', { name: 'Read the thread' }).click();
    await expect(fold).toHaveCount(0);
    await expect(docs.page.locator('.docos-anchoreddocoview').first().locator('.docos-replyview-comment:not(.docos-replyview-first)')).toHaveCount(5);
    await item.getByRole('button', { name: 'Discard' }).click();
    await expect(docs.panelButton()).toHaveCount(0);
    expect(await docs.log('posted')).toHaveLength(0);
  });

  test('Post now from the popup opens the doc: the check stops it there until Post anyway', async ({ harness }) => {
    const docs = await holdReply(harness);
    await colleagueReplies(docs.page);
    await docs.page.close();
    const popup = await harness.openExtensionPage('popup.html');
    const opened = nextPage(harness.context);
    await popup.getByRole('listitem', { name: /^Reply on Q3 planning notes/ }).getByRole('button', { name: 'Post now' }).click();
    const tab = docsPage(await opened);
    await tab.page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
    const item = tab.panel().getByRole('listitem', { name: 'Reply for Priya Raman' });
    await expect(item).toContainText('1 new reply in its thread since you wrote this.');
    // Not the person's click in this tab: the check does not take focus.
    await expect(item.getByRole('button', { name: 'Read the thread' })).not.toBeFocused();
    await tab.page.waitForTimeout(500);
    expect(await tab.log('posted')).toHaveLength(0);
    await item.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => tab.log('posted')).toHaveLength(1);
    expect((await tab.log('posted'))[0]).toMatchObject({ text: TEXT, thread: 'thread-1' });
  });
});
