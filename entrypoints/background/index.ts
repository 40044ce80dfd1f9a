import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { PAUSE_ALARM, showPause } from '@/utils/background/pause-indicator';
import { runCommand } from '@/utils/background/commands';
import { createContext } from '@/utils/background/context';
import { answer, registerHandlers } from '@/utils/background/handle';
import { endPauseIfDue, storePopupSummary } from '@/utils/background/handlers/popup';
import { syncHandlers } from '@/utils/background/handlers/sync';
import { publishSnapshot } from '@/utils/background/publish';
import { createHeldComments } from '@/utils/background/held-comments';
import { serviceHandlers } from '@/utils/background/service';
import { createPolicySource } from '@/utils/background/policy';
import { createSync } from '@/utils/background/sync';
import { sendMessage } from '@/utils/messaging';
import { AppDb } from '@/utils/store/db';
import { runtimeTimeZone } from '@/utils/store/defaults';
import { lockedFieldIds } from '@/utils/store/policy';
import { isPaused } from '@/utils/store/quiet';
import { readSnapshot, SNAPSHOT_KEY } from '@/utils/store/snapshot';
import { POPUP_SUMMARY_KEY } from '@/utils/store/popup-summary';

export default defineBackground(() => {
  const db = new AppDb();
  // Organisation policy (issue 8): cached copy first, managed storage read in the background; merged at read time.
  const policy = createPolicySource(() => {
    ctx.republish().catch((error: unknown) => console.error('Async Etiquette: could not apply the policy', error));
  });
  const ctx = createContext({
    db,
    policy: () => policy.get(),
    publish: async (settings, locked) => {
      await publishSnapshot(settings, locked);
      await showPause(settings.preferences.pause, settings.me.timeZone);
      await storePopupSummary(ctx);
      // Settings sync (issue 10): stamp the change and schedule a coalesced write (not awaited).
      void sync.settingsChanged().catch(() => {});
    },
    /** The popup paints from this stored copy before the worker answers (utils/store/popup-summary.ts). */
    storeSummary: (summary) => browser.storage.local.set({ [POPUP_SUMMARY_KEY]: summary }),
    timeZone: runtimeTimeZone,
  });
  // Settings sync (issue 10): mirrors the synced subset to storage.sync and merges other devices' changes in.
  // Locked (policy) fields are never written into sync and are ignored on merge.
  const sync = createSync({
    db,
    republish: () => ctx.republish(),
    timeZone: runtimeTimeZone,
    lockedFieldIds: async () => new Set(lockedFieldIds(await policy.get())),
  });
  browser.storage.onChanged.addListener((changes, area) => sync.onStorageChanged(changes, area));
  browser.alarms.onAlarm.addListener((alarm) => sync.onAlarm(alarm));
  // Held Docs comments (issue 5): text kept until posted or discarded, one alarm at the earliest.
  const held = createHeldComments({
    db,
    timeZone: () => ctx.current().then((s) => s.me.timeZone).catch(() => runtimeTimeZone()),
  });

  // Every listener is registered in this first turn, so a message that woke the worker is not lost.
  const handlers = {
    ...serviceHandlers(ctx),
    ...held.handlers,
    ...syncHandlers(sync),
    getSnapshot: async () => {
      const { settings, locked } = await ctx.effective();
      return publishSnapshot(settings, locked);
    },
  };
  registerHandlers(handlers, ctx.ready);
  browser.alarms.onAlarm.addListener((alarm) => {
    held.onAlarm(alarm).catch((error: unknown) => console.warn('Async Etiquette: held comments alarm failed', error));
  });
  browser.notifications?.onClicked.addListener((id) => {
    held.onNotificationClicked(id).catch((error: unknown) => console.warn('Async Etiquette: could not open the document', error));
  });
  // Registered so a new browser session wakes the worker; start() below reminds what was missed.
  browser.runtime.onStartup.addListener(() => {});
  // Keyboard commands (issue 8): pause/resume, and the template picker of the focused composer.
  browser.commands?.onCommand.addListener((command, tab) => {
    void runCommand(
      command,
      {
        isPaused: async () => isPaused((await ctx.core()).preferences.pause, Date.now()),
        setPause: (data) => answer('setPause', data, handlers.setPause, ctx.ready),
        activeTabId: async (from) => from?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
        openTemplatePicker: (tabId) => sendMessage('openTemplatePicker', undefined, tabId),
      },
      tab,
    ).catch((error: unknown) => console.warn('Async Etiquette: keyboard command failed', error));
  });
  held.start().catch((error: unknown) => console.warn('Async Etiquette: could not check held comments', error));

  // The pause ends on time even when no page is open; a worker start after a missed alarm ends it too.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PAUSE_ALARM) return;
    endPauseIfDue(ctx).catch((error: unknown) => console.error('Async Etiquette: could not end the pause', error));
  });

  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void policy.refresh().catch((error: unknown) => console.warn('Async Etiquette: could not read the policy', error));
  });
  void policy.refresh().catch((error: unknown) => console.warn('Async Etiquette: could not read the policy', error));

  // An install or update publishes the snapshot (its shape may have changed) before any page asks.
  browser.runtime.onInstalled.addListener(() => {
    ctx.republish().catch((error: unknown) => console.error('Async Etiquette: could not publish settings', error));
  });
  // Every worker start runs one sync pass (a first one joins the account): what changed elsewhere while asleep.
  void ctx.ready.then(() => sync.pass()).catch((error: unknown) => console.warn('Async Etiquette: sync pass failed', error));
  // Any other start publishes only when no snapshot is stored. A worker that merely woke up (Chrome stops
  // it after 30 s idle) finds its snapshot in place: republishing 10,000 contacts on every wake would hold
  // up the popup's first answer. It does end a pause whose alarm was missed and re-shows the badge.
  void (async () => {
    if (await endPauseIfDue(ctx)) return;
    const stored = await browser.storage.local.get(SNAPSHOT_KEY);
    if (!readSnapshot(stored[SNAPSHOT_KEY])) {
      await ctx.republish();
      return;
    }
    const { me, preferences } = await ctx.core();
    await showPause(preferences.pause, me.timeZone);
  })().catch((error: unknown) => console.error('Async Etiquette: could not publish settings', error));
});
