/**
 * Per-template keyboard shortcuts in the page (issue 7, item 3). While a composer has focus, a press
 * that is some template's shortcut inserts that template exactly as choosing it in the picker does
 * (a template that needs a deadline opens the picker's deadline step instead). Every other press,
 * and any press outside a composer, is left to the page untouched.
 */
import { templateForPress } from '@/utils/etiquette/templates/shortcuts';
import type { Template } from '@/utils/store/schema';

export interface TemplateShortcutDeps {
  doc: Document;
  /** The current templates (read on every press, so an edit in the options page applies at once). */
  templates: () => readonly Template[];
  /** The composer an element belongs to, or null. */
  composerOf: (node: Node) => HTMLElement | null;
  /** Chooses the template in this composer's picker; false when the composer has no picker. */
  choose: (composer: HTMLElement, templateId: string) => boolean;
  /** False once the extension is gone (reloaded, updated): the press then goes to the page natively. */
  alive: () => boolean;
}

/** The composer that has focus, or null (focus in our own shadow UI or elsewhere on the page). */
function focusedComposer(doc: Document, composerOf: TemplateShortcutDeps['composerOf']): HTMLElement | null {
  const focused = doc.activeElement;
  return focused ? composerOf(focused) : null;
}

/**
 * Listens in the capture phase on the window, before the site's own handlers, so a matched press
 * never also reaches Gmail's or Slack's shortcuts or types a character. Released with `signal`.
 */
export function watchTemplateShortcuts({ doc, templates, composerOf, choose, alive }: TemplateShortcutDeps, signal: AbortSignal): void {
  const onKeyDown = (event: KeyboardEvent) => {
    // Page scripts can forge key events; an IME composing text owns the keys. AltGr needs no check:
    // it is Ctrl+Alt (Windows) or no modifier at all (Linux, macOS), and neither can be a shortcut.
    if (!event.isTrusted || event.isComposing) return;
    const template = templateForPress(templates(), event);
    if (!template) return;
    const composer = focusedComposer(doc, composerOf);
    if (!composer || !alive()) return;
    // Holding the keys down inserts once: the repeats are swallowed too.
    if (!event.repeat && !choose(composer, template.id)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  doc.defaultView?.addEventListener('keydown', onKeyDown, { capture: true, signal });
}
