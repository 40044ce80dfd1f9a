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

export function createHealth(deps: HealthDeps, signal: AbortSignal): GuardHealth {
  const { adapter } = deps;
  const now = deps.now ?? (() => Date.now());
  const composers = new Set<HTMLElement>();
  const withoutSend = new Set<HTMLElement>();
  /** Composers whose Send was looked for after their grace (a count of Send controls means these). */
  const checked = new Set<HTMLElement>();
  const counts: SiteHealthCounts = { composers: 0, sendControls: 0, recipientsRead: 0, scheduleSteps: 0, zonesLearned: 0 };
  /** Stays after the composer closes: it clears only when a composer shows a Send we recognise. */
  let sendProblem = false;
  let recipientsProblem = false;
  let scheduleProblem = false;
  let pending: SiteHealthFailure[] = [];
  let noted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer));

  function problems(): SiteHealthProblem[] {
    const open: SiteHealthProblem[] = [];
    if (sendProblem) open.push('no-send');
    if (recipientsProblem) open.push('recipients');
    if (scheduleProblem) open.push('schedule');
    return open;
  }

  function sendReport(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (signal.aborted) return;
      counts.composers = composers.size;
      counts.sendControls = [...composers].filter((c) => checked.has(c) && !withoutSend.has(c)).length;
      deps.report({ site: adapter.site, counts: { ...counts }, problems: problems(), failures: pending });
      pending = [];
    }, REPORT_DELAY_MS);
  }

  function fail(composer: HTMLElement, kind: SiteHealthProblem, structure: string[], step?: string): void {
    pending = [...pending, { kind, at: now(), structure, ...(step ? { step } : {}) }].slice(-20);
    if (!noted && composer.isConnected) {
      noted = true;
      deps.notify(composer, kind);
    }
  }

  function checkSend(composer: HTMLElement): void {
    if (!composer.isConnected || !composers.has(composer)) return;
    const missing = !adapter.sendControl || !adapter.sendControl(composer);
    checked.add(composer);
    if (missing && !withoutSend.has(composer)) {
      withoutSend.add(composer);
      sendProblem = true;
      fail(composer, 'no-send', describeStructure(composer, BUTTONS));
    } else if (!missing) {
      withoutSend.delete(composer);
      sendProblem = withoutSend.size > 0;
    }
    sendReport();
  }

  // A fresh page starts with a clean record (it replaces whatever this tab reported before).
  sendReport();

  return {
    composerBound: (composer, composerSignal) => {
      if (!adapter.sendControl) return;
      composers.add(composer);
      const grace = setTimeout(() => checkSend(composer), SEND_GRACE_MS);
      // Seen again when the person comes back to it: a Send that appeared (or vanished) since.
      composer.addEventListener('focusin', () => checkSend(composer), { signal: composerSignal, passive: true });
      composerSignal.addEventListener('abort', () => {
        clearTimeout(grace);
        composers.delete(composer);
        checked.delete(composer);
        withoutSend.delete(composer);
        sendReport();
      });
      sendReport();
    },
    heldSend: (composer) => {
      if (!adapter.expectsRecipients?.(composer)) return;
      const read = adapter.readRecipients(composer).length > 0;
      if (read) counts.recipientsRead += 1;
      else fail(composer, 'recipients', describeStructure(composer, RECIPIENT_PARTS));
      recipientsProblem = !read;
      sendReport();
    },
    scheduled: (composer, outcome) => {
      if (outcome.ok) counts.scheduleSteps += 1;
      else fail(composer, 'schedule', describeStructure(composer.ownerDocument, PICKER_PARTS), outcome.step);
      scheduleProblem = !outcome.ok;
      sendReport();
    },
    zoneLearned: () => {
      counts.zonesLearned += 1;
      sendReport();
    },
  };
}
