/**
 * What every background handler shares: the database once ready, the user's own and the effective
 * (policy-merged) settings, and republish after a change. Free of wiring so it runs on fake-indexeddb.
 */
import type { HolidayTable } from '@/utils/holidays/apply';
import type { PopupSummary } from '@/utils/messaging';
import type { ContactWithId } from '@/utils/store/contact-query';
import { defaultSettings } from '@/utils/store/defaults';
import type { AppDb } from '@/utils/store/db';
import { inferUserSet, mergePolicy, type Policy } from '@/utils/store/policy';
import { ensureInitialized, readContactRows, readCoreSettings, readSettings, readUserSet } from '@/utils/store/repository';
import type { Settings } from '@/utils/store/schema';

export interface ServiceDeps {
  db: AppDb;
  /** Called with the fresh (effective) settings after every change, to push them to content scripts and pages. */
  publish: (settings: Settings, locked: string[]) => Promise<void>;
  /** The organisation's policy (cached; never blocks on managed storage). Absent: no policy. */
  policy?: () => Promise<Policy | null>;
  timeZone: () => string;
  now?: () => number;
  /** Stores the popup summary for the popup's first paint (utils/store/popup-summary.ts); absent in tests. */
  storeSummary?: (summary: PopupSummary) => Promise<void>;
  /** The public holidays computed so far, by region (utils/background/holidays.ts); absent in tests. */
  holidayTable?: () => Promise<HolidayTable>;
}

export type CoreSettings = Omit<Settings, 'contacts'>;

export function createContext({ db, publish, timeZone, now = Date.now, policy = async () => null, storeSummary, holidayTable = async () => ({}) }: ServiceDeps) {
  const ready = ensureInitialized(db, timeZone());

  /** The user's own settings as stored (what Export writes; no policy values). */
  async function current(): Promise<Settings> {
    await ready;
    return readSettings(db, timeZone());
  }

  async function userSet(core: CoreSettings): Promise<Set<string>> {
    return new Set((await readUserSet(db)) ?? inferUserSet(core, defaultSettings(core.me.timeZone)));
  }

  /** Organisation policy merged over the user's settings at read time (utils/store/policy.ts). */
  async function effective(): Promise<{ settings: Settings; locked: string[] }> {
    const [own, managed] = await Promise.all([current(), policy()]);
    return mergePolicy(own, await userSet(own), managed);
  }

  /** The same without the directory (cheap with 10,000 contacts). */
  async function effectiveCore(): Promise<{ core: CoreSettings; locked: string[] }> {
    await ready;
    const [own, managed] = await Promise.all([readCoreSettings(db, timeZone()), policy()]);
    const { settings, locked } = mergePolicy({ ...own, contacts: [] }, await userSet(own), managed);
    const { contacts: _none, ...core } = settings;
    return { core, locked };
  }

  /**
   * The directory as validated rows, kept between page flips and searches (10,000 zod parses cost more
   * than a search). Every write is followed by republish(), which drops it.
   */
  let contactRows: Promise<ContactWithId[]> | null = null;
  function directory(): Promise<ContactWithId[]> {
    contactRows ??= readContactRows(db).catch((error: unknown) => {
      contactRows = null;
      throw error;
    });
    return contactRows;
  }

  /** Counts republishes (every change goes through one): caches built from the settings compare it. */
  let revision = 0;

  async function republish(): Promise<Settings> {
    revision += 1;
    contactRows = null;
    const { settings, locked } = await effective();
    await publish(settings, locked);
    return settings;
  }

  return {
    db,
    ready,
    now,
    timeZone,
    policy,
    storeSummary,
    holidayTable,
    current,
    userSet,
    effective,
    effectiveCore,
    directory,
    republish,
    revision: () => revision,
    /** The effective settings without the directory (cheap with 10,000 contacts). */
    core: async (): Promise<CoreSettings> => (await effectiveCore()).core,
  };
}

export type Context = ReturnType<typeof createContext>;
