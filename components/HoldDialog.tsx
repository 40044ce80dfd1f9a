import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SendNowView } from '@/utils/etiquette/hold-view';
import type { HoldHandlers, HoldView } from '@/utils/guard/guard';
import { t } from '@/utils/i18n';
import { ZonePicker } from './ZonePicker';
import { LimitStep, ReasonStep } from './SendNowSteps';

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

/** Where the dialog is: its first screen, the daily limit's explanation, or the reason step (issue 21). */
type Step = { kind: 'main' } | { kind: 'limit'; used: number } | { kind: 'reason' };

/** Send now asks something first: a reason, or the daily count. Otherwise it sends at once (as before issue 21). */
function asksFirst(sendNow: SendNowView | undefined): sendNow is SendNowView {
  return Boolean(sendNow && (sendNow.reason !== 'off' || sendNow.limit !== null));
}

/**
 * Send now's way through the limit and the reason step. `closed` is read after the worker answers:
 * a dialog left meanwhile (Escape) sends nothing.
 */
function useSendNowFlow(view: HoldView, handlers: HoldHandlers, setStep: (step: Step) => void) {
  const closed = useRef(false);
  const busy = useRef(false);
  useEffect(
    () => () => {
      closed.current = true;
    },
    [],
  );
  const pastLimit = (sendNow: SendNowView) => {
    if (sendNow.reason === 'off') handlers.sendNow();
    else setStep({ kind: 'reason' });
  };
  const press = async () => {
    const sendNow = view.sendNow;
    if (!asksFirst(sendNow)) {
      handlers.sendNow();
      return;
    }
    if (busy.current) return;
    busy.current = true;
    try {
      // The worker cannot say (asleep, reloaded): the limit does not stand in the way (failure rule).
      const used = sendNow.limit === null ? null : await (handlers.sentAnywayToday?.() ?? Promise.resolve(null)).catch(() => null);
      if (closed.current) return;
      if (used !== null && sendNow.limit !== null && used >= sendNow.limit) setStep({ kind: 'limit', used });
      else pastLimit(sendNow);
    } finally {
      busy.current = false;
    }
  };
  return { press: () => void press(), pastLimit: () => view.sendNow && pastLimit(view.sendNow) };
}

/** The held-send prompt (contract §3): an alertdialog with Schedule…, Send now and Keep editing. */
export function HoldDialog({ view, handlers, focusToken }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'main' });
  const flow = useSendNowFlow(view, handlers, setStep);
  // Layout effect: focus moves in the same task as the render (Preact defers plain effects to after paint),
  // so a key pressed right after the hold already lands in the dialog. A new step takes focus the same way.
  const focusedAt = useRef(0);
  useLayoutEffect(() => {
    (first.current ?? focusables(box.current!)[0])?.focus();
    focusedAt.current = performance.now();
  }, [focusToken, step.kind]);

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
      {step.kind === 'main' && <MainStep view={view} handlers={handlers} first={first} onSendNow={flow.press} />}
      {step.kind === 'limit' && view.sendNow && (
        <LimitStep view={view} sendNow={view.sendNow} used={step.used} handlers={handlers} onSendAnyway={flow.pastLimit} />
      )}
      {step.kind === 'reason' && view.sendNow && <ReasonStep sendNow={view.sendNow} handlers={handlers} />}
    </div>
  );
}

interface MainStepProps {
  view: HoldView;
  handlers: HoldHandlers;
  first: RefObject<HTMLButtonElement | null>;
  onSendNow: () => void;
}

/** The dialog's first screen: who it reaches when, the slot, and the three choices. */
function MainStep({ view, handlers, first, onSendNow }: MainStepProps) {
  return (
    <>
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
      {view.unknownRecipients.length > 0 && (
        <ZonePicker
          people={view.unknownRecipients}
          myZone={view.myZone}
          onSave={(person, zone, holidays) => handlers.setZone(person.key, person.name, zone, holidays)}
        />
      )}
      {view.scheduleLabel && view.scheduleNote && <p className="ae-store-note">{view.scheduleNote}</p>}
      <div className="ae-actions">
        {view.scheduleLabel && (
          <button ref={first} type="button" className="ae-primary" onClick={handlers.schedule}>
            {view.scheduleLabel}
          </button>
        )}
        <button type="button" onClick={onSendNow}>
          {t('page.hold.sendNow')}
        </button>
        <button type="button" onClick={handlers.keepEditing}>
          {t('page.hold.keepEditing')}
        </button>
      </div>
    </>
  );
}
