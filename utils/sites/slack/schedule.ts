/**
 * Drives Slack's own "Schedule for later" → "Custom time" flow (sites.md §2.6) so Slack holds the
 * message. The dialog has no verified selectors, so every step is found by role and structure;
 * labels (English or German, SLACK_LABELS) only break ties. Step names in a failure are for people (siteSteps.*). Slack reads the time in the browser's zone and allows 120 days.
 * If a step is missing, Slack's own menu or dialog is left open for the user; the text is untouched.
 */
import type { ScheduleOutcome } from '@/utils/guard/adapter';
import { t } from '@/utils/i18n';
import { pressButton, pressKey, setInputValue, waitFor } from '../dom';
import { queryOne } from '../selector';
import { formatTimeLike, parseTimeText } from '../time-text';
import { SLACK, SLACK_LABELS } from './selectors';

const STEP_MS = 2_500;
export const SLACK_MAX_DAYS = 120;

function miss(step: string): ScheduleOutcome {
  return { ok: false, step };
}

function isVisible(el: Element): boolean {
  return el.isConnected && el.getClientRects().length > 0;
}

function visible<T extends Element>(els: Iterable<T>): T[] {
  return [...els].filter(isVisible);
}

function localDate(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

function scheduleDialog(doc: Document): HTMLElement | null {
  return visible(doc.querySelectorAll<HTMLElement>('[role=dialog]')).find((d) => d.querySelectorAll('input').length >= 2) ?? null;
}

function dateInput(dialog: HTMLElement): HTMLInputElement | null {
  return dialog.querySelector<HTMLInputElement>('input[type=date]') ?? [...dialog.querySelectorAll('input')].find((i) => /\d{4}/.test(i.value)) ?? null;
}

function timeInput(dialog: HTMLElement, date: HTMLInputElement): HTMLInputElement | null {
  return [...dialog.querySelectorAll('input')].find((i) => i !== date && i.type !== 'checkbox' && i.type !== 'hidden') ?? null;
}

function submitButton(dialog: HTMLElement): HTMLElement | null {
  const buttons = visible(dialog.querySelectorAll<HTMLButtonElement>('button')).filter((b) => b.getAttribute('aria-disabled') !== 'true' && !b.disabled);
  return (
    buttons.find((b) => b.classList.contains('c-button--primary')) ??
    buttons.find((b) => SLACK_LABELS.scheduleMessage.test(b.textContent?.trim() ?? '')) ??
    buttons.at(-1) ??
    null
  );
}

async function openCustomTime(composer: HTMLElement, signal: AbortSignal): Promise<HTMLElement | ScheduleOutcome> {
  const doc = composer.ownerDocument;
  const options = queryOne(composer, SLACK.sendOptions, 'slack send options');
  if (!options) return miss(t('siteSteps.slack.scheduleArrow'));
  pressButton(options);
  const menu = await waitFor(() => visible(doc.querySelectorAll<HTMLElement>('[role=menu]'))[0], STEP_MS, signal);
  if (!menu) return miss(t('siteSteps.slack.scheduleMenu'));
  const items = visible(menu.querySelectorAll<HTMLElement>('[role=menuitem]'));
  // "Custom time" comes last, after the day-dependent presets.
  const custom = items.find((i) => SLACK_LABELS.customTime.test(i.textContent?.trim() ?? '')) ?? items.at(-1);
  if (!custom) return miss(t('siteSteps.slack.customTime'));
  pressButton(custom);
  const dialog = await waitFor(() => scheduleDialog(doc), STEP_MS, signal);
  return dialog ?? miss(t('siteSteps.slack.customDialog'));
}

export async function scheduleSlack(composer: HTMLElement, at: Date, signal: AbortSignal, now = new Date()): Promise<ScheduleOutcome> {
  if (at.getTime() - now.getTime() > SLACK_MAX_DAYS * 86_400_000) return miss(t('siteSteps.slack.tooFarAhead', SLACK_MAX_DAYS));
  const editor = queryOne(composer, SLACK.editor, 'slack editor');
  const dialog = await openCustomTime(composer, signal);
  if (!(dialog instanceof HTMLElement)) return dialog;
  const date = dateInput(dialog);
  if (!date) return miss(t('siteSteps.dateField'));
  setInputValue(date, date.type === 'date' ? localDate(at) : at.toLocaleDateString());
  if (date.type === 'date' && date.value !== localDate(at)) return miss(t('siteSteps.dateField'));
  const time = timeInput(dialog, date);
  if (!time) return miss(t('siteSteps.timeField'));
  setInputValue(time, formatTimeLike(time.value || '9:00 AM', at));
  pressKey(time, 'Enter');
  if (parseTimeText(time.value) !== at.getHours() * 60 + at.getMinutes()) return miss(t('siteSteps.timeField'));
  const submit = submitButton(dialog);
  if (!submit) return miss(t('siteSteps.slack.submitButton'));
  pressButton(submit);
  // Slack closes the dialog and empties the composer once it holds the message.
  const done = await waitFor(() => (!isVisible(dialog) && !(editor?.textContent ?? '').trim() ? true : null), STEP_MS * 2, signal);
  return done ? { ok: true } : miss(t('siteSteps.confirming'));
}
