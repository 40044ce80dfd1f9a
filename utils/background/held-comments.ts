/**
 * Docs comments kept for later (issue 5). Docs has no scheduled posting, so `Schedule…` hands the
 * comment's text to the worker, which keeps it in Dexie until it is posted or discarded (the one
 * place the extension stores message text). Due items are data: one alarm is armed at the earliest
 * row not yet reminded; when it fires (or at the next start, after a slot missed while the browser
 * was closed) every due row gets one notification and the doc's tab offers it for posting. Nothing
 * is ever posted without the user's click, and a claim keeps two tabs from posting the same row.
 */
import { quietly } from './quietly';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { weekdayTime } from '@/utils/i18n/dates';
import type { ClaimHeldCommentOutcome } from '@/utils/messaging';
import { answerers } from './handle';
import { heldCommentHandlers } from './handlers/held-comments';
import type { AppDb } from '@/utils/store/db';
import {
  CLAIM_LEASE_MS,
  HELD_INDEX_KEY,
  indexEntry,
  mentionsOf,
  readHeldIndex,
  type HeldIndex,
} from '@/utils/store/held-comments';
import type { HeldComment } from '@/utils/store/schema';
import { docIdOf } from '@/utils/sites/docs/url';
import { nextRevision } from '@/utils/store/snapshot';

export const HELD_ALARM = 'held-comments';
export const NOTIFICATION_PREFIX = 'held-comment:';
/**
 * Chrome fires a packed extension's alarm no sooner than 30 s after it was set (unpacked builds have
 * no minimum); an existing alarm within that delay of the due time is the right one already.
 */
const MIN_ALARM_DELAY_MS = 30_000;
const TOLERANCE_MS = 1_000;
/** A reminder this late was missed (the browser was closed): the notification says so. */
const MISSED_AFTER_MS = 2 * 60_000;

/** The extension's own icon (public/icon); Chrome's basic notifications need one. */
const ICON_PATH = '/icon/128.png';

export interface HeldCommentsDeps {
  db: AppDb;
  now?: () => number;
  /** The user's zone, for the time shown in a reminder. */
  timeZone?: () => string | Promise<string>;
  newId?: () => string;
}

/** "Priya Raman, ana@example.com, Bo and 2 more": at most three names. */
function mentionedNames(row: HeldComment): string {
  const names = mentionsOf(row.parts).map((m) => m.name ?? m.email);
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? t('worker.held.andMore', { names: shown, count: names.length - 3 }) : shown;
}

/** The reminder's body: whose comment or reply, on which document, and what a click does. */
export function reminderText(row: HeldComment): string {
  const title = row.title || t('worker.held.aDocument');
  const names = mentionedNames(row);
  if (row.kind === 'reply') return names ? t('worker.held.replyForReady', { names, title }) : t('worker.held.replyReady', { title });
  return names ? t('worker.held.commentForReady', { names, title }) : t('worker.held.commentReady', { title });
}

async function clearNotification(id: string): Promise<void> {
  try {
    await browser.notifications?.clear(id);
  } catch (error) {
    quietly('could not clear the reminder.')(error);
  }
}

/** Brings up a tab showing the document, or opens one. */
async function openDoc(row: HeldComment): Promise<void> {
  const tabs = await browser.tabs.query({});
  const tab = tabs.find((t) => t.url !== undefined && docIdOf(t.url) === row.docId);
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    try {
      // No windows API on Firefox for Android; the active tab is enough there.
      if (tab.windowId !== undefined) await browser.windows?.update(tab.windowId, { focused: true });
    } catch (error) {
      quietly('could not focus the window.')(error);
    }
    return;
  }
  await browser.tabs.create({ url: row.url, active: true });
}

/** Content scripts watch this (metadata only) to refresh their panel without polling the worker. */
async function publishHeldIndex(db: AppDb, now: () => number): Promise<void> {
  const rows = await db.heldComments.orderBy('dueAt').toArray();
  const stored = await browser.storage.local.get(HELD_INDEX_KEY);
  const previous = readHeldIndex(stored[HELD_INDEX_KEY]);
  const items = rows.map(indexEntry);
  // Every worker start publishes; an unchanged index is not rewritten, so open pages stay quiet.
  if (previous && JSON.stringify(previous.items) === JSON.stringify(items)) return;
  const index: HeldIndex = { revision: nextRevision(previous?.revision, now()), items };
  await browser.storage.local.set({ [HELD_INDEX_KEY]: index });
}

async function notify(row: HeldComment, at: number, timeZone: () => string | Promise<string>): Promise<void> {
  const missed = at - row.dueAt > MISSED_AFTER_MS;
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${row.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON_PATH),
    title: missed ? t('worker.held.titleMissed', { time: weekdayTime(row.dueAt, await timeZone()) }) : t('worker.held.titleReady'),
    message: reminderText(row),
  });
}

/** What the alarm and reminder functions below share. */
interface HeldContext {
  db: AppDb;
  now: () => number;
  timeZone: () => string | Promise<string>;
  publishIndex: () => Promise<void>;
}

/** The earliest row still waiting for its reminder. */
async function nextPending(db: AppDb): Promise<HeldComment | undefined> {
  return db.heldComments.orderBy('dueAt').filter((row) => row.notifiedAt === undefined).first();
}

/**
 * One alarm at the earliest pending row. An alarm that already fires at that time is left alone
 * (re-creating it on every worker start would reset it); a missing or wrong one is (re)created.
 */
async function ensureAlarm(ctx: HeldContext): Promise<void> {
  // Rows already due are reminded now (a slot missed while the browser was closed); then re-check.
  for (let round = 0; round < 3; round++) {
    const pending = await nextPending(ctx.db);
    if (!pending) {
      await browser.alarms.clear(HELD_ALARM);
      return;
    }
    const at = ctx.now();
    if (pending.dueAt <= at) {
      await remindDue(ctx);
      continue;
    }
    const existing = await browser.alarms.get(HELD_ALARM);
    const latestFine = Math.max(pending.dueAt, at + MIN_ALARM_DELAY_MS) + TOLERANCE_MS;
    if (existing && existing.scheduledTime >= pending.dueAt - TOLERANCE_MS && existing.scheduledTime <= latestFine) return;
    await browser.alarms.create(HELD_ALARM, { when: pending.dueAt });
    return;
  }
}

/** Marks every due, not yet reminded row as reminded (once, in one transaction) and notifies. */
async function remindDue({ db, now, timeZone, publishIndex }: HeldContext): Promise<HeldComment[]> {
  const at = now();
  const due = await db.transaction('rw', db.heldComments, async () => {
    const rows = await db.heldComments
      .where('dueAt')
      .belowOrEqual(at)
      .filter((row) => row.notifiedAt === undefined)
      .toArray();
    for (const row of rows) await db.heldComments.update(row.id, { notifiedAt: at });
    return rows;
  });
  if (!due.length) return due;
  await publishIndex();
  for (const row of due) await notify(row, at, timeZone).catch(quietly('could not show the reminder.'));
  return due;
}

async function removeRow(ctx: HeldContext, id: string): Promise<boolean> {
  const { db } = ctx;
  const existed = await db.transaction('rw', db.heldComments, async () => {
    const row = await db.heldComments.get(id);
    if (row) await db.heldComments.delete(id);
    return row !== undefined;
  });
  await clearNotification(`${NOTIFICATION_PREFIX}${id}`);
  await ensureAlarm(ctx);
  await ctx.publishIndex();
  return existed;
}

/** Clicking the reminder brings the user to the doc, where the comment waits for one click. */
async function onNotificationClicked(db: AppDb, notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const id = notificationId.slice(NOTIFICATION_PREFIX.length);
  await clearNotification(notificationId);
  const row = await db.heldComments.get(id);
  if (row) await openDoc(row);
}

export function createHeldComments({
  db,
  now = Date.now,
  timeZone = () => 'UTC',
  newId = () => crypto.randomUUID(),
}: HeldCommentsDeps) {
  const publishIndex = () => publishHeldIndex(db, now);
  const ctx: HeldContext = { db, now, timeZone, publishIndex };
  const ensure = (): Promise<void> => ensureAlarm(ctx);
  const remind = (): Promise<HeldComment[]> => remindDue(ctx);
  const remove = (id: string): Promise<boolean> => removeRow(ctx, id);

  const handlers = heldCommentHandlers({ db, now, newId, ensureAlarm: ensure, publishIndex, removeRow: remove, openDoc });

  return {
    publishIndex,
    ensureAlarm: ensure,
    remindDue: remind,
    /** The messages' handlers, for the worker to register. */
    handlers,
    /** The same taking raw input, as a page's message arrives (tests). */
    ...answerers(handlers, Promise.resolve()),

    /** Every worker start: remind what came due while it (or the browser) was down, and arm the alarm. */
    async start(): Promise<void> {
      await ensure();
      await publishIndex();
    },

    async onAlarm(alarm: { name: string }): Promise<void> {
      if (alarm.name !== HELD_ALARM) return;
      await remind();
      await ensure();
    },

    /** Clicking the reminder brings the user to the doc, where the comment waits for one click. */
    onNotificationClicked: (notificationId: string): Promise<void> => onNotificationClicked(db, notificationId),
  };
}

export type HeldComments = ReturnType<typeof createHeldComments>;
