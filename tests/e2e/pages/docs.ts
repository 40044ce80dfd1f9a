import { expect, type Locator, type Page } from '@playwright/test';
import type { Harness } from '../harness';
// @ts-expect-error plain ESM shared with the Firefox suite
import { FIXTURE_URLS } from '../../fixtures/serve.mjs';
import type { FixtureEntry } from './gmail';

export interface DocsPage {
  page: Page;
  /** The open new-comment draft's box (`.docos-input` of the active thread). */
  box: () => Locator;
  draft: () => Locator;
  post: () => Locator;
  /** Opens a new comment with the toolbar button, as a person clicks it. */
  newComment: () => Promise<void>;
  /** Types `@query`, waits for the suggestion and picks it with Enter (a chip, or "+email " text). */
  mention: (query: string) => Promise<void>;
  /** Types text as a person would, unicode included (no key events for the characters). */
  write: (text: string) => Promise<void>;
  holdDialog: () => Locator;
  panel: () => Locator;
  /** The collapsed panel's button, or the panel's status line. */
  panelButton: () => Locator;
  log: (type: string) => Promise<FixtureEntry[]>;
  draftText: () => Promise<string>;
}

export function docsUrl(params: Record<string, string> = {}): string {
  const url = new URL((FIXTURE_URLS as Record<string, string>).docs!);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Wraps an open Docs replica tab. */
export function docsPage(page: Page): DocsPage {
  const box = () => page.locator('.docos-docoview-active .docos-input');
  const draft = () => box().locator('.docos-input-textarea');
  return {
    page,
    box,
    draft,
    post: () => box().locator('.docos-input-post'),
    newComment: async () => {
      await page.locator('#insertCommentButton').click();
      await expect(draft()).toBeFocused();
    },
    mention: async (query) => {
      await page.keyboard.type(`@${query}`);
      await expect(page.getByRole('listbox', { name: 'Suggested people' })).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('listbox', { name: 'Suggested people' })).toHaveCount(0);
    },
    write: async (text) => {
      const lines = text.split('\n');
      for (const [i, line] of lines.entries()) {
        if (i > 0) await page.keyboard.press('Shift+Enter');
        if (line) await page.keyboard.insertText(line);
      }
    },
    holdDialog: () => page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Keep editing' }) }),
    panel: () => page.getByRole('dialog', { name: 'Held comments' }),
    panelButton: () => page.getByRole('button', { name: /^Held comments/ }),
    log: (type) =>
      page.evaluate((t) => ((window as unknown as { __fixtureLog?: FixtureEntry[] }).__fixtureLog ?? []).filter((e) => e.type === t), type),
    draftText: () =>
      draft().evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText)),
  };
}

/** Opens the Docs replica (`mentions=text|chip`, `variant=legacy`) and waits for the extension. */
export async function openDocs(harness: Harness, params: Record<string, string> = {}): Promise<DocsPage> {
  const page = await harness.context.newPage();
  await page.goto(docsUrl(params));
  await page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
  return docsPage(page);
}

/** Reads the extension's alarms and notifications from one of its own pages. */
export async function extensionState(harness: Harness): Promise<{ alarm: number | null; notifications: string[] }> {
  const page = await harness.openExtensionPage('options.html');
  try {
    return await page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: {
        alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
        notifications: { getAll(): Promise<Record<string, boolean>> };
      } }).chrome;
      const alarm = await api.alarms.get('held-comments');
      const notifications = Object.keys(await api.notifications.getAll());
      return { alarm: alarm?.scheduledTime ?? null, notifications };
    });
  } finally {
    await page.close();
  }
}
