import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import {
  createPeekReminders,
  MAX_PEEK_REMINDERS,
  PEEK_ALARM,
  PEEK_NOTIFICATION_PREFIX,
  PEEK_REMINDERS_KEY,
  peekReminderText,
  readPeekStore,
} from '@/utils/background/peek-reminders';
import { sendMessage } from '@/utils/messaging';
import { useLanguage } from './setup/i18n';
import { useWorkerBrowser } from './helpers/worker-browser';

/** Peeks are not lost work (issue 19, item 4): the worker's half, as the browser runs it. */
const T0 = Date.UTC(2026, 11, 1, 22, 40);
const MORNING = Date.UTC(2026, 11, 2, 8, 0);
const THREAD = 'FMfcgzQXJGmNbqtKxxx';

useWorkerBrowser(T0);

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(PEEK_REMINDERS_KEY))[PEEK_REMINDERS_KEY];
}

it('stores ids and a time through the message, arms the alarm, notifies when due, and a click opens the one item', async () => {
  background.main();
  expect(await sendMessage('remindAfterPeek', { site: 'gmail', at: MORNING, items: [THREAD] })).toEqual({ ok: true });
  expect((await fakeBrowser.alarms.get(PEEK_ALARM))?.scheduledTime).toBe(MORNING);
  expect(await stored()).toEqual({ pending: [{ id: expect.any(String), site: 'gmail', at: MORNING, createdAt: T0, items: [THREAD] }], shown: [] });

  vi.setSystemTime(MORNING + 1_000);
  await fakeBrowser.alarms.onAlarm.trigger({ name: PEEK_ALARM, scheduledTime: MORNING, persistAcrossSessions: true });
  await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
  const [id] = Object.keys(await fakeBrowser.notifications.getAll());
  expect(id).toMatch(new RegExp(`^${PEEK_NOTIFICATION_PREFIX}`));
  expect(fakeBrowser.notifications.getAllCreateOptions()[id!]).toMatchObject({ type: 'basic', message: 'Gmail: 1 conversation you opened after hours' });
  expect(readPeekStore(await stored()).pending).toEqual([]);
  expect(await fakeBrowser.alarms.get(PEEK_ALARM)).toBeUndefined();

  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  await fakeBrowser.notifications.onClicked.trigger(id!);
  await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: `https://mail.google.com/mail/u/0/#inbox/${THREAD}`, active: true }));
  expect(readPeekStore(await stored())).toEqual({ pending: [], shown: [] });
});

describe('createPeekReminders', () => {
  function peeks(clock = { now: T0 }) {
    let n = 0;
    return { clock, peeks: createPeekReminders({ now: () => clock.now, newId: () => `r${++n}` }) };
  }

  it('refuses a time in the past or more than 8 days ahead, and ids that are not the site’s, storing nothing', async () => {
    const { peeks: p } = peeks();
    expect(await p.remindAfterPeek({ site: 'slack', at: T0 - 1, items: ['T0TEST/C0TEST'] })).toEqual({ ok: false, error: 'That time has passed; no reminder was set.' });
    expect(await p.remindAfterPeek({ site: 'slack', at: T0 + 9 * 86_400_000, items: ['T0TEST/C0TEST'] })).toEqual({
      ok: false,
      error: 'That is more than 8 days ahead; no reminder was set.',
    });
    const junk = await p.remindAfterPeek({ site: 'slack', at: MORNING, items: ['Re: the launch plan'] });
    expect(junk).toMatchObject({ ok: false, error: expect.stringContaining('is not an item of this site') });
    expect(await p.remindAfterPeek({ site: 'slack', at: MORNING, items: [] })).toMatchObject({ ok: false });
    expect(await p.remindAfterPeek({ site: 'slack', at: MORNING, items: Array.from({ length: 21 }, (_, i) => `T0TEST/C${i}AA`) })).toMatchObject({ ok: false });
    expect(await p.remindAfterPeek({ site: 'slack', at: MORNING, items: ['T0TEST/C0TEST'], subject: 'x' })).toMatchObject({ ok: false });
    expect(await stored()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(PEEK_ALARM)).toBeUndefined();
  });

  it('one alarm at the earliest; several items open the site’s home; at most 20 wait (the oldest dropped)', async () => {
    const { clock, peeks: p } = peeks();
    await p.remindAfterPeek({ site: 'slack', at: MORNING + 3_600_000, items: ['T0TEST/C0TEST', 'T0TEST/D0TEST'] });
    expect((await fakeBrowser.alarms.get(PEEK_ALARM))?.scheduledTime).toBe(MORNING + 3_600_000);
    await p.remindAfterPeek({ site: 'docs', at: MORNING, items: ['1AbC_dEf-GhIjKlMnOpQrStUvWxYz'] });
    expect((await fakeBrowser.alarms.get(PEEK_ALARM))?.scheduledTime).toBe(MORNING);

    clock.now = MORNING;
    await p.onAlarm({ name: PEEK_ALARM });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`${PEEK_NOTIFICATION_PREFIX}r2`]);
    expect((await fakeBrowser.alarms.get(PEEK_ALARM))?.scheduledTime).toBe(MORNING + 3_600_000);

    // Missed while the browser was closed: shown at the next start.
    clock.now = MORNING + 5 * 3_600_000;
    await p.start();
    expect(fakeBrowser.notifications.getAllCreateOptions()[`${PEEK_NOTIFICATION_PREFIX}r1`]).toMatchObject({ message: 'Slack: 2 conversations you opened after hours' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await p.onNotificationClicked(`${PEEK_NOTIFICATION_PREFIX}r1`);
    expect(create).toHaveBeenCalledWith({ url: 'https://app.slack.com/client', active: true });
    await p.onNotificationClicked('held-comment:r2');
    expect(create).toHaveBeenCalledTimes(1);

    for (let i = 0; i < MAX_PEEK_REMINDERS + 2; i++) {
      clock.now += 1;
      await p.remindAfterPeek({ site: 'gmail', at: clock.now + 86_400_000, items: [`${THREAD}${i}`] });
    }
    const { pending } = await p.read();
    expect(pending).toHaveLength(MAX_PEEK_REMINDERS);
    expect(pending[0]!.items).toEqual([`${THREAD}2`]);
  });

  it('bad stored data is dropped, not thrown', async () => {
    const good = { id: 'ok1', site: 'docs', at: MORNING, createdAt: T0, items: ['1AbC_dEf-GhIjKlMnOpQrStUvWxYz'] };
    await fakeBrowser.storage.local.set({
      [PEEK_REMINDERS_KEY]: { pending: [good, { ...good, id: 'x', items: ['a subject line'] }, { id: 3 }, 'junk'], shown: 'no' },
    });
    const { peeks: p } = peeks();
    expect(await p.read()).toEqual({ pending: [good], shown: [] });
    expect(readPeekStore('nonsense')).toEqual({ pending: [], shown: [] });
    await p.start();
    expect((await fakeBrowser.alarms.get(PEEK_ALARM))?.scheduledTime).toBe(MORNING);
  });

  it('in German', async () => {
    await useLanguage('de');
    expect(peekReminderText('gmail', 2)).toBe('Gmail: 2 Unterhaltungen, die Sie nach Feierabend geöffnet haben');
    expect(peekReminderText('docs', 1)).toBe('Google Docs: 1 Dokument, das Sie nach Feierabend geöffnet haben');
  });
});
