import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import type { Harness } from '../harness';

export interface OptionsPage {
  page: Page;
  importText: (text: string | Buffer, name?: string) => Promise<void>;
  exportJson: () => Promise<unknown>;
}

export async function openOptions(harness: Harness): Promise<OptionsPage> {
  const page = await harness.openExtensionPage('options.html');
  await page.getByLabel('Import settings').waitFor();
  return {
    page,
    importText: async (text, name = 'settings.json') => {
      const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      await page.getByLabel('Import settings').setInputFiles({ name, mimeType: 'application/json', buffer });
    },
    exportJson: async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export settings' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      return JSON.parse(await readFile((await download.path())!, 'utf8'));
    },
  };
}


/** Imports a settings file through the options page, as a person would, and closes the page. */
export async function importSettingsFile(harness: Harness, settings: unknown): Promise<void> {
  const options = await openOptions(harness);
  await options.importText(JSON.stringify(settings), 'scene.json');
  await expect(options.page.getByRole('status').filter({ hasText: 'Imported scene.json' })).toBeVisible();
  await options.page.close();
}
