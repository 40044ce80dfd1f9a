import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { HoldHandlers, HoldView } from '@/utils/guard/guard';
import { t } from '@/utils/i18n';
import { ZonePicker } from './ZonePicker';

interface Props {
  view: HoldView;
  handlers: HoldHandlers;
  /** Bumped by the guard to pull focus back into the dialog. */
  focusToken: number;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, select, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled'),
  );
}

/** Keyboard activation this soon after the dialog took focus is a leftover press, not a choice. */
const STRAY_KEY_MS = 500;

/** The held-send prompt (contract §3): an alertdialog with Schedule…, Send now and Keep editing. */
export function HoldDialog({ view, handlers, focusToken }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  // Layout effect: focus moves in the same task as the render (Preact defers plain effects to after paint),
  // so a key pressed right after the hold already lands in the dialog.
  const focusedAt = useRef(0);
  useLayoutEffect(() => {
    (first.current ?? focusables(box.current!)[0])?.focus();
    focusedAt.current = performance.now();
  }, [focusToken]);

  /**
   * Enter or Space pressed again right after the hold (a double Enter in the composer) or held down was
   * meant for the site, not for the button that just took focus: it must not schedule or send.
   */
  function isStrayActivation(event: KeyboardEvent<HTMLDivElement>): boolean {
    if (event.key !== 'Enter' && event.key !== ' ') return false;
    return event.repeat || performance.now() - focusedAt.current < STRAY_KEY_MS;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys typed here belong to us, not to the site's shortcuts.
    event.stopPropagation();
    if (isStrayActivation(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      handlers.keepEditing();
    } else if (event.key === 'Tab' && box.current) {
      const items = focusables(box.current);
      const active = (box.current.getRootNode() as ShadowRoot).activeElement;
      const index = items.indexOf(active as HTMLElement);
      const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : (index + 1) % items.length;
      event.preventDefault();
      items[next]?.focus();
    }
  }

  return (
    <div
      ref={box}
      className="ae-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="ae-hold-title"
      aria-describedby="ae-hold-detail"
      onKeyDown={onKeyDown}
      onKeyUp={(event) => {
        if (isStrayActivation(event)) event.preventDefault();
      }}
    >
      <h2 id="ae-hold-title">{view.headline}</h2>
      <p id="ae-hold-detail">{view.detail}</p>
      {view.slot && <p className="ae-slot">{t('page.hold.nextGoodTime', { slot: view.slot })}</p>}
      {view.holidays?.map((line) => (
        <p key={line} className="ae-holiday">
          {line}
        </p>
      ))}
      {view.unknown && <p className="ae-unknown">{view.unknown}</p>}
      {view.findings && view.findings.length > 0 && (
        <ul className="ae-findings" aria-label={t('page.hold.findings')}>
          {view.findings.map((f) => (
            <li key={f.rule}>
              {f.message}
              {f.fix && handlers.applyFix && (
                <button type="button" className="ae-fix" onClick={() => handlers.applyFix?.(f.fix!.templateId)}>
                  {t('page.hold.addFix', { title: f.fix.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.unknownRecipients.map((r) => (
        <ZonePicker key={r.key} name={r.name} onSave={(zone, holidays) => handlers.setZone(r.key, r.name, zone, holidays)} />
      ))}
      {view.scheduleLabel && view.scheduleNote && <p className="ae-store-note">{view.scheduleNote}</p>}
      <div className="ae-actions">
        {view.scheduleLabel && (
          <button ref={first} type="button" className="ae-primary" onClick={handlers.schedule}>
            {view.scheduleLabel}
          </button>
        )}
        <button type="button" onClick={handlers.sendNow}>
          {t('page.hold.sendNow')}
        </button>
        <button type="button" onClick={handlers.keepEditing}>
          {t('page.hold.keepEditing')}
        </button>
      </div>
    </div>
  );
}

