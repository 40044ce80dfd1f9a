/**
 * Keyboard commands (issue 8, item 6), declared in wxt.config.ts `manifest.commands`. The person
 * changes the keys at chrome://extensions/shortcuts or, in Firefox, about:addons → gear → Manage
 * Extension Shortcuts; the options page shows the current ones.
 */
import { t } from '@/utils/i18n';
import type { Outcome } from '@/utils/messaging';

export const TOGGLE_PAUSE = 'toggle-pause';
export const OPEN_TEMPLATE_PICKER = 'open-template-picker';

/**
 * Suggested defaults (Q for quiet, K for context). Not Alt+Shift+T: Chrome (Windows/Linux) focuses its toolbar
 * with it and Google Docs opens its Tools menu; not Alt+Shift+P: Chromium reserves it (commands.getAll shows it unset).
 */
export const COMMAND_KEYS = {
  [TOGGLE_PAUSE]: { key: 'Alt+Shift+Q', description: () => t('commandTogglePause') },
  [OPEN_TEMPLATE_PICKER]: { key: 'Alt+Shift+K', description: () => t('commandOpenTemplatePicker') },
} as const;

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
