/**
 * The background's side of site health (issue 16): per-tab records reported by content scripts,
 * kept in storage.session (gone with the browser session; never synced, never on disk as text) so a
 * sleeping worker does not forget them. Reports are applied one at a time.
 */
import { SITES } from '@/utils/store/schema';
import {
  applyReport,
  EMPTY_HEALTH,
  forgetTab,
  healthView,
  type HealthState,
  type SiteHealthReport,
  type SiteHealthView,
} from '@/utils/store/site-health';

export const SITE_HEALTH_KEY = 'siteHealth';

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SiteHealthStore {
  /** `report` is parsed already (utils/messaging/table.ts, reportSiteHealth). */
  report(tabId: number | undefined, report: SiteHealthReport): Promise<void>;
  tabGone(tabId: number): Promise<void>;
  view(): Promise<SiteHealthView>;
}

function isState(value: unknown): value is HealthState {
  return typeof value === 'object' && value !== null && 'tabs' in value && 'failures' in value && Array.isArray((value as HealthState).failures);
}

export function createSiteHealthStore(area: SessionArea | undefined, now = () => Date.now()): SiteHealthStore {
  let memory: HealthState = EMPTY_HEALTH;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<HealthState> {
    if (!area) return memory;
    const stored = (await area.get(SITE_HEALTH_KEY))[SITE_HEALTH_KEY];
    return isState(stored) ? stored : EMPTY_HEALTH;
  }

  async function save(state: HealthState): Promise<void> {
    memory = state;
    if (area) await area.set({ [SITE_HEALTH_KEY]: state });
  }

  /** One change at a time: two tabs reporting together must not lose either report. */
  function change(update: (state: HealthState) => HealthState): Promise<void> {
    const next = queue.then(async () => save(update(await load())));
    queue = next.catch(() => {});
    return next;
  }

  return {
    report: async (tabId, report) => {
      if (tabId === undefined) return;
      await change((state) => applyReport(state, tabId, report, now()));
    },
    tabGone: (tabId) => change((state) => forgetTab(state, tabId)),
    view: async () => {
      await queue;
      return healthView(await load(), SITES);
    },
  };
}
