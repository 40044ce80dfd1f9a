import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { scheduleButtonLabel } from '@/utils/etiquette/format';
import type { RecipientRow, SendNowView, SlotChoice } from '@/utils/etiquette/hold-view';
import type { HoldHandlers, HoldView } from '@/utils/guard/guard';
import { t } from '@/utils/i18n';
import { weekdayTime } from '@/utils/i18n/dates';
import { BrandMark, useWhy } from './InPageBrand';
import { InPageMenu, type MenuItem } from './InPageMenu';
import { SlotPicker } from './SlotPicker';
import { ZonePicker } from './ZonePicker';
import { LimitStep, ReasonStep } from './SendNowSteps';

/** What every in-page surface carries (issue 20): whose it is, why it is here, and a way out. */
export interface InPageChrome {
  /** The site's name, "Gmail". */
  site: string;
  menu: MenuItem[];
  openSettings: () => void;
}

interface Props {
  view: HoldView;
  handlers: HoldHandlers;
  /** Bumped by the guard to pull focus back into the dialog. */
  focusToken: number;
  chrome?: InPageChrome;
}

/** Tab stops inside the dialog; of a radio group only the checked one, as the browser itself does. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, select, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled') && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
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
export function HoldDialog({ view, handlers, focusToken, chrome }: Props) {
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
      {step.kind === 'main' && <MainStep view={view} handlers={handlers} first={first} onSendNow={flow.press} chrome={chrome} />}
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
  chrome?: InPageChrome;
}

const NO_SETTINGS = () => {};

/** Brand, what happened, and the way out: the first line of every in-page card. */
function DialogHead({ chrome }: { chrome?: InPageChrome }) {
  const why = useWhy({ site: chrome?.site ?? '', onOpenSettings: chrome?.openSettings ?? NO_SETTINGS });
  return (
    <>
      <div className="ae-head">
        <BrandMark />
        <span className="ae-held">{t('page.hold.held')}</span>
        {chrome && why.toggle}
        {chrome && chrome.menu.length > 0 && <InPageMenu items={chrome.menu} />}
      </div>
      {why.line}
    </>
  );
}

const ROWS_SHOWN = 3;

/** Literal keys, one call each: the key test scans the source for them. */
const ROW_STATE = { outside: () => t('page.hold.rowOutside'), inside: () => t('page.hold.rowInside'), unknown: () => t('page.hold.rowUnknown') };

/** One line per recipient: name, city, their time now, in or out of hours; past three, folded. */
function Rows({ rows }: { rows: RecipientRow[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, ROWS_SHOWN);
  return (
    <>
      <ul className="ae-rows" aria-label={t('page.hold.rowsLabel')}>
        {shown.map((r) => (
          <li key={r.key} className={`ae-row ae-${r.state}`}>
            <span className="ae-row-name">{r.name}</span>
            {r.place && <span className="ae-row-place">{r.place}</span>}
            {r.time && <span className="ae-row-time">{r.time}</span>}
            <span className="ae-row-state">{ROW_STATE[r.state]()}</span>
          </li>
        ))}
      </ul>
      {rows.length > shown.length && (
        <button type="button" className="ae-link" aria-expanded={false} onClick={() => setAll(true)}>
          {t('page.hold.more', rows.length - shown.length)}
        </button>
      )}
    </>
  );
}

interface WhenProps {
  view: HoldView;
  choices: SlotChoice[];
  chosen: number | null;
  onChoose: (at: number) => void;
}

/** The suggested time in both clocks, or, when no time suits everyone, the times to choose from. */
function When({ view, choices, chosen, onChoose }: WhenProps) {
  if (choices.length === 0) return view.slotLine ? <p className="ae-slot">{t('page.hold.suggested', { slot: view.slotLine })}</p> : null;
  return (
    <fieldset className="ae-choices">
      <legend>{t('page.hold.choices')}</legend>
      {choices.map((c) => (
        <label key={c.at} className="ae-choice">
          <input type="radio" name="ae-slot-choice" checked={c.at === chosen} onChange={() => onChoose(c.at)} />
          <span className="ae-choice-label">{c.label}</span>
          <span className="ae-choice-when">{c.when}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Clarity findings folded behind "2 writing tips", each with its fix. */
function Tips({ view, handlers }: { view: HoldView; handlers: HoldHandlers }) {
  const [open, setOpen] = useState(false);
  const findings = view.findings ?? [];
  if (findings.length === 0) return null;
  return (
    <div className={open ? "ae-tips ae-open" : "ae-tips"}>
      <button type="button" className="ae-link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('page.hold.tips', findings.length)}
      </button>
      {open && (
        <ul className="ae-findings" aria-label={t('page.hold.findings')}>
          {findings.map((f) => (
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
    </div>
  );
}

/** The suggested instant (the site's step) the Schedule button starts with; null without a slot. */
function suggestedAt(view: HoldView): number | null {
  const choices = view.choices ?? [];
  return choices.find((c) => c.scheduleLabel === view.scheduleLabel)?.at ?? null;
}

/** The dialog's first screen: who it reaches when, the slot, and the three choices. */
function MainStep({ view, handlers, first, onSendNow, chrome }: MainStepProps) {
  const [picked, setPicked] = useState<SlotChoice | null>(null);
  const [chosen, setChosen] = useState<number | null>(() => suggestedAt(view));
  const [picking, setPicking] = useState(false);
  const choices = [...(view.choices ?? []), ...(picked ? [picked] : [])];
  const choice = choices.find((c) => c.at === chosen) ?? null;
  const scheduleLabel = choice?.scheduleLabel ?? view.scheduleLabel;
  const rows = view.rows ?? [];

  function usePicked(at: number) {
    const picker = view.picker!;
    const step = Math.max(1, picker.stepMinutes) * 60_000;
    const onStep = Math.ceil(at / step) * step;
    const when = t('page.hold.slotForYou', { wall: weekdayTime(onStep, picker.senderZone) });
    setPicked({ at: onStep, label: t('page.hold.choice.picked'), when, scheduleLabel: scheduleButtonLabel({ at: onStep, timeZone: picker.senderZone }) });
    setChosen(onStep);
    setPicking(false);
  }

  return (
    <>
      <DialogHead chrome={chrome} />
      <h2 id="ae-hold-title">{view.headline}</h2>
      {/* The whole situation in one sentence, read out as the dialog's description; sighted people read the rows. */}
      <p id="ae-hold-detail" className={rows.length > 0 ? 'ae-sr-only' : undefined}>
        {[view.detail, view.slot ? t('page.hold.nextGoodTime', { slot: view.slot }) : null].filter(Boolean).join('. ')}
      </p>
      {rows.length > 0 && <Rows rows={rows} />}
      {view.holidays?.map((line) => (
        <p key={line} className="ae-holiday">
          {line}
        </p>
      ))}
      <When view={view} choices={choices} chosen={chosen} onChoose={setChosen} />
      <div className="ae-links">
        {view.scheduleLabel && view.picker && !picking && (
          <button type="button" className="ae-link" onClick={() => setPicking(true)}>
            {t('page.hold.pickTime')}
          </button>
        )}
        <Tips view={view} handlers={handlers} />
      </div>
      {picking && view.picker && (
        <SlotPicker
          senderZone={view.picker.senderZone}
          people={view.picker.people}
          initial={chosen ?? Date.now() + 3_600_000}
          onUse={usePicked}
          onCancel={() => setPicking(false)}
        />
      )}
      {(view.unknown || view.unknownRecipients.length > 0) && (
        <div className="ae-unknown-zones">
          {view.unknown && <p className="ae-unknown">{view.unknown}</p>}
          {view.unknownRecipients.length > 0 && (
            <ZonePicker
              people={view.unknownRecipients}
              myZone={view.myZone}
              onSave={(person, zone, holidays) => handlers.setZone(person.key, person.name, zone, holidays)}
            />
          )}
        </div>
      )}
      {view.scheduleLabel && view.scheduleNote && <p className="ae-store-note">{view.scheduleNote}</p>}
      <div className="ae-actions">
        {scheduleLabel && (
          <button ref={first} type="button" className="ae-primary" onClick={() => handlers.schedule(choice?.at)}>
            {scheduleLabel}
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
