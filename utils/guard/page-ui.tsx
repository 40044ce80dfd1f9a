/**
 * The guard's UI in the page: the hold dialog, the nudge note, short messages and template pickers.
 * It is the page-ui chunk (entrypoints/page-ui.ts), loaded when first needed or on idle, never on the
 * Send path: see ./lazy-ui.ts.
 */
import { useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { checkClarity, flavourForSite, templateForFlavour, templateNeedsDeadline, type TemplateRecipient } from '@/utils/etiquette';
import { defaultDeadline, fromLocalInput, localDate, toLocalInput } from '@/utils/hours';
import { HealthNote } from '@/components/HealthNote';
import { HoldDialog, type InPageChrome } from '@/components/HoldDialog';
import type { MenuItem } from '@/components/InPageMenu';
import { PeekBar } from '@/components/PeekBar';
import { QuietCover } from '@/components/QuietCover';
import { StatusNote } from '@/components/StatusNote';
import { TemplatePicker, type TemplateItem } from '@/components/TemplatePicker';
import type { AfterHoursVerdict } from '@/utils/etiquette/types';
import type { HoldView } from '@/utils/etiquette/hold-view';
import { calendarDate, clockTime, weekdayTime } from '@/utils/i18n/dates';
import { shortName } from '@/utils/etiquette/format';
import { t } from '@/utils/i18n';
import { besideComposer } from '@/utils/ui/placement';
import { siteName } from '@/utils/i18n/sites';
import type { Template } from '@/utils/store/schema';
import type { SiteHealthProblem } from '@/utils/store/site-health';
import { mountShadow, type ShadowMount } from '@/utils/ui/shadow';
import type { SiteAdapter } from './adapter';
import type { SnapshotSource } from './snapshot-client';
import { templateText } from './template-text';
import type { GuardUi, HoldDialogHandle, HoldHandlers } from './types';
import { describeHold, describeNote, templateById, type ViewContext } from './views';
import { withOwnHolidays } from '@/utils/holidays/apply';

const MESSAGE_MS = 12_000;

const PREPARE_VIEW: HoldView = {
  headline: '…',
  detail: '…',
  unknown: '…',
  slot: '…',
  scheduleLabel: '…',
  unknownRecipients: [{ key: 'warm@example.com', name: '…' }],
  findings: [{ rule: 'warm', message: '…', fix: { templateId: 'warm', title: '…' } }],
};

/** Pinned to the composer's lower edge, clamped to the viewport. */
function nearComposer(composer: HTMLElement): CSSProperties {
  const rect = composer.getBoundingClientRect();
  const viewWidth = composer.ownerDocument.defaultView?.innerWidth ?? 1024;
  const viewHeight = composer.ownerDocument.defaultView?.innerHeight ?? 768;
  const width = Math.min(440, viewWidth - 16);
  const left = Math.max(8, Math.min(rect.left + 8, viewWidth - width - 8));
  const bottom = Math.max(8, Math.min(viewHeight - rect.bottom + 56, viewHeight - 200));
  return { left, bottom };
}

/** Just above the composer, clamped to the viewport (below its top edge when there is no room above). */
function aboveComposer(composer: HTMLElement): CSSProperties {
  const rect = composer.getBoundingClientRect();
  const view = composer.ownerDocument.defaultView;
  const viewWidth = view?.innerWidth ?? 1024;
  const viewHeight = view?.innerHeight ?? 768;
  const width = Math.min(440, viewWidth - 16);
  const left = Math.max(8, Math.min(rect.left + 8, viewWidth - width - 8));
  return rect.top > 96 ? { left, bottom: viewHeight - rect.top + 8 } : { left, top: Math.max(8, rect.top + 48) };
}

export interface PageUiDeps {
  adapter: SiteAdapter;
  doc: Document;
  source: SnapshotSource;
  /** The composer's recipients (the user excluded), for the variables of a template. */
  recipients: (composer: HTMLElement) => TemplateRecipient[];
  /** Released with the page's guard. */
  signal: AbortSignal;
  /** The ⋯ menu's ways out (issue 20); absent: the menu offers none. */
  actions?: InPageActions;
}

/** What the ⋯ menu of the dialog and the note changes, through the worker. */
export interface InPageActions {
  /** Not asked about this person before `until` (the user's local date); resolves to an error to show, or null. */
  snooze(person: { key: string; name: string; until: string }): Promise<string | null>;
  /** This site's mode to off; resolves to an error to show, or null. */
  turnOff(): Promise<string | null>;
  openSettings(): void;
}

export interface PageUi extends GuardUi {
  prepare(composer: HTMLElement, verdict: AfterHoursVerdict | null): void;
  showHealthNote(composer: HTMLElement, problem: SiteHealthProblem): void;
  /** Opens the template picker of the composer that has focus (the keyboard command); false when none has. */
  openTemplatePicker(): boolean;
  /** Chooses a template in this composer's picker, as a click would (its keyboard shortcut); false without a picker. */
  chooseTemplate(composer: HTMLElement, templateId: string): boolean;
  /** Quiet tabs' shield (contract §3): covers the page until removed. */
  showQuietCover(cover: QuietCoverRequest): QuietCoverHandle;
  /** While a shield peek is open (issue 19, item 4): the bar that hands what was opened to the morning. */
  showPeekBar(bar: PeekBarRequest): PeekBarHandle;
}

export interface PeekBarView {
  /** When the peek ends, epoch ms. */
  peekUntil: number;
  /** The user's next working start, epoch ms (null: no reminder is offered). */
  remindAt: number | null;
  /** Items opened during the peek, and how many of them a reminder already holds. */
  opened: number;
  reminded: number;
}

export interface PeekBarRequest extends PeekBarView {
  /** Resolves to an error to show, or null once the reminder is set. */
  onRemind: () => Promise<string | null>;
}

export interface PeekBarHandle {
  update(view: PeekBarView): void;
  remove(): void;
}

export interface QuietCoverRequest {
  /** The user's next working start, epoch ms (null when none is known), shown in `me.timeZone`. */
  until: number | null;
  onOpenAnyway: () => void;
  onOnCall: (hours: number) => Promise<string | null>;
}

export interface QuietCoverHandle {
  update(until: number | null): void;
  remove(): void;
}

const NO_HANDLERS: HoldHandlers = { sendNow() {}, schedule() {}, keepEditing() {}, setZone: async () => null };

/** The page's UI state, shared by the functions below. */
interface PageUiState extends PageUiDeps {
  notes: WeakMap<HTMLElement, ShadowMount>;
  /** Each open template picker's render, to redraw them all when the templates change. */
  pickers: Set<() => void>;
  openers: Map<HTMLElement, (templateId?: string, item?: TemplateItem) => void>;
  views: ViewContext;
}

export function createPageUi(deps: PageUiDeps): PageUi {
  const { adapter, doc, source, signal } = deps;
  const ui: PageUiState = { ...deps, notes: new WeakMap(), pickers: new Set(), openers: new Map(), views: { adapter, source } };

  // New templates (edited in the options page) reach every open picker.
  source.subscribe?.(() => {
    for (const render of ui.pickers) render();
  }, signal);

  return {
    showHold: (composer, verdict, handlers) => showHold(ui, composer, verdict, handlers),
    showNote: (composer, verdict, composerSignal) => showNote(ui, composer, verdict, composerSignal),
    showMessage: (composer, text) => showMessage(doc, composer, text),
    bindComposer: (composer, composerSignal) => bindComposer(ui, composer, composerSignal),
    prepare: (composer, verdict) => prepare(ui, composer, verdict),
    showHealthNote: (composer, problem) => showHealthNote(ui, composer, problem),
    insertTemplate: (composer, templateId) => {
      const template = templateFor(ui, templateId);
      if (!template) return;
      // A deadline is asked for first, in the composer's picker: never a stand-in date in the message (issue 20).
      const open = ui.openers.get(composer);
      if (open && templateNeedsDeadline(template.body)) return open(template.id, { id: template.id, title: template.title, needsDeadline: true });
      adapter.insertText(composer, renderTemplate(ui, template, composer));
    },
    openTemplatePicker: () => openTemplatePicker(ui),
    showQuietCover: (cover) => showQuietCover(ui, cover),
    showPeekBar: (bar) => showPeekBar(ui, bar),
    chooseTemplate: (composer, templateId) => {
      const open = ui.openers.get(composer);
      open?.(templateId);
      return Boolean(open);
    },
  };
}

function timeZoneOf(source: SnapshotSource): string {
  return source.current()?.settings.me.timeZone ?? 'UTC';
}

/** Built-ins the user has not edited in the UI language and this site's flavour (titles for the picker). */
function templatesFor({ source, adapter }: PageUiState): Template[] {
  return (source.current()?.settings.templates ?? []).map((template) => templateForFlavour(template, flavourForSite(adapter.site)));
}

/** A template by id as the picker shows it: the user's (in this site's flavour), else a built-in one. */
function templateFor(ui: PageUiState, id: string): Template | null {
  return templatesFor(ui).find((t) => t.id === id) ?? templateById(ui.views, id);
}

function renderTemplate({ source, adapter, recipients }: PageUiState, template: Template, composer: HTMLElement, deadline?: Date): string {
  const snapshot = source.current();
  const me = snapshot ? withOwnHolidays(snapshot.settings, snapshot.holidays).me : null;
  return templateText({ template, site: adapter.site, now: new Date(), me, recipients: recipients(composer), deadline });
}

function showHold(ui: PageUiState, composer: HTMLElement, verdict: AfterHoursVerdict, handlers: HoldHandlers): HoldDialogHandle {
  const mount = mountShadow(null, ui.doc, 'hold-dialog');
  let focusToken = 0;
  let held = verdict;
  let current = describeHold(ui.views, composer, verdict);
  // A way out chosen in the menu leaves the draft as it is (Keep editing) and says what changed.
  const afterMenu = (text: string) => {
    handlers.keepEditing();
    showMessage(ui.doc, composer, text);
  };
  const render = () =>
    mount.render(
      <BesideComposer composer={composer}>
        <HoldDialog view={current} handlers={handlers} focusToken={focusToken} chrome={inPageChrome(ui, composer, held, afterMenu)} />
      </BesideComposer>,
    );
  render();
  return {
    update: (next) => {
      held = next;
      current = describeHold(ui.views, composer, next);
      render();
    },
    focus: () => {
      focusToken += 1;
      render();
    },
    close: () => mount.remove(),
  };
}

/**
 * Fixed beside the composer, never over its recipients or body (utils/ui/placement.ts), placed before
 * the first paint and again whenever the dialog, the composer or the window changes size.
 */
function BesideComposer({ composer, children }: { composer: HTMLElement; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    const view = composer.ownerDocument.defaultView;
    if (!el || !view) return;
    const place = () => {
      const r = composer.getBoundingClientRect();
      const size = el.getBoundingClientRect();
      const at = besideComposer({ left: r.left, top: r.top, width: r.width, height: r.height }, size, { width: view.innerWidth, height: view.innerHeight });
      el.style.left = `${at.left}px`;
      el.style.top = `${at.top}px`;
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(el);
    observer.observe(composer);
    view.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      view.removeEventListener('resize', place);
    };
  }, [composer]);
  return (
    <div ref={box} style={{ position: 'fixed', left: 8, top: 8, zIndex: 2147483647 }} className="ae-anchor">
      {children}
    </div>
  );
}

const MAX_SNOOZE_ITEMS = 3;
/** "Don't ask about <person> for a week". */
const SNOOZE_DAYS = 7;
const DAY_MS = 86_400_000;

/** Brand, why, and the ⋯ menu for a surface about `verdict`; `after` says what a chosen way out changed. */
function inPageChrome(ui: PageUiState, composer: HTMLElement, verdict: AfterHoursVerdict, after: (text: string) => void): InPageChrome {
  const { actions, adapter, source } = ui;
  const site = siteName(adapter.site);
  const failed = (error: string) => showMessage(ui.doc, composer, t('page.menu.failed', { error }));
  const menu: MenuItem[] = [];
  if (actions) {
    // Only an address or member id can be snoozed; a bare display name cannot.
    for (const person of verdict.outside.filter((p) => !p.key.startsWith('name:')).slice(0, MAX_SNOOZE_ITEMS)) {
      const name = shortName(person.name, person.key);
      menu.push({
        id: `snooze:${person.key}`,
        label: t('page.menu.snooze', { name }),
        onSelect: () => {
          const until = localDate(timeZoneOf(source), Date.now() + SNOOZE_DAYS * DAY_MS);
          void actions.snooze({ key: person.key, name: person.name, until }).then((error) => (error ? failed(error) : after(t('page.menu.snoozed', { name, date: calendarDate(until) }))));
        },
      });
    }
    if (!(source.current()?.locked ?? []).includes(`sites.${adapter.site}`)) {
      menu.push({
        id: 'turn-off',
        label: t('page.menu.turnOff', { site }),
        onSelect: () => void actions.turnOff().then((error) => (error ? failed(error) : after(t('page.menu.turnedOff', { site })))),
      });
    }
    menu.push({ id: 'settings', label: t('page.menu.settings'), onSelect: () => actions.openSettings() });
  }
  return { site, menu, openSettings: () => actions?.openSettings() };
}

function showNote(ui: PageUiState, composer: HTMLElement, verdict: AfterHoursVerdict | null, composerSignal: AbortSignal): void {
  const text = verdict ? describeNote(ui.views, composer, verdict) : null;
  let mount = ui.notes.get(composer);
  if (!mount) {
    if (!text) return;
    mount = mountShadow(ui.adapter.notePlacement(composer), ui.doc, 'status-note');
    ui.notes.set(composer, mount);
    const created = mount;
    composerSignal.addEventListener('abort', () => created.remove(), { once: true });
  }
  const chrome = verdict ? inPageChrome(ui, composer, verdict, (message) => showMessage(ui.doc, composer, message)) : undefined;
  mount.render(<StatusNote text={text} chrome={chrome} />);
}

function showMessage(doc: Document, composer: HTMLElement, text: string): void {
  const mount = mountShadow(null, doc, 'message');
  mount.render(
    <div className="ae-message" role="status" style={nearComposer(composer)}>
      {text}
    </div>,
  );
  setTimeout(() => mount.remove(), MESSAGE_MS);
}

function bindComposer(ui: PageUiState, composer: HTMLElement, composerSignal: AbortSignal): void {
  const placement = ui.adapter.toolbarPlacement(composer);
  if (!placement) return;
  const mount = mountShadow(placement, ui.doc, 'template-picker');
  const render = () => mount.render(templatePicker(ui, composer));
  render();
  ui.pickers.add(render);
  composerSignal.addEventListener(
    'abort',
    () => {
      ui.pickers.delete(render);
      ui.openers.delete(composer);
      mount.remove();
    },
    { once: true },
  );
}

/** The composer's picker as it stands now: the current templates and a deadline in the user's zone. */
function templatePicker(ui: PageUiState, composer: HTMLElement) {
  const register = (open: (templateId?: string, item?: TemplateItem) => void) => ui.openers.set(composer, open);
  const timeZone = () => timeZoneOf(ui.source);
  return (
    <TemplatePicker
      templates={templatesFor(ui).map((t) => ({ id: t.id, title: t.title, needsDeadline: templateNeedsDeadline(t.body) }))}
      deadlineZone={timeZone()}
      defaultDeadline={toLocalInput(defaultDeadline(Date.now(), timeZone()), timeZone())}
      register={register}
      onChoose={(id, deadlineText) => {
        const template = templateFor(ui, id);
        if (!template) return;
        const deadline = deadlineText ? fromLocalInput(deadlineText, timeZone()) : null;
        ui.adapter.insertText(composer, renderTemplate(ui, template, composer, deadline === null ? undefined : new Date(deadline)));
      }}
    />
  );
}

/**
 * A detached render (focus cannot move into it), the formatters the first view uses, and our style
 * sheet parsed once in the page (the browser reuses a parsed sheet for the same text).
 */
function prepare(ui: PageUiState, composer: HTMLElement, verdict: AfterHoursVerdict | null): void {
  const { doc } = ui;
  const styled = mountShadow(null, doc, 'prepare');
  styled.host.style.display = 'none';
  styled.remove();
  const view = verdict ? describeHold(ui.views, composer, verdict) : PREPARE_VIEW;
  const container = doc.createElement('div');
  const root = createRoot(container);
  flushSync(() => root.render(<HoldDialog view={view} handlers={NO_HANDLERS} focusToken={0} />));
  root.unmount();
  if (!verdict) {
    weekdayTime(Date.now(), timeZoneOf(ui.source));
    checkClarity('Warm up.', { channel: flavourForSite(ui.adapter.site), atNight: true });
  }
}

/** Site health (issue 16): once per page, just above the composer (never over its Send bar), dismissible. */
function showHealthNote({ doc, signal }: PageUiState, composer: HTMLElement, problem: SiteHealthProblem): void {
  const mount = mountShadow(null, doc, 'health-note');
  signal.addEventListener('abort', () => mount.remove(), { once: true });
  mount.render(
    <div style={{ position: 'fixed', zIndex: 2147483646, ...aboveComposer(composer) }}>
      <HealthNote problem={problem} onDismiss={() => setTimeout(() => mount.remove(), 0)} />
    </div>,
  );
}

/** A page-wide piece of our UI drawn from `view`, redrawn on update, removed with the page's guard. */
function pagePiece<V>(ui: PageUiState, kind: string, first: V, draw: (view: V) => ReactNode): { update(view: V): void; remove(): void } {
  const mount = mountShadow(null, ui.doc, kind);
  const update = (view: V) => mount.render(draw(view));
  update(first);
  const remove = () => mount.remove();
  ui.signal.addEventListener('abort', remove, { once: true });
  return {
    update,
    remove: () => {
      ui.signal.removeEventListener('abort', remove);
      remove();
    },
  };
}

function showQuietCover(ui: PageUiState, cover: QuietCoverRequest): QuietCoverHandle {
  return pagePiece(ui, 'quiet-cover', cover.until, (until) => (
    <QuietCover
      siteName={siteName(ui.adapter.site)}
      until={until === null ? null : weekdayTime(until, timeZoneOf(ui.source))}
      onOpenAnyway={cover.onOpenAnyway}
      onOnCall={cover.onOnCall}
    />
  ));
}

function showPeekBar(ui: PageUiState, request: PeekBarRequest): PeekBarHandle {
  return pagePiece<PeekBarView>(ui, 'peek-bar', request, (view) => {
    const zone = timeZoneOf(ui.source);
    return (
      <PeekBar
        until={clockTime(view.peekUntil, zone)}
        remindAt={view.remindAt === null ? null : weekdayTime(view.remindAt, zone)}
        opened={view.opened}
        reminded={view.reminded}
        onRemind={request.onRemind}
      />
    );
  });
}

function openTemplatePicker({ doc, adapter, openers }: PageUiState): boolean {
  const focused = doc.activeElement;
  const composer = focused ? adapter.composerOf(focused) : null;
  const open = composer ? openers.get(composer) : undefined;
  if (!open) return false;
  open();
  return true;
}
