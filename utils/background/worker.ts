/**
 * The worker's parts and their wiring to the browser, so the entrypoint stays a few lines: build the
 * parts, register every handler and listener in the first turn (MV3: an event that woke the worker is
 * not lost), then start.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import { AppDb } from '@/utils/store/db';
import { runtimeTimeZone } from '@/utils/store/defaults';
import { lockedFieldIds } from '@/utils/store/policy';
import { POPUP_SUMMARY_KEY } from '@/utils/store/popup-summary';
import { isPaused } from '@/utils/store/quiet';
import type { SiteHealthReport } from '@/utils/store/site-health';
import { readSnapshot, SNAPSHOT_KEY } from '@/utils/store/snapshot';
import { runCommand } from './commands';
import { createContext } from './context';
import { answer, registerHandlers, type Sender } from './handle';
import { endPauseIfDue, pauseAlarmFired, storePopupSummary } from './handlers/popup';
import { syncHandlers } from './handlers/sync';
import { listenForFirstRun } from './first-run';
import { createHeldComments } from './held-comments';
import { createHolidays, HOLIDAYS_KEY, needsDates, regionsInUse, type Holidays } from './holidays';
import type { HolidayTable } from '@/utils/holidays/apply';
import { listenForInstall, loadHolidayLibrary } from './holidays-library';
import { createPeekReminders } from './peek-reminders';
import { PAUSE_ALARM, showPause } from './pause-indicator';
import { createPolicySource } from './policy';
import { publishSnapshot } from './publish';
import type { Settings } from '@/utils/store/schema';
import { quietly } from './quietly';
import { serviceHandlers } from './service';
import { createSiteHealthStore } from './site-health';
import { createSync } from './sync';

export function createWorker() {
  const db = new AppDb();
  // Organisation policy (issue 8): cached copy first, managed storage read in the background; merged at read time.
  const policy = createPolicySource(() => {
    ctx.republish().catch(quietly('could not apply the policy', 'error'));
  });
  // Public holidays (issue 21): stored dates go out with the snapshot; missing ones are computed after it.
  const holidays = createHolidays({
    load: loadHolidayLibrary,
    read: async () => (await browser.storage.local.get(HOLIDAYS_KEY))[HOLIDAYS_KEY],
    write: (table) => browser.storage.local.set({ [HOLIDAYS_KEY]: table }),
    today: () => new Date().toISOString().slice(0, 10),
    locale: () => browser.i18n.getUILanguage(),
  });
  const publishWithHolidays = (settings: Settings, locked: string[]) => publishAndComplete(holidays, settings, locked, () => ctx.republish());
  const ctx = createContext({
    db,
    policy: () => policy.get(),
    publish: async (settings, locked) => {
      await publishWithHolidays(settings, locked);
      await showPause(settings.preferences.pause, settings.me.timeZone);
      await storePopupSummary(ctx);
      // Settings sync (issue 10): stamp the change and schedule a coalesced write (not awaited).
      void sync.settingsChanged().catch(() => {});
    },
    /** The popup paints from this stored copy before the worker answers (utils/store/popup-summary.ts). */
    storeSummary: (summary) => browser.storage.local.set({ [POPUP_SUMMARY_KEY]: summary }),
    timeZone: runtimeTimeZone,
    holidayTable: () => holidays.all(),
  });
  // Settings sync (issue 10): mirrors the synced subset to storage.sync and merges other devices' changes in.
  // Locked (policy) fields are never written into sync and are ignored on merge.
  const sync = createSync({
    db,
    republish: () => ctx.republish(),
    timeZone: runtimeTimeZone,
    lockedFieldIds: async () => new Set(lockedFieldIds(await policy.get())),
  });
  // Held Docs comments (issue 5): text kept until posted or discarded, one alarm at the earliest.
  const held = createHeldComments({
    db,
    timeZone: () => ctx.current().then((s) => s.me.timeZone).catch(() => runtimeTimeZone()),
  });
  // Site health (issue 16): per-tab records in storage.session; each page load reports afresh, a closed tab is forgotten.
  const health = createSiteHealthStore(browser.storage.session);
  // Quiet tabs' peeks (issue 19, item 4): ids and times in storage.local, one alarm at the earliest.
  const peeks = createPeekReminders();
  const handlers = {
    ...serviceHandlers(ctx),
    ...held.handlers,
    ...peeks.handlers,
    ...syncHandlers(sync),
    reportSiteHealth: (report: SiteHealthReport, sender?: Sender) => health.report(sender?.tab?.id, report),
    getSiteHealth: () => health.view(),
    openOptions: async () => {
      await browser.runtime.openOptionsPage();
      return { ok: true as const };
    },
    getSnapshot: async () => {
      const { settings, locked } = await ctx.effective();
      const snapshot = await publishWithHolidays(settings, locked);
      // Bench (e) reads this mark: worker cold start → first snapshot answer.
      if (performance.getEntriesByName('ae-snapshot-answered').length === 0) performance.mark('ae-snapshot-answered');
      return snapshot;
    },
  };
  return { ctx, policy, sync, held, peeks, health, handlers };
}

export type Worker = ReturnType<typeof createWorker>;

/**
 * Publishes with the holiday dates already stored, then (not awaited) computes those missing or running
 * short and publishes again: the library never delays a snapshot, and a region it cannot compute is not
 * retried in a loop (utils/background/holidays.ts).
 */
async function publishAndComplete(holidays: Holidays, settings: Settings, locked: string[], republish: () => Promise<unknown>) {
  const regions = regionsInUse(settings);
  const { table, missing } = await holidays.stored(regions);
  const snapshot = await publishSnapshot(settings, locked, table);
  if (missing.length) {
    void holidays
      .refresh(missing, regions)
      .then((changed) => (changed ? republish() : undefined))
      .catch(quietly('could not compute public holidays'));
  }
  return snapshot;
}

/** Messages, alarms, notifications, keyboard commands and storage changes: all registered synchronously. */
export function listen({ ctx, policy, sync, held, peeks, health, handlers }: Worker): void {
  registerHandlers(handlers, ctx.ready);
  listenForInstall();
  browser.tabs?.onRemoved.addListener((tabId) => void health.tabGone(tabId).catch(() => {}));
  browser.storage.onChanged.addListener((changes, area) => sync.onStorageChanged(changes, area));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void policy.refresh().catch(quietly('could not read the policy'));
  });
  browser.alarms.onAlarm.addListener((alarm) => sync.onAlarm(alarm));
  browser.alarms.onAlarm.addListener((alarm) => void held.onAlarm(alarm).catch(quietly('held comments alarm failed')));
  // The pause ends on time even when no page is open; a worker start after a missed alarm ends it too.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_ALARM) pauseAlarmFired(ctx).catch(quietly('could not end the pause', 'error'));
  });
  browser.alarms.onAlarm.addListener((alarm) => void peeks.onAlarm(alarm).catch(quietly('peek reminder alarm failed')));
  browser.notifications?.onClicked.addListener((id) => void held.onNotificationClicked(id).catch(quietly('could not open the document')));
  browser.notifications?.onClicked.addListener((id) => void peeks.onNotificationClicked(id).catch(quietly('could not open the peek reminder')));
  browser.notifications?.onClosed.addListener((id, byUser) => void peeks.onNotificationClosed(id, byUser).catch(quietly('could not forget the peek reminder')));
  // Registered so a new browser session wakes the worker; start() reminds what was missed.
  browser.runtime.onStartup.addListener(() => {});
  // An install or update publishes the snapshot (its shape may have changed) before any page asks.
  browser.runtime.onInstalled.addListener(() => void ctx.republish().catch(quietly('could not publish settings', 'error')));
  // A new install opens the first-run page (issue 22); an update or a restart never does.
  listenForFirstRun();
  // Keyboard commands (issue 8): pause/resume, and the template picker of the focused composer.
  browser.commands?.onCommand.addListener((command, tab) => {
    const deps = {
      isPaused: async () => isPaused((await ctx.core()).preferences.pause, Date.now()),
      setPause: (data: unknown) => answer('setPause', data, handlers.setPause, ctx.ready),
      activeTabId: async (from?: { id?: number }) => from?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      openTemplatePicker: (tabId: number) => sendMessage('openTemplatePicker', undefined, tabId),
    };
    void runCommand(command, deps, tab).catch(quietly('keyboard command failed'));
  });
}

function holidaysRunShort(settings: Settings, table: HolidayTable | undefined): boolean {
  const today = new Date().toISOString().slice(0, 10);
  return regionsInUse(settings).some((region) => needsDates(table?.[region], today));
}

/** Long enough for the waking message's answer (≈100 ms on a 2-core machine), short enough to feel immediate. */
const HOUSEKEEPING_DELAY_MS = 1_000;

/**
 * Every worker start: held comments' reminders, the policy, one sync pass, and the snapshot if missing.
 * Run once the message that woke the worker has had its answer: a start's first job is that answer
 * (bench (e)), and each of these reads IndexedDB or storage on the same thread. None is needed for it.
 */
export function start(worker: Worker): void {
  setTimeout(() => housekeeping(worker), HOUSEKEEPING_DELAY_MS);
}

function housekeeping({ ctx, policy, sync, held, peeks }: Worker): void {
  held.start().catch(quietly('could not check held comments'));
  peeks.start().catch(quietly('could not check peek reminders'));
  void policy.refresh().catch(quietly('could not read the policy'));
  // One sync pass (a first one joins the account): what changed elsewhere while asleep.
  void ctx.ready.then(() => sync.pass()).catch(quietly('sync pass failed'));
  // Publish only when no snapshot is stored. A worker that merely woke up (Chrome stops it after 30 s
  // idle) finds its snapshot in place: republishing 10,000 contacts on every wake would hold up the
  // popup's first answer. It does end a pause whose alarm was missed and re-shows the badge.
  void (async () => {
    if (await endPauseIfDue(ctx)) return;
    const stored = readSnapshot((await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]);
    // None yet, or a region's holiday dates running short (they last 400 days; nothing else renews them).
    if (!stored || holidaysRunShort(stored.settings, stored.holidays)) {
      await ctx.republish();
      return;
    }
    // The badge from the snapshot just read, not from a slower database read: a change published
    // meanwhile (which sets the badge itself) must not be overwritten by an older value.
    await showPause(stored.settings.preferences.pause, stored.settings.me.timeZone);
  })().catch(quietly('could not publish settings', 'error'));
}
