/**
 * A keyboard shortcut per template (issue 7, item 3). Stored in a canonical form built from
 * `KeyboardEvent.code`, so it does not depend on the keyboard layout: modifiers in the fixed order
 * Ctrl, Alt, Shift, Meta, then the code ("Alt+Shift+Digit1"); shown to people as "Alt+Shift+1".
 *
 * The rules below are part of the stored data's schema (utils/store/schema.ts): never tighten them
 * without a migration, or stored template lists that were valid would be refused on read.
 */
import { COMMAND_KEYS } from '../../background/command-keys';
import { t } from '../../i18n';

const SHORTCUT_MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;
type ShortcutModifier = (typeof SHORTCUT_MODIFIERS)[number];

/** The parts of a KeyboardEvent a shortcut is read from (a DOM KeyboardEvent fits). */
export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** Keys a shortcut may end in, by code, with how they are shown (the US-layout legend). */
const PUNCTUATION: Readonly<Record<string, string>> = {
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  Comma: ',',
  Period: '.',
  Slash: '/',
};

/** Pressing one of these alone starts a combination; it never ends one. */
const MODIFIER_CODES = /^(Shift|Control|Alt|Meta|OS|AltGraph|CapsLock|Fn)(Left|Right)?$/;

/** Letters, digits, F1–F12 and punctuation: keys that never move the caret or send. */
function isShortcutKey(code: string): boolean {
  return /^Key[A-Z]$/.test(code) || /^Digit[0-9]$/.test(code) || /^F([1-9]|1[0-2])$/.test(code) || Object.hasOwn(PUNCTUATION, code);
}

function isModifierCode(code: string): boolean {
  return MODIFIER_CODES.test(code);
}

/** The canonical form of a press ("Alt+Shift+Digit1"); null for a modifier pressed alone. */
export function shortcutOfPress(press: KeyPress): string | null {
  if (!press.code || isModifierCode(press.code)) return null;
  const held: Record<ShortcutModifier, boolean> = { Ctrl: press.ctrlKey, Alt: press.altKey, Shift: press.shiftKey, Meta: press.metaKey };
  return [...SHORTCUT_MODIFIERS.filter((m) => held[m]), press.code].join('+');
}

interface ParsedShortcut {
  modifiers: ShortcutModifier[];
  code: string;
}

/** Splits a canonical string; null when it is not one (wrong order, repeats, unknown modifier). */
function parseShortcut(shortcut: string): ParsedShortcut | null {
  const parts = shortcut.split('+');
  const code = parts.pop() ?? '';
  // KeyboardEvent.code values are PascalCase words ("KeyA", "Digit1", "Enter"); "1" or "a" is not one.
  if (!/^[A-Z][A-Za-z0-9]*$/.test(code) || isModifierCode(code)) return null;
  const order = parts.map((p) => SHORTCUT_MODIFIERS.indexOf(p as ShortcutModifier));
  if (order.some((i, n) => i < 0 || (n > 0 && i <= order[n - 1]!))) return null;
  return { modifiers: parts as ShortcutModifier[], code };
}

/** The extension's own commands, in canonical form ("Alt+Shift+Q" → "Alt+Shift+KeyQ"). */
const COMMAND_SHORTCUTS: ReadonlySet<string> = new Set(
  Object.values(COMMAND_KEYS).map(({ key }) => {
    const parts = key.split('+');
    const last = parts.pop() ?? '';
    return [...parts, /^[A-Z]$/.test(last) ? `Key${last}` : /^[0-9]$/.test(last) ? `Digit${last}` : last].join('+');
  }),
);

/** With Ctrl or Cmd (and maybe Shift) these copy, paste, undo, select all, or open/close tabs and windows. */
const TAKEN_LETTERS = new Set(['KeyA', 'KeyC', 'KeyV', 'KeyX', 'KeyY', 'KeyZ', 'KeyN', 'KeyT', 'KeyW', 'KeyQ']);

export type ShortcutProblem =
  /** Not a canonical shortcut at all (a hand-edited settings file). */
  | 'format'
  /** No Ctrl, Alt or Meta: Shift alone (or nothing) would take over typing. */
  | 'modifier'
  /** Ends in a key that moves, deletes or sends (arrows, Enter, Tab…). */
  | 'key'
  /** Ctrl+Alt is AltGr on many layouts, which types characters such as @ and €. */
  | 'altgr'
  /** The browser's or the text field's own (copy, paste, undo, new tab…). */
  | 'taken'
  /** One of the extension's own commands (Alt+Shift+Q, Alt+Shift+K). */
  | 'command';

/** Why a canonical shortcut cannot be used, or null when it can. */
export function shortcutProblem(shortcut: string): ShortcutProblem | null {
  const parsed = parseShortcut(shortcut);
  if (!parsed) return 'format';
  const has = (m: ShortcutModifier) => parsed.modifiers.includes(m);
  if (!has('Ctrl') && !has('Alt') && !has('Meta')) return 'modifier';
  if (!isShortcutKey(parsed.code)) return 'key';
  if (has('Ctrl') && has('Alt')) return 'altgr';
  if ((has('Ctrl') || has('Meta')) && !has('Alt') && TAKEN_LETTERS.has(parsed.code)) return 'taken';
  if (COMMAND_SHORTCUTS.has(shortcut)) return 'command';
  return null;
}

const MODIFIER_LABEL: Record<ShortcutModifier, () => string> = {
  Ctrl: () => t('templateShortcut.key.ctrl'),
  Alt: () => t('templateShortcut.key.alt'),
  Shift: () => t('templateShortcut.key.shift'),
  Meta: () => t('templateShortcut.key.meta'),
};

function keyLabel(code: string): string {
  const letterOrDigit = /^(?:Key|Digit)(.)$/.exec(code);
  return letterOrDigit?.[1] ?? PUNCTUATION[code] ?? code;
}

/** "Alt+Shift+Digit1" → "Alt+Shift+1" (German: "Alt+Umschalt+1"); anything unreadable as typed. */
export function displayShortcut(shortcut: string): string {
  const parsed = parseShortcut(shortcut);
  if (!parsed) return shortcut;
  return [...parsed.modifiers.map((m) => MODIFIER_LABEL[m]() || m), keyLabel(parsed.code)].join('+');
}

/** One sentence for a problem, naming the shortcut as people read it. */
export function shortcutProblemMessage(problem: ShortcutProblem, shortcut: string): string {
  const combo = displayShortcut(shortcut);
  switch (problem) {
    case 'format':
      return t('templateShortcut.problem.format', { combo });
    case 'modifier':
      return t('templateShortcut.problem.modifier');
    case 'key':
      return t('templateShortcut.problem.key', { combo });
    case 'altgr':
      return t('templateShortcut.problem.altgr', { combo });
    case 'taken':
      return t('templateShortcut.problem.taken', { combo });
    case 'command':
      return t('templateShortcut.problem.command', { combo });
  }
}

export interface ShortcutClash {
  shortcut: string;
  first: { id: string; title: string };
  second: { id: string; title: string };
}

/** The first two templates (in list order) that share a shortcut, or null. */
export function findShortcutClash(templates: ReadonlyArray<{ id: string; title: string; shortcut?: string }>): ShortcutClash | null {
  const seen = new Map<string, { id: string; title: string }>();
  for (const { id, title, shortcut } of templates) {
    if (!shortcut) continue;
    const first = seen.get(shortcut);
    if (first) return { shortcut, first, second: { id, title } };
    seen.set(shortcut, { id, title });
  }
  return null;
}

/** "“No rush” and “Stand-up” both use Alt+Shift+1." */
export function shortcutClashMessage(clash: ShortcutClash): string {
  return t('templateShortcut.problem.clash', {
    first: clash.first.title,
    second: clash.second.title,
    combo: displayShortcut(clash.shortcut),
  });
}

/** The template a press stands for, first in menu order; null when none (or the press is no shortcut). */
export function templateForPress<T extends { shortcut?: string }>(templates: readonly T[], press: KeyPress): T | null {
  const shortcut = shortcutOfPress(press);
  if (!shortcut) return null;
  return templates.find((template) => template.shortcut === shortcut) ?? null;
}
