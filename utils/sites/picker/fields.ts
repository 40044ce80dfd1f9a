/**
 * Fills a site's own date and time pickers by meaning, not by one assumed form (Slack "Custom time",
 * Gmail "Pick date & time"). A date may be a native date input, free text in the page's language
 * (with or without a year), or a button or grid of a calendar; a time may be free text, a native
 * select, or a list of options. Each value is written in the shape the field already shows, committed
 * as a person does (change, blur, then Enter), and READ BACK: a caller presses the site's Schedule only
 * when both read-backs show the intended minute. Nothing here presses Schedule or closes the picker.
 */
import { parseTimeText, formatTimeLike } from '../time-text';
import { pressButton, pressKey, setInputValue, waitFor } from '../dom';
import { calendarDateOf, formatDateLike, parseDateText, sameDate, showsDate, type CalendarDate } from './date-text';
import { chooseTimeOption } from './time-options';

/** How long a site may take to show what it took (React re-renders, list popups). */
const READ_BACK_MS = 800;
const OPEN_MS = 1_500;
const MONTH_STEPS = 13;

export interface PickerScope {
  dialog: HTMLElement;
  /** The page's language ("de", "en-US"): dates are written and read in it. */
  locale: string;
  today: CalendarDate;
  signal: AbortSignal;
}

export function pickerScope(dialog: HTMLElement, signal: AbortSignal, now = new Date()): PickerScope {
  const locale = dialog.ownerDocument.documentElement.lang || navigator.language || 'en-US';
  return { dialog, locale, today: calendarDateOf(now), signal };
}

function isVisible(el: Element): boolean {
  return el.isConnected && el.getClientRects().length > 0;
}

function isDisabled(el: Element): boolean {
  return el.getAttribute('aria-disabled') === 'true' || (el as HTMLButtonElement).disabled === true;
}

/** What a control shows: an input's value (else its placeholder), a select's chosen option, else its text. */
function shownText(el: HTMLElement): string {
  if (el instanceof HTMLInputElement) return el.value || el.placeholder;
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent ?? '';
  return el.textContent ?? '';
}

const CONTROL = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, button, [role=button], [role=combobox]';

/** The dialog's own controls, outside calendar grids and option lists. */
function controls(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(CONTROL)].filter(
    (el) => isVisible(el) && !el.closest('[role=grid], table, [role=listbox]') && !el.querySelector('input, select'),
  );
}

function readsAsDate(el: HTMLElement, scope: PickerScope): boolean {
  if (el instanceof HTMLInputElement && el.type === 'date') return true;
  return parseDateText(shownText(el), scope.locale, scope.today) !== null;
}

function readsAsTime(el: HTMLElement, scope: PickerScope): boolean {
  if (readsAsDate(el, scope)) return false;
  if (el instanceof HTMLSelectElement) return [...el.options].some((o) => parseTimeText(o.textContent ?? '') !== null);
  if (el instanceof HTMLInputElement && el.type === 'time') return true;
  return parseTimeText(shownText(el)) !== null;
}

export function dateControl(scope: PickerScope): HTMLElement | null {
  return controls(scope.dialog).find((el) => readsAsDate(el, scope)) ?? null;
}

export function timeControl(scope: PickerScope): HTMLElement | null {
  return controls(scope.dialog).find((el) => readsAsTime(el, scope)) ?? null;
}

/** Writes like a person: the value, then change and blur; Enter only if the site has not taken it yet. */
async function commitText(input: HTMLInputElement, text: string, taken: () => boolean, signal: AbortSignal): Promise<boolean> {
  setInputValue(input, text);
  input.blur();
  if (await waitFor(() => (taken() ? true : null), READ_BACK_MS / 2, signal)) return true;
  setInputValue(input, text);
  pressKey(input, 'Enter');
  input.blur();
  return (await waitFor(() => (taken() ? true : null), READ_BACK_MS, signal)) === true;
}

function isoOf(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

// ───────────── calendar grids

interface Cell {
  el: HTMLElement;
  date: CalendarDate;
}

/** Visible day cells of any open calendar: grid cells, or buttons labelled with a whole date. */
function calendarCells(root: ParentNode, scope: PickerScope): Cell[] {
  const candidates = root.querySelectorAll<HTMLElement>('[role=gridcell], [role=grid] button, [role=grid] [role=button], button[aria-label]');
  const cells: Cell[] = [];
  for (const el of candidates) {
    const label = el.getAttribute('aria-label') ?? '';
    const parsed = label ? parseDateText(label, scope.locale, scope.today) : null;
    // A bare button counts only with a full date; a grid's cell may leave the year to its heading.
    if (!parsed || !isVisible(el) || (!parsed.hasYear && !el.closest('[role=grid]'))) continue;
    cells.push({ el: el.querySelector<HTMLElement>('button, [role=button]') ?? el, date: parsed.date });
  }
  return cells;
}

function dayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

const NEXT = /next|nächst|weiter|siguiente|suivant|^[›>→]$/i;
const PREVIOUS = /prev|vorherig|zurück|anterior|précédent|^[‹<←]$/i;

/** The calendar's month buttons: by label, else the last (next) and first (previous) button beside the grid. */
function monthButton(cells: Cell[], forward: boolean): HTMLElement | null {
  let box: HTMLElement | null = cells[0]?.el.closest<HTMLElement>('[role=grid], table') ?? null;
  for (let depth = 0; box && depth < 5; depth++, box = box.parentElement) {
    const buttons = [...box.querySelectorAll<HTMLElement>('button, [role=button]')].filter(
      (b) => isVisible(b) && !b.closest('[role=grid], table') && !cells.some((c) => c.el === b),
    );
    if (buttons.length < 2) continue;
    const named = buttons.find((b) => (forward ? NEXT : PREVIOUS).test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
    return named ?? (forward ? buttons.at(-1) : buttons[0]) ?? null;
  }
  return null;
}

/** Finds and presses `target`'s day, turning months as a person would. */
async function pickInCalendar(root: ParentNode, target: CalendarDate, scope: PickerScope): Promise<boolean> {
  for (let step = 0; step <= MONTH_STEPS; step++) {
    const cells = calendarCells(root, scope);
    if (!cells.length) return false;
    const cell = cells.find((c) => sameDate(c.date, target) && !isDisabled(c.el) && !isDisabled(c.el.closest('[role=gridcell]') ?? c.el));
    if (cell) {
      pressButton(cell.el);
      return true;
    }
    const forward = dayNumber(target) > Math.max(...cells.map((c) => dayNumber(c.date)));
    const button = monthButton(cells, forward);
    if (!button) return false;
    const before = cells[0]!.el.getAttribute('aria-label');
    pressButton(button);
    const turned = await waitFor(() => (calendarCells(root, scope)[0]?.el.getAttribute('aria-label') !== before ? true : null), OPEN_MS, scope.signal);
    if (!turned) return false;
  }
  return false;
}

function selectedCellShows(root: ParentNode, target: CalendarDate, scope: PickerScope): boolean {
  const selected = calendarCells(root, scope).filter((c) => (c.el.closest('[aria-selected]') ?? c.el).getAttribute('aria-selected') === 'true');
  return selected.length === 1 && sameDate(selected[0]!.date, target);
}

// ───────────── date

/** Sets the picker's date to `at`'s local date and reads it back; false when it does not show it. */
export async function fillDate(scope: PickerScope, at: Date): Promise<boolean> {
  const target = calendarDateOf(at);
  const { dialog, locale, today, signal } = scope;
  const field = dateControl(scope);
  if (field instanceof HTMLInputElement && field.type === 'date') {
    const iso = isoOf(target);
    return commitText(field, iso, () => field.value === iso, signal);
  }
  if (field instanceof HTMLInputElement) {
    const text = formatDateLike(shownText(field), target, locale, today);
    return commitText(field, text, () => field.getAttribute('aria-invalid') !== 'true' && showsDate(field.value, target, locale, today), signal);
  }
  const doc = dialog.ownerDocument;
  if (field) {
    // A button showing the date opens a calendar (in the dialog or a popup elsewhere in the page).
    pressButton(field);
    if (!(await waitFor(() => (calendarCells(doc, scope).length ? true : null), OPEN_MS, signal))) return false;
    if (!(await pickInCalendar(doc, target, scope))) return false;
    return (await waitFor(() => (showsDate(shownText(field), target, locale, today) ? true : null), READ_BACK_MS, signal)) === true;
  }
  // No field at all: the calendar itself is the date.
  if (!(await pickInCalendar(dialog, target, scope))) return false;
  return (await waitFor(() => (selectedCellShows(dialog, target, scope) ? true : null), READ_BACK_MS, signal)) === true;
}

// ───────────── time

function listOf(control: HTMLElement): HTMLElement | null {
  const doc = control.ownerDocument;
  const id = control.getAttribute('aria-controls') ?? control.getAttribute('aria-owns');
  const owned = id ? doc.getElementById(id) : null;
  if (owned && isVisible(owned)) return owned;
  return [...doc.querySelectorAll<HTMLElement>('[role=listbox]')].find(isVisible) ?? null;
}

function opensList(control: HTMLElement): boolean {
  return control.getAttribute('role') === 'combobox' || control.getAttribute('aria-haspopup') === 'listbox' || !(control instanceof HTMLInputElement);
}

async function chooseFromSelect(select: HTMLSelectElement, target: number, signal: AbortSignal): Promise<number | null> {
  const options = [...select.options];
  const choice = chooseTimeOption(options.map((o) => o.textContent ?? ''), target);
  if (!choice) return null;
  select.focus();
  select.value = options[choice.index]!.value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  select.blur();
  const shows = () => (parseTimeText(shownText(select)) === choice.minutes ? true : null);
  return (await waitFor(shows, READ_BACK_MS, signal)) ? choice.minutes : null;
}

async function chooseFromList(control: HTMLElement, target: number, signal: AbortSignal): Promise<number | null | 'no-list'> {
  control.focus();
  pressButton(control);
  let list = await waitFor(() => listOf(control), OPEN_MS / 2, signal);
  if (!list) {
    pressKey(control, 'ArrowDown');
    list = await waitFor(() => listOf(control), OPEN_MS / 2, signal);
  }
  if (!list) return 'no-list';
  const options = [...list.querySelectorAll<HTMLElement>('[role=option]')];
  const choice = chooseTimeOption(options.map((o) => o.textContent ?? ''), target);
  if (!choice) return null;
  pressButton(options[choice.index]!);
  const shows = () => (parseTimeText(shownText(control)) === choice.minutes ? true : null);
  return (await waitFor(shows, READ_BACK_MS, signal)) ? choice.minutes : null;
}

/**
 * Sets the picker's time to `at`'s local wall clock (or, from a list, the first option not earlier)
 * and reads it back. Returns the minute of the day the field shows, or null when it does not show it.
 */
export async function fillTime(scope: PickerScope, at: Date): Promise<number | null> {
  const target = at.getHours() * 60 + at.getMinutes();
  const field = timeControl(scope);
  if (!field) return null;
  if (field instanceof HTMLSelectElement) return chooseFromSelect(field, target, scope.signal);
  if (opensList(field)) {
    const chosen = await chooseFromList(field, target, scope.signal);
    if (chosen !== 'no-list' || !(field instanceof HTMLInputElement)) return chosen === 'no-list' ? null : chosen;
  }
  if (!(field instanceof HTMLInputElement)) return null;
  const text = field.type === 'time' ? formatTimeLike('', at) : formatTimeLike(shownText(field), at);
  const taken = () => field.getAttribute('aria-invalid') !== 'true' && parseTimeText(field.value) === target;
  return (await commitText(field, text, taken, scope.signal)) ? target : null;
}

/** The last look before pressing the site's Schedule: both fields still show the chosen day and minute. */
export function showsChoice(scope: PickerScope, at: Date, minutes: number): boolean {
  const target = calendarDateOf(at);
  const date = dateControl(scope);
  const dateShown = !date
    ? selectedCellShows(scope.dialog, target, scope)
    : date instanceof HTMLInputElement && date.type === 'date'
      ? date.value === isoOf(target)
      : showsDate(shownText(date), target, scope.locale, scope.today);
  const time = timeControl(scope);
  const timeShown = time instanceof HTMLInputElement && time.type === 'time' ? parseTimeText(time.value) === minutes : time !== null && parseTimeText(shownText(time)) === minutes;
  return dateShown && timeShown;
}
