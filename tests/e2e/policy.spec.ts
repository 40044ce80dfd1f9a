/** Organisation policy (issue 8) in Chromium: a managed policy file (tests/e2e/managed-policy.ts). */
import { expect, test } from './harness';
import { withManagedPolicy } from './managed-policy';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { ALWAYS, everyDayFromNow, scene } from './settings-file';

test('a managed policy locks Gmail to confirm and your zone and days off, adds a directory contact, and stays out of the export', async () => {
  const policy = {
    locked: { sites: { gmail: 'confirm' }, me: { timeZone: 'Europe/Berlin', daysOff: ['2099-12-24'] } },
    recommended: { preferences: { graceMinutes: 0 } },
    directory: [
      { name: 'Devi Policy', emails: ['devi@example.com'], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', 180, 240) },
    ],
  };
  await withManagedPolicy(policy, async (harness) => {
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
    await expect(options.page.getByLabel('Don’t ask when their work starts within (minutes)')).toHaveValue('0');
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
  });
});
