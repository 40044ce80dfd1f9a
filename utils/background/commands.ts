/**
 * Keyboard commands (issue 8, item 6), declared once in ./command-keys.ts (the manifest is built from it). The person
 * changes the keys at chrome://extensions/shortcuts or, in Firefox, about:addons → gear → Manage
 * Extension Shortcuts; the options page shows the current ones.
 */
import { OPEN_TEMPLATE_PICKER, TOGGLE_PAUSE } from './command-keys';
import type { Outcome } from '@/utils/messaging';

export { COMMAND_KEYS, OPEN_TEMPLATE_PICKER, TOGGLE_PAUSE } from './command-keys';

export interface CommandDeps {
  /** Whether nudges and holds are paused right now. */
  isPaused(): Promise<boolean>;
  setPause(data: { kind: 'until-resumed' } | { kind: 'resume' }): Promise<Outcome>;
  /** The tab the command came with, or the active tab of the focused window. */
  activeTabId(tab?: { id?: number }): Promise<number | undefined>;
  /** Asks the tab's content script to open the picker of its focused composer; false when none is focused. */
  openTemplatePicker(tabId: number): Promise<boolean>;
}

/** Runs one command; never throws (a tab without our content script simply does nothing). */
export async function runCommand(command: string, deps: CommandDeps, tab?: { id?: number }): Promise<void> {
  if (command === TOGGLE_PAUSE) {
    const outcome = await deps.setPause({ kind: (await deps.isPaused()) ? 'resume' : 'until-resumed' });
    if (!outcome.ok) console.warn('Async Etiquette: could not change the pause', outcome.error);
  } else if (command === OPEN_TEMPLATE_PICKER) {
    const tabId = await deps.activeTabId(tab);
    if (tabId === undefined) return;
    // No content script in this tab (not Gmail, Slack or Docs): there is no composer to open.
    await deps.openTemplatePicker(tabId).catch(() => false);
  }
}
