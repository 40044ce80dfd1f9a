/**
 * Site health, never silent (issue 16; contract §3 "Site health"): when Gmail's Send cannot be
 * recognised the send still goes through natively, the page says once what is not checked, the popup
 * names the site in an alert, and "Copy diagnostics" carries only the structure of what was missing.
 */
import { EVENTUALLY, test, expect } from './harness';
import { openGmail } from './pages/gmail';
import { openSlack } from './pages/slack';
import { openOptions, importSettingsFile } from './pages/options';
import { scene } from './settings-file';

const PRIYA = 'priya@example.com';
const SUBJECT = 'Quarterly numbers for Priya';
const BODY = 'Hi Priya, the draft numbers are attached 👋🏽';

test('a Send with every identifying attribute gone sends natively, the page and the popup say Gmail is not checked, diagnostics hold no typed text', async ({ harness }) => {
  await importSettingsFile(harness, scene());
  harness.secrets.push(SUBJECT);
  const gmail = await openGmail(harness, { to: PRIYA, subject: SUBJECT, body: BODY, variant: 'bare-send' });
  // The note comes once the compose has had its moment to render Send.
  const note = gmail.page.getByRole('note', { name: 'Async Etiquette' });
  await expect(note).toContainText("can't find this message's Send button");
  await gmail.compose().getByText('Send', { exact: true }).click();
  await expect.poll(() => gmail.log('sent')).toHaveLength(1);
  expect((await gmail.log('sent'))[0]).toMatchObject({ to: [PRIYA], body: BODY });
  await expect(gmail.holdDialog()).toHaveCount(0);
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);

  const popup = await harness.openExtensionPage('popup.html');
  const alert = popup.getByRole('alert');
  await expect(alert).toHaveCount(1, { timeout: EVENTUALLY });
  await expect(alert).toContainText('Gmail');

  const options = await openOptions(harness);
  await options.page.getByRole('button', { name: 'Copy diagnostics' }).click();
  const text = await options.page.getByRole('textbox', { name: 'Diagnostics' }).inputValue();
  const diagnostics = JSON.parse(text) as { version: string; browser: string; sites: Array<{ site: string; problems: string[] }>; failures: Array<{ kind: string; site: string; structure: string[] }> };
  expect(diagnostics.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(diagnostics.browser).toContain('Chrome');
  expect(diagnostics.sites.find((s) => s.site === 'gmail')?.problems).toEqual(['no-send']);
  expect(diagnostics.failures).toContainEqual(expect.objectContaining({ kind: 'no-send', site: 'gmail' }));
  expect(diagnostics.failures[0]!.structure.length).toBeGreaterThan(0);
  for (const typed of [PRIYA, 'Priya', SUBJECT, BODY, 'Quarterly', 'numbers']) expect(text).not.toContain(typed);
});

test('normal Gmail and Slack pages raise no alert', async ({ harness }) => {
  await importSettingsFile(harness, scene());
  const gmail = await openGmail(harness, { to: PRIYA, body: BODY });
  const slack = await openSlack(harness);
  await slack.editor().click();
  await gmail.body().click();
  // Each page has reported a Send for its composer (after the grace a composer has to render it).
  const options = await openOptions(harness);
  type Diagnostics = { sites: Array<{ site: string; problems: string[]; counts: { composers: number; sendControls: number } }>; failures: unknown[] };
  const read = async (): Promise<Diagnostics> => {
    await options.page.getByRole('button', { name: 'Copy diagnostics' }).click();
    return JSON.parse(await options.page.getByRole('textbox', { name: 'Diagnostics' }).inputValue()) as Diagnostics;
  };
  const sendControls = async () => (await read()).sites.filter((s) => s.site !== 'docs').map((s) => s.counts.sendControls);
  await expect.poll(sendControls, { timeout: EVENTUALLY }).toEqual([1, 1]);
  const diagnostics = await read();
  expect(diagnostics.failures).toEqual([]);
  for (const site of diagnostics.sites) expect(site.problems).toEqual([]);
  expect(diagnostics.sites.find((s) => s.site === 'gmail')!.counts.composers).toBe(1);
  await expect(gmail.page.getByRole('note', { name: 'Async Etiquette' })).toHaveCount(0);
  const popup = await harness.openExtensionPage('popup.html');
  await popup.locator('main[data-site-health="read"]').waitFor();
  await expect(popup.getByRole('alert')).toHaveCount(0);
});
