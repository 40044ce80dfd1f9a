import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { onMessage, sendMessage } from '@/utils/messaging';
import type { Site } from '@/utils/store/schema';
import type { SiteAdapter } from './adapter';
import { createDecider } from './decide';
import { startGuard, type GuardDeps, type GuardEvent } from './guard';
import { createLazyPageUi } from './lazy-ui';
import type { InPageActions } from './page-ui';
import { createHealth } from './health';
import { watchTemplateShortcuts } from './template-shortcuts';
import { watchSnapshot, type SnapshotSource } from './snapshot-client';
import { HOST_TAG } from '@/utils/ui/host-tag';
import { startQuiet } from '@/utils/quiet/start';

/**
 * The attribute lets tests (and a curious user in devtools) see which settings revision the page
 * holds. It carries no personal data, only a number and the site's mode.
 */
export const REVISION_ATTRIBUTE = 'data-async-etiquette-revision';
const MODE_ATTRIBUTE = 'data-async-etiquette-mode';

const SAVE_TIMEOUT_MS = 5_000;
/** The daily count is asked while the person waits on Send now: a slow worker must not hold them up. */
const COUNT_TIMEOUT_MS = 1_500;

/** Fire-and-forget: a worker that is asleep or gone must never delay or break a send. */
function recordEvent(site: Site, event: GuardEvent): void {
  sendMessage('recordEvent', { ...event, site, at: Date.now() }).catch(() => {});
}

async function saveContactZone(
  ref: { key: string; name: string; timeZone: string; holidays?: string },
  source: 'typed' | 'slack-profile' = 'typed',
): Promise<string | null> {
  try {
    // A hung worker must not leave the dialog waiting forever.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), SAVE_TIMEOUT_MS));
    const outcome = await Promise.race([sendMessage('setContactZone', { ...ref, source }), timeout]);
    return outcome.ok ? null : outcome.error;
  } catch {
    return t('page.zone.notAnswering');
  }
}

/** Send-now presses today, from the worker (issue 21); null when it does not answer in time (then no limit stands). */
async function sentAnywayToday(): Promise<number | null> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), COUNT_TIMEOUT_MS));
    return await Promise.race([sendMessage('countSentAnywayToday', undefined), timeout]);
  } catch {
    return null;
  }
}

/** The reason step's line box, remembered when it differs from what the settings say (fire-and-forget). */
function rememberLabelChoice(source: SnapshotSource) {
  return (checked: boolean) => {
    if ((source.current()?.settings.preferences.sendNowLabel ?? false) === checked) return;
    sendMessage('updateSettings', { preferences: { sendNowLabel: checked } }).catch(() => {});
  };
}

/** "I'm on call" from the shield: the worker keeps it (and every tab follows its snapshot). */
async function setOnCall(until: number): Promise<string | null> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), SAVE_TIMEOUT_MS));
    const outcome = await Promise.race([sendMessage('setOnCall', { until }), timeout]);
    return outcome.ok ? null : outcome.error;
  } catch {
    return t('quietTab.cover.onCallFailed');
  }
}

/** "Remind me at Mon 09:00" from a peek's bar: the worker keeps the ids and the time (issue 19, item 4). */
function remindAfterPeekFor(site: Site) {
  return async (at: number, items: string[]): Promise<string | null> => {
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), SAVE_TIMEOUT_MS));
      const outcome = await Promise.race([sendMessage('remindAfterPeek', { site, at, items }), timeout]);
      return outcome.ok ? null : outcome.error;
    } catch {
      return t('quietTab.peek.failed');
    }
  };
}

/** The ⋯ menu's ways out (issue 20): a week's snooze, the site off, the options page; each undoable in the popup. */
function inPageActions(site: Site, source: SnapshotSource): InPageActions {
  const save = async (patch: Parameters<typeof sendMessage<'updateSettings'>>[1]): Promise<string | null> => {
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), SAVE_TIMEOUT_MS));
      const outcome = await Promise.race([sendMessage('updateSettings', patch), timeout]);
      return outcome.ok ? null : outcome.error;
    } catch {
      return t('page.zone.notAnswering');
    }
  };
  return {
    async snooze({ key, name, until }) {
      const settings = source.current()?.settings;
      if (!settings) return t('page.zone.notAnswering');
      // Any earlier snooze of this person gives way to the new one (as the options page does).
      const others = (settings.preferences.snoozes ?? []).filter((s) => !s.keys.includes(key));
      return save({ preferences: { snoozes: [...others, { name, keys: [key], until }] } });
    },
    turnOff: () => save({ sites: { [site]: 'off' } }),
    openSettings: () => void sendMessage('openOptions', undefined).catch(() => {}),
  };
}

/** Site-specific extras for the guard (Docs: where Schedule keeps a comment, having no scheduler). */
export type SiteExtras = Pick<GuardDeps, 'holdForLater'>;

/** Events from inside our shadow roots reach window retargeted to the host element. */
function isOurUi(target: EventTarget | null): boolean {
  return target instanceof Element && target.localName === HOST_TAG;
}

/** The extension behind this script still exists (not updated, reloaded or removed since). */
function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/**
 * How long this script guards the page. WXT's context also aborts when any script on the page
 * dispatches its "a newer copy started" DOM event, which a hostile page can forge; so we detach only
 * when the extension is really gone, which is also true when a newer copy legitimately replaced us.
 */
function guardLifetime(ctx: ContentScriptContext): AbortController {
  const life = new AbortController();
  ctx.onInvalidated(() => {
    if (!extensionAlive()) life.abort();
  });
  return life;
}

/** The composer's recipients as a template's variables see them (the user excluded). */
function templateRecipients(adapter: SiteAdapter, source: SnapshotSource) {
  const decider = createDecider(adapter, source, document, () => new Date());
  return (composer: HTMLElement) => {
    const snapshot = source.current();
    if (!snapshot) return [];
    return decider
      .recipientsOf(composer, snapshot)
      .filter((r) => !r.isSelf)
      .map((r) => ({ name: r.name, hours: r.hours }));
  };
}

export function startSite(ctx: ContentScriptContext, site: Site, adapter?: SiteAdapter, extras: SiteExtras = {}): void {
  const root = document.documentElement;
  const life = guardLifetime(ctx);
  const signal = life.signal;
  /** Asked on each of the page's own gestures: after a reload the first one detaches everything. */
  const alive = () => {
    if (extensionAlive()) return true;
    life.abort();
    return false;
  };
  const source = watchSnapshot(signal, (snapshot) => {
    root.setAttribute(REVISION_ATTRIBUTE, `${snapshot.revision}`);
    root.setAttribute(MODE_ATTRIBUTE, snapshot.settings.sites[site]);
  });
  signal.addEventListener('abort', () => {
    root.removeAttribute(REVISION_ATTRIBUTE);
    root.removeAttribute(MODE_ATTRIBUTE);
  });
  if (!adapter) return;

  const ui = createLazyPageUi({ adapter, doc: document, source, recipients: templateRecipients(adapter, source), signal, actions: inPageActions(site, source) });
  // Quiet tabs: the title, the page's notifications (with quiet.content.ts) and shield's cover.
  startQuiet({
    site,
    doc: document,
    source,
    signal,
    showCover: (request) => ui.showQuietCover(request),
    setOnCall,
    showPeekBar: (request) => ui.showPeekBar(request),
    remindAfterPeek: remindAfterPeekFor(site),
    // Counts only, fire-and-forget: a peek is the user, outside their hours, opening the site.
    record: (action) => void sendMessage('recordEvent', { site, at: Date.now(), verdict: 'sender-outside', action, recipients: 0 }).catch(() => {}),
  });
  const health = createHealth(
    {
      adapter,
      // Fire-and-forget: a sleeping or reloaded worker must never slow a page down.
      report: (report) => void sendMessage('reportSiteHealth', report).catch(() => {}),
      notify: (composer, problem) => ui.showHealthNote(composer, problem),
    },
    signal,
  );
  startGuard(
    {
      adapter,
      health,
      source,
      ui,
      doc: document,
      record: (event) => recordEvent(site, event),
      saveContactZone,
      sentAnywayToday,
      rememberLabelChoice: rememberLabelChoice(source),
      // After an update or reload this script lives on in open tabs with a dead context. The page's
      // own gestures ask: the first one after a reload detaches everything and goes to the site
      // natively, never into a dialog of a dead script. Gestures inside our UI do not ask, so a
      // dialog that is already open still does what it says.
      isUserGesture: (event) => event.isTrusted && (isOurUi(event.target) || alive()),
      ...extras,
    },
    signal,
  );
  adapter.watchPage?.(document, signal, (learned) => {
    health.zoneLearned();
    void saveContactZone(learned, 'slack-profile');
  });
  // The `open-template-picker` keyboard command (the background sends it to the active tab).
  const stopListening = onMessage('openTemplatePicker', () => ui.openTemplatePicker());
  signal.addEventListener('abort', stopListening);
  // Each template's own keyboard shortcut, while a composer has focus (read live from the snapshot).
  const templates = () => source.current()?.settings.templates ?? [];
  watchTemplateShortcuts({ doc: document, templates, composerOf: (node) => adapter.composerOf(node), choose: ui.chooseTemplate, alive }, signal);
}
