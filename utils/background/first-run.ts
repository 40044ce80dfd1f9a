/**
 * Opens the first-run page (issue 22) when the extension is newly installed. Registered in the worker's
 * first turn with the other listeners, so the install event that woke the worker is not lost. Only the
 * reason 'install' opens it: an update, a browser update or a worker restarting (which fires no
 * onInstalled at all) never do. And only once per installation: Chrome announces an extension loaded
 * from the command line (--load-extension, developers and tests) as 'install' on every browser start,
 * with its data kept, so the page remembers it was opened (storage.local, gone on uninstall).
 * Reopened by hand from the options page.
 */
import { browser } from 'wxt/browser';
import { FIRST_RUN_PATH, opensFirstRun } from '@/utils/ui/first-run';
import { quietly } from './quietly';

/** When the first-run page was opened (epoch ms); absent until then. */
export const FIRST_RUN_KEY = 'firstRunOpened';

async function openOnce(): Promise<void> {
  if ((await browser.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY] !== undefined) return;
  await browser.storage.local.set({ [FIRST_RUN_KEY]: Date.now() });
  await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PATH as '/welcome.html'), active: true });
}

export function listenForFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (opensFirstRun(details)) void openOnce().catch(quietly('could not open the first-run page'));
  });
}
