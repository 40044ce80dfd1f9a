import { DateTime } from 'luxon';
import { EVENTUALLY, test, expect } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { ALWAYS, everyDayFromNow, quarterAfter, scene, startIn } from './settings-file';
import { builtInTemplate } from '../../utils/etiquette/templates';

const PRIYA = 'priya@example.com';
/** Emoji, RTL and a combining accent: the body must come out byte-identical. */
const BODY = 'Hi Priya 👋🏽\nשלום עולם — مرحبا\nCafé ✓';

test.describe('Gmail: in hours', () => {
  test('a send inside everyone\u2019s hours reaches Gmail untouched, at once', async ({ harness }) => {
    await importSettingsFile(harness, scene({ contacts: [{ name: 'Priya Raman', emails: [PRIYA], timeZone: 'Asia/Kolkata', weekly: ALWAYS }] }));
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    // No waiting: the send happened inside the click itself.
    const sent = await gmail.log('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: [PRIYA], body: BODY });
    await expect(gmail.holdDialog()).toHaveCount(0);
  });
});

test.describe('Gmail: after hours, confirm mode', () => {
  test.beforeEach(async ({ harness }) => {
    await importSettingsFile(harness, scene());
  });

  test('a compose that appears with no click or key (a restored draft) is held on Send, and gets its template button when reached', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: 'The first compose' });
    await gmail.page.setViewportSize({ width: 1900, height: 900 }); // room for three compose windows
    const templateButton = (index: number) => gmail.compose(index).getByRole('button', { name: 'Insert context template' });
    await expect(templateButton(0)).toBeVisible();
    // Gmail restores a draft by itself: no gesture, no focus.
    await gmail.page.evaluate(() => (window as unknown as { __fixture: { openCompose: (o: object) => string } }).__fixture.openCompose({ to: 'priya@example.com', body: 'Restored draft' }));
    await expect(gmail.compose(1)).toBeVisible();
    await gmail.body(1).hover();
    await expect(templateButton(1)).toBeVisible();
    await gmail.page.evaluate(() => (window as unknown as { __fixture: { openCompose: (o: object) => string } }).__fixture.openCompose({ to: 'priya@example.com', body: 'Sent unread' }));
    await gmail.send(2).click();
    await expect(gmail.holdDialog()).toContainText('Priya');
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('clicking Send holds it and says who it reaches when; Send now sends once, byte-identical', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog).toBeVisible();
    expect(await gmail.log('sent')).toHaveLength(0);
    const priyaNow = DateTime.now().setZone('Asia/Kolkata').toFormat('h:mm a');
    const priyaThen = DateTime.now().setZone('Asia/Kolkata');
    await expect(dialog).toContainText(`for Priya in Asia/Kolkata`);
    await expect(dialog).toContainText(new RegExp(`(${priyaNow}|${priyaThen.plus({ minutes: 1 }).toFormat('h:mm a')}) for Priya`));
    await expect(dialog.getByRole('button', { name: /^Schedule for \w{3} \d{1,2}:\d{2} [AP]M$/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
    const [sent] = await gmail.log('sent');
    expect(sent).toMatchObject({ to: [PRIYA], body: BODY, trusted: false });
    await gmail.page.waitForTimeout(300);
    expect(await gmail.log('sent')).toHaveLength(1);
  });

  test('Ctrl+Enter and Enter on the focused Send button are held too', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.body().click();
    await gmail.page.keyboard.press('Control+Enter');
    await expect(gmail.holdDialog()).toBeVisible();
    await gmail.page.keyboard.press('Escape');
    await expect(gmail.holdDialog()).toHaveCount(0);
    await gmail.send().focus();
    await gmail.page.keyboard.press('Enter');
    await expect(gmail.holdDialog()).toBeVisible();
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('Keep editing and Escape leave the draft exactly as it was, with focus in the body', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
    await expect(gmail.holdDialog()).toHaveCount(0);
    await expect(gmail.body()).toBeFocused();
    expect(await gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toBe(BODY);
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    await gmail.page.keyboard.press('Escape');
    await expect(gmail.holdDialog()).toHaveCount(0);
    await expect(gmail.body()).toBeFocused();
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('pressing Send again while the dialog is open sends nothing and keeps one dialog', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    await gmail.send().click({ force: true });
    await gmail.body().press('Control+Enter');
    await expect(gmail.holdDialog()).toHaveCount(1);
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('an address typed but not yet a chip is read at send time', async ({ harness }) => {
    const gmail = await openGmail(harness, { chipDelay: '5000', body: BODY });
    await gmail.addRecipient(PRIYA);
    await gmail.send().click();
    await expect(gmail.holdDialog()).toContainText('Priya');
  });

  test('a missing Schedule step leaves the draft as it was and says which time to pick', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant: 'no-schedule' });
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect(gmail.page.getByRole('status').filter({ hasText: "Couldn't finish scheduling" })).toBeVisible({ timeout: 10_000 });
    expect(await gmail.log('sent')).toHaveLength(0);
    expect(await gmail.log('scheduled')).toHaveLength(0);
    expect(await gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toBe(BODY);
    // Nothing is stuck: the next press is judged again, and Send now still sends.
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);
  });

  test('an unknown-zone recipient alone is not held', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: 'alex@example.com', body: BODY });
    await gmail.send().click();
    // The sender is in hours and Alex's zone is unknown: nothing to judge, nothing held.
    expect(await gmail.log('sent')).toHaveLength(1);
  });

  test('two composes: holding one leaves the other alone', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant: 'two-composes' });
    await gmail.send(0).click();
    await expect(gmail.holdDialog()).toBeVisible();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    const sent = await gmail.log('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ composeId: 'compose-1' });
  });

  test('the inline reply is guarded', async ({ harness }) => {
    const gmail = await openGmail(harness, { variant: 'inline-reply' });
    const reply = gmail.page.locator('.ip.adB div.M9');
    await reply.locator('[g_editable=true]').click();
    await gmail.page.keyboard.type('Thanks!');
    await gmail.addRecipient(PRIYA, 0);
    await gmail.page.waitForTimeout(2_300);
    await reply.locator('[g_editable=true]').press('Control+Enter');
    await expect(gmail.holdDialog()).toBeVisible();
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('Spanish Gmail and legacy recipients need no English label', async ({ harness }) => {
    for (const variant of ['es', 'legacy']) {
      const gmail = await openGmail(harness, { to: PRIYA, body: BODY, variant });
      await gmail.send().click();
      await expect(gmail.holdDialog()).toContainText('Priya');
      await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
      await expect.poll(() => gmail.log('sent')).toHaveLength(1);
      await gmail.page.close();
    }
  });
});

test.describe('Gmail: scheduling in the browser\u2019s own zone', () => {
  // The browser runs in New York while the user's settings say Berlin: Gmail's picker takes the
  // browser's wall clock, so a wrong conversion would land hours off.
  test.use({ browserTimeZone: 'America/New_York' });
  let now: Date;
  test.beforeEach(async ({ harness }) => {
    now = new Date();
    await importSettingsFile(harness, scene({ now }));
  });

  test('Schedule hands the draft to Gmail\u2019s own Schedule send at the suggested minute', async ({ harness }) => {
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    await gmail.send().click();
    const button = gmail.holdDialog().getByRole('button', { name: /^Schedule for / });
    // Priya starts work 180 minutes from now (to the minute): the slot is her start, rounded up to
    // Gmail's 15-minute step, shown in the sender's zone (Berlin) on the button.
    const expected = quarterAfter(startIn(180, now));
    await expect(button).toHaveText(`Schedule for ${DateTime.fromMillis(expected).setZone('Europe/Berlin').toFormat('ccc h:mm a')}`);
    await button.click();
    await expect.poll(() => gmail.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    const [scheduled] = await gmail.log('scheduled');
    expect(scheduled).toMatchObject({ atMs: expected, source: 'picker', to: [PRIYA], body: BODY });
    expect(await gmail.log('sent')).toHaveLength(0);
  });

});

test.describe('Gmail: other modes', () => {
  test('nudge mode shows a status note as you type and never holds', async ({ harness }) => {
    await importSettingsFile(harness, scene({ mode: 'nudge' }));
    const gmail = await openGmail(harness, { to: PRIYA });
    await gmail.body().click();
    await gmail.page.keyboard.type('Quick note');
    await expect(gmail.page.getByRole('status').filter({ hasText: 'for Priya' })).toBeVisible({ timeout: EVENTUALLY });
    await gmail.send().click();
    expect(await gmail.log('sent')).toHaveLength(1);
    await expect(gmail.holdDialog()).toHaveCount(0);
  });

  test('off mode does nothing at all', async ({ harness }) => {
    await importSettingsFile(harness, scene({ mode: 'off' }));
    const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
    // Templates stay available; only the send guard is off.
    await expect(gmail.compose().getByRole('button', { name: 'Insert context template' })).toHaveCount(1);
    await gmail.send().click();
    expect(await gmail.log('sent')).toHaveLength(1);
    await expect(gmail.holdDialog()).toHaveCount(0);
  });

  test('the sender outside their own hours is asked too', async ({ harness }) => {
    await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 120, 60), contacts: [] }));
    const gmail = await openGmail(harness, { to: 'bob@example.com', body: BODY });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toContainText('outside your working hours');
  });
});

test.describe('Gmail: unknown time zones', () => {
  test('a recipient whose zone is unknown can be given one from the dialog, and it is remembered', async ({ harness }) => {
    await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 120, 60), contacts: [] }));
    const gmail = await openGmail(harness, { to: 'alex@example.com', body: BODY });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog).toContainText('Time zone unknown for alex@example.com');
    await dialog.getByLabel('Time zone for alex@example.com').fill('Pacific/Auckland');
    await dialog.getByRole('button', { name: 'Save time zone for alex@example.com' }).click();
    // The dialog re-judges with the new zone: Alex is now a known recipient.
    await expect(dialog).not.toContainText('Time zone unknown', { timeout: EVENTUALLY });
    await expect(dialog).toContainText('outside your working hours');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    const options = await openOptions(harness);
    const exported = (await options.exportJson()) as { contacts: Array<Record<string, unknown>> };
    expect(exported.contacts).toContainEqual({ name: 'alex@example.com', emails: ['alex@example.com'], timeZone: 'Pacific/Auckland', source: 'typed' });
  });
});

test.describe('Gmail: zones without effort (issue 20)', () => {
  test('three unknown recipients: found by city and by abbreviation, "Same as me", one Save for all, remembered', async ({ harness }) => {
    await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 120, 60), contacts: [] }));
    // Chips at once (the replica's default makes typed addresses chips 2 s later, as Gmail can).
    const gmail = await openGmail(harness, { to: 'alex@example.com', body: BODY, chipDelay: '0' });
    await gmail.addRecipient('bo@example.com');
    await gmail.addRecipient('cy@example.com');
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog.getByRole('combobox')).toHaveCount(3);
    await expect(dialog.getByRole('button', { name: /^Save time zone for/ })).toHaveCount(0);
    // A city the zone is not named after.
    const alex = dialog.getByRole('combobox', { name: 'Time zone for alex@example.com' });
    await alex.fill('Bangalore');
    await expect(dialog.getByRole('option').first()).toContainText('Asia/Kolkata (Bangalore)');
    await alex.press('ArrowDown');
    await alex.press('Enter');
    await expect(alex).toHaveValue('Asia/Kolkata');
    // An abbreviation.
    const bo = dialog.getByRole('combobox', { name: 'Time zone for bo@example.com' });
    await bo.fill('PST');
    await expect(dialog.getByRole('option').first()).toContainText('America/Los_Angeles (PST)');
    await dialog.getByRole('option').first().click();
    await expect(bo).toHaveValue('America/Los_Angeles');
    // The sender's own zone, in one press.
    await dialog.getByRole('button', { name: 'Same time zone as mine (Europe/Berlin) for cy@example.com' }).click();
    await dialog.getByRole('button', { name: 'Save time zones for 3 people' }).click();
    // The dialog re-judges with the new zones: nobody is unknown any more.
    await expect(dialog.getByRole('combobox')).toHaveCount(0, { timeout: EVENTUALLY });
    await expect(dialog).not.toContainText('Time zone unknown');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    const options = await openOptions(harness);
    const exported = (await options.exportJson()) as { contacts: Array<{ emails: string[]; timeZone?: string }> };
    const zoneOf = (email: string) => exported.contacts.find((c) => c.emails.includes(email))?.timeZone;
    expect([zoneOf('alex@example.com'), zoneOf('bo@example.com'), zoneOf('cy@example.com')]).toEqual(['Asia/Kolkata', 'America/Los_Angeles', 'Europe/Berlin']);
    // The popup counts that hold as one that met someone with no zone, and links to the contacts.
    const popup = await harness.openExtensionPage('popup.html');
    await expect(popup.getByText('1 hold this week met someone with no time zone.')).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Add their time zones in Contacts' })).toHaveAttribute('href', /options\.html#contacts$/);
  });
});

test.describe('Gmail: templates', () => {
  test('placeholder refusal: "No rush" before any recipient is chosen writes plain words, never "[their next working start]"', async ({ harness }) => {
    const template = builtInTemplate('no-rush', 'email')!;
    await importSettingsFile(harness, scene({ templates: [template] }));
    const gmail = await openGmail(harness, { body: '' });
    await gmail.body().click();
    await gmail.compose().getByRole('button', { name: 'Insert context template' }).click();
    await gmail.page.getByRole('option', { name: 'No rush' }).click();
    await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toContain('(from the start of your next working day)');
    const text = await gmail.body().evaluate((el) => (el as HTMLElement).innerText);
    expect(text).not.toMatch(/[[\]{}]/);
  });

  test('a template goes in at the caret as plain text, and Gmail saves the draft', async ({ harness }) => {
    const hostile = '<img src=x onerror="window.__pwned=1"> & <b>bold</b>';
    await importSettingsFile(harness, scene({ templates: [{ id: 'hostile', title: 'Hostile text', body: hostile }] }));
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Before' });
    await gmail.body().click();
    await gmail.page.keyboard.press('End');
    await gmail.page.keyboard.type(' ');
    await gmail.compose().getByRole('button', { name: 'Insert context template' }).click();
    await gmail.page.getByRole('option', { name: 'Hostile text' }).click();
    await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toBe(`Before ${hostile}`);
    expect(await gmail.body().locator('img, b').count()).toBe(0);
    expect(await gmail.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect.poll(async () => (await gmail.log('draftSaved')).length).toBeGreaterThan(0);
  });

  test('a deadline template asks for the deadline and shows it in both zones', async ({ harness }) => {
    const template = builtInTemplate('decision-needed', 'email')!;
    await importSettingsFile(harness, scene({ templates: [template] }));
    const gmail = await openGmail(harness, { to: PRIYA, body: '' });
    await gmail.body().click();
    await gmail.compose().getByRole('button', { name: 'Insert context template' }).click();
    await gmail.page.getByRole('option', { name: template.title }).click();
    const deadline = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
    await gmail.page.getByLabel('Deadline (Europe/Berlin)').fill(deadline.toFormat("yyyy-MM-dd'T'HH:mm"));
    await gmail.page.getByRole('button', { name: 'Insert', exact: true }).click();
    const text = () => gmail.body().evaluate((el) => (el as HTMLElement).innerText);
    await expect.poll(text).toContain('Decision needed by');
    const body = await text();
    expect(body).toContain(`5:00 PM in Europe/Berlin`);
    expect(body).toContain(`${deadline.setZone('Asia/Kolkata').toFormat('h:mm a')} for Priya in Asia/Kolkata`);
    expect(body).not.toMatch(/undefined|NaN|Invalid/);
  });

  test('the hold dialog flags "ASAP" without a deadline and adds the deadline template in one click', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Can you send me the numbers ASAP?' });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    // The tips are folded until asked for (issue 20).
    await expect(dialog.getByRole('list', { name: 'Could be misread later' })).toHaveCount(0);
    await dialog.getByRole('button', { name: /^\d+ writing tips?$/ }).click();
    await expect(dialog.getByRole('list', { name: 'Could be misread later' })).toContainText('without a deadline');
    await dialog.getByRole('button', { name: /^Add “Decision needed/ }).click();
    await expect(dialog).toHaveCount(0);
    // The template shows a deadline: it is asked for first, never "[deadline]" or a stand-in date (issue 20).
    const text = () => gmail.body().evaluate((el) => (el as HTMLElement).innerText);
    expect(await text()).not.toContain('Decision needed');
    const deadline = DateTime.now().setZone('Europe/Berlin').plus({ days: 2 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    await gmail.page.getByLabel('Deadline (Europe/Berlin)').fill(deadline.toFormat("yyyy-MM-dd'T'HH:mm"));
    await gmail.page.getByRole('button', { name: 'Insert', exact: true }).click();
    await expect.poll(text).toContain('Decision needed by');
    expect(await text()).toContain('12:00 PM in Europe/Berlin');
    expect(await text()).not.toMatch(/\[deadline\]|the agreed date/);
    expect(await gmail.log('sent')).toHaveLength(0);
  });
});
