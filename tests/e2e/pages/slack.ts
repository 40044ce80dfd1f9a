import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../harness';
import type { FixtureEntry } from './gmail';

export const SLACK_BASE = 'https://app.slack.com/client/T0TEST';

export interface SlackPage {
  page: Page;
  /** The channel/DM composer's editor, or the thread pane's. */
  editor: (pane?: 'main' | 'thread') => Locator;
  sendButton: (pane?: 'main' | 'thread') => Locator;
  holdDialog: () => Locator;
  log: (type: string) => Promise<FixtureEntry[]>;
  go: (path: string) => Promise<void>;
}

const PANES = { main: '.p-workspace__primary_view', thread: '[data-qa="threads_flexpane"]' } as const;

export async function openSlack(harness: Harness, path = '/D0TEST', query = ''): Promise<SlackPage> {
  const page = await harness.context.newPage();
  await page.goto(`${SLACK_BASE}${path}${query}`);
  await page.locator('html[data-async-etiquette-revision]').waitFor({ state: 'attached' });
  return {
    page,
    editor: (pane = 'main') => page.locator(`${PANES[pane]} [data-qa="message_input"] .ql-editor`).first(),
    sendButton: (pane = 'main') => page.locator(`${PANES[pane]} [data-qa="texty_send_button"]`).first(),
    holdDialog: () => page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Keep editing' }) }),
    log: (type) => page.evaluate((t) => (window as unknown as { __fixtureLog: FixtureEntry[] }).__fixtureLog.filter((e) => e.type === t), type),
    go: (to) => page.evaluate((p) => (window as unknown as { __fixture: { go(p: string): void } }).__fixture.go(p), `/client/T0TEST${to}`),
  };
}
