/**
 * The page UI (dialog, note, picker, their components and Preact) is not part of the content script
 * every Gmail, Slack and Docs tab runs: it is the `page-ui` chunk (entrypoints/page-ui.ts), listed in
 * web_accessible_resources for the three sites only and imported from the extension when a composer
 * is first bound or a hold, note or message first needs it. The guard then readies the dialog for
 * that composer, off the page, so the first real hold does not pay for compiling it.
 *
 * The Send path never waits for it: a held send is held synchronously by the guard, and the dialog
 * opens when the chunk is there. If the chunk cannot load, the held send goes through (failure rule).
 */
import { browser } from 'wxt/browser';
import type { PageUi, PageUiDeps, PeekBarHandle, PeekBarRequest, PeekBarView, QuietCoverHandle, QuietCoverRequest } from './page-ui';
import type { HoldDialogHandle } from './types';

export type PageUiFactory = (deps: PageUiDeps) => PageUi;

/** Where the chunk registers itself: the content script's own global (isolated from the page's). */
const registry = globalThis as typeof globalThis & { __asyncEtiquettePageUi?: unknown };

/** Called by the chunk when it runs. */
export function registerPageUi(factory: PageUiFactory): void {
  registry.__asyncEtiquettePageUi = factory;
}

let loading: Promise<PageUiFactory> | null = null;

/** Imports the chunk once (again after a failure). */
export function loadPageUi(): Promise<PageUiFactory> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/page-ui.js')).then(() => {
    const factory = registry.__asyncEtiquettePageUi;
    if (typeof factory !== 'function') throw new Error('the page UI did not register');
    return factory as PageUiFactory;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export interface LazyPageUi extends Omit<PageUi, 'openTemplatePicker'> {
  openTemplatePicker(): Promise<boolean>;
}

/** What the pending pieces below share: the one load, and the page's lifetime. */
interface Loader {
  ready(): Promise<PageUi>;
  signal: AbortSignal;
}

/** The hold dialog once its code is here; if it cannot load, the held send goes through (failure rule). */
function pendingHold(loader: Loader, ...[composer, verdict, handlers]: Parameters<PageUi['showHold']>): HoldDialogHandle {
  let handle: HoldDialogHandle | null = null;
  let closed = false;
  let latest = verdict;
  loader
    .ready()
    .then((ui) => {
      if (!closed && !loader.signal.aborted) handle = ui.showHold(composer, latest, handlers);
    })
    .catch((error: unknown) => {
      console.warn('Async Etiquette: the dialog could not load; sending as you asked.', error);
      if (!closed) handlers.failOpen?.();
    });
  return {
    update: (next) => {
      latest = next;
      handle?.update(next);
    },
    focus: () => handle?.focus(),
    close: () => {
      closed = true;
      handle?.close();
    },
  };
}

interface Piece<V> {
  update(view: V): void;
  remove(): void;
}

/**
 * A quiet-tab piece (the cover, the peek bar) once its code is here, shown with its latest view; one
 * that cannot load leaves the page as it is (failure rule).
 */
function pendingPiece<V>(loader: Loader, first: V, show: (ui: PageUi, latest: V) => Piece<V>, what: string): Piece<V> {
  let handle: Piece<V> | null = null;
  let removed = false;
  let latest = first;
  loader
    .ready()
    .then((ui) => {
      if (!removed && !loader.signal.aborted) handle = show(ui, latest);
    })
    .catch((error: unknown) => console.warn(`Async Etiquette: ${what} could not load; the page stays as it is.`, error));
  return {
    update: (next) => {
      latest = next;
      handle?.update(next);
    },
    remove: () => {
      removed = true;
      handle?.remove();
    },
  };
}

/** A page UI whose code arrives later: calls made before it wait, in order; a hold waits visibly held. */
export function createLazyPageUi(deps: PageUiDeps, load: () => Promise<PageUiFactory> = loadPageUi): LazyPageUi {
  let real: PageUi | null = null;

  let arriving: Promise<PageUi> | null = null;
  /** The UI, once: every caller waits for the same load (again after a failure). */
  function ready(): Promise<PageUi> {
    if (real) return Promise.resolve(real);
    arriving ??= load().then((factory) => {
      real = factory(deps);
      return real;
    });
    arriving.catch(() => {
      arriving = null;
    });
    return arriving;
  }
  const loader: Loader = { ready, signal: deps.signal };

  /** Runs `use` at once when the UI is here, else once it arrives; a failure to load is logged. */
  function withUi(use: (ui: PageUi) => void): void {
    if (real) return use(real);
    ready()
      .then((ui) => !deps.signal.aborted && use(ui))
      .catch((error: unknown) => console.warn('Async Etiquette: the in-page UI could not load.', error));
  }

  return {
    showQuietCover: (request) =>
      real ? real.showQuietCover(request) : pendingPiece(loader, request.until, (ui, until) => ui.showQuietCover({ ...request, until }), 'the quiet cover'),
    showPeekBar: (request) =>
      real ? real.showPeekBar(request) : pendingPiece<PeekBarView>(loader, request, (ui, view) => ui.showPeekBar({ ...request, ...view }), 'the peek bar'),
    showHold: (composer, verdict, handlers) => (real ? real.showHold(composer, verdict, handlers) : pendingHold(loader, composer, verdict, handlers)),
    showNote: (composer, verdict, signal) => {
      // Nothing to hide before the UI exists: a note that was never shown needs no code.
      if (real || verdict) withUi((ui) => !signal.aborted && ui.showNote(composer, verdict, signal));
    },
    showMessage: (composer, text) => withUi((ui) => ui.showMessage(composer, text)),
    showHealthNote: (composer, problem) => withUi((ui) => ui.showHealthNote?.(composer, problem)),
    bindComposer: (composer, signal) => withUi((ui) => !signal.aborted && ui.bindComposer?.(composer, signal)),
    insertTemplate: (composer, templateId) => withUi((ui) => ui.insertTemplate?.(composer, templateId)),
    // Asked when the first composer is bound: loads the UI if it is not here yet.
    prepare: (composer, verdict) =>
      withUi((ui) => {
        try {
          ui.prepare(composer, verdict);
        } catch (error) {
          console.warn('Async Etiquette: could not prepare the dialog.', error);
        }
      }),
    openTemplatePicker: () => ready().then((ui) => ui.openTemplatePicker()),
    chooseTemplate: (composer, templateId) => {
      if (real) return real.chooseTemplate(composer, templateId);
      // The key is taken now (it is this template's shortcut, in a composer); the template follows.
      withUi((ui) => ui.chooseTemplate(composer, templateId));
      return true;
    },
  };
}
