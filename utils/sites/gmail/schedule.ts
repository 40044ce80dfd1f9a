/**
 * Drives Gmail's own Schedule send (sites.md §1.7) so Google holds the message: More send options →
 * Schedule send → Pick date & time → date and time → Schedule send. Gmail reads the picker in the
 * browser's zone, so the instant is entered as this browser's wall clock, rounded up to Gmail's
 * 15-minute step. Any step not found in time stops the flow where it is: Gmail's own picker stays
 * open (or the draft stays as it was) and the caller tells the user which time to pick.
 * No step needs a translated label: the confirming button's label (English or German, GMAIL_LABELS) only
 * breaks a tie. Step names in a failure are for people (siteSteps.*).
 */
import type { ScheduleOutcome } from '@/utils/guard/adapter';
import { t } from '@/utils/i18n';
import { mouseDownUp, pressButton, waitFor } from '../dom';
import { fillDate, fillTime, pickerScope, showsChoice } from '../picker/fields';
import { queryAll, queryOne } from '../selector';
import { GMAIL, GMAIL_LABELS } from './selectors';

const STEP_MS = 2_500;
const QUARTER_MS = 15 * 60_000;

function miss(step: string): ScheduleOutcome {
  return { ok: false, step };
}

function isVisible(el: Element): boolean {
  return el.isConnected && el.getClientRects().length > 0;
}

function visibleDialogWith(doc: Document, inner: { css: readonly string[] }): HTMLElement | null {
  for (const dialog of queryAll(doc, GMAIL.visibleDialog)) {
    if (isVisible(dialog) && inner.css.some((css) => dialog.querySelector(css))) return dialog;
  }
  return null;
}

export function roundUpToQuarter(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / QUARTER_MS) * QUARTER_MS);
}

/** The dialog's confirming button: the last enabled one, unless one is labelled "Schedule send" / "Senden planen". */
function confirmButton(picker: HTMLElement): HTMLElement | null {
  const buttons = [...picker.querySelectorAll<HTMLElement>('button, [role=button]')].filter(
    (b) => !b.closest('table, [role=grid]') && b.getAttribute('aria-disabled') !== 'true' && isVisible(b),
  );
  return buttons.find((b) => GMAIL_LABELS.confirmSchedule.test(b.textContent?.trim() ?? '')) ?? buttons[buttons.length - 1] ?? null;
}

/** The picker replaces the presets: a visible dialog (never the compose itself) with a field or a calendar and no preset left. */
function pickerDialog(doc: Document, composer: HTMLElement): HTMLElement | null {
  return (
    queryAll(doc, GMAIL.visibleDialog).find(
      (d) =>
        isVisible(d) &&
        !d.contains(composer) &&
        !composer.contains(d) &&
        !queryAll(d, GMAIL.schedulePreset).length &&
        (d.querySelector('input:not([type=hidden]), select, [role=combobox]') || GMAIL.dayCell.css.some((css) => d.querySelector(css))),
    ) ?? null
  );
}

async function openPicker(composer: HTMLElement, signal: AbortSignal): Promise<HTMLElement | ScheduleOutcome> {
  const doc = composer.ownerDocument;
  const more = queryOne(composer, GMAIL.moreSendOptions, 'gmail more send options');
  if (!more) return miss(t('siteSteps.gmail.moreSendOptions'));
  const openedMenu = more.getAttribute('aria-expanded') !== 'true';
  if (openedMenu) pressButton(more);
  const item = await waitFor(() => queryOne(composer, GMAIL.scheduleItem, 'gmail schedule item'), STEP_MS, signal);
  if (!item) {
    // Leave the compose as it was: close the menu we opened (it would cover Send).
    if (openedMenu && more.getAttribute('aria-expanded') === 'true') mouseDownUp(more);
    return miss(t('siteSteps.gmail.scheduleItem'));
  }
  mouseDownUp(item);
  const presets = await waitFor(() => visibleDialogWith(doc, GMAIL.schedulePreset), STEP_MS, signal);
  if (!presets) return miss(t('siteSteps.gmail.scheduleDialog'));
  // "Pick date & time" is the last item, and the only one without a time on it. Never press a
  // preset ("Monday morning, 8:00 AM"): it schedules at once, at its own time.
  const pick = queryAll(presets, GMAIL.schedulePreset).at(-1);
  if (!pick || /\d/.test(pick.textContent ?? '')) return miss(t('siteSteps.gmail.pickDateTime'));
  pressButton(pick);
  const picker = await waitFor(() => pickerDialog(doc, composer), STEP_MS, signal);
  return picker ?? miss(t('siteSteps.gmail.picker'));
}

export async function scheduleGmail(composer: HTMLElement, at: Date, signal: AbortSignal): Promise<ScheduleOutcome> {
  const target = roundUpToQuarter(at);
  const picker = await openPicker(composer, signal);
  if (!(picker instanceof HTMLElement)) return picker;
  const scope = pickerScope(picker, signal);
  if (!(await fillDate(scope, target))) return miss(t('siteSteps.dateField'));
  const minutes = await fillTime(scope, target);
  if (minutes === null) return miss(t('siteSteps.timeField'));
  if (!showsChoice(scope, target, minutes)) return miss(t('siteSteps.dateField'));
  const taken = new Date(target.getFullYear(), target.getMonth(), target.getDate(), Math.floor(minutes / 60), minutes % 60);
  const confirm = confirmButton(picker);
  if (!confirm) return miss(t('siteSteps.gmail.confirmButton'));
  pressButton(confirm);
  // Gmail closes its picker and the compose once it has taken the message.
  const closed = await waitFor(() => (!isVisible(picker) && !isVisible(composer) ? true : null), STEP_MS * 2, signal);
  return closed ? { ok: true, at: taken.getTime() } : miss(t('siteSteps.confirming'));
}
