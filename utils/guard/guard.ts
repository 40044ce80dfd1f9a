/**
 * The shared content-side flow for every site: catch a send gesture before the site sees it, decide
 * synchronously from the cached snapshot, and either let it through, hold it behind the dialog, or
 * leave a note. Whenever anything is missing or throws, the send proceeds natively (fail open).
 *
 * The verdict is ./decide.ts, the rest of a held gesture ./gestures.ts; what the dialog and the note
 * say is the page UI's (./views.ts), which may still be loading when a send is held: the hold itself
 * is synchronous, the dialog shows when its code is there.
 */
import { formatWallClock } from '@/utils/etiquette/format';
import { scheduleInstant } from '@/utils/etiquette/hold-view';
import type { AfterHoursVerdict } from '@/utils/etiquette/types';
import { t } from '@/utils/i18n';
import type { SiteAdapter } from './adapter';
import { watchComposers } from './composers';
import { createDecider, type Decider } from './decide';
import { block, swallowGestures } from './gestures';
import type { GuardHealth } from './health';
import type { SnapshotSource } from './snapshot-client';
import { eventVerdictKind, type GuardEvent, type GuardUi, type HoldDialogHandle, type HoldHandlers, type SendNowChoice } from './types';

export type { ClarityNote, GuardEvent, GuardUi, HoldDialogHandle, HoldHandlers, HoldView, SendNowChoice } from './types';
export { eventVerdictKind } from './types';

export interface GuardDeps {
  adapter: SiteAdapter;
  source: SnapshotSource;
  ui: GuardUi;
  doc: Document;
  now?: () => Date;
  record?: (event: GuardEvent) => void;
  saveContactZone?: (ref: { key: string; name: string; timeZone: string; holidays?: string }) => Promise<string | null>;
  /** Only a person's own gesture is judged: our re-sends and scheduler clicks are synthetic. */
  isUserGesture?: (event: Event) => boolean;
  /** Site health (issue 16): told what was recognised and what was not; never changes the flow. */
  health?: GuardHealth;
  /** Where Schedule goes for sites without a native scheduler (Docs). */
  holdForLater?: (composer: HTMLElement, at: Date) => Promise<boolean>;
  /** Send-now presses today in the user's zone, counted by the worker (issue 21); null when it cannot say. */
  sentAnywayToday?: () => Promise<number | null>;
  /** The reason step's "line for them" box as the user left it, remembered for next time. */
  rememberLabelChoice?: (checked: boolean) => void;
}

const NUDGE_DELAY_MS = 400;

interface Session {
  deps: GuardDeps;
  decider: Decider;
  record: (event: GuardEvent) => void;
  signal: AbortSignal;
  /** Composers whose next send is ours (a re-send) or the user's after a failure: let it through once. */
  bypass: WeakSet<HTMLElement>;
  holding: Map<HTMLElement, HoldDialogHandle>;
  refreshers: Map<HTMLElement, () => void>;
}

function resendNatively(session: Session, composer: HTMLElement): boolean {
  session.bypass.add(composer);
  try {
    return session.deps.adapter.resend(composer);
  } finally {
    session.bypass.delete(composer);
  }
}

function release(session: Session, composer: HTMLElement): void {
  session.holding.get(composer)?.close();
  session.holding.delete(composer);
  session.refreshers.delete(composer);
}

async function scheduleAt(session: Session, composer: HTMLElement, at: Date, kind: GuardEvent['verdict'], count: number): Promise<void> {
  const { adapter, ui, holdForLater } = session.deps;
  // The site's own scheduler reads the browser's clock, so that is the time to tell the user to pick.
  const time = formatWallClock({ at: at.getTime(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
  try {
    if (adapter.scheduleNative) {
      const outcome = await adapter.scheduleNative(composer, at, session.signal);
      session.deps.health?.scheduled(composer, outcome);
      if (!outcome.ok) ui.showMessage(composer, t('page.schedule.stepFailed', { step: outcome.step, time }));
      else {
        session.record({ verdict: kind, action: 'scheduled', recipients: count });
        // The site's list had no option at that minute and took the next one: say which.
        if (outcome.at !== undefined && outcome.at !== at.getTime()) {
          const taken = formatWallClock({ at: outcome.at, timeZone: session.deps.source.current()?.settings.me.timeZone ?? 'UTC' });
          ui.showMessage(composer, t('page.schedule.tookLater', { time: taken }));
        }
      }
    } else if (holdForLater && (await holdForLater(composer, at))) {
      session.record({ verdict: kind, action: 'scheduled', recipients: count });
    } else {
      ui.showMessage(composer, t('page.schedule.notKept', { time }));
    }
  } catch (error) {
    console.warn('Async Etiquette: scheduling failed.', error);
    ui.showMessage(composer, t('page.schedule.failed', { time }));
  }
}

type LabelOutcome = 'inserted' | 'unchanged' | 'unsure';

/**
 * Puts the recipients' line at the start of the message, as plain text, once. Read back: 'unchanged'
 * when the site took nothing (the message goes as written), 'unsure' when the text changed but the line
 * is not at its start (nothing is sent: the person checks it).
 */
function insertLabel({ adapter }: GuardDeps, composer: HTMLElement, label: string): LabelOutcome {
  const body = adapter.body(composer);
  const before = body?.textContent ?? '';
  let ok = false;
  try {
    // A blank line after it in an email, a line break in chat (Slack).
    ok = Boolean(adapter.insertAtStart?.(composer, label + (adapter.site === 'slack' ? '\n' : '\n\n')));
  } catch (error) {
    console.warn('Async Etiquette: the line for the recipients could not be added.', error);
  }
  const after = body?.textContent ?? '';
  if (ok && after.startsWith(label)) return 'inserted';
  return after === before ? 'unchanged' : 'unsure';
}

/** Send now: the chosen reason is counted (never words), the opted-in line goes first, then one send. */
function sendNowWith(session: Session, composer: HTMLElement, choice: SendNowChoice, event: Omit<GuardEvent, 'action'>): void {
  const { ui } = session.deps;
  if (!session.holding.has(composer)) return; // already answered: never a second send
  release(session, composer);
  if (choice.labelChecked !== undefined) session.deps.rememberLabelChoice?.(choice.labelChecked);
  const outcome = choice.label ? insertLabel(session.deps, composer, choice.label) : 'inserted';
  if (outcome === 'unsure') {
    session.bypass.add(composer);
    ui.showMessage(composer, t('page.hold.labelUnsure'));
    return;
  }
  session.record({ ...event, action: 'sent-anyway', ...(choice.reason ? { reason: choice.reason } : {}) });
  if (!resendNatively(session, composer)) {
    // The button moved or vanished: the user's own next press goes straight through.
    session.bypass.add(composer);
    ui.showMessage(composer, t('page.hold.pressSendAgain'));
  } else if (outcome === 'unchanged') {
    ui.showMessage(composer, t('page.hold.labelNotAdded'));
  }
}

/**
 * The footprint's count for a held send that goes out now (the dialog may have been open a while):
 * a fresh verdict at this instant, none once everyone is in hours, the held verdict's when unsure (no
 * snapshot, paused, site turned off).
 */
function farOutsideNow(session: Session, composer: HTMLElement, held: AfterHoursVerdict): number {
  const fresh = session.decider.decide(composer);
  if (fresh?.kind === 'after-hours') return fresh.counts.farOutside;
  return fresh?.kind === 'fine' ? 0 : held.counts.farOutside;
}

function now(session: Session): number {
  return (session.deps.now?.() ?? new Date()).getTime();
}

/**
 * A time the person chose in the dialog (a choice or "Pick a time…"), on the scheduler's step; null
 * for none, or one not in the future (then the suggested slot goes, never an instant already past).
 */
function chosenInstant(chosen: number | undefined, stepMinutes: number | undefined, at: number): number | null {
  if (chosen === undefined || !Number.isFinite(chosen)) return null;
  const step = Math.max(1, stepMinutes ?? 1) * 60_000;
  const onStep = Math.ceil(chosen / step) * step;
  return onStep > at ? onStep : null;
}

/** What each of the dialog's buttons does for this held send. */
function holdHandlers(session: Session, composer: HTMLElement, current: () => AfterHoursVerdict): HoldHandlers {
  const { adapter, ui } = session.deps;
  const kind = eventVerdictKind(current());
  const count = current().counts.total;
  const done = (action: GuardEvent['action']) => {
    // A send that goes out now: whom it reaches over an hour outside their hours, judged at this moment.
    const far = action === 'sent-anyway' || action === 'failed-open' ? { farOutside: farOutsideNow(session, composer, current()) } : {};
    release(session, composer);
    session.record({ verdict: kind, action, recipients: count, ...far });
  };
  return {
    // farOutside is judged as the send goes (before the dialog is released), like main's other sends out.
    sendNow: (choice = {}) =>
      sendNowWith(session, composer, choice, { verdict: kind, recipients: count, farOutside: farOutsideNow(session, composer, current()) }),
    sentAnywayToday: async () => (session.deps.sentAnywayToday ? session.deps.sentAnywayToday() : null),
    keepEditing: () => {
      done('kept-editing');
      adapter.body(composer)?.focus();
    },
    applyFix: (templateId) => {
      done('kept-editing');
      ui.insertTemplate?.(composer, templateId);
    },
    schedule: (chosen) => {
      const at = chosenInstant(chosen, adapter.scheduleStepMinutes, now(session)) ?? scheduleInstant(current(), adapter.scheduleStepMinutes);
      release(session, composer);
      if (at !== null) void scheduleAt(session, composer, new Date(at), kind, count);
    },
    setZone: async (key, name, timeZone, holidays) =>
      session.deps.saveContactZone ? session.deps.saveContactZone({ key, name, timeZone, ...(holidays ? { holidays } : {}) }) : t('page.zone.unavailable'),
    failOpen: () => {
      // The dialog could not open: do what the user asked for.
      if (!session.holding.has(composer)) return;
      done('failed-open');
      resendNatively(session, composer);
    },
  };
}

function hold(session: Session, composer: HTMLElement, verdict: AfterHoursVerdict): void {
  session.deps.health?.heldSend(composer);
  let current = verdict;
  const handlers = holdHandlers(session, composer, () => current);
  try {
    const dialog = session.deps.ui.showHold(composer, verdict, handlers);
    session.holding.set(composer, dialog);
    const unknownZones = verdict.counts.total - verdict.counts.known;
    session.record({ verdict: eventVerdictKind(verdict), action: 'held', recipients: verdict.counts.total, ...(unknownZones > 0 ? { unknownZones } : {}) });
    // When the snapshot changes (a zone was just set), the dialog shows the fresh verdict.
    session.refreshers.set(composer, () => {
      const next = session.decider.decide(composer);
      if (next?.kind !== 'after-hours') return;
      current = next;
      dialog.update(next);
    });
  } catch (error) {
    console.warn('Async Etiquette: the dialog failed; sending as you asked.', error);
    session.holding.delete(composer);
    session.record({ verdict: eventVerdictKind(verdict), action: 'failed-open', recipients: verdict.counts.total, farOutside: verdict.counts.farOutside });
    resendNatively(session, composer);
  }
}

/** The capture listener on window: every Send gesture is judged here, bound composer or not. */
function listenForSends(session: Session): void {
  const { adapter, doc } = session.deps;
  const isUserGesture = session.deps.isUserGesture ?? ((event: Event) => event.isTrusted);
  const gestures = swallowGestures(adapter);
  /** Held, dialog not open yet (it opens one task later): a quick second press is not a second hold. */
  const opening = new Set<HTMLElement>();

  function onSendGesture(event: Event): void {
    if (!isUserGesture(event) || gestures.isContinuation(event)) return;
    const composer = adapter.sendTarget(event);
    if (!composer || session.bypass.has(composer)) return;
    if (session.holding.has(composer) || opening.has(composer)) {
      // A second press while the dialog is open is not a second send.
      block(event);
      gestures.held(event, composer);
      session.holding.get(composer)?.focus();
      return;
    }
    const verdict = session.decider.decide(composer);
    if (verdict?.kind !== 'after-hours') return;
    if (verdict.action === 'nudge') {
      // The send goes through now: the footprint counts whom it reaches over an hour outside their hours.
      session.record({ verdict: eventVerdictKind(verdict), action: 'nudged', recipients: verdict.counts.total, farOutside: verdict.counts.farOutside });
      return;
    }
    block(event);
    gestures.held(event, composer);
    opening.add(composer);
    // Open the dialog once this listener returns (the event is already stopped), in the same frame
    // as the click: a timer would let the browser paint first and miss the one-frame target.
    queueMicrotask(() => {
      opening.delete(composer);
      hold(session, composer, verdict);
    });
  }

  for (const type of adapter.sendEvents) {
    doc.defaultView?.addEventListener(type, onSendGesture, { capture: true, signal: session.signal });
  }
}

/** Binds each composer as it appears: the site's own hooks, our controls, and nudge mode's note. */
function bindComposers(session: Session): void {
  const { adapter, ui, doc } = session.deps;
  /**
   * Nudge mode's note is for a draft or a composer being written in, not for an idle empty one: it
   * takes room under the composer, and a page that moves on its own moves what the user is clicking.
   */
  const inUse = (composer: HTMLElement) =>
    composer.contains(doc.activeElement) || (adapter.body(composer)?.textContent ?? '').trim() !== '';
  const nudgeTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
  function refreshNote(composer: HTMLElement, composerSignal: AbortSignal): void {
    clearTimeout(nudgeTimers.get(composer));
    const timer = setTimeout(() => {
      if (composerSignal.aborted) return;
      const verdict = inUse(composer) ? session.decider.decide(composer) : null;
      ui.showNote(composer, verdict?.kind === 'after-hours' && verdict.action === 'nudge' ? verdict : null, composerSignal);
    }, NUDGE_DELAY_MS);
    nudgeTimers.set(composer, timer);
  }

  /**
   * Judges a composer and readies its dialog, off the Send path, when it is bound and when the person
   * enters it (its recipients are known by then): the engine, their zones and the dialog's code are
   * compiled before the first press. Done once with a real after-hours verdict, once with a stand-in.
   */
  const prepared = { real: false, standIn: false };
  const prepare = (composer: HTMLElement, composerSignal: AbortSignal) => {
    if (prepared.real) return;
    setTimeout(() => {
      if (prepared.real || composerSignal.aborted) return;
      const verdict = session.decider.decide(composer);
      const afterHours = verdict?.kind === 'after-hours' ? verdict : null;
      if (!afterHours && prepared.standIn) return;
      prepared.real = Boolean(afterHours);
      prepared.standIn = true;
      ui.prepare?.(composer, afterHours);
    }, 0);
  };

  watchComposers(adapter, doc, session.signal, (composer, composerSignal) => {
    prepare(composer, composerSignal);
    composer.addEventListener('focusin', () => prepare(composer, composerSignal), { signal: composerSignal, passive: true });
    composerSignal.addEventListener('abort', () => {
      release(session, composer);
      clearTimeout(nudgeTimers.get(composer));
    });
    adapter.bind?.(composer, composerSignal);
    session.deps.health?.composerBound(composer, composerSignal);
    ui.bindComposer?.(composer, composerSignal);
    // Nudge mode: the note is refreshed while the user types or edits recipients, and on leaving.
    const refresh = () => refreshNote(composer, composerSignal);
    for (const type of ['input', 'focusin', 'focusout', 'keyup'] as const) {
      composer.addEventListener(type, refresh, { signal: composerSignal, passive: true });
    }
    const observer = new MutationObserver(refresh);
    observer.observe(composer, { childList: true, subtree: true });
    composerSignal.addEventListener('abort', () => observer.disconnect());
  });
}

export function startGuard(deps: GuardDeps, signal: AbortSignal): void {
  const session: Session = {
    deps,
    decider: createDecider(deps.adapter, deps.source, deps.doc, deps.now ?? (() => new Date())),
    record: deps.record ?? (() => {}),
    signal,
    bypass: new WeakSet(),
    holding: new Map(),
    refreshers: new Map(),
  };
  listenForSends(session);
  bindComposers(session);
  // A new snapshot (a zone was just set): open dialogs show the fresh verdict.
  deps.source.subscribe?.(() => {
    for (const refresh of session.refreshers.values()) refresh();
  }, signal);
}
