import { DateTime } from 'luxon';
import { EVENTUALLY, published, test, expect } from './harness';
import { openOptions, importSettingsFile } from './pages/options';
import { openSlack } from './pages/slack';
import { ALWAYS, everyDayFromNow, quarterAfter, scene, startIn } from './settings-file';

/** Alice (U0ALICE, New York) starts work three hours from now: outside her hours. */
/** Alice (New York) starts work three hours from `now`. */
const aliceOutside = (now = new Date()) => ({ name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240, now) });
const aliceWorking = { ...aliceOutside(), weekly: ALWAYS };
const MESSAGE = 'Can you check the deploy? 🚀 שלום';

test.describe('Slack: after hours, confirm mode', () => {
  test.beforeEach(async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [aliceOutside()] }));
  });

  test('Enter in a DM is held and says when it reaches Alice; Send now sends once through Slack', async ({ harness }) => {
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    const dialog = slack.holdDialog();
    await expect(dialog).toContainText('for Alice in America/New York');
    expect(await slack.log('sent')).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
    expect((await slack.log('sent'))[0]).toMatchObject({ channel: 'D0TEST', text: MESSAGE });
    await slack.page.waitForTimeout(300);
    expect(await slack.log('sent')).toHaveLength(1);
  });

  test('a quick double Enter is held once and the second press chooses nothing; a later Enter on Schedule does', async ({ harness }) => {
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    // The second press reaches the dialog's focused Schedule button, which took focus with the hold.
    await slack.page.keyboard.press('Enter');
    await slack.page.keyboard.press('Enter');
    const schedule = slack.holdDialog().getByRole('button', { name: /^Schedule for / });
    await expect(schedule).toBeFocused();
    await slack.page.waitForTimeout(300);
    expect(await slack.log('scheduled')).toHaveLength(0);
    expect(await slack.log('sent')).toHaveLength(0);
    await expect(slack.holdDialog()).toHaveCount(1);
    await expect(slack.editor()).toHaveText(MESSAGE);
    // A deliberate press a moment later is a choice.
    await slack.page.waitForTimeout(400);
    await slack.page.keyboard.press('Enter');
    await expect.poll(() => slack.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    expect(await slack.log('sent')).toHaveLength(0);
  });

  test('the send button is held too, and Keep editing leaves the text', async ({ harness }) => {
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.sendButton().click();
    await slack.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
    await expect(slack.editor()).toBeFocused();
    await expect(slack.editor()).toHaveText(MESSAGE);
    expect(await slack.log('sent')).toHaveLength(0);
  });

  test('Shift+Enter, an open autocomplete and IME composition are never intercepted', async ({ harness }) => {
    const slack = await openSlack(harness, '/C0TEST');
    await slack.editor().click();
    await slack.page.keyboard.type('first line');
    await slack.page.keyboard.press('Shift+Enter');
    await slack.page.keyboard.type('hey @Ali');
    await slack.page.keyboard.press('Enter');
    await expect(slack.editor().locator('ts-mention[data-id="U0ALICE"]')).toHaveCount(1);
    // Enter during IME composition arrives with keyCode 229.
    const cdp = await slack.page.context().newCDPSession(slack.page);
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
    await slack.page.waitForTimeout(300);
    await expect(slack.holdDialog()).toHaveCount(0);
    expect(await slack.log('sent')).toHaveLength(0);
    // The mention makes Alice a recipient in a channel: a real Enter is held.
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toContainText('Alice');
  });

  test('a channel message that mentions no one is judged on the sender alone', async ({ harness }) => {
    const slack = await openSlack(harness, '/C0TEST');
    await slack.editor().click();
    await slack.page.keyboard.type('Morning all');
    await slack.page.keyboard.press('Enter');
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
    await expect(slack.holdDialog()).toHaveCount(0);
  });

  test('the thread reply input is guarded on its own', async ({ harness }) => {
    const slack = await openSlack(harness, '/C0TEST/thread/C0TEST-1700000000.000100');
    await slack.editor('thread').click();
    await slack.page.keyboard.type('Replying to @Ali');
    await slack.page.keyboard.press('Tab');
    await slack.page.keyboard.type('in the thread');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toBeVisible();
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
    expect((await slack.log('sent'))[0]).toMatchObject({ thread: '1700000000.000100' });
  });

  test('a group DM reaches each member', async ({ harness }) => {
    const slack = await openSlack(harness, '/G0GROUP');
    await slack.editor().click();
    await slack.page.keyboard.type('Status update');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toContainText('1 of 3 recipients is outside their hours');
  });

  test('the search box, the ⌘K switcher and the edit-in-place box are not composers', async ({ harness }) => {
    const slack = await openSlack(harness);
    const search = slack.page.locator('[data-qa="texty_input"][aria-label="Query"]').first();
    await search.click();
    await slack.page.keyboard.type('deploy');
    await slack.page.keyboard.press('Enter');
    await slack.page.keyboard.press('Control+k');
    await slack.page.keyboard.type('gen');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toHaveCount(0);
    expect(await slack.log('searched')).toHaveLength(1);
    await slack.go('/D0TEST');
    await slack.page.getByRole('button', { name: 'Edit message' }).first().click({ force: true });
    const edit = slack.page.locator('[data-qa="message_editor"] .ql-editor');
    await edit.click();
    await slack.page.keyboard.type(' (edited)');
    await slack.page.keyboard.press('Enter');
    await expect.poll(() => slack.log('edited')).toHaveLength(1);
    await expect(slack.holdDialog()).toHaveCount(0);
  });

  test('switching conversations re-binds without leaks: one dialog per send', async ({ harness }) => {
    const slack = await openSlack(harness);
    for (const path of ['/C0TEST', '/G0GROUP', '/D0TEST', '/C0TEST', '/D0TEST']) await slack.go(path);
    await slack.editor().click();
    await slack.page.keyboard.type('Hello again');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toHaveCount(1);
    await expect(slack.page.getByRole('button', { name: 'Insert context template' })).toHaveCount(1);
  });

  test('a template is inserted so Slack keeps it, and is sent as text', async ({ harness }) => {
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.getByRole('button', { name: 'Insert context template' }).click();
    await slack.page.getByRole('option', { name: 'No rush' }).click();
    await expect(slack.editor()).toContainText('No rush: reply during your working hours.');
    await expect(slack.sendButton()).not.toHaveAttribute('aria-disabled', 'true');
    await slack.editor().press('Enter');
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
    expect((await slack.log('sent'))[0]!.text).toBe('No rush: reply during your working hours.');
  });
});

test.describe('Slack: scheduling', () => {
  test.use({ browserTimeZone: 'Asia/Tokyo' });

  test('Schedule drives Slack\u2019s Custom time to the suggested minute in the browser\u2019s zone', async ({ harness }) => {
    const now = new Date();
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [aliceOutside(now)] }));
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    await slack.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect.poll(() => slack.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    const expected = DateTime.fromMillis(quarterAfter(startIn(180, now))).setZone('Asia/Tokyo').toFormat("yyyy-MM-dd'T'HH:mm");
    expect((await slack.log('scheduled'))[0]).toMatchObject({ channel: 'D0TEST', text: MESSAGE, at: expected });
    expect(await slack.log('sent')).toHaveLength(0);
  });
});

test.describe('Slack: in hours and other modes', () => {
  test('a message in hours is never touched', async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [aliceWorking] }));
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type(MESSAGE);
    await slack.page.keyboard.press('Enter');
    expect(await slack.log('sent')).toEqual([{ type: 'sent', channel: 'D0TEST', thread: null, text: MESSAGE }]);
    await expect(slack.holdDialog()).toHaveCount(0);
  });

  test('nudge mode shows the note under the composer and sends at once', async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack', mode: 'nudge', contacts: [aliceOutside()] }));
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type('Ping');
    await expect(slack.page.getByRole('status').filter({ hasText: 'for Alice' })).toBeVisible({ timeout: EVENTUALLY });
    await slack.page.keyboard.press('Enter');
    await expect.poll(() => slack.log('sent')).toHaveLength(1);
  });

  test('with Enter set to add a line, Ctrl+Enter is the send that is held', async ({ harness }) => {
    // Nudge mode first: the extension sees what Slack does with a plain Enter (a new line).
    await importSettingsFile(harness, scene({ site: 'slack', mode: 'nudge', contacts: [aliceOutside()] }));
    const slack = await openSlack(harness, '/D0TEST', '?enter=newline');
    await slack.editor().click();
    await slack.page.keyboard.type('line one');
    await slack.page.keyboard.press('Enter');
    await slack.page.keyboard.type('line two');
    const popup = await harness.openExtensionPage('popup.html');
    await popup.getByLabel('Slack').selectOption('confirm');
    await expect(slack.page.locator('html')).toHaveAttribute('data-async-etiquette-mode', 'confirm');
    await slack.editor().click();
    await slack.page.keyboard.press('End');
    await slack.page.keyboard.press('Enter');
    await slack.page.keyboard.type('line three');
    await slack.page.waitForTimeout(300);
    await expect(slack.holdDialog()).toHaveCount(0);
    await slack.page.keyboard.press('Control+Enter');
    await expect(slack.holdDialog()).toBeVisible();
    expect(await slack.log('sent')).toHaveLength(0);
  });
});

test.describe('Slack: learning time zones', () => {
  const aliceNoZone = { name: 'Alice Example', emails: [], slackIds: ['U0ALICE'] };

  test('a zone learned from the profile pane is used on the next message; a typed zone wins', async ({ harness }) => {
    const file = scene({ site: 'slack', contacts: [aliceNoZone] });
    // Everyone without their own hours works three hours from now in their zone.
    file.contactDefaults = { weekly: everyDayFromNow('America/New_York', 180, 240) };
    await importSettingsFile(harness, file);
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type('Before the zone is known');
    await slack.page.keyboard.press('Enter');
    await expect.poll(() => slack.log('sent')).toHaveLength(1);

    await slack.page.locator('[data-qa="channel_name"]').click();
    await expect(slack.page.locator('[data-qa="member_profile_pane"] .p-local_time__text')).toContainText('local time');
    await published(harness, slack.page, (s) => s.contacts.some((c) => c.name === aliceNoZone.name && c.timeZone === 'America/New_York'));

    const options = await openOptions(harness);
    const exported = (await options.exportJson()) as { contacts: Array<Record<string, unknown>> };
    expect(exported.contacts).toContainEqual({ ...aliceNoZone, timeZone: 'America/New_York', source: 'slack-profile' });

    await slack.editor().click();
    await slack.page.keyboard.type('After the zone is known');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toContainText('America/New York');
  });

  test('a zone the user typed is never replaced by one learned from Slack', async ({ harness }) => {
    const typed = { name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'Asia/Tokyo' };
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [typed] }));
    const slack = await openSlack(harness);
    await slack.page.locator('[data-qa="channel_name"]').click();
    await expect(slack.page.locator('[data-qa="member_profile_pane"] .p-local_time__text')).toContainText('local time');
    await slack.page.waitForTimeout(1_000);
    const options = await openOptions(harness);
    const exported = (await options.exportJson()) as { contacts: Array<Record<string, unknown>> };
    expect(exported.contacts).toEqual([typed]);
  });
});
