import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '@/utils/background/service';
import { queryContacts, withDirectory, type ContactWithId } from '@/utils/store/contact-query';
import { AppDb } from '@/utils/store/db';
import { defaultSettings } from '@/utils/store/defaults';
import { bucketOf, historyBounds, summariseHistory } from '@/utils/store/history';
import { mergePolicy, type Policy } from '@/utils/store/policy';
import { readSettings } from '@/utils/store/repository';
import type { AppEvent, Contact, Settings } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';
import { databasesClosedAfterEach } from './setup/databases';

const ZONE = 'Europe/Berlin';
/** Wednesday 4 March 2026, 12:00 in Berlin. */
const NOW = Date.UTC(2026, 2, 4, 11, 0);
const DAY = 86_400_000;

const dbs = databasesClosedAfterEach();

async function setup(policy: Policy | null = null): Promise<{ db: AppDb; service: Service; published: Settings[] }> {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const published: Settings[] = [];
  const service = createService({ db, publish: async (s) => void published.push(s), timeZone: () => ZONE, now: () => NOW, policy: async () => policy });
  await service.ready;
  return { db, service, published };
}

const ana: Contact = { name: 'Ana Souza', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo', source: 'typed' };
const priya: Contact = { name: 'Priya Raman', emails: ['priya@example.com'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata', source: 'slack-profile' };

describe('queryContacts', () => {
  const rows: ContactWithId[] = [
    { ...priya, id: 1 },
    { ...ana, id: 2 },
    { name: 'Zoë Ärger', emails: ['zoe@example.com'], id: 3 },
    ...Array.from({ length: 120 }, (_, i) => ({ name: `Person ${i}`, emails: [`p${i}@example.com`], timeZone: 'Asia/Tokyo', id: 10 + i })),
  ];

  it('searches name, addresses, ids and zone, all words, ignoring case and accents', () => {
    expect(queryContacts(rows, { search: 'zoe arger' }).items.map((c) => c.id)).toEqual([3]);
    expect(queryContacts(rows, { search: 'U012AB3CD' }).items.map((c) => c.id)).toEqual([1]);
    expect(queryContacts(rows, { search: 'kolkata' }).items.map((c) => c.id)).toEqual([1]);
    expect(queryContacts(rows, { search: 'person 11' }).total).toBe(11);
  });

  it('sorts by name (numbers in order), zone, source or address, and pages', () => {
    const page = queryContacts(rows, { limit: 5 });
    expect(page.items.map((c) => c.name)).toEqual(['Ana Souza', 'Person 0', 'Person 1', 'Person 2', 'Person 3']);
    expect(page).toMatchObject({ total: 123, all: 123, offset: 0 });
    expect(queryContacts(rows, { limit: 50, offset: 100 }).items).toHaveLength(23);
    expect(queryContacts(rows, { limit: 50, offset: 5000 }).offset).toBe(100);
    expect(queryContacts(rows, { sort: 'timeZone', limit: 3 }).items.map((c) => c.id)).toEqual([2, 1, 10]);
    expect(queryContacts(rows, { sort: 'timeZone', descending: true, limit: 1 }).items.map((c) => c.id)).toEqual([3]);
    expect(queryContacts(rows, { sort: 'source', limit: 1 }).items.map((c) => c.id)).toEqual([1]);
    expect(queryContacts(rows, { sort: 'source', descending: true, limit: 1 }).items.map((c) => c.id)).toEqual([2]);
    expect(queryContacts(rows, { sort: 'email', limit: 1 }).items.map((c) => c.id)).toEqual([2]);
  });
});

describe('contacts in the worker', () => {
  it('adds, lists with ids, edits, refuses a taken address, and deletes; each change is published', async () => {
    const { service, published } = await setup();
    const added = await service.saveContact({ contact: ana });
    if (!added.ok) throw new Error(added.error);
    const second = await service.saveContact({ contact: priya });
    if (!second.ok) throw new Error(second.error);
    expect(published.at(-1)!.contacts).toHaveLength(2);

    const page = await service.listContacts({ sort: 'name' });
    expect(page.items.map((c) => [c.id, c.name])).toEqual([[added.id, 'Ana Souza'], [second.id, 'Priya Raman']]);

    expect(await service.saveContact({ contact: { ...ana, name: 'Another Ana', emails: ['ANA@example.com'] } })).toEqual({
      ok: false,
      error: 'ana@example.com already belongs to Ana Souza.',
    });
    expect(await service.saveContact({ contact: { name: 'X', emails: [], slackIds: ['U012AB3CD'] } })).toMatchObject({ ok: false, error: 'U012AB3CD already belongs to Priya Raman.' });

    expect(await service.saveContact({ id: added.id, contact: { ...ana, timeZone: 'Europe/Lisbon' } })).toEqual({ ok: true, id: added.id });
    expect((await service.listContacts({ search: 'lisbon' })).items.map((c) => c.id)).toEqual([added.id]);

    expect(await service.deleteContacts({ ids: [added.id] })).toEqual({ ok: true });
    expect((await service.listContacts({})).all).toBe(1);
    expect(await service.saveContact({ id: added.id, contact: ana })).toEqual({ ok: false, error: 'This contact was deleted in the meantime.' });
  });

  it('validates every contact it is given', async () => {
    const { service } = await setup();
    expect(await service.saveContact({ contact: { name: ' ', emails: ['a@example.com'] } })).toMatchObject({ ok: false, error: expect.stringContaining('contact.name') });
    expect(await service.saveContact({ contact: { name: 'A', emails: ['a@example.com'], timeZone: 'Mars/Base' } })).toMatchObject({ ok: false, error: expect.stringContaining('Mars/Base') });
    expect(await service.deleteContacts({ ids: [] })).toMatchObject({ ok: false });
    await expect(service.listContacts({ limit: 100_000 })).rejects.toThrow(/limit/);
  });

  it('imports CSV contacts: updates matches by address or Slack id, adds the rest, all or nothing', async () => {
    const { service, db } = await setup();
    await service.saveContact({ contact: ana });
    await service.saveContact({ contact: priya });
    const result = await service.importContacts({
      contacts: [
        { name: 'Priya R.', emails: [], slackIds: ['U012AB3CD'], timeZone: 'Asia/Colombo', source: 'typed' },
        { name: 'Bo Chen', emails: ['bo@example.com'], timeZone: 'Asia/Shanghai' },
      ],
    });
    expect(result).toEqual({ ok: true, added: 1, updated: 1 });
    const settings = await readSettings(db);
    expect(settings.contacts.map((c) => c.name).sort()).toEqual(['Ana Souza', 'Bo Chen', 'Priya R.']);

    const before = await db.contacts.toArray();
    expect(await service.importContacts({ contacts: [{ name: 'Ok', emails: ['ok@example.com'] }, { name: 'Bad', emails: ['nope'] }] })).toEqual({
      ok: false,
      error: 'Contact 2: emails[0] ("nope"): is not an email address.',
    });
    expect(await service.importContacts({ contacts: [{ name: 'A', emails: ['x@example.com'] }, { name: 'B', emails: ['X@example.com'] }] })).toEqual({
      ok: false,
      error: 'Contacts 1 and 2 both have x@example.com.',
    });
    expect(await db.contacts.toArray()).toEqual(before);
  });
});

describe('history', () => {
  it('buckets events into local weeks by site and action', () => {
    const bounds = historyBounds(3, ZONE, NOW);
    expect(bounds).toEqual([Date.UTC(2026, 1, 15, 23), Date.UTC(2026, 1, 22, 23), Date.UTC(2026, 2, 1, 23), Date.UTC(2026, 2, 8, 23)]);
    expect(bucketOf(bounds, bounds[0]! - 1)).toBe(-1);
    expect(bucketOf(bounds, bounds[0]!)).toBe(0);
    expect(bucketOf(bounds, bounds[3]! - 1)).toBe(2);
    expect(bucketOf(bounds, bounds[3]!)).toBe(-1);
    const weeks = summariseHistory(
      [
        { at: NOW, site: 'slack', action: 'held' },
        { at: NOW - 8 * DAY, site: 'gmail', action: 'sent-anyway' },
        { at: NOW - 8 * DAY, site: 'gmail', action: 'scheduled' },
        { at: NOW - 30 * DAY, site: 'gmail', action: 'held' },
      ],
      bounds,
      ZONE,
    );
    expect(weeks.map((w) => w.week)).toEqual(['2026-02-16', '2026-02-23', '2026-03-02']);
    expect(weeks[2]!.bySite.slack.held).toBe(1);
    expect(weeks[1]!.bySite.gmail).toMatchObject({ 'sent-anyway': 1, scheduled: 1, held: 0 });
    expect(weeks[0]!.bySite.gmail.held).toBe(0);
  });

  it('the worker answers the chart, pages the log newest first, and clears it', async () => {
    const { service, db } = await setup();
    const events: AppEvent[] = Array.from({ length: 30 }, (_, i) => ({ at: NOW - i * DAY, site: 'gmail', action: 'held', verdict: 'day-off', recipients: 2 }));
    await db.events.bulkAdd(events);
    const history = await service.getHistory({ weeks: 2 });
    expect(history.total).toBe(30);
    expect(history.weeks.map((w) => w.bySite.gmail.held)).toEqual([7, 3]);
    const page = await service.listEvents({ offset: 5, limit: 10 });
    expect(page.total).toBe(30);
    expect(page.items[0]).toEqual(events[5]);
    expect(page.items).toHaveLength(10);
    await expect(service.getHistory({ weeks: 500 })).rejects.toThrow();
    expect(await service.clearHistory()).toEqual({ ok: true });
    expect((await service.listEvents({ offset: 0, limit: 10 })).total).toBe(0);
  });
});

describe('reset everything', () => {
  it('returns to the defaults and empties the directory; the history only when asked', async () => {
    const { service, db, published } = await setup();
    await service.saveContact({ contact: ana });
    await service.updateSettings({ sites: { gmail: 'off' }, preferences: { graceMinutes: 5 } });
    await db.events.add({ at: NOW, site: 'gmail', action: 'held', verdict: 'day-off', recipients: 1 });
    expect(await service.resetSettings({ history: false })).toEqual({ ok: true });
    expect(await readSettings(db, ZONE)).toEqual(defaultSettings(ZONE));
    expect(published.at(-1)).toEqual(defaultSettings(ZONE));
    expect(await db.events.count()).toBe(1);
    expect(await service.resetSettings({ history: true })).toEqual({ ok: true });
    expect(await db.events.count()).toBe(0);
    expect(await service.resetSettings({})).toMatchObject({ ok: false });
  });
});

describe('your own settings, one field at a time', () => {
  it('a day off saved right after new hours keeps the new hours (no copy of `me` a moment old undoes them)', async () => {
    const { db, service } = await setup();
    const late: Settings['me']['weekly'] = { ...defaultSettings(ZONE).me.weekly, mon: [['13:00', '21:00']] };
    // As the options page sends them, each right after the other: only the field that changed.
    const [hours, dayOff] = await Promise.all([service.updateSettings({ me: { weekly: late } }), service.updateSettings({ me: { daysOff: ['2026-03-06'] } })]);
    expect([hours, dayOff]).toEqual([{ ok: true }, { ok: true }]);
    const me = (await readSettings(db, ZONE)).me;
    expect(me.weekly.mon).toEqual([['13:00', '21:00']]);
    expect(me.daysOff).toEqual(['2026-03-06']);
    expect(me.timeZone).toBe(ZONE);
    expect(await service.updateSettings({ me: { timeZone: 'Mars/Base' } })).toMatchObject({ ok: false });
  });
});

describe('snoozes are preferences', () => {
  it('are saved through updateSettings, validated, and published for the guard', async () => {
    const { service, published } = await setup();
    const snoozes = [{ name: 'Ana', keys: ['ANA@example.com', 'U0ANA1'], until: '2026-03-06' }];
    expect(await service.updateSettings({ preferences: { snoozes } })).toEqual({ ok: true });
    expect(published.at(-1)!.preferences.snoozes).toEqual([{ name: 'Ana', keys: ['ana@example.com', 'U0ANA1'], until: '2026-03-06' }]);
    expect(await service.updateSettings({ preferences: { snoozes: [{ name: 'Ana', keys: ['not an address'], until: '2026-03-06' }] } })).toMatchObject({ ok: false });
    expect(await service.updateSettings({ preferences: { snoozes: [{ name: 'Ana', keys: ['ana@example.com'], until: 'Friday' }] } })).toMatchObject({ ok: false });
    expect(await service.updateSettings({ preferences: { snoozes: [] } })).toEqual({ ok: true });
    expect(published.at(-1)!.preferences.snoozes).toEqual([]);
  });
});

describe('the organisation directory in the contacts list', () => {
  const devi: Contact = { name: 'Devi Policy', emails: ['devi@example.com'], timeZone: 'Asia/Kolkata' };
  const otherAna: Contact = { name: 'Ana (team)', emails: ['ANA@example.com'], timeZone: 'Europe/Lisbon' };
  const bySlack: Contact = { name: 'Priya (team)', emails: ['priya.team@example.com'], slackIds: ['U012AB3CD'] };
  const policy: Policy = { directory: [devi, otherAna, bySlack, { ...devi, name: 'Devi again' }] };

  it('lists directory contacts read-only (negative ids, marked policy), searchable and sortable with the user’s own', async () => {
    const { service } = await setup(policy);
    const own = await service.saveContact({ contact: ana });
    if (!own.ok) throw new Error(own.error);
    await service.saveContact({ contact: priya });

    const page = await service.listContacts({ sort: 'name' });
    // The user's Ana and Priya win over the team entries with the same address or Slack id; the later Devi is a duplicate.
    expect(page.items.map((c) => [c.name, c.source, c.id < 0])).toEqual([
      ['Ana Souza', 'typed', false],
      ['Devi Policy', 'policy', true],
      ['Priya Raman', 'slack-profile', false],
    ]);
    expect(page.all).toBe(3);
    expect(page.items.find((c) => c.name === 'Devi Policy')!.id).toBe(-1);
    expect((await service.listContacts({ search: 'kolkata' })).items.map((c) => c.name)).toEqual(['Devi Policy', 'Priya Raman']);
    expect((await service.listContacts({ sort: 'source' })).items[0]!.name).toBe('Devi Policy');
    expect((await service.listContacts({ sort: 'name', descending: true })).items.map((c) => c.name)).toEqual(['Priya Raman', 'Devi Policy', 'Ana Souza']);

    // An own contact with a directory address may be added (it wins); the team entry then leaves the list.
    expect(await service.saveContact({ contact: { name: 'Devi Mine', emails: ['devi@example.com'] } })).toMatchObject({ ok: true });
    expect((await service.listContacts({ search: 'devi' })).items.map((c) => [c.name, c.id > 0])).toEqual([['Devi Mine', true]]);
    // The directory is never written into the user's data.
    expect((await service.getSettings()).contacts.map((c) => c.name).sort()).toEqual(['Ana Souza', 'Devi Mine', 'Priya Raman']);
  });

  it('matches the engine: the listed directory rows are the contacts mergePolicy adds', async () => {
    const own: ContactWithId[] = [{ ...ana, id: 1 }, { ...priya, id: 2 }];
    const listed = withDirectory(own, policy.directory);
    const merged = mergePolicy({ ...defaultSettings(ZONE), contacts: own.map(({ id: _id, ...c }) => c) }, new Set(), policy).settings.contacts;
    expect(listed.map(({ id: _id, ...c }) => c)).toEqual(merged);
    expect(withDirectory(own, undefined)).toBe(own);
  });

  it('lists no directory without a policy', async () => {
    const { service } = await setup();
    await service.saveContact({ contact: ana });
    expect((await service.listContacts({})).items.map((c) => c.source)).toEqual(['typed']);
  });
});

describe('the worker’s contact errors in German', () => {
  it('refuses a taken address and a duplicate import in German', async () => {
    const { service } = await setup();
    await service.saveContact({ contact: ana });
    await useLanguage('de');
    expect(await service.saveContact({ contact: { ...ana, name: 'Andere Ana' } })).toEqual({ ok: false, error: 'ana@example.com gehört bereits zu Ana Souza.' });
    expect(await service.importContacts({ contacts: [{ name: 'A', emails: ['x@example.com'] }, { name: 'B', emails: ['X@example.com'] }] })).toEqual({
      ok: false,
      error: 'Die Kontakte 1 und 2 enthalten beide x@example.com.',
    });
  });

  it('sorts names as German does', async () => {
    await useLanguage('de');
    const rows: ContactWithId[] = ['Zoe', 'Ärger', 'Abel', 'Özil', 'Otto'].map((name, i) => ({ name, emails: [`${i}@example.com`], id: i + 1 }));
    expect(queryContacts(rows, {}).items.map((c) => c.name)).toEqual(['Abel', 'Ärger', 'Otto', 'Özil', 'Zoe']);
  });
});
