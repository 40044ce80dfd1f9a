/**
 * Peeks are not lost work (issue 19, item 4): what the user opened during a shield peek, handed to
 * their next working start. Only the site, ids and times are stored (storage.local, one key, read
 * through zod: anything malformed is dropped). One alarm at the earliest due reminder, re-armed on
 * every change and at every worker start; when due, one notification per reminder names the site and
 * how many, and a click opens the one item or the site's home.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { siteName } from '@/utils/i18n/sites';
import type { Handlers } from './handle';
import { answerers } from './handle';
import { quietly } from './quietly';
import { ITEM_ID, itemUrl, MAX_OPENED, SITE_HOME } from '@/utils/quiet/opened';
import { SITES, type Site } from '@/utils/store/schema';

export const PEEK_ALARM = 'peek-reminder';
export const PEEK_NOTIFICATION_PREFIX = 'peek:';
export const PEEK_REMINDERS_KEY = 'peekReminders';
/** At most this many reminders wait (the oldest is dropped), and as many shown ones are remembered for their click. */
export const MAX_PEEK_REMINDERS = 20;
/** "The next working start" lies at most this far ahead (a long weekend plus a day off fits). */
export const MAX_PEEK_AHEAD_MS = 8 * 24 * 3_600_000;
const ICON_PATH = '/icon/128.png';
const TOLERANCE_MS = 1_000;

const reminderSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  site: z.enum(SITES),
  at: z.number().int().nonnegative(),
  createdAt: z.number().int().nonnegative(),
  items: z.array(z.string()).min(1).max(MAX_OPENED),
});
export type PeekReminder = z.infer<typeof reminderSchema>;

/** Waiting reminders, and shown ones (until their notification is clicked or closed). */
export interface PeekStore {
  pending: PeekReminder[];
  shown: PeekReminder[];
}

/** Each stored reminder on its own: a bad one (or one whose ids no longer look right) is dropped, never thrown. */
function readList(value: unknown): PeekReminder[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = reminderSchema.safeParse(entry);
    return parsed.success && parsed.data.items.every((item) => ITEM_ID[parsed.data.site].test(item)) ? [parsed.data] : [];
  });
}

export function readPeekStore(value: unknown): PeekStore {
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { pending: readList(record.pending), shown: readList(record.shown) };
}


/** "Gmail: 2 conversations you opened after hours". */
export function peekReminderText(site: Site, count: number): string {
  const name = siteName(site);
  return site === 'docs' ? t('worker.peek.documents', count, { site: name }) : t('worker.peek.conversations', count, { site: name });
}

/** Why a reminder at `at` cannot be set now, or null. */
export function peekReminderProblem(at: number, now: number): string | null {
  if (at <= now) return t('quietTab.peek.past');
  if (at - now > MAX_PEEK_AHEAD_MS) return t('quietTab.peek.tooFar');
  return null;
}

/** What a click opens: the one item, or the site's home. */
export function peekTarget(reminder: Pick<PeekReminder, 'site' | 'items'>): string {
  return reminder.items.length === 1 ? itemUrl(reminder.site, reminder.items[0]!) : SITE_HOME[reminder.site];
}

export interface PeekRemindersDeps {
  now?: () => number;
  newId?: () => string;
}

async function read(): Promise<PeekStore> {
  const stored = await browser.storage.local.get(PEEK_REMINDERS_KEY);
  return readPeekStore(stored[PEEK_REMINDERS_KEY]);
}

async function write(store: PeekStore): Promise<void> {
  await browser.storage.local.set({ [PEEK_REMINDERS_KEY]: store });
}

/** Shows every reminder due at `at` (once: it leaves the pending list first) and remembers it for its click. */
async function remindDue(at: number): Promise<PeekReminder[]> {
  const store = await read();
  const due = store.pending.filter((r) => r.at <= at);
  if (!due.length) return due;
  await write({
    pending: store.pending.filter((r) => r.at > at),
    shown: [...store.shown, ...due].slice(-MAX_PEEK_REMINDERS),
  });
  for (const reminder of due) {
    await browser.notifications
      .create(`${PEEK_NOTIFICATION_PREFIX}${reminder.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL(ICON_PATH),
        title: t('worker.peek.title'),
        message: peekReminderText(reminder.site, reminder.items.length),
      })
      .catch(quietly('could not show the peek reminder.'));
  }
  return due;
}

/** One alarm at the earliest waiting reminder; ones already due at `at` are shown now. */
async function ensureAlarm(at: number): Promise<void> {
  await remindDue(at);
  const { pending } = await read();
  const earliest = pending.reduce<number | null>((min, r) => (min === null || r.at < min ? r.at : min), null);
  if (earliest === null) {
    await browser.alarms.clear(PEEK_ALARM);
    return;
  }
  const existing = await browser.alarms.get(PEEK_ALARM);
  if (existing && Math.abs(existing.scheduledTime - earliest) <= TOLERANCE_MS) return;
  await browser.alarms.create(PEEK_ALARM, { when: earliest });
}

/** Drops a shown reminder (clicked or dismissed) and returns it. */
async function forget(notificationId: string): Promise<PeekReminder | undefined> {
  const id = notificationId.slice(PEEK_NOTIFICATION_PREFIX.length);
  const store = await read();
  const reminder = store.shown.find((r) => r.id === id);
  if (reminder) await write({ ...store, shown: store.shown.filter((r) => r.id !== id) });
  return reminder;
}

export function createPeekReminders({ now = Date.now, newId = () => crypto.randomUUID() }: PeekRemindersDeps = {}) {
  const handlers: Handlers<'remindAfterPeek'> = {
    async remindAfterPeek({ site, at, items }) {
      const problem = peekReminderProblem(at, now());
      if (problem) return { ok: false, error: problem };
      const store = await read();
      const reminder: PeekReminder = { id: newId(), site, at, createdAt: now(), items: [...new Set(items)] };
      // The oldest (by when it was set) goes when there are too many.
      const pending = [...store.pending, reminder].sort((a, b) => a.createdAt - b.createdAt).slice(-MAX_PEEK_REMINDERS);
      await write({ ...store, pending });
      await ensureAlarm(now()).catch(quietly('could not arm the peek reminder.'));
      return { ok: true };
    },
  };

  return {
    handlers,
    ...answerers(handlers, Promise.resolve()),
    read,
    ensureAlarm: () => ensureAlarm(now()),
    remindDue: () => remindDue(now()),
    /** Every worker start: show what came due while the browser was closed, and arm the alarm. */
    start: () => ensureAlarm(now()),
    async onAlarm(alarm: { name: string }): Promise<void> {
      if (alarm.name !== PEEK_ALARM) return;
      await ensureAlarm(now());
    },
    async onNotificationClicked(notificationId: string): Promise<void> {
      if (!notificationId.startsWith(PEEK_NOTIFICATION_PREFIX)) return;
      const reminder = await forget(notificationId);
      await browser.notifications.clear(notificationId).catch(quietly('could not clear the peek reminder.'));
      if (reminder) await browser.tabs.create({ url: peekTarget(reminder), active: true });
    },
    /** Dismissed by the user: nothing left to open. (A notification the system tucked away may still be clicked.) */
    async onNotificationClosed(notificationId: string, byUser: boolean): Promise<void> {
      if (byUser && notificationId.startsWith(PEEK_NOTIFICATION_PREFIX)) await forget(notificationId);
    },
  };
}

export type PeekReminders = ReturnType<typeof createPeekReminders>;
