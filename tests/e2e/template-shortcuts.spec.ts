/**
 * A keyboard shortcut per template (issue 7, item 3): set in the options page's template editor (or
 * imported with a settings file), pressed in a focused composer it inserts the template once, as the
 * picker would, and the site sees nothing else: no character typed, no key event, no send.
 */
import AxeBuilder from '@axe-core/playwright';
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { withManagedPolicy } from './managed-policy';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { openSlack } from './pages/slack';
import { scene } from './settings-file';

const PRIYA = 'Priya Raman <priya@example.com>';
const PING = { id: 'status-ping', title: 'Status ping', body: 'Quick status ping: nothing urgent, reply in your hours.' };
const DECISION = { id: 'decision', title: 'Decision by', body: 'Decision needed by {deadline}.', shortcut: 'Alt+Shift+Digit2' };

/** The page's own keydown handlers (document, capture phase) note every key they see. */
async function recordPageKeys(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __keysSeen: string[] }).__keysSeen = seen;
    document.addEventListener('keydown', (e) => seen.push(`${e.altKey ? 'Alt+' : ''}${e.shiftKey ? 'Shift+' : ''}${e.code}`), true);
  });
  return () => page.evaluate(() => (window as unknown as { __keysSeen: string[] }).__keysSeen);
}

/** Records a shortcut for a template in the options page's editor and saves it. */
async function setShortcut(options: Page, title: string, keys: string): Promise<void> {
  await options.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
  const form = options.getByRole('form', { name: `Edit template ${title}` });
  const field = form.getByRole('textbox', { name: 'Keyboard shortcut' });
  await field.focus();
  await options.keyboard.press(keys);
  await expect(field).toHaveValue(keys);
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(options.getByRole('status').filter({ hasText: `Saved “${title}”.` })).toBeVisible();
}

test.describe('template shortcuts', () => {
  test('set in the options editor, the shortcut inserts the template once in Gmail, and a change applies without a reload', async ({ harness }) => {
    await importSettingsFile(harness, scene({ templates: [PING] }));
    const options = await openOptions(harness);
    await setShortcut(options.page, PING.title, 'Alt+Shift+1');
    await expect(options.page.getByRole('listitem').filter({ hasText: PING.title })).toContainText('shortcut Alt+Shift+1');

    const gmail = await openGmail(harness, { to: PRIYA, body: 'Hi' });
    const pageKeys = await recordPageKeys(gmail.page);
    await gmail.body().click();
    await gmail.page.keyboard.press('Control+End');
    await gmail.page.keyboard.type(' ');
    await gmail.page.keyboard.press('Alt+Shift+1');
    const text = () => gmail.body().evaluate((el) => (el as HTMLElement).innerText);
    await expect.poll(text).toBe(`Hi ${PING.body}`);
    expect(await pageKeys()).not.toContain('Alt+Shift+Digit1');
    await expect.poll(async () => (await gmail.log('draftSaved')).length).toBeGreaterThan(0);
    await expect(gmail.page.getByRole('listbox', { name: 'Context templates' })).toHaveCount(0);
    expect(await gmail.log('sent')).toHaveLength(0);

    // Changed in the open options page: the open Gmail tab follows at once.
    await options.page.bringToFront();
    await setShortcut(options.page, PING.title, 'Alt+Shift+3');
    await gmail.page.bringToFront();
    await gmail.body().click();
    await gmail.page.keyboard.press('Control+End');
    await gmail.page.keyboard.press('Alt+Shift+1');
    await gmail.page.keyboard.press('Alt+Shift+3');
    await expect.poll(text).toBe(`Hi ${PING.body}${PING.body}`);
    expect(await pageKeys()).toContain('Alt+Shift+Digit1');
    expect(await pageKeys()).not.toContain('Alt+Shift+Digit3');

    // The settings file carries it, in its layout-independent form.
    await options.page.bringToFront();
    const file = (await options.exportJson()) as { templates: Array<Record<string, unknown>> };
    expect(file.templates).toEqual([{ ...PING, shortcut: 'Alt+Shift+Digit3' }]);
  });

  test('a deadline template opens the picker’s deadline step, then inserts both zones', async ({ harness }) => {
    await importSettingsFile(harness, { ...scene(), templates: [DECISION] });
    const gmail = await openGmail(harness, { to: PRIYA, body: '' });
    await gmail.body().click();
    await gmail.page.keyboard.press('Alt+Shift+2');
    const deadline = DateTime.now().setZone('Europe/Berlin').plus({ days: 2 }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
    const field = gmail.page.getByLabel('Deadline (Europe/Berlin)');
    await expect(field).toBeFocused();
    await field.fill(deadline.toFormat("yyyy-MM-dd'T'HH:mm"));
    await gmail.page.getByRole('button', { name: 'Insert', exact: true }).click();
    const text = () => gmail.body().evaluate((el) => (el as HTMLElement).innerText);
    await expect.poll(text).toContain('Decision needed by');
    expect(await text()).toContain('5:00 PM in Europe/Berlin');
    expect(await text()).toContain(`${deadline.setZone('Asia/Kolkata').toFormat('h:mm a')} for Priya in Asia/Kolkata`);
  });

  test('imported with a settings file, the shortcut works in Slack’s composer and nowhere else', async ({ harness }) => {
    await importSettingsFile(harness, { ...scene({ site: 'slack' }), templates: [{ ...PING, shortcut: 'Alt+Shift+Digit1' }] });
    const slack = await openSlack(harness);
    const pageKeys = await recordPageKeys(slack.page);
    await slack.editor().click();
    await slack.page.keyboard.type('Hello ');
    await slack.page.keyboard.press('Alt+Shift+1');
    await expect(slack.editor()).toHaveText(`Hello ${PING.body}`);
    expect(await pageKeys()).not.toContain('Alt+Shift+Digit1');
    await expect(slack.holdDialog()).toHaveCount(0);

    // The search box is no composer: the press is the page's, and nothing is inserted there.
    const search = slack.page.locator('[data-qa="texty_input"][aria-label="Query"]').first();
    await search.click();
    await slack.page.keyboard.press('Alt+Shift+1');
    expect(await pageKeys()).toContain('Alt+Shift+Digit1');
    await expect(search).not.toContainText(PING.body);
    await expect(slack.editor()).toHaveText(`Hello ${PING.body}`);
    expect(await slack.log('sent')).toHaveLength(0);
  });
});

test('the template editor\u2019s shortcut field, with an error shown, has no axe violations', async ({ harness }) => {
  await importSettingsFile(harness, { ...scene(), templates: [{ ...PING, shortcut: 'Alt+Shift+Digit1' }, DECISION] });
  const options = await openOptions(harness);
  await options.page.getByRole('button', { name: `Edit ${DECISION.title}`, exact: true }).click();
  const field = options.page.getByRole('textbox', { name: 'Keyboard shortcut' });
  await field.focus();
  await options.page.keyboard.press('Alt+Shift+1');
  await expect(options.page.locator('#templates').getByRole('alert')).toHaveText(
    'Alt+Shift+1 is already the shortcut of “Status ping”: choose another, or remove it there first.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const { violations } = await new AxeBuilder({ page: options.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('#templates').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('an organisation\u2019s locked template is greyed in the editor, and its shortcut works in Gmail', async () => {
  const team = { id: 'team-hours', title: 'Team hours', body: 'Our team replies 09:00-17:00 CET.', shortcut: 'Alt+Shift+Digit7' };
  await withManagedPolicy({ locked: { templates: [team] } }, async (harness) => {
    await importSettingsFile(harness, scene({ templates: [PING] }));
    const options = await openOptions(harness);
    const row = options.page.getByRole('listitem').filter({ hasText: team.title });
    await expect(row).toContainText('(set by your organisation)', { timeout: 15_000 });
    await expect(row).toContainText('shortcut Alt+Shift+7');
    await expect(options.page.getByRole('button', { name: `Edit ${team.title}` })).toBeDisabled();
    await expect(options.page.getByRole('button', { name: `Delete ${team.title}` })).toBeDisabled();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: options.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('#templates').analyze();
      expect(violations.map((v) => `${v.id}: ${v.help}`), colorScheme).toEqual([]);
    }

    const gmail = await openGmail(harness, { to: PRIYA, body: '' });
    await gmail.body().click();
    await gmail.page.keyboard.press('Alt+Shift+7');
    await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toBe(team.body);
  });
});
