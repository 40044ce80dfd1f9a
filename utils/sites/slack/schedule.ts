/**
 * Drives Slack's own "Schedule for later" → "Custom time" flow (sites.md §2.6) so Slack holds the
 * message. The dialog has no verified selectors, so every step is found by role and structure (its date
 * and time fields by what they show: utils/sites/picker);
 * labels (English or German, SLACK_LABELS) only break ties. Step names in a failure are for people (siteSteps.*). Slack reads the time in the browser's zone and allows 120 days.
 * If a step is missing, Slack's own menu or dialog is left open for the user; the text is untouched.
 */
import type { ScheduleOutcome } from '@/utils/guard/adapter';
import { t } from '@/utils/i18n';
import { pressButton, waitFor } from '../dom';
import { fillDate, fillTime, pickerScope, showsChoice } from '../picker/fields';
import { queryOne } from '../selector';
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

/** The Custom time dialog: a visible dialog with a field in it (Slack's menu is a [role=menu], not a dialog). */
function scheduleDialog(doc: Document): HTMLElement | null {
  return visible(doc.querySelectorAll<HTMLElement>('[role=dialog]')).find((d) => d.querySelector('input, select, [role=combobox], [role=grid]')) ?? null;
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
  const scope = pickerScope(dialog, signal, now);
  if (!(await fillDate(scope, at))) return miss(t('siteSteps.dateField'));
  const minutes = await fillTime(scope, at);
  if (minutes === null) return miss(t('siteSteps.timeField'));
  const taken = new Date(at.getFullYear(), at.getMonth(), at.getDate(), Math.floor(minutes / 60), minutes % 60);
  if (!showsChoice(scope, at, minutes)) return miss(t('siteSteps.dateField'));
  const submit = submitButton(dialog);
  if (!submit) return miss(t('siteSteps.slack.submitButton'));
  pressButton(submit);
  // Slack closes the dialog and empties the composer once it holds the message.
  const done = await waitFor(() => (!isVisible(dialog) && !(editor?.textContent ?? '').trim() ? true : null), STEP_MS * 2, signal);
  return done ? { ok: true, at: taken.getTime() } : miss(t('siteSteps.confirming'));
}
