import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { createHeldComments, HELD_ALARM, NOTIFICATION_PREFIX, reminderText } from '@/utils/background/held-comments';
import { sendMessage } from '@/utils/messaging';
import { AppDb } from '@/utils/store/db';
import type { HeldComment } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';
import { useWorkerBrowser } from './helpers/worker-browser';

/** The worker as the browser runs it: listeners registered by main(), messages, alarms, clicks. */
const T0 = Date.UTC(2026, 11, 1, 22, 40);
const DOC = 'FIXTURE';

useWorkerBrowser(T0);

it('holds through messages, fires on the alarm event, and opens the doc on a notification click', async () => {
  background.main();
  const held = await sendMessage('holdComment', {
    docId: DOC,
    url: `https://docs.google.com/document/d/${DOC}/edit`,
    title: 'Q3 planning notes',
    kind: 'comment',
    parts: [{ text: 'Please check, ' }, { mention: 'priya@example.com', prefix: '+' }],
    dueAt: T0 + 60_000,
  });
  expect(held).toMatchObject({ ok: true, dueAt: T0 + 60_000 });
  if (!held.ok) return;
  expect((await fakeBrowser.alarms.get(HELD_ALARM))?.scheduledTime).toBe(T0 + 60_000);
  expect(await sendMessage('listHeldComments', { docId: DOC })).toHaveLength(1);

  vi.setSystemTime(T0 + 61_000);
  await fakeBrowser.alarms.onAlarm.trigger({ name: HELD_ALARM, scheduledTime: T0 + 60_000, persistAcrossSessions: true });
  await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`${NOTIFICATION_PREFIX}${held.id}`]));

  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  await fakeBrowser.notifications.onClicked.trigger(`${NOTIFICATION_PREFIX}${held.id}`);
  await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: `https://docs.google.com/document/d/${DOC}/edit`, active: true }));

  // Posted from the doc's tab: claimed once, then deleted.
  expect(await sendMessage('claimHeldComment', { id: held.id })).toMatchObject({ ok: true });
  expect(await sendMessage('claimHeldComment', { id: held.id })).toMatchObject({ ok: false });
  expect(await sendMessage('heldCommentPosted', { id: held.id })).toEqual({ ok: true });
  expect(await sendMessage('listHeldComments', {})).toEqual([]);
});

describe('the reminder in German', () => {
  const row: HeldComment = {
    id: 'held-0001',
    createdAt: T0,
    docId: DOC,
    url: `https://docs.google.com/document/d/${DOC}/edit`,
    title: 'Q3 planning notes',
    kind: 'reply',
    parts: [{ text: 'Bitte prüfen, ' }, { mention: 'priya@example.com', prefix: '+', name: 'Priya Raman' }, { mention: 'ana@example.com', prefix: '@' }],
    dueAt: T0 + 10 * 60_000,
  };

  it('names the reply, the people and the document, and says what a click does', async () => {
    await useLanguage('de');
    expect(reminderText(row)).toBe(
      'Ihre Antwort für Priya Raman, ana@example.com zu „Q3 planning notes“ ist bereit. Klicken Sie, um das Dokument zu öffnen und die Antwort zu posten.',
    );
    const many = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ mention: `${n}@example.com`, prefix: '@' as const }));
    expect(reminderText({ ...row, kind: 'comment', title: '', parts: many })).toBe(
      'Ihr Kommentar für a@example.com, b@example.com, c@example.com und 2 weitere zu „Unbenanntes Dokument“ ist bereit. Klicken Sie, um das Dokument zu öffnen und den Kommentar zu posten.',
    );
  });

  it('a missed slot gives its time with a German weekday (Berlin)', async () => {
    await useLanguage('de-DE');
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    const clock = { now: T0 };
    const held = createHeldComments({ db, now: () => clock.now, timeZone: () => 'Europe/Berlin', newId: () => row.id });
    try {
      const { id: _id, createdAt: _createdAt, ...fields } = row;
      await held.holdComment(fields);
      clock.now = T0 + 9 * 3_600_000;
      await held.start();
      expect(fakeBrowser.notifications.getAllCreateOptions()[`${NOTIFICATION_PREFIX}${row.id}`]).toMatchObject({
        // Luxon's German short weekday is "Di" or "Di.", depending on the ICU data.
        title: expect.stringMatching(/^Ein angehaltener Kommentar war für Di\.? 23:50 geplant$/),
        message: expect.stringContaining('Ihre Antwort für Priya Raman'),
      });
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
