import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { PAUSE_ALARM, showPause } from '@/utils/background/pause-indicator';
import { runCommand } from '@/utils/background/commands';
import { isOwnSender, publishSnapshot } from '@/utils/background/publish';
import { createHeldComments } from '@/utils/background/held-comments';
import { createService } from '@/utils/background/service';
import { createPolicySource } from '@/utils/background/policy';
import { createSync } from '@/utils/background/sync';
import { setSyncEnabledPayload } from '@/utils/messaging-payloads';
import { onMessage, sendMessage, type ProtocolMap } from '@/utils/messaging';
import { AppDb } from '@/utils/store/db';
import { runtimeTimeZone } from '@/utils/store/defaults';
import { lockedFieldIds } from '@/utils/store/policy';
import { isPaused } from '@/utils/store/quiet';
import { readSnapshot, SNAPSHOT_KEY } from '@/utils/store/snapshot';
import { POPUP_SUMMARY_KEY } from '@/utils/store/popup-summary';

/** Long enough for the waking message's answer (≈100 ms on a 2-core machine), short enough to feel immediate. */
const HOUSEKEEPING_DELAY_MS = 1_000;

export default defineBackground(() => {
  // Bench (e) reads these marks: how much of a cold start is loading this script, and how much the answer.
  performance.mark('ae-worker-main');
  const db = new AppDb();
  // Organisation policy (issue 8): cached copy first, managed storage read in the background; merged at read time.
  const policy = createPolicySource(() => {
    service.republish().catch((error: unknown) => console.error('Async Etiquette: could not apply the policy', error));
  });
  const service = createService({
    db,
    policy: () => policy.get(),
    publish: async (settings, locked) => {
      await publishSnapshot(settings, locked);
      await showPause(settings.preferences.pause, settings.me.timeZone);
      await storePopupSummary();
      // Settings sync (issue 10): stamp the change and schedule a coalesced write (not awaited).
      void sync.settingsChanged().catch(() => {});
    },
    timeZone: runtimeTimeZone,
  });
  // Settings sync (issue 10): mirrors the synced subset to storage.sync and merges other devices' changes in.
  // Locked (policy) fields are never written into sync and are ignored on merge.
  const sync = createSync({
    db,
    republish: () => service.republish(),
    timeZone: runtimeTimeZone,
    lockedFieldIds: async () => new Set(lockedFieldIds(await policy.get())),
  });
  browser.storage.onChanged.addListener((changes, area) => sync.onStorageChanged(changes, area));
  browser.alarms.onAlarm.addListener((alarm) => sync.onAlarm(alarm));
  // Held Docs comments (issue 5): text kept until posted or discarded, one alarm at the earliest.
  const held = createHeldComments({
    db,
    timeZone: () => service.current().then((s) => s.me.timeZone).catch(() => runtimeTimeZone()),
  });

  /** The popup paints from this stored copy before the worker answers (utils/store/popup-summary.ts). */
  async function storePopupSummary(): Promise<void> {
    try {
      await browser.storage.local.set({ [POPUP_SUMMARY_KEY]: await service.getPopupSummary() });
    } catch (error) {
      console.warn('Async Etiquette: could not store the popup summary', error);
    }
  }

  /** Every listener is registered in this first turn, so a message that woke the worker is not lost. */
  function handle<K extends keyof ProtocolMap>(
    type: K,
    run: (data: unknown) => Promise<ReturnType<ProtocolMap[K]>>,
  ): void {
    onMessage(type, (message) => {
      if (!isOwnSender(message.sender)) throw new Error('Refused: unknown sender');
      return run(message.data);
    });
  }

  handle('getSettings', () => service.getSettings());
  handle('importSettings', (data) => service.importSettings(data));
  handle('updateSettings', (data) => service.updateSettings(data));
  handle('recordEvent', async (data) => {
    await service.recordEvent(data);
    // This week's numbers changed: the popup's stored copy follows (not awaited by the page).
    void storePopupSummary();
  });
  handle('setContactZone', (data) => service.setContactZone(data));
  handle('getWeekSummary', () => service.getWeekSummary());
  handle('getSnapshot', async () => {
    const { settings, locked } = await service.effective();
    const snapshot = await publishSnapshot(settings, locked);
    if (performance.getEntriesByName('ae-snapshot-answered').length === 0) performance.mark('ae-snapshot-answered');
    return snapshot;
  });
  // Popup and options (issue 6).
  handle('getPopupSummary', async () => {
    const summary = await service.getPopupSummary();
    void browser.storage.local.set({ [POPUP_SUMMARY_KEY]: summary }).catch(() => {});
    return summary;
  });
  handle('setPause', (data) => service.setPause(data));
  handle('listContacts', (data) => service.listContacts(data));
  handle('saveContact', (data) => service.saveContact(data));
  handle('deleteContacts', (data) => service.deleteContacts(data));
  handle('importContacts', (data) => service.importContacts(data));
  handle('getHistory', (data) => service.getHistory(data));
  handle('listEvents', (data) => service.listEvents(data));
  handle('clearHistory', async () => {
    const outcome = await service.clearHistory();
    await storePopupSummary();
    return outcome;
  });
  handle('resetSettings', (data) => service.resetSettings(data));
  // Held Docs comments (issue 5).
  handle('holdComment', (data) => held.hold(data));
  handle('listHeldComments', (data) => held.list(data));
  handle('claimHeldComment', (data) => held.claim(data));
  handle('heldCommentPosted', (data) => held.posted(data));
  handle('releaseHeldComment', (data) => held.release(data));
  handle('discardHeldComment', (data) => held.discard(data));
  handle('postHeldComment', (data) => held.requestPost(data));
  // Settings sync (issue 10).
  handle('getSyncStatus', async () => {
    await service.ready;
    return sync.getStatus();
  });
  handle('setSyncEnabled', async (data) => {
    const payload = setSyncEnabledPayload.safeParse(data);
    if (!payload.success) return { ok: false, error: 'Refused: expected { enabled: boolean }' };
    await service.ready;
    await sync.setEnabled(payload.data.enabled);
    return { ok: true };
  });
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
        isPaused: async () => isPaused((await service.core()).preferences.pause, Date.now()),
        setPause: (data) => service.setPause(data),
        activeTabId: async (from) => from?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
        openTemplatePicker: (tabId) => sendMessage('openTemplatePicker', undefined, tabId),
      },
      tab,
    ).catch((error: unknown) => console.warn('Async Etiquette: keyboard command failed', error));
  });

  // The pause ends on time even when no page is open; a worker start after a missed alarm ends it too.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PAUSE_ALARM) return;
    service.endPauseIfDue().catch((error: unknown) => console.error('Async Etiquette: could not end the pause', error));
  });

  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void policy.refresh().catch((error: unknown) => console.warn('Async Etiquette: could not read the policy', error));
  });

  // An install or update publishes the snapshot (its shape may have changed) before any page asks.
  browser.runtime.onInstalled.addListener(() => {
    service.republish().catch((error: unknown) => console.error('Async Etiquette: could not publish settings', error));
  });
  /**
   * Housekeeping every worker start owes, run once the message that woke the worker has had its answer:
   * a start's first job is that answer (bench (e): worker cold start → first snapshot answer), and each
   * of these reads IndexedDB or storage on the same thread. Nothing here is needed to answer it.
   */
  function housekeeping(): void {
    held.start().catch((error: unknown) => console.warn('Async Etiquette: could not check held comments', error));
    void policy.refresh().catch((error: unknown) => console.warn('Async Etiquette: could not read the policy', error));
    // Every worker start runs one sync pass (a first one joins the account): what changed elsewhere while asleep.
    void service.ready.then(() => sync.pass()).catch((error: unknown) => console.warn('Async Etiquette: sync pass failed', error));
    // Any other start publishes only when no snapshot is stored. A worker that merely woke up (Chrome stops
    // it after 30 s idle) finds its snapshot in place: republishing 10,000 contacts on every wake would hold
    // up the popup's first answer. It does end a pause whose alarm was missed and re-shows the badge.
    void (async () => {
      if (await service.endPauseIfDue()) return;
      const stored = readSnapshot((await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]);
      if (!stored) {
        await service.republish();
        return;
      }
      // The badge from the snapshot just read, not from a slower database read: a change published
      // meanwhile (which sets the badge itself) must not be overwritten by an older value.
      await showPause(stored.settings.preferences.pause, stored.settings.me.timeZone);
    })().catch((error: unknown) => console.error('Async Etiquette: could not publish settings', error));
  }
  setTimeout(housekeeping, HOUSEKEEPING_DELAY_MS);
});
