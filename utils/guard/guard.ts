/**
 * The shared content-side flow for every site: catch a send gesture before the site sees it, decide
 * synchronously from the cached snapshot, and either let it through, hold it behind the dialog, or
 * leave a note. Whenever anything is missing or throws, the send proceeds natively (fail open).
 */
import {
  builtInTemplate,
  checkClarity,
  describeVerdict,
  flavourForSite,
  formatWallClock,
  renderTemplate,
  templateForFlavour,
  scheduleButtonLabel,
  sendVerdict,
  type AfterHoursVerdict,
  type Verdict,
} from '@/utils/etiquette';
import { t } from '@/utils/i18n';
import type { GuardHealth } from './health';
import type { Site, Template } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';
import { activeSnoozeKeys, isPaused } from '@/utils/store/quiet';
import type { SiteAdapter } from './adapter';
import { watchComposers } from './composers';
import { indexContacts, toVerdictRecipients, type ContactIndex } from './recipients';
import type { SnapshotSource } from './snapshot-client';

export interface HoldView {
  headline: string;
  detail: string;
  unknown: string | null;
  slot: string | null;
  /** "Schedule for Tue 09:00" in the sender's zone, or null when there is no slot. */
  scheduleLabel: string | null;
  /** Recipients whose zone is unknown; the dialog offers to set one. */
  unknownRecipients: Array<{ key: string; name: string }>;
  /** What Schedule does with the text where the site has no scheduler (Docs: kept in the extension). */
  scheduleNote?: string;
  /** Clarity findings on the draft, each with a template that fixes it where one exists. */
  findings?: ClarityNote[];
}

export interface ClarityNote {
  rule: string;
  message: string;
  fix?: { templateId: string; title: string };
}

export interface HoldHandlers {
  sendNow(): void;
  schedule(): void;
  keepEditing(): void;
  setZone(key: string, name: string, timeZone: string): Promise<string | null>;
  /** Closes the dialog and inserts the template that fixes a clarity finding, at the caret. */
  applyFix?(templateId: string): void;
}

export interface HoldDialogHandle {
  update(view: HoldView): void;
  /** Brings focus back into the open dialog (a second Send press). */
  focus(): void;
  close(): void;
}

export interface GuardUi {
  /** Opens the hold dialog for `composer`. */
  showHold(composer: HTMLElement, view: HoldView, handlers: HoldHandlers): HoldDialogHandle;
  /** Shows (text) or hides (null) the passive note of nudge mode. */
  showNote(composer: HTMLElement, text: string | null, signal: AbortSignal): void;
  /** A short message near the composer ("Pick Tue 09:00 in Gmail's scheduler"). */
  showMessage(composer: HTMLElement, text: string): void;
  /** Per-composer controls (the template button). */
  bindComposer?(composer: HTMLElement, signal: AbortSignal): void;
}

export type GuardEvent = { verdict: 'sender-outside' | 'recipients-outside' | 'day-off'; action: 'held' | 'nudged' | 'scheduled' | 'sent-anyway' | 'kept-editing' | 'failed-open'; recipients: number };

export interface GuardDeps {
  adapter: SiteAdapter;
  source: SnapshotSource;
  ui: GuardUi;
  doc: Document;
  now?: () => Date;
  record?: (event: GuardEvent) => void;
  saveContactZone?: (ref: { key: string; name: string; timeZone: string }) => Promise<string | null>;
  /** Only a person's own gesture is judged: our re-sends and scheduler clicks are synthetic. */
  isUserGesture?: (event: Event) => boolean;
  /** Site health (issue 16): told what was recognised and what was not; never changes the flow. */
  health?: GuardHealth;
  /** Where Schedule goes for sites without a native scheduler (Docs). */
  holdForLater?: (composer: HTMLElement, at: Date) => Promise<boolean>;
}

const NUDGE_DELAY_MS = 400;
const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export function eventVerdictKind(v: AfterHoursVerdict): GuardEvent['verdict'] {
  if (v.counts.outside > 0) return v.outside.some((p) => p.dayOff) ? 'day-off' : 'recipients-outside';
  return v.sender.dayOff ? 'day-off' : 'sender-outside';
}

/** The slot as the site's scheduler can take it: rounded up to its step. */
export function scheduleInstant(v: AfterHoursVerdict, stepMinutes = 1): number | null {
  if (!v.slot) return null;
  const step = Math.max(1, stepMinutes) * 60_000;
  return Math.ceil(v.slot.at / step) * step;
}

/**
 * The verdict with its slot moved to the instant the site's scheduler will really use, so "Next good
 * time" and the Schedule button name the same minute (Gmail and Slack schedule in 15-minute steps).
 */
function atSchedulerStep(v: AfterHoursVerdict, at: number | null): AfterHoursVerdict {
  const slot = v.slot;
  if (!slot || at === null || at === slot.at) return v;
  const delta = at - slot.at;
  return {
    ...v,
    slot: {
      ...slot,
      at,
      forSender: { ...slot.forSender, at: slot.forSender.at + delta },
      forRecipients: slot.forRecipients.map((r) => ({ ...r, local: { ...r.local, at: r.local.at + delta } })),
    },
  };
}

export function holdView(v: AfterHoursVerdict, stepMinutes?: number): HoldView {
  const at = scheduleInstant(v, stepMinutes);
  const text = describeVerdict(atSchedulerStep(v, at));
  return {
    ...text,
    scheduleLabel: at === null ? null : scheduleButtonLabel({ at, timeZone: v.slot!.forSender.timeZone }),
    // Only an address or member id can be remembered; a bare display name cannot.
    unknownRecipients: v.unknown.filter((r) => !r.key.startsWith('name:')).map((r) => ({ key: r.key, name: r.name })),
  };
}

function block(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
  event.stopImmediatePropagation();
}

export interface Guard {
  /** A new snapshot arrived: open dialogs show the fresh verdict (e.g. after a zone was set). */
  snapshotChanged(): void;
  /** A template's text for this composer: the site's flavour, variables filled for its recipients. */
  templateText(composer: HTMLElement, template: Template, deadline?: Date): string;
}

export function startGuard(deps: GuardDeps, signal: AbortSignal): Guard {
  const { adapter, source, ui, doc } = deps;
  const now = deps.now ?? (() => new Date());
  const record = deps.record ?? (() => {});
  const isUserGesture = deps.isUserGesture ?? ((event: Event) => event.isTrusted);
  const site: Site = adapter.site;
  /** Composers whose next send is ours (a re-send) or the user's after a failure: let it through once. */
  const bypass = new WeakSet<HTMLElement>();
  const holding = new Map<HTMLElement, HoldDialogHandle>();
  const refreshers = new Map<HTMLElement, () => void>();
  let cachedIndex: { revision: number; index: ContactIndex } | null = null;

  function contactIndex(snapshot: Snapshot): ContactIndex {
    if (cachedIndex?.revision !== snapshot.revision) {
      cachedIndex = { revision: snapshot.revision, index: indexContacts(snapshot.settings) };
    }
    return cachedIndex.index;
  }

  function recipientsOf(composer: HTMLElement, snapshot: Snapshot) {
    const selfIds = new Set(adapter.selfIds(doc).map((id) => id.toLowerCase()));
    return toVerdictRecipients(adapter.readRecipients(composer), contactIndex(snapshot), selfIds);
  }

  function decide(composer: HTMLElement): Verdict | null {
    const snapshot = source.current();
    if (!snapshot) return null;
    const { settings } = snapshot;
    const mode = settings.sites[site];
    if (mode === 'off') return { kind: 'off' };
    const at = now();
    // Paused from the popup: no holds and no notes until the pause ends (checked here too, not only by the alarm).
    if (isPaused(settings.preferences.pause, at.getTime())) return { kind: 'off' };
    const recipients = recipientsOf(composer, snapshot);
    // A Docs comment that mentions no one (but the user) notifies no one new: nothing to ask.
    if (adapter.reachesOnlyRecipients && recipients.every((r) => r.isSelf)) return { kind: 'fine', reason: 'self' };
    return sendVerdict({
      me: settings.me,
      recipients,
      mode,
      now: at,
      graceMinutes: settings.preferences.graceMinutes,
      largeListThreshold: settings.preferences.largeListThreshold,
      snoozedKeys: activeSnoozeKeys(settings.preferences.snoozes, settings.me.timeZone, at.getTime()),
    });
  }

  function safeDecide(composer: HTMLElement): Verdict | null {
    try {
      return decide(composer);
    } catch (error) {
      console.warn('Async Etiquette: could not judge this send; letting it through.', error);
      return null;
    }
  }

  function resendNatively(composer: HTMLElement): boolean {
    bypass.add(composer);
    try {
      return adapter.resend(composer);
    } finally {
      bypass.delete(composer);
    }
  }

  function release(composer: HTMLElement): void {
    holding.get(composer)?.close();
    holding.delete(composer);
    refreshers.delete(composer);
  }

  function hold(composer: HTMLElement, verdict: AfterHoursVerdict): void {
    deps.health?.heldSend(composer);
    const kind = eventVerdictKind(verdict);
    const count = verdict.counts.total;
    let current = verdict;
    const handlers: HoldHandlers = {
      sendNow: () => {
        release(composer);
        record({ verdict: kind, action: 'sent-anyway', recipients: count });
        if (!resendNatively(composer)) {
          // The button moved or vanished: the user's own next press goes straight through.
          bypass.add(composer);
          ui.showMessage(composer, t('page.hold.pressSendAgain'));
        }
      },
      keepEditing: () => {
        release(composer);
        record({ verdict: kind, action: 'kept-editing', recipients: count });
        adapter.body(composer)?.focus();
      },
      applyFix: (templateId) => {
        release(composer);
        record({ verdict: kind, action: 'kept-editing', recipients: count });
        const template = templateById(templateId);
        if (template) adapter.insertText(composer, templateText(composer, template));
      },
      schedule: () => {
        const at = scheduleInstant(current, adapter.scheduleStepMinutes);
        release(composer);
        if (at !== null) void scheduleAt(composer, new Date(at), kind, count);
      },
      setZone: async (key, name, timeZone) =>
        deps.saveContactZone ? deps.saveContactZone({ key, name, timeZone }) : t('page.zone.unavailable'),
    };
    try {
      const dialog = ui.showHold(composer, viewOf(verdict, composer), handlers);
      holding.set(composer, dialog);
      record({ verdict: kind, action: 'held', recipients: count });
      // When the snapshot changes (a zone was just set), the dialog shows the fresh verdict.
      refreshers.set(composer, () => {
        const next = safeDecide(composer);
        if (next?.kind === 'after-hours') {
          current = next;
          dialog.update(viewOf(next, composer));
        }
      });
    } catch (error) {
      // The dialog could not open: do what the user asked for.
      console.warn('Async Etiquette: the dialog failed; sending as you asked.', error);
      holding.delete(composer);
      record({ verdict: kind, action: 'failed-open', recipients: count });
      resendNatively(composer);
    }
  }

  async function scheduleAt(composer: HTMLElement, at: Date, kind: GuardEvent['verdict'], count: number): Promise<void> {
    // The site's own scheduler reads the browser's clock, so that is the time to tell the user to pick.
    const time = formatWallClock({ at: at.getTime(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
    try {
      if (adapter.scheduleNative) {
        const outcome = await adapter.scheduleNative(composer, at, signal);
        deps.health?.scheduled(composer, outcome);
        if (outcome.ok) {
          record({ verdict: kind, action: 'scheduled', recipients: count });
          // The site's list had no option at that minute and took the next one: say which.
          if (outcome.at !== undefined && outcome.at !== at.getTime()) {
            const taken = formatWallClock({ at: outcome.at, timeZone: source.current()?.settings.me.timeZone ?? 'UTC' });
            ui.showMessage(composer, t('page.schedule.tookLater', { time: taken }));
          }
        } else ui.showMessage(composer, t('page.schedule.stepFailed', { step: outcome.step, time }));
      } else if (deps.holdForLater && (await deps.holdForLater(composer, at))) {
        record({ verdict: kind, action: 'scheduled', recipients: count });
      } else {
        ui.showMessage(composer, t('page.schedule.notKept', { time }));
      }
    } catch (error) {
      console.warn('Async Etiquette: scheduling failed.', error);
      ui.showMessage(composer, t('page.schedule.failed', { time }));
    }
  }

  function viewOf(verdict: AfterHoursVerdict, composer: HTMLElement): HoldView {
    const view = { ...holdView(verdict, adapter.scheduleStepMinutes), findings: clarityNotes(composer, verdict) };
    return !adapter.scheduleNative && adapter.holdForLaterNote ? { ...view, scheduleNote: adapter.holdForLaterNote() } : view;
  }

  /** The user's own copy of a template, or the built-in one (a fix must work even if it was deleted). */
  function templateById(id: string): Template | null {
    return source.current()?.settings.templates.find((t) => t.id === id) ?? builtInTemplate(id, flavourForSite(site)) ?? null;
  }

  /** Local rules over the draft, run when the dialog or note opens, never on the Send path itself. */
  function clarityNotes(composer: HTMLElement, verdict: AfterHoursVerdict): ClarityNote[] {
    const text = adapter.body(composer)?.innerText ?? '';
    const disabledRules = source.current()?.settings.preferences.clarityDisabledRules ?? [];
    try {
      return checkClarity(text, { channel: flavourForSite(site), atNight: verdict.sender.outside }, { disabledRules }).map((f) => {
        const template = f.fix ? templateById(f.fix.templateId) : null;
        // The title as the picker shows it (a built-in's in the UI language).
        const title = template ? templateForFlavour(template, flavourForSite(site)).title : '';
        return { rule: f.rule, message: f.message, fix: template ? { templateId: template.id, title } : undefined };
      });
    } catch {
      return [];
    }
  }

  /**
   * One gesture, one decision. Docs presses Post on the mouseup that follows a mousedown, so when the
   * mousedown is held its mouseup and click must not reach the site either (nor a held key's keyup,
   * which would also press the dialog's focused button). They are never judged on their own.
   */
  const listened = new Set<string>(adapter.sendEvents);
  const startedBy: Record<string, 'mousedown' | 'keydown' | undefined> = { mouseup: 'mousedown', click: 'mousedown', keyup: 'keydown' };
  const GESTURE_MS = 5_000;
  let heldGesture: { composer: HTMLElement; starter: 'mousedown' | 'keydown'; key: string | null; at: number } | null = null;
  /** Held, dialog not open yet (it opens one task later): a quick second press is not a second hold. */
  const opening = new Set<HTMLElement>();

  function rememberGesture(event: Event, composer: HTMLElement): void {
    if (event.type !== 'mousedown' && event.type !== 'keydown') return;
    const key = event instanceof KeyboardEvent ? event.key : null;
    heldGesture = { composer, starter: event.type, key, at: Date.now() };
  }

  function finishGesture(event: Event, starter: 'mousedown' | 'keydown'): void {
    const gesture = heldGesture;
    if (!gesture || gesture.starter !== starter || Date.now() - gesture.at > GESTURE_MS) return;
    if (event instanceof KeyboardEvent) {
      if (event.key !== gesture.key) return;
    } else {
      const target = event.composedPath()[0];
      if (!(target instanceof Node) || adapter.composerOf(target) !== gesture.composer) return;
    }
    block(event);
    if (event.type !== 'mouseup') heldGesture = null;
  }

  function onSendGesture(event: Event): void {
    if (!isUserGesture(event)) return;
    const starter = startedBy[event.type];
    if (starter && listened.has(starter)) {
      finishGesture(event, starter);
      return;
    }
    // A new press (or another key) starts a new gesture: the held one has no more events to swallow.
    if (heldGesture?.starter === event.type && (!(event instanceof KeyboardEvent) || event.key !== heldGesture.key)) heldGesture = null;
    const composer = adapter.sendTarget(event);
    if (!composer || bypass.has(composer)) return;
    if (holding.has(composer) || opening.has(composer)) {
      // A second press while the dialog is open is not a second send.
      block(event);
      rememberGesture(event, composer);
      holding.get(composer)?.focus();
      return;
    }
    const verdict = safeDecide(composer);
    if (verdict?.kind !== 'after-hours') return;
    if (verdict.action === 'nudge') {
      record({ verdict: eventVerdictKind(verdict), action: 'nudged', recipients: verdict.counts.total });
      return;
    }
    block(event);
    rememberGesture(event, composer);
    opening.add(composer);
    // Open the dialog once this listener returns (the event is already stopped), in the same frame
    // as the click: a timer would let the browser paint first and miss the one-frame target.
    queueMicrotask(() => {
      opening.delete(composer);
      hold(composer, verdict);
    });
  }

  for (const type of adapter.sendEvents) {
    doc.defaultView?.addEventListener(type, onSendGesture, { capture: true, signal });
  }

  // Nudge mode: a passive note near the composer, refreshed while the user types or edits recipients.
  const nudgeTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
  function refreshNote(composer: HTMLElement, composerSignal: AbortSignal): void {
    clearTimeout(nudgeTimers.get(composer));
    nudgeTimers.set(
      composer,
      setTimeout(() => {
        if (composerSignal.aborted) return;
        const verdict = safeDecide(composer);
        const text =
          verdict?.kind === 'after-hours' && verdict.action === 'nudge'
            ? [noteText(verdict), clarityNotes(composer, verdict)[0]?.message].filter(Boolean).join('. ')
            : null;
        ui.showNote(composer, text, composerSignal);
      }, NUDGE_DELAY_MS),
    );
  }

  watchComposers(adapter, doc, signal, (composer, composerSignal) => {
    composerSignal.addEventListener('abort', () => {
      release(composer);
      clearTimeout(nudgeTimers.get(composer));
    });
    adapter.bind?.(composer, composerSignal);
    deps.health?.composerBound(composer, composerSignal);
    ui.bindComposer?.(composer, composerSignal);
    const refresh = () => refreshNote(composer, composerSignal);
    for (const type of ['input', 'focusin', 'keyup'] as const) {
      composer.addEventListener(type, refresh, { signal: composerSignal, passive: true });
    }
    const observer = new MutationObserver(refresh);
    observer.observe(composer, { childList: true, subtree: true });
    composerSignal.addEventListener('abort', () => observer.disconnect());
  });

  function templateText(composer: HTMLElement, template: Template, deadline?: Date): string {
    const body = templateForFlavour(template, flavourForSite(site)).body;
    const snapshot = source.current();
    if (!snapshot) return renderTemplate(body, { now: now(), me: { timeZone: 'UTC', weekly: EMPTY_WEEK }, recipients: [], deadline }).text;
    const recipients = recipientsOf(composer, snapshot)
      .filter((r) => !r.isSelf)
      .map((r) => ({ name: r.name, hours: r.hours }));
    return renderTemplate(body, { now: now(), me: snapshot.settings.me, recipients, deadline }).text;
  }

  return {
    snapshotChanged: () => {
      for (const refresh of refreshers.values()) refresh();
    },
    templateText,
  };
}

/** "It's 23:42 for Ana. She'll see it at Tue 09:00 her time" style, one line. */
export function noteText(v: AfterHoursVerdict): string {
  const text = describeVerdict(v);
  return [text.detail, text.slot ? t('page.hold.nextGoodTime', { slot: text.slot }) : null].filter(Boolean).join('. ');
}
