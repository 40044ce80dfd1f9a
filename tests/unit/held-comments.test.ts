import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHeldComments, HELD_ALARM, NOTIFICATION_PREFIX, type HeldComments } from '@/utils/background/held-comments';
import type { HoldCommentPayload } from '@/utils/messaging';
import { AppDb } from '@/utils/store/db';
import {
  CLAIM_LEASE_MS,
  HELD_INDEX_KEY,
  mentionsOf,
  postText,
  readHeldIndex,
  textWithoutMentions,
} from '@/utils/store/held-comments';
import type { HeldCommentPart } from '@/utils/store/schema';
import { docEditUrl, docIdOf } from '@/utils/sites/docs/url';
import { databasesClosedAfterEach } from './setup/databases';

/** Tuesday 1 December 2026, 22:40 UTC. No test reads the real clock. */
const T0 = Date.UTC(2026, 11, 1, 22, 40);
const MIN = 60_000;
const DOC = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcd';
const URL_ = `https://docs.google.com/document/d/${DOC}/edit`;
const PARTS: HeldCommentPart[] = [
  { text: 'Café ✓ 👋🏽 שלום\nplease check, ' },
  { mention: 'priya@example.com', prefix: '+', name: 'Priya Raman' },
  { text: ' and ' },
  { mention: 'ana@example.com', prefix: '@' },
];

function payload(over: Partial<HoldCommentPayload> = {}): HoldCommentPayload {
  return { docId: DOC, url: URL_, title: 'Q3 planning notes', kind: 'comment', parts: PARTS, dueAt: T0 + 60 * MIN, ...over };
}

interface Setup {
  db: AppDb;
  held: HeldComments;
  clock: { now: number };
  create: ReturnType<typeof vi.spyOn>;
}

const dbs = databasesClosedAfterEach();

let ids = 0;
beforeEach(() => {
  fakeBrowser.reset();
  ids = 0;
});

/** A worker: the same database can be given to a second one (a restart). */
function worker(db?: AppDb, clock = { now: T0 }): Setup {
  const database = db ?? new AppDb(`test-${crypto.randomUUID()}`);
  if (!db) dbs.push(database);
  const held = createHeldComments({ db: database, now: () => clock.now, timeZone: () => 'Europe/Berlin', newId: () => `held-${String(++ids).padStart(4, '0')}` });
  const create = vi.spyOn(fakeBrowser.alarms, 'create');
  return { db: database, held, clock, create };
}

async function alarmAt(): Promise<number | null> {
  return (await fakeBrowser.alarms.get(HELD_ALARM))?.scheduledTime ?? null;
}

async function notificationIds(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll());
}

async function index() {
  return readHeldIndex((await fakeBrowser.storage.local.get(HELD_INDEX_KEY))[HELD_INDEX_KEY]);
}

describe('text of a held comment', () => {
  it('posts the mentions as their tokens, or as plain names without them', () => {
    expect(postText(PARTS)).toBe('Café ✓ 👋🏽 שלום\nplease check, +priya@example.com and @ana@example.com');
    // No address survives "without the @-mention": a name, or the address' local part.
    expect(textWithoutMentions(PARTS)).toBe('Café ✓ 👋🏽 שלום\nplease check, Priya Raman and ana');
    expect(textWithoutMentions([{ mention: 'a@example.com', prefix: '@', name: 'a@example.com' }])).toBe('a');
    expect(mentionsOf([...PARTS, PARTS[1]!])).toEqual([{ email: 'priya@example.com', name: 'Priya Raman' }, { email: 'ana@example.com' }]);
  });

  it('reads the document id and edit address, keeping the account prefix', () => {
    expect(docIdOf(`https://docs.google.com/document/u/1/d/${DOC}/edit?tab=t.0#heading=h.1`)).toBe(DOC);
    expect(docEditUrl(`https://docs.google.com/document/u/1/d/${DOC}/edit?tab=t.0#heading=h.1`)).toBe(`https://docs.google.com/document/u/1/d/${DOC}/edit`);
    expect(docIdOf('https://docs.google.com/spreadsheets/d/abc/edit')).toBeNull();
    expect(docIdOf('https://evil.example/document/d/abc/edit')).toBeNull();
  });
});

describe('holding', () => {
  it('stores the comment, arms one alarm at its due time and publishes an index without text', async () => {
    const { held, db } = worker();
    const outcome = await held.holdComment(payload());
    expect(outcome).toEqual({ ok: true, id: 'held-0001', dueAt: T0 + 60 * MIN });
    const row = await db.heldComments.get('held-0001');
    expect(row).toMatchObject({ docId: DOC, parts: PARTS, dueAt: T0 + 60 * MIN, createdAt: T0 });
    expect(row?.notifiedAt).toBeUndefined();
    expect(await alarmAt()).toBe(T0 + 60 * MIN);
    const published = await index();
    expect(published?.items).toEqual([{ id: 'held-0001', docId: DOC, dueAt: T0 + 60 * MIN, notified: false }]);
    expect(JSON.stringify(published)).not.toContain('please check');
  });

  it('refuses what is not a comment for a Docs document, and stores nothing', async () => {
    const { held, db } = worker();
    const bad: unknown[] = [
      { ...payload(), url: 'https://evil.example/document/d/x/edit' },
      { ...payload(), parts: [] },
      { ...payload(), parts: [{ mention: 'not an address', prefix: '@' }] },
      { ...payload(), parts: [{ text: 'x'.repeat(30_001) }] },
      { ...payload(), dueAt: -5 },
      { ...payload(), extra: true },
      null,
    ];
    for (const data of bad) expect(await held.holdComment(data)).toMatchObject({ ok: false });
    expect(await db.heldComments.count()).toBe(0);
    expect(await alarmAt()).toBeNull();
  });

  it('keeps ONE alarm at the earliest due comment: moved for an earlier one, untouched for a later one', async () => {
    const { held, create } = worker();
    await held.holdComment(payload({ dueAt: T0 + 60 * MIN }));
    await held.holdComment(payload({ dueAt: T0 + 30 * MIN }));
    expect(await alarmAt()).toBe(T0 + 30 * MIN);
    const calls = create.mock.calls.length;
    await held.holdComment(payload({ dueAt: T0 + 90 * MIN }));
    expect(create.mock.calls.length).toBe(calls);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('a new worker ensures the alarm and does not recreate one that is right', async () => {
    const first = worker();
    await first.held.holdComment(payload());
    first.create.mockClear();
    const restarted = worker(first.db, first.clock);
    await restarted.held.start();
    await restarted.held.start();
    expect(restarted.create).not.toHaveBeenCalled();
    expect(await alarmAt()).toBe(T0 + 60 * MIN);
  });

  it('a lost alarm (browser restart) is re-armed from the stored rows', async () => {
    const first = worker();
    await first.held.holdComment(payload());
    await fakeBrowser.alarms.clearAll();
    const restarted = worker(first.db, first.clock);
    await restarted.held.start();
    expect(await alarmAt()).toBe(T0 + 60 * MIN);
  });
});

describe('reminding', () => {
  it('on the alarm, every due row gets one notification, and the alarm moves to the next one', async () => {
    const { held, clock, db } = worker();
    await held.holdComment(payload({ dueAt: T0 + 10 * MIN }));
    await held.holdComment(payload({ dueAt: T0 + 10 * MIN, title: 'Other doc' }));
    await held.holdComment(payload({ dueAt: T0 + 50 * MIN }));
    clock.now = T0 + 10 * MIN + 500;
    await fakeBrowser.alarms.onAlarm.trigger({ name: HELD_ALARM, scheduledTime: T0 + 10 * MIN, persistAcrossSessions: true });
    // No listener is registered in this test: call the handler the background registers.
    await held.onAlarm({ name: HELD_ALARM });
    expect((await notificationIds()).sort()).toEqual([`${NOTIFICATION_PREFIX}held-0001`, `${NOTIFICATION_PREFIX}held-0002`]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[`${NOTIFICATION_PREFIX}held-0001`]).toMatchObject({
      type: 'basic',
      title: 'A held comment is ready to post',
      message: expect.stringContaining('for Priya Raman, ana@example.com on “Q3 planning notes”'),
    });
    expect(JSON.stringify(fakeBrowser.notifications.getAllCreateOptions())).not.toContain('please check');
    expect(await alarmAt()).toBe(T0 + 50 * MIN);
    // The rows stay until posted or discarded; the index says they are due.
    expect(await db.heldComments.count()).toBe(3);
    expect((await index())?.items.map((i) => i.notified)).toEqual([true, true, false]);

    // The same alarm again (or a duplicate wake) reminds nobody twice.
    await fakeBrowser.notifications.clear(`${NOTIFICATION_PREFIX}held-0001`);
    await held.onAlarm({ name: HELD_ALARM });
    expect(await notificationIds()).toEqual([`${NOTIFICATION_PREFIX}held-0002`]);
    await held.onAlarm({ name: 'pause-end' });
    expect(await notificationIds()).toEqual([`${NOTIFICATION_PREFIX}held-0002`]);
  });

  it('a slot missed while the browser was closed is reminded once at the next start, and says so', async () => {
    const first = worker();
    await first.held.holdComment(payload({ dueAt: T0 + 10 * MIN }));
    await fakeBrowser.alarms.clearAll();
    first.clock.now = T0 + 9 * 60 * MIN;
    const restarted = worker(first.db, first.clock);
    await restarted.held.start();
    expect(await notificationIds()).toEqual([`${NOTIFICATION_PREFIX}held-0001`]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[`${NOTIFICATION_PREFIX}held-0001`]).toMatchObject({
      title: 'A held comment was due Tue 23:50',
    });
    expect(await alarmAt()).toBeNull();
    await fakeBrowser.notifications.clear(`${NOTIFICATION_PREFIX}held-0001`);
    await worker(first.db, first.clock).held.start();
    expect(await notificationIds()).toEqual([]);
    // Reminded, never posted: the row waits for the user.
    expect(await first.db.heldComments.get('held-0001')).toMatchObject({ notifiedAt: T0 + 9 * 60 * MIN });
  });

  it('clicking the reminder brings up the doc\u2019s tab, or opens the doc', async () => {
    const { held } = worker();
    await held.holdComment(payload());
    const tab = await fakeBrowser.tabs.create({ url: `https://docs.google.com/document/d/${DOC}/edit?tab=t.0` });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({ focused: true } as never);
    await held.onNotificationClicked(`${NOTIFICATION_PREFIX}held-0001`);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect(focus).toHaveBeenCalledWith(tab.windowId, { focused: true });

    // That tab moves to another document: the doc is opened in a new one.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://docs.google.com/document/d/other/edit' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await held.onNotificationClicked(`${NOTIFICATION_PREFIX}held-0001`);
    expect(create).toHaveBeenCalledWith({ url: URL_, active: true });
    await held.onNotificationClicked('someone-else');
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('posting and discarding', () => {
  it('one tab claims a comment; another cannot while the claim is fresh; posted deletes the text', async () => {
    const { held, db, clock } = worker();
    await held.holdComment(payload());
    const claim = await held.claimHeldComment({ id: 'held-0001' });
    expect(claim).toMatchObject({ ok: true, comment: { parts: PARTS, claimedAt: T0 } });
    expect(await held.claimHeldComment({ id: 'held-0001' })).toEqual({ ok: false, error: 'This comment is being posted in another tab.' });
    clock.now += 1_000;
    expect(await held.heldCommentPosted({ id: 'held-0001' })).toEqual({ ok: true });
    expect(await db.heldComments.count()).toBe(0);
    expect(await held.claimHeldComment({ id: 'held-0001' })).toEqual({ ok: false, error: 'This comment was already posted or discarded.' });
    expect(await alarmAt()).toBeNull();
    expect((await index())?.items).toEqual([]);
  });

  it('a released claim is offered again; an expired one can be taken again', async () => {
    const { held, clock } = worker();
    await held.holdComment(payload());
    await held.claimHeldComment({ id: 'held-0001' });
    await held.releaseHeldComment({ id: 'held-0001' });
    expect((await held.listHeldComments({ docId: DOC }))[0]?.claimedAt).toBeUndefined();
    await held.claimHeldComment({ id: 'held-0001' });
    clock.now += CLAIM_LEASE_MS;
    expect(await held.claimHeldComment({ id: 'held-0001' })).toMatchObject({ ok: true });
  });

  it('discard deletes the row and its reminder, and re-arms for the rest', async () => {
    const { held, db } = worker();
    await held.holdComment(payload({ dueAt: T0 + 10 * MIN }));
    await held.holdComment(payload({ dueAt: T0 + 20 * MIN }));
    await fakeBrowser.notifications.create(`${NOTIFICATION_PREFIX}held-0001`, { type: 'basic', title: 't', message: 'm', iconUrl: 'x' });
    expect(await held.discardHeldComment({ id: 'held-0001' })).toEqual({ ok: true });
    expect(await db.heldComments.count()).toBe(1);
    expect(await notificationIds()).toEqual([]);
    expect(await alarmAt()).toBe(T0 + 20 * MIN);
    expect(await held.discardHeldComment({ id: '../../etc' })).toMatchObject({ ok: false });
  });

  it('lists by document, soonest first', async () => {
    const { held } = worker();
    await held.holdComment(payload({ dueAt: T0 + 20 * MIN }));
    await held.holdComment(payload({ dueAt: T0 + 10 * MIN }));
    await held.holdComment(payload({ docId: 'other', url: 'https://docs.google.com/document/d/other/edit' }));
    expect((await held.listHeldComments({ docId: DOC })).map((r) => r.id)).toEqual(['held-0002', 'held-0001']);
    expect(await held.listHeldComments({})).toHaveLength(3);
    await expect(held.listHeldComments({ docId: 'no spaces allowed' })).rejects.toThrow();
  });

  it('"Post now" from the popup marks the request and opens the doc', async () => {
    const { held, db, clock } = worker();
    await held.holdComment(payload());
    clock.now += 5_000;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await held.postHeldComment({ id: 'held-0001' })).toEqual({ ok: true });
    expect(create).toHaveBeenCalledWith({ url: URL_, active: true });
    expect((await db.heldComments.get('held-0001'))?.postRequestedAt).toBe(T0 + 5_000);
    expect((await index())?.items[0]?.postRequestedAt).toBe(T0 + 5_000);
    // Claiming it clears the request, so a reload does not post it again.
    expect(await held.claimHeldComment({ id: 'held-0001' })).toMatchObject({ ok: true });
    expect((await db.heldComments.get('held-0001'))?.postRequestedAt).toBeUndefined();
    expect(await held.postHeldComment({ id: 'gone-0000' })).toMatchObject({ ok: false });
  });
});
