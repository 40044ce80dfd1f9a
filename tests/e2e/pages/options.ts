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


/**
 * Sets a test's scene: sends the settings file to the worker with the very message the options page's
 * "Import settings" sends (`importSettings`, the same validation and store), from an extension
 * document that runs none of the extension's code. Importing through the page itself, as a person
 * does, is what settings.spec.ts tests; here it would only add a heavy page to every test.
 */
export async function importSettingsFile(harness: Harness, settings: unknown): Promise<void> {
  const page = await harness.context.newPage();
  try {
    await page.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
    const reply = await page.evaluate(
      (text) =>
        new Promise<unknown>((resolve) => {
          const ext = globalThis as unknown as { chrome: { runtime: { sendMessage(message: object, reply: (answer: unknown) => void): void } } };
          // @webext-core/messaging's envelope: { id, type, data, timestamp } → { res } or { err }.
          ext.chrome.runtime.sendMessage({ id: 1, type: 'importSettings', data: { text }, timestamp: Date.now() }, resolve);
        }),
      JSON.stringify(settings),
    );
    expect(reply, 'the settings file of this scene was imported').toEqual({ res: { ok: true } });
  } finally {
    await page.close();
  }
}
