/**
 * Accessibility (issue 8, item 5): axe-core scans our pages and our in-page UI with no WCAG 2.1 A/AA
 * violation, in light and dark, and the hold dialog and template picker work from the keyboard.
 *
 * In the site replicas the scan is scoped to our shadow hosts (`async-etiquette-ui`): the fixtures
 * copy the sites' own markup (unlabelled icon buttons, contenteditable without a name …), which is
 * not ours to fix. AxeBuilder analyses open shadow roots, so the scan sees inside them.
 */
import { OUR_UI, expectNoViolations, scanBoth } from './axe';
import { EVENTUALLY, test, expect } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile } from './pages/options';
import { openSlack } from './pages/slack';
import { seedEventList } from './seed-events';
import { everyDayFromNow, scene } from './settings-file';

const PRIYA = 'priya@example.com';

test.describe('axe: extension pages', () => {
  test('the popup has no violations, light and dark', async ({ harness }) => {
    await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 180, 240) }));
    const popup = await harness.openExtensionPage('popup.html');
    await expect(popup.getByRole('heading', { name: 'Async Etiquette' })).toBeVisible();
    await popup.setViewportSize({ width: 380, height: 600 });
    await scanBoth(popup, 'the popup');
  });

  test('every options section has no violations, light and dark', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const options = await harness.openExtensionPage('options.html');
    await options.getByLabel('Import settings').waitFor();
    // The whole page on screen at once: colour contrast is judged only on what is in the viewport, and
    // one scan of it all does what a scan per scrolled-to section did, at a fraction of the time.
    const { width } = options.viewportSize()!;
    const height = await options.evaluate(() => document.documentElement.scrollHeight);
    await options.setViewportSize({ width, height: Math.min(height + 100, 16_000) });
    expect(height, 'the whole options page fits one screen for the scan').toBeLessThan(16_000);
    await scanBoth(options, 'the options page');
    await options.setViewportSize({ width, height: 720 });
    const links = options.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i += 1) {
      const link = links.nth(i);
      const id = (await link.getAttribute('href'))!.slice(1);
      await link.click();
      await expect(options).toHaveURL(new RegExp(`#${id}$`));
      await expect(options.locator(`#${id}`)).toBeInViewport();
    }
    // The keyboard commands and their keys (issue 8, item 6).
    const shortcuts = options.locator('#shortcuts');
    await expect(shortcuts.getByRole('row', { name: /Pause or resume/ })).toContainText('Alt+Shift+Q');
    await expect(shortcuts.getByRole('row', { name: /context template/ })).toContainText('Alt+Shift+K');
    await expect(shortcuts).toContainText('chrome://extensions/shortcuts');
  });
});

test.describe('axe and keyboard: in-page UI', () => {
  test('Gmail: the hold dialog has no violations and traps focus while open', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Hello Priya' });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog).toBeVisible();
    await scanBoth(gmail.page, 'the Gmail hold dialog', OUR_UI);

    // Focus starts in the dialog and stays there: Tab and Shift+Tab cycle through its controls.
    const insideDialog = () =>
      gmail.page.evaluate((tag) => {
        const host = document.activeElement;
        if (!host || host.localName !== tag || !host.shadowRoot) return null;
        const active = host.shadowRoot.activeElement;
        return active?.closest('[role=alertdialog]') ? (active.textContent || active.getAttribute('aria-label') || active.localName) : null;
      }, OUR_UI);
    expect(await insideDialog()).not.toBeNull();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      await gmail.page.keyboard.press('Tab');
      const at = await insideDialog();
      expect(at, `focus left the dialog after ${i + 1} Tab`).not.toBeNull();
      seen.add(at!);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['Send now', 'Keep editing']));
    for (let i = 0; i < 12; i += 1) {
      await gmail.page.keyboard.press('Shift+Tab');
      expect(await insideDialog(), `focus left the dialog after ${i + 1} Shift+Tab`).not.toBeNull();
    }
    // Escape is Keep editing: the dialog closes and the caret is back in the composer.
    await gmail.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(gmail.body()).toBeFocused();
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('Gmail: the hold dialog with an unknown zone (zone picker) has no violations', async ({ harness }) => {
    await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 120, 60), contacts: [] }));
    const gmail = await openGmail(harness, { to: 'alex@example.com', body: 'Hello Alex' });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toContainText('Time zone unknown for alex@example.com');
    await scanBoth(gmail.page, 'the hold dialog with a zone picker', OUR_UI);
  });

  test('Gmail: Send now\u2019s reason step and daily-limit step have no violations and are reached from the keyboard', async ({ harness }) => {
    await importSettingsFile(harness, { ...scene(), preferences: { sendNowReason: 'require', sendNowDailyLimit: 1 } });
    // Seeded in the worker: one Send now already today (now, in the sender's zone).
    await seedEventList(harness.worker, [{ at: Date.now(), site: 'gmail', verdict: 'recipients-outside', action: 'sent-anyway', recipients: 1 }]);
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Hello Priya' });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await dialog.getByRole('button', { name: 'Send now' }).focus();
    await gmail.page.waitForTimeout(600); // past the dialog's guard against a leftover key press
    await gmail.page.keyboard.press('Enter');
    // The limit step takes focus on its first choice, Schedule.
    await expect(dialog.getByRole('button', { name: /^Schedule for / })).toBeFocused({ timeout: EVENTUALLY });
    await scanBoth(gmail.page, 'the daily-limit step', OUR_UI);
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await expect(dialog.getByRole('button', { name: 'Incident' })).toBeFocused();
    await dialog.getByRole('button', { name: 'In my own words' }).click();
    await scanBoth(gmail.page, 'the reason step with own words and the line for the recipients', OUR_UI);
    await gmail.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await gmail.log('sent')).toHaveLength(0);
  });

  test('Gmail: the nudge status note has no violations', async ({ harness }) => {
    await importSettingsFile(harness, scene({ mode: 'nudge' }));
    const gmail = await openGmail(harness, { to: PRIYA });
    await gmail.body().click();
    await gmail.page.keyboard.type('Quick note');
    await expect(gmail.page.getByRole('status').filter({ hasText: 'for Priya' })).toBeVisible({ timeout: EVENTUALLY });
    await scanBoth(gmail.page, 'the nudge note', OUR_UI);
  });

  test('Gmail: the template picker has no violations and works from the keyboard', async ({ harness }) => {
    const templates = [
      { id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' },
      { id: 'a11y-fyi', title: 'FYI only', body: 'FYI, no reply needed.' },
    ];
    await importSettingsFile(harness, scene({ templates }));
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Before' });
    const button = gmail.compose().getByRole('button', { name: 'Insert context template' });
    await scanBoth(gmail.page, 'the closed template picker', OUR_UI);

    // Enter on the button opens the list, with the first template active.
    await button.focus();
    await gmail.page.keyboard.press('Enter');
    const list = gmail.page.getByRole('listbox', { name: 'Context templates' });
    await expect(list).toBeVisible();
    await expect(list).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(gmail.page.getByRole('option', { name: 'No rush' })).toHaveAttribute('aria-selected', 'true');
    await scanBoth(gmail.page, 'the open template list', OUR_UI);

    // Arrows move (and wrap); Escape closes and gives focus back to the button.
    await gmail.page.keyboard.press('ArrowDown');
    await expect(gmail.page.getByRole('option', { name: 'FYI only' })).toHaveAttribute('aria-selected', 'true');
    await gmail.page.keyboard.press('ArrowDown');
    await expect(gmail.page.getByRole('option', { name: 'No rush' })).toHaveAttribute('aria-selected', 'true');
    await gmail.page.keyboard.press('ArrowUp');
    await expect(gmail.page.getByRole('option', { name: 'FYI only' })).toHaveAttribute('aria-selected', 'true');
    await gmail.page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    // ArrowDown opens it too; Enter picks the active template, which goes into the draft.
    await gmail.page.keyboard.press('ArrowDown');
    await expect(list).toBeFocused();
    await gmail.page.keyboard.press('ArrowDown');
    await gmail.page.keyboard.press('Enter');
    await expect(list).toHaveCount(0);
    await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toContain('FYI, no reply needed.');
  });

  test('the open-template-picker command opens the focused composer\u2019s picker (content-script side)', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Before' });
    // What the worker's command handler sends (utils/background/commands.ts), in @webext-core's message shape.
    const command = () =>
      harness.worker.evaluate(async (url) => {
        const ext = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>>; sendMessage(id: number, m: object): Promise<{ res?: boolean }> } } };
        const [tab] = await ext.chrome.tabs.query({ url });
        return (await ext.chrome.tabs.sendMessage(tab!.id, { id: 1, type: 'openTemplatePicker', data: undefined, timestamp: Date.now() }))?.res;
      }, gmail.page.url().split('?')[0] + '*');
    // No composer has focus: nothing opens.
    await gmail.page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await command()).toBe(false);
    await gmail.body().click();
    expect(await command()).toBe(true);
    const list = gmail.page.getByRole('listbox', { name: 'Context templates' });
    await expect(list).toBeFocused();
    await gmail.page.keyboard.press('Enter');
    await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toContain('No rush: reply during your working hours.');
  });

  test('Slack: the hold dialog has no violations', async ({ harness }) => {
    const alice = { name: 'Alice Example', emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240) };
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [alice] }));
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type('Can you check the deploy?');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toBeVisible();
    await scanBoth(slack.page, 'the Slack hold dialog', OUR_UI);
    await slack.page.keyboard.press('Escape');
    await expect(slack.editor()).toBeFocused();
  });
});
