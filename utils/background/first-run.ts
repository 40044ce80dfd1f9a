/**
 * Opens the first-run page (issue 22) when the extension is newly installed. Registered in the worker's
 * first turn with the other listeners, so the install event that woke the worker is not lost. Only the
 * reason 'install' opens it: an update, a browser update or a worker restarting (which fires no
 * onInstalled at all) never do. Reopened by hand from the options page.
 */
import { browser } from 'wxt/browser';
import { FIRST_RUN_PATH, opensFirstRun } from '@/utils/ui/first-run';
import { quietly } from './quietly';

export function listenForFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (!opensFirstRun(details)) return;
    void browser.tabs
      .create({ url: browser.runtime.getURL(FIRST_RUN_PATH as '/welcome.html'), active: true })
      .catch(quietly('could not open the first-run page'));
  });
}
