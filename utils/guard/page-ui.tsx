/** The guard's UI in the page: the hold dialog, the nudge note, short messages and template pickers. */
import type { CSSProperties } from 'react';
import { defaultDeadline, fromLocalInput, toLocalInput } from '@/utils/hours';
import { templateNeedsDeadline } from '@/utils/etiquette';
import { HoldDialog } from '@/components/HoldDialog';
import { StatusNote } from '@/components/StatusNote';
import { TemplatePicker } from '@/components/TemplatePicker';
import type { Template } from '@/utils/store/schema';
import { mountShadow, type ShadowMount } from '@/utils/ui/shadow';
import type { SiteAdapter } from './adapter';
import type { GuardUi, HoldDialogHandle, HoldHandlers, HoldView } from './guard';

const MESSAGE_MS = 12_000;

/** Pinned to the composer's lower edge, clamped to the viewport. */
function nearComposer(composer: HTMLElement): CSSProperties {
  const rect = composer.getBoundingClientRect();
  const viewWidth = composer.ownerDocument.defaultView?.innerWidth ?? 1024;
  const viewHeight = composer.ownerDocument.defaultView?.innerHeight ?? 768;
  const width = Math.min(440, viewWidth - 16);
  const left = Math.max(8, Math.min(rect.left + 8, viewWidth - width - 8));
  const bottom = Math.max(8, Math.min(viewHeight - rect.bottom + 56, viewHeight - 200));
  return { left, bottom };
}

export interface PageUiDeps {
  adapter: SiteAdapter;
  doc: Document;
  templates: () => Template[];
  renderTemplate: (template: Template, composer: HTMLElement, deadline?: Date) => string;
  /** The user's zone: a deadline typed in the picker is read in it. */
  timeZone: () => string;
}

export interface PageUi extends GuardUi {
  templatesChanged(): void;
  /** Opens the template picker of the composer that has focus (the keyboard command); false when none has. */
  openTemplatePicker(): boolean;
  /** Chooses a template in this composer's picker, as a click would (its keyboard shortcut); false without a picker. */
  chooseTemplate(composer: HTMLElement, templateId: string): boolean;
}

export function createPageUi({ adapter, doc, templates, renderTemplate, timeZone }: PageUiDeps): PageUi {
  const notes = new WeakMap<HTMLElement, ShadowMount>();
  const pickers = new Set<() => void>();
  const openers = new Map<HTMLElement, (templateId?: string) => void>();

  function showHold(composer: HTMLElement, view: HoldView, handlers: HoldHandlers): HoldDialogHandle {
    const mount = mountShadow(null, doc, 'hold-dialog');
    let focusToken = 0;
    let current = view;
    const render = () =>
      mount.render(
        <div style={{ position: 'fixed', ...nearComposer(composer), zIndex: 2147483647 }} className="ae-anchor">
          <HoldDialog view={current} handlers={handlers} focusToken={focusToken} />
        </div>,
      );
    render();
    return {
      update: (next) => {
        current = next;
        render();
      },
      focus: () => {
        focusToken += 1;
        render();
      },
      close: () => mount.remove(),
    };
  }

  function showNote(composer: HTMLElement, text: string | null, signal: AbortSignal): void {
    let mount = notes.get(composer);
    if (!mount) {
      if (!text) return;
      mount = mountShadow(adapter.notePlacement(composer), doc, 'status-note');
      notes.set(composer, mount);
      const created = mount;
      signal.addEventListener('abort', () => created.remove(), { once: true });
    }
    mount.render(<StatusNote text={text} />);
  }

  function showMessage(composer: HTMLElement, text: string): void {
    const mount = mountShadow(null, doc, 'message');
    mount.render(
      <div className="ae-message" role="status" style={nearComposer(composer)}>
        {text}
      </div>,
    );
    setTimeout(() => mount.remove(), MESSAGE_MS);
  }

  function bindComposer(composer: HTMLElement, signal: AbortSignal): void {
    const placement = adapter.toolbarPlacement(composer);
    if (!placement) return;
    const mount = mountShadow(placement, doc, 'template-picker');
    const register = (open: (templateId?: string) => void) => openers.set(composer, open);
    const render = () =>
      mount.render(
        <TemplatePicker
          templates={templates().map((t) => ({ id: t.id, title: t.title, needsDeadline: templateNeedsDeadline(t.body) }))}
          deadlineZone={timeZone()}
          defaultDeadline={toLocalInput(defaultDeadline(Date.now(), timeZone()), timeZone())}
          register={register}
          onChoose={(id, deadlineText) => {
            const template = templates().find((t) => t.id === id);
            if (!template) return;
            const deadline = deadlineText ? fromLocalInput(deadlineText, timeZone()) : null;
            adapter.insertText(composer, renderTemplate(template, composer, deadline === null ? undefined : new Date(deadline)));
          }}
        />,
      );
    render();
    pickers.add(render);
    signal.addEventListener(
      'abort',
      () => {
        pickers.delete(render);
        openers.delete(composer);
        mount.remove();
      },
      { once: true },
    );
  }

  return {
    showHold,
    showNote,
    showMessage,
    bindComposer,
    templatesChanged: () => {
      for (const render of pickers) render();
    },
    openTemplatePicker: () => {
      const focused = doc.activeElement;
      const composer = focused ? adapter.composerOf(focused) : null;
      const open = composer ? openers.get(composer) : undefined;
      if (!open) return false;
      open();
      return true;
    },
    chooseTemplate: (composer, templateId) => {
      const open = openers.get(composer);
      open?.(templateId);
      return Boolean(open);
    },
  };
}
