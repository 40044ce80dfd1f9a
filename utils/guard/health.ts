/**
 * Site health on the page (issue 16): a small per-tab record of what this content script recognised
 * (composers bound, a Send control per composer, recipients readable on a held send, native schedule
 * steps reached, zones learned) and what it could not. Problems are reported to the background (the
 * popup's alert, the options page's diagnostics) and, once per page, shown as a dismissible note near
 * the composer. Only the STRUCTURE of what was missing is kept: tag names, roles, data-* attribute
 * names. Nothing typed, no address, no name. The send itself always goes through natively.
 */
import type { ScheduleOutcome, SiteAdapter } from './adapter';
import type { SiteHealthCounts, SiteHealthFailure, SiteHealthProblem, SiteHealthReport } from '@/utils/store/site-health';

/** A composer's Send may render a moment after the composer itself. */
const SEND_GRACE_MS = 1_500;
const REPORT_DELAY_MS = 300;
const MAX_STRUCTURE = 12;

export interface HealthDeps {
  adapter: SiteAdapter;
  /** Sends the tab's record to the background (fire-and-forget). */
  report: (report: SiteHealthReport) => void;
  /** Shows the once-per-page note near `composer`. */
  notify: (composer: HTMLElement, problem: SiteHealthProblem) => void;
  now?: () => number;
}

export interface GuardHealth {
  composerBound(composer: HTMLElement, signal: AbortSignal): void;
  /** A send was held: could its recipients be read? */
  heldSend(composer: HTMLElement): void;
  scheduled(composer: HTMLElement, outcome: ScheduleOutcome): void;
  zoneLearned(): void;
}

/** "div[role=button] data-tooltip": an element's tag, role and data-* attribute NAMES, never values or text. */
export function describeElement(el: Element): string {
  const role = el.getAttribute('role');
  const safeRole = role && /^[a-z]+$/.test(role) ? `[role=${role}]` : '';
  const data = el
    .getAttributeNames()
    .filter((name) => /^data-[a-z0-9-]+$/.test(name))
    .map((name) => ` ${name}`)
    .join('');
  return `${el.localName.replace(/[^a-z0-9-]/g, '') || 'x'}${safeRole}${data}`;
}

/** The distinct shapes of the elements `css` matches in `root`, at most MAX_STRUCTURE. */
export function describeStructure(root: ParentNode, css: string): string[] {
  const seen = new Set<string>();
  for (const el of root.querySelectorAll(css)) {
    if (el.closest('async-etiquette-ui')) continue;
    seen.add(describeElement(el));
    if (seen.size >= MAX_STRUCTURE) break;
  }
  return [...seen];
}

const BUTTONS = 'button, [role=button], [tabindex], [data-tooltip]';
const RECIPIENT_PARTS = 'input, textarea, [role=listbox], [role=option], [role=combobox]';
const PICKER_PARTS = '[role=dialog] input, [role=dialog] select, [role=dialog] button, [role=dialog] [role=combobox], [role=dialog] [role=grid], [role=menu] [role=menuitem]';

/** One page's record, shared by the functions below. */
interface HealthState {
  deps: HealthDeps;
  signal: AbortSignal;
  now: () => number;
  composers: Set<HTMLElement>;
  withoutSend: Set<HTMLElement>;
  /** Composers whose Send was looked for after their grace (a count of Send controls means these). */
  checked: Set<HTMLElement>;
  counts: SiteHealthCounts;
  /** Stays after the composer closes: it clears only when a composer shows a Send we recognise. */
  sendProblem: boolean;
  recipientsProblem: boolean;
  scheduleProblem: boolean;
  pending: SiteHealthFailure[];
  noted: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function createHealth(deps: HealthDeps, signal: AbortSignal): GuardHealth {
  const state: HealthState = {
    deps,
    signal,
    now: deps.now ?? (() => Date.now()),
    composers: new Set(),
    withoutSend: new Set(),
    checked: new Set(),
    counts: { composers: 0, sendControls: 0, recipientsRead: 0, scheduleSteps: 0, zonesLearned: 0 },
    sendProblem: false,
    recipientsProblem: false,
    scheduleProblem: false,
    pending: [],
    noted: false,
    timer: undefined,
  };
  signal.addEventListener('abort', () => clearTimeout(state.timer));

  // A fresh page starts with a clean record (it replaces whatever this tab reported before).
  sendReport(state);

  return {
    composerBound: (composer, composerSignal) => composerBound(state, composer, composerSignal),
    heldSend: (composer) => heldSend(state, composer),
    scheduled: (composer, outcome) => scheduled(state, composer, outcome),
    zoneLearned: () => {
      state.counts.zonesLearned += 1;
      sendReport(state);
    },
  };
}

function problems(state: HealthState): SiteHealthProblem[] {
  const open: SiteHealthProblem[] = [];
  if (state.sendProblem) open.push('no-send');
  if (state.recipientsProblem) open.push('recipients');
  if (state.scheduleProblem) open.push('schedule');
  return open;
}

function sendReport(state: HealthState): void {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    if (state.signal.aborted) return;
    const { composers, checked, withoutSend, counts } = state;
    counts.composers = composers.size;
    counts.sendControls = [...composers].filter((c) => checked.has(c) && !withoutSend.has(c)).length;
    state.deps.report({ site: state.deps.adapter.site, counts: { ...counts }, problems: problems(state), failures: state.pending });
    state.pending = [];
  }, REPORT_DELAY_MS);
}

function fail(state: HealthState, composer: HTMLElement, kind: SiteHealthProblem, structure: string[], step?: string): void {
  state.pending = [...state.pending, { kind, at: state.now(), structure, ...(step ? { step } : {}) }].slice(-20);
  if (!state.noted && composer.isConnected) {
    state.noted = true;
    state.deps.notify(composer, kind);
  }
}

function checkSend(state: HealthState, composer: HTMLElement): void {
  const { adapter } = state.deps;
  if (!composer.isConnected || !state.composers.has(composer)) return;
  const missing = !adapter.sendControl || !adapter.sendControl(composer);
  state.checked.add(composer);
  if (missing && !state.withoutSend.has(composer)) {
    state.withoutSend.add(composer);
    state.sendProblem = true;
    fail(state, composer, 'no-send', describeStructure(composer, BUTTONS));
  } else if (!missing) {
    state.withoutSend.delete(composer);
    state.sendProblem = state.withoutSend.size > 0;
  }
  sendReport(state);
}

function composerBound(state: HealthState, composer: HTMLElement, composerSignal: AbortSignal): void {
  if (!state.deps.adapter.sendControl) return;
  state.composers.add(composer);
  const grace = setTimeout(() => checkSend(state, composer), SEND_GRACE_MS);
  // Seen again when the person comes back to it: a Send that appeared (or vanished) since.
  composer.addEventListener('focusin', () => checkSend(state, composer), { signal: composerSignal, passive: true });
  composerSignal.addEventListener('abort', () => {
    clearTimeout(grace);
    state.composers.delete(composer);
    state.checked.delete(composer);
    state.withoutSend.delete(composer);
    sendReport(state);
  });
  sendReport(state);
}

function heldSend(state: HealthState, composer: HTMLElement): void {
  const { adapter } = state.deps;
  if (!adapter.expectsRecipients?.(composer)) return;
  const read = adapter.readRecipients(composer).length > 0;
  if (read) state.counts.recipientsRead += 1;
  else fail(state, composer, 'recipients', describeStructure(composer, RECIPIENT_PARTS));
  state.recipientsProblem = !read;
  sendReport(state);
}

function scheduled(state: HealthState, composer: HTMLElement, outcome: ScheduleOutcome): void {
  if (outcome.ok) state.counts.scheduleSteps += 1;
  else fail(state, composer, 'schedule', describeStructure(composer.ownerDocument, PICKER_PARTS), outcome.step);
  state.scheduleProblem = !outcome.ok;
  sendReport(state);
}
