/**
 * Organisation policy (issue 8): Debian's Chromium reads /etc/chromium/policies/managed/*.json. The
 * extension is loaded from a copy in a temporary folder, so its id (derived from the path) is unique
 * to this test and the policy cannot reach any other run. The file is always removed afterwards.
 * CI runs as root; a folder that cannot be written fails the test loudly.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, extensionIdForPath, launchWithExtension, makeHarness, strayRequests, test } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { ALWAYS, everyDayFromNow, scene } from './settings-file';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

test('a managed policy locks Gmail to confirm and your zone and days off, adds a directory contact, and stays out of the export', async () => {
  const extensionDir = join(mkdtempSync(join(tmpdir(), 'ae-policy-ext-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const id = extensionIdForPath(extensionDir);
  const policyFile = join(POLICY_DIR, `async-etiquette-test-${id}.json`);
  const policy = {
    locked: { sites: { gmail: 'confirm' }, me: { timeZone: 'Europe/Berlin', daysOff: ['2099-12-24'] } },
    recommended: { preferences: { graceMinutes: 0 } },
    directory: [
      { name: 'Devi Policy', emails: ['devi@example.com'], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', 180, 240) },
    ],
  };
  // Fails loudly (EACCES) when the folder cannot be written: CI runs as root.
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  const userDataDir = mkdtempSync(join(tmpdir(), 'ae-e2e-policy-'));
  try {
    const context = await launchWithExtension(userDataDir, { extensionDir });
    const harness = await makeHarness(context, userDataDir);
    try {
      expect(harness.extensionId).toBe(id);
      // The user's own file says Gmail off and has no contacts: the locked value and the directory apply over it.
      await importSettingsFile(harness, { ...scene({ contacts: [] }), sites: { gmail: 'off', slack: 'off', docs: 'off' }, me: { timeZone: 'Europe/Berlin', weekly: ALWAYS, daysOff: [] } });

      const popup = await harness.openExtensionPage('popup.html');
      const gmailMode = popup.getByRole('combobox', { name: 'Gmail' });
      await expect(gmailMode).toBeDisabled({ timeout: 15_000 });
      await expect(gmailMode).toHaveValue('confirm');
      await expect(popup.getByText('set by your organisation')).toBeVisible();
      await expect(popup.getByRole('combobox', { name: 'Slack' })).toBeEnabled();
      await popup.close();

      const gmail = await openGmail(harness, { to: 'devi@example.com', body: 'Quarterly numbers attached' });
      await gmail.send().click();
      const dialog = gmail.holdDialog();
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('for Devi in Asia/Kolkata');
      await dialog.getByRole('button', { name: 'Send now' }).click();
      await expect.poll(() => gmail.log('sent')).toHaveLength(1);
      await gmail.page.close();

      const options = await openOptions(harness);
      await expect(options.page.getByRole('combobox', { name: 'Gmail' })).toBeDisabled();
      await expect(options.page.getByLabel('Grace window before work (minutes)')).toHaveValue('0');
      // Locked zone and days off: shown greyed, with who set them.
      const zone = options.page.getByRole('combobox', { name: 'Time zone', exact: true });
      await expect(zone).toHaveValue('Europe/Berlin');
      await expect(zone).toBeDisabled();
      await expect(options.page.getByRole('group', { name: 'Your time zone' })).toContainText('set by your organisation');
      const daysOff = options.page.getByRole('group', { name: 'Days off', exact: true });
      await expect(daysOff).toContainText('Days off: set by your organisation');
      await expect(daysOff.getByLabel('First day off')).toBeDisabled();
      await expect(daysOff.getByRole('list')).toContainText('2099');
      // The directory contact is listed read-only, marked as the organisation's.
      const table = options.page.getByRole('table', { name: 'Contacts' });
      const devi = table.getByRole('row', { name: /Devi Policy/ });
      await expect(devi).toContainText('From your organisation');
      await expect(devi).toContainText('Asia/Kolkata');
      await expect(devi.getByRole('button')).toHaveCount(0);
      await options.page.getByLabel('Search contacts').fill('devi');
      await expect(table.getByRole('rowheader')).toHaveText(['Devi Policy']);
      const exported = (await options.exportJson()) as { sites: { gmail: string }; contacts: unknown[]; preferences: { graceMinutes: number } };
      expect(exported.sites.gmail).toBe('off');
      expect(exported.contacts).toEqual([]);
      expect(exported.preferences.graceMinutes).toBe(30);
    } finally {
      await context.close();
    }
    expect(harness.errors, 'uncaught errors or console errors in pages').toEqual([]);
    expect(strayRequests(context)).toEqual([]);
  } finally {
    rmSync(policyFile, { force: true });
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  }
});
