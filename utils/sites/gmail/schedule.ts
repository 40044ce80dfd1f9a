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
import { mouseDownUp, pressButton, pressKey, setInputValue, waitFor } from '../dom';
import { queryAll, queryOne } from '../selector';
import { formatTimeLike, parseTimeText } from '../time-text';
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

/** The date field shows a year; the time field does not. */
function pickerInputs(picker: HTMLElement): { date: HTMLInputElement | null; time: HTMLInputElement | null } {
  const inputs = [...picker.querySelectorAll<HTMLInputElement>('input:not([type=hidden])')];
  const date = inputs.find((i) => /\d{4}/.test(i.value)) ?? null;
  const time = inputs.find((i) => i !== date && parseTimeText(i.value) !== null) ?? null;
  return { date, time };
}

function commit(input: HTMLInputElement, value: string): void {
  setInputValue(input, value);
  pressKey(input, 'Enter');
}

function selectedDay(picker: HTMLElement): string | null {
  return picker.querySelector('td[role=gridcell][aria-selected=true]')?.textContent?.trim() ?? null;
}

/** Date formats Gmail may accept, most likely first: the page's own locale, then ISO. */
function dateCandidates(at: Date, locale: string): string[] {
  const iso = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  const local = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(at);
  return [...new Set([local, iso])];
}

function setDate(picker: HTMLElement, input: HTMLInputElement, at: Date): boolean {
  const locale = picker.ownerDocument.documentElement.lang || navigator.language;
  for (const text of dateCandidates(at, locale)) {
    commit(input, text);
    const shownYear = /\d{4}/.exec(input.value)?.[0];
    if (input.getAttribute('aria-invalid') !== 'true' && shownYear === String(at.getFullYear()) && selectedDay(picker) === String(at.getDate())) {
      return true;
    }
  }
  return false;
}

function setTime(input: HTMLInputElement, at: Date): boolean {
  commit(input, formatTimeLike(input.value, at));
  return input.getAttribute('aria-invalid') !== 'true' && parseTimeText(input.value) === at.getHours() * 60 + at.getMinutes();
}

/** The dialog's confirming button: the last enabled one, unless one is labelled "Schedule send" / "Senden planen". */
function confirmButton(picker: HTMLElement): HTMLElement | null {
  const buttons = [...picker.querySelectorAll<HTMLElement>('button, [role=button]')].filter(
    (b) => !b.closest('table, [role=grid]') && b.getAttribute('aria-disabled') !== 'true' && isVisible(b),
  );
  return buttons.find((b) => GMAIL_LABELS.confirmSchedule.test(b.textContent?.trim() ?? '')) ?? buttons[buttons.length - 1] ?? null;
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
  const picker = await waitFor(() => visibleDialogWith(doc, GMAIL.dayCell), STEP_MS, signal);
  return picker ?? miss(t('siteSteps.gmail.picker'));
}

export async function scheduleGmail(composer: HTMLElement, at: Date, signal: AbortSignal): Promise<ScheduleOutcome> {
  const target = roundUpToQuarter(at);
  const picker = await openPicker(composer, signal);
  if (!(picker instanceof HTMLElement)) return picker;
  const { date, time } = pickerInputs(picker);
  if (!date || !setDate(picker, date, target)) return miss(t('siteSteps.dateField'));
  if (!time || !setTime(time, target)) return miss(t('siteSteps.timeField'));
  const confirm = confirmButton(picker);
  if (!confirm) return miss(t('siteSteps.gmail.confirmButton'));
  pressButton(confirm);
  // Gmail closes its picker and the compose once it has taken the message.
  const closed = await waitFor(() => (!isVisible(picker) && !isVisible(composer) ? true : null), STEP_MS * 2, signal);
  return closed ? { ok: true } : miss(t('siteSteps.confirming'));
}
