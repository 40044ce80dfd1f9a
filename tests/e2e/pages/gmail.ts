import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../harness';
// @ts-expect-error plain ESM shared with the Firefox suite
import { FIXTURE_URLS } from '../../fixtures/serve.mjs';

export interface FixtureEntry {
  type: string;
  [key: string]: unknown;
}

export interface GmailPage {
  page: Page;
  compose: (index?: number) => Locator;
  body: (index?: number) => Locator;
  send: (index?: number) => Locator;
  holdDialog: () => Locator;
  log: (type: string) => Promise<FixtureEntry[]>;
  addRecipient: (email: string, index?: number) => Promise<void>;
}

/** Opens the Gmail replica; `params` become its query (variant, to, body, …). */
export async function openGmail(harness: Harness, params: Record<string, string> = {}): Promise<GmailPage> {
  const page = await harness.context.newPage();
  // The draft's text must never reach the extension's storage (checked after the test).
  if (params.body && params.body.length >= 8) harness.secrets.push(params.body);
  const url = new URL((FIXTURE_URLS as Record<string, string>).gmail!);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  await page.goto(url.toString());
  await page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
  const compose = (index = 0) => page.locator('div.M9').nth(index);
  return {
    page,
    compose,
    body: (index = 0) => compose(index).locator('[g_editable=true]'),
    send: (index = 0) => compose(index).locator('.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])'),
    holdDialog: () => page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Keep editing' }) }),
    log: (type) => page.evaluate((t) => (window as unknown as { __fixtureLog: FixtureEntry[] }).__fixtureLog.filter((e) => e.type === t), type),
    addRecipient: async (email, index = 0) => {
      const input = compose(index).locator('.anm[name="to"] input[role=combobox]');
      await input.click();
      await input.fill(email);
      await input.press('Enter');
    },
  };
}
