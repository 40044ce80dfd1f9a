/**
 * The background worker's request handlers, free of wiring so they can be tested with fake-indexeddb.
 * Each handler validates its payload with the protocol's zod schema before it touches the database.
 */
import { DateTime } from 'luxon';
import type { z } from 'zod';
import {
  deleteContactsPayload,
  historyPayload,
  importContactsPayload,
  importSettingsPayload,
  listContactsPayload,
  listEventsPayload,
  recordEventPayload,
  resetSettingsPayload,
  saveContactPayload,
  setContactZonePayload,
  setPausePayload,
  updateSettingsPayload,
} from '@/utils/messaging-payloads';
import type {
  EventPage,
  ImportContactsOutcome,
  Outcome,
  PopupSummary,
  SaveContactOutcome,
  WeekSummary,
} from '@/utils/messaging';
import { isValidTimeZone } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { contactKeys, queryContacts, withDirectory, type ContactPage, type ContactWithId } from '@/utils/store/contact-query';
import { defaultSettings } from '@/utils/store/defaults';
import { historyBounds, summariseHistory, summariseWeek, type History } from '@/utils/store/history';
import { isPaused, isSnoozeActive, localDate, pauseEnd } from '@/utils/store/quiet';
import type { AppDb } from '@/utils/store/db';
import {
  addEvent,
  clearEvents,
  countEventsSince,
  deleteContacts,
  ensureInitialized,
  eventsSince,
  mergeContacts,
  pageEvents,
  patchSettings,
  putContact,
  readContactRows,
  readCoreSettings,
  readSettings,
  readUserSet,
  replaceSettings,
  setContactZone,
  writeUserSet,
} from '@/utils/store/repository';
import { fileFieldIds, inferUserSet, mergePolicy, planUpdate, type Policy } from '@/utils/store/policy';
import { contactSchema, LIMITS, type Contact, type Settings, type SettingsFile } from '@/utils/store/schema';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';
import { describeIssue } from '@/utils/store/settings-file';
import { teamContactsField } from '@/utils/store/popup-summary';

export interface ServiceDeps {
  db: AppDb;
  /** Called with the fresh (effective) settings after every change, to push them to content scripts and pages. */
  publish: (settings: Settings, locked: string[]) => Promise<void>;
  /** The organisation's policy (cached; never blocks on managed storage). Absent: no policy. */
  policy?: () => Promise<Policy | null>;
  timeZone: () => string;
  now?: () => number;
}

function refuse(error: z.ZodError, input: unknown): { ok: false; error: string } {
  return { ok: false, error: describeIssue(error.issues[0]!, input) };
}

export function createService({ db, publish, timeZone, now = Date.now, policy = async () => null }: ServiceDeps) {
  const ready = ensureInitialized(db, timeZone());

  /** The user's own settings as stored (what Export writes; no policy values). */
  async function current(): Promise<Settings> {
    await ready;
    return readSettings(db, timeZone());
  }

  async function userSet(core: Omit<Settings, 'contacts'>): Promise<Set<string>> {
    return new Set((await readUserSet(db)) ?? inferUserSet(core, defaultSettings(core.me.timeZone)));
  }

  /** Organisation policy merged over the user's settings at read time (utils/store/policy.ts). */
  async function effective(): Promise<{ settings: Settings; locked: string[] }> {
    const [own, managed] = await Promise.all([current(), policy()]);
    return mergePolicy(own, await userSet(own), managed);
  }

  /** The same without the directory (cheap with 10,000 contacts). */
  async function effectiveCore(): Promise<{ core: Omit<Settings, 'contacts'>; locked: string[] }> {
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

  async function republish(): Promise<Settings> {
    contactRows = null;
    const { settings, locked } = await effective();
    await publish(settings, locked);
    return settings;
  }

  /** "ana@example.com already belongs to Ana Souza", or null when no other contact has these keys. */
  async function findClash(contact: Contact, id?: number): Promise<string | null> {
    const emails = contact.emails.map((e) => e.toLowerCase());
    const [byEmail, bySlack] = await Promise.all([
      emails.length ? db.contacts.where('emails').anyOf(emails).toArray() : [],
      contact.slackIds?.length ? db.contacts.where('slackIds').anyOf(contact.slackIds).toArray() : [],
    ]);
    const other = [...byEmail, ...bySlack].find((row) => row.id !== id);
    if (!other) return null;
    const shared = contactKeys(contact).find((k) => contactKeys(other).includes(k));
    return shared ? t('service.addressTaken', { address: shared, name: other.name }) : t('service.someAddressTaken', { name: other.name });
  }

  return {
    ready,
    current,
    effective,
    republish,

    /** The effective settings without the directory (cheap with 10,000 contacts). */
    async core() {
      return (await effectiveCore()).core;
    },

    async getSettings(): Promise<SettingsFile> {
      return toSettingsFile(await current());
    },

    async importSettings(data: unknown): Promise<Outcome> {
      const payload = importSettingsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      const parsed = parseSettingsText(payload.data.text, timeZone());
      if (!parsed.ok) return parsed;
      await ready;
      await db.transaction('rw', db.settings, db.contacts, async () => {
        await replaceSettings(db, parsed.settings, now());
        await writeUserSet(db, fileFieldIds(JSON.parse(payload.data.text)), now());
      });
      await republish();
      return { ok: true };
    },

    async updateSettings(data: unknown): Promise<Outcome> {
      const payload = updateSettingsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      const managed = await policy();
      // Read, merge and write in one transaction: two partial updates at once must not overwrite each other.
      // The page sends values built from the effective settings: only what differs from them is the user's
      // change (stored and marked as set by the user); a change to a locked field is refused.
      const outcome = await db.transaction('rw', db.settings, db.contacts, async (): Promise<Outcome> => {
        const existing = await readSettings(db, timeZone());
        const marked = await userSet(existing);
        const plan = planUpdate(existing, mergePolicy(existing, marked, managed).settings, managed, payload.data);
        if (!plan.ok) return plan;
        await patchSettings(db, plan.write, now());
        if (plan.userSet.length) await writeUserSet(db, [...marked, ...plan.userSet], now());
        return { ok: true };
      });
      if (!outcome.ok) return outcome;
      await republish();
      return { ok: true };
    },

    async recordEvent(data: unknown): Promise<void> {
      const event = recordEventPayload.safeParse(data);
      if (!event.success) throw new Error(`Refused event: ${describeIssue(event.error.issues[0]!, data)}`);
      await ready;
      await addEvent(db, event.data);
    },

    async setContactZone(data: unknown): Promise<Outcome> {
      const payload = setContactZonePayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      if (await setContactZone(db, payload.data)) await republish();
      return { ok: true };
    },

    async getWeekSummary(): Promise<WeekSummary> {
      await ready;
      const since = DateTime.fromMillis(now(), { zone: timeZone() }).startOf('week').toMillis();
      const counts = await countEventsSince(db, since);
      return { since, held: counts.held, scheduled: counts.scheduled, sentAnyway: counts['sent-anyway'] };
    },

    // Popup and options (issue 6).

    async getPopupSummary(): Promise<PopupSummary> {
      await ready;
      const at = now();
      const { core, locked } = await effectiveCore();
      const zone = core.me.timeZone;
      const since = DateTime.fromMillis(at, { zone: isValidTimeZone(zone) ? zone : 'UTC' }).startOf('week').toMillis();
      const [contacts, events] = await Promise.all([db.contacts.count(), eventsSince(db, since)]);
      const { pause, snoozes } = core.preferences;
      return {
        me: core.me,
        sites: core.sites,
        pause: pause && isPaused(pause, at) ? pause : null,
        snoozed: (snoozes ?? []).filter((s) => isSnoozeActive(s, localDate(zone, at))).length,
        contacts,
        week: summariseWeek(events, zone, at),
        ...(locked.length ? { locked } : {}),
        ...teamContactsField(await policy()),
      };
    },

    async setPause(data: unknown): Promise<Outcome> {
      const payload = setPausePayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      const at = now();
      const { kind } = payload.data;
      await db.transaction('rw', db.settings, db.contacts, async () => {
        const { me, preferences } = await readCoreSettings(db, timeZone());
        const { pause: _previous, ...rest } = preferences;
        const next = kind === 'resume' ? rest : { ...rest, pause: { since: at, until: pauseEnd(kind, me, at) } };
        await patchSettings(db, { preferences: next }, at);
      });
      await republish();
      return { ok: true };
    },

    /** Ends a pause whose time has come (the alarm, or a worker start after a missed alarm). */
    async endPauseIfDue(): Promise<boolean> {
      await ready;
      const at = now();
      const ended = await db.transaction('rw', db.settings, db.contacts, async () => {
        const { preferences } = await readCoreSettings(db, timeZone());
        if (!preferences.pause || isPaused(preferences.pause, at)) return false;
        const { pause: _over, ...rest } = preferences;
        await patchSettings(db, { preferences: rest }, at);
        return true;
      });
      if (ended) await republish();
      return ended;
    },

    async listContacts(data: unknown): Promise<ContactPage> {
      const query = listContactsPayload.safeParse(data);
      if (!query.success) throw new Error(`Refused query: ${describeIssue(query.error.issues[0]!, data)}`);
      await ready;
      // The organisation's directory is listed too (read-only), as the guard sees it.
      const [own, managed] = await Promise.all([directory(), policy()]);
      return queryContacts(withDirectory(own, managed?.directory), query.data);
    },

    async saveContact(data: unknown): Promise<SaveContactOutcome> {
      const payload = saveContactPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      const { id, contact } = payload.data;
      const clash = await findClash(contact, id);
      if (clash) return { ok: false, error: clash };
      if (id === undefined && (await db.contacts.count()) >= LIMITS.contacts) {
        return { ok: false, error: t('service.directoryFull', { max: LIMITS.contacts }) };
      }
      const saved = await putContact(db, contact, id);
      if (saved === null) return { ok: false, error: t('service.contactGone') };
      await republish();
      return { ok: true, id: saved };
    },

    async deleteContacts(data: unknown): Promise<Outcome> {
      const payload = deleteContactsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      await deleteContacts(db, payload.data.ids);
      await republish();
      return { ok: true };
    },

    async importContacts(data: unknown): Promise<ImportContactsOutcome> {
      const payload = importContactsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      const contacts: Contact[] = [];
      const seen = new Map<string, number>();
      for (const [index, raw] of payload.data.contacts.entries()) {
        const parsed = contactSchema.safeParse(raw);
        if (!parsed.success) return { ok: false, error: t('service.badContact', { number: index + 1, error: describeIssue(parsed.error.issues[0]!, raw) }) };
        for (const key of contactKeys(parsed.data)) {
          const first = seen.get(key);
          if (first !== undefined) return { ok: false, error: t('service.duplicateKey', { first: first + 1, second: index + 1, key }) };
          seen.set(key, index);
        }
        contacts.push(parsed.data);
      }
      await ready;
      const counts = await mergeContacts(db, contacts, LIMITS.contacts);
      if (!counts) return { ok: false, error: t('service.tooManyContacts', { max: LIMITS.contacts }) };
      await republish();
      return { ok: true, ...counts };
    },

    async getHistory(data: unknown): Promise<History> {
      const payload = historyPayload.safeParse(data);
      if (!payload.success) throw new Error(`Refused: ${describeIssue(payload.error.issues[0]!, data)}`);
      await ready;
      const { me } = await readCoreSettings(db, timeZone());
      const bounds = historyBounds(payload.data.weeks, me.timeZone, now());
      const [events, total] = await Promise.all([eventsSince(db, bounds[0]!), db.events.count()]);
      return { weeks: summariseHistory(events, bounds, me.timeZone), total };
    },

    async listEvents(data: unknown): Promise<EventPage> {
      const payload = listEventsPayload.safeParse(data);
      if (!payload.success) throw new Error(`Refused: ${describeIssue(payload.error.issues[0]!, data)}`);
      await ready;
      return pageEvents(db, payload.data.offset, payload.data.limit);
    },

    async clearHistory(): Promise<Outcome> {
      await ready;
      await clearEvents(db);
      return { ok: true };
    },

    async resetSettings(data: unknown): Promise<Outcome> {
      const payload = resetSettingsPayload.safeParse(data);
      if (!payload.success) return refuse(payload.error, data);
      await ready;
      await db.transaction('rw', db.settings, db.contacts, async () => {
        await replaceSettings(db, defaultSettings(timeZone()), now());
        await writeUserSet(db, [], now());
      });
      if (payload.data.history) await clearEvents(db);
      await republish();
      return { ok: true };
    },
  };
}

export type Service = ReturnType<typeof createService>;
