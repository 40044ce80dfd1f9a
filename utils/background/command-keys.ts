/**
 * Keyboard commands: their names, suggested keys and the message naming each, declared once. The
 * manifest (wxt.config.ts) is built from this, the worker runs them (./commands.ts) and the template
 * shortcut check refuses their keys (utils/etiquette/templates/shortcuts.ts). No imports: the build
 * config loads this file as it is.
 *
 * Suggested defaults (Q for quiet, K for context). Not Alt+Shift+T: Chrome (Windows/Linux) focuses its toolbar
 * with it and Google Docs opens its Tools menu; not Alt+Shift+P: Chromium reserves it (commands.getAll shows it unset).
 */
export const TOGGLE_PAUSE = 'toggle-pause';
export const OPEN_TEMPLATE_PICKER = 'open-template-picker';

export const COMMAND_KEYS = {
  [TOGGLE_PAUSE]: { key: 'Alt+Shift+Q', message: 'commandTogglePause' },
  [OPEN_TEMPLATE_PICKER]: { key: 'Alt+Shift+K', message: 'commandOpenTemplatePicker' },
} as const;

/** The manifest's `commands`: each suggested key and its translated description. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(
    Object.entries(COMMAND_KEYS).map(([name, { key, message }]) => [name, { suggested_key: { default: key }, description: `__MSG_${message}__` }]),
  );
}
