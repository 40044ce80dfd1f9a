/**
 * The team clock's pure parts (issue 22) with the clock injected: groups, order, search and pages; and
 * the worker's handler, which keeps its index between queries and rebuilds it after a change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTeamIndex, entriesOf, orderTeam, teamPage, type TeamSource } from '@/utils/etiquette/team-clock';
import type { Weekly } from '@/utils/hours';
import type { HolidayTable } from '@/utils/holidays/apply';
import { createService } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { officeWeek } from '@/utils/store/defaults';
import type { Policy } from '@/utils/store/policy';
import { databasesClosedAfterEach } from './setup/databases';

/** Wednesday 4 March 2026, 10:00 UTC: 11:00 in Berlin, 15:30 in Kolkata, 05:00 in New York, 19:00 in Tokyo. */
const NOW = Date.UTC(2026, 2, 4, 10, 0);
const OFFICE = officeWeek([['09:00', '17:00']]);
const every = (range: [string, string]): Weekly => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range], sat: [range], sun: [range] });
const compare = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
const HOLIDAYS: HolidayTable = { 'IN-KA': { from: '2026-01-01', until: '2026-12-31', place: 'Karnataka', dates: ['2026-03-04', '2026-12-25'] } };

let nextId = 1;
function person(name: string, extra: Partial<TeamSource> = {}): TeamSource {
  return { id: nextId++, name, emails: [`${name.toLowerCase().replace(/\W+/g, '.')}@example.com`], ...extra };
}

function team() {
  return [
    person('Zoe Berlin', { timeZone: 'Europe/Berlin' }),
    person('Émile Kolkata', { timeZone: 'Asia/Kolkata', slackIds: ['U0EMILE'] }),
    person('anna Berlin', { timeZone: 'Europe/Berlin' }),
    person('Nora Early', { timeZone: 'America/New_York', weekly: every(['06:00', '14:00']) }),
    person('Lena Two Hours', { timeZone: 'Europe/London', weekly: every(['12:00', '20:00']) }),
    person('Leo Just Over', { timeZone: 'Europe/London', weekly: every(['12:01', '20:00']) }),
    person('Ned York', { timeZone: 'America/New_York' }),
    person('Taro Tokyo', { timeZone: 'Asia/Tokyo' }),
    person('Dora Dayoff', { timeZone: 'Europe/Berlin', daysOff: ['2026-03-04', '2026-05-01'] }),
    person('Hari Holiday', { timeZone: 'Asia/Kolkata', holidays: 'IN-KA' }),
    person('Una Unknown'),
  ];
}

const index = () => buildTeamIndex(team(), { weekly: OFFICE }, HOLIDAYS, compare);
const names = (ordered: ReturnType<typeof orderTeam>) => entriesOf(ordered).map((e) => e.member.name);

describe('orderTeam: groups and order at an injected instant', () => {
  it('groups working now, starting within 2 hours (inclusive), off and zone unknown, each sorted by when next available, then by name', () => {
    const ordered = orderTeam(index(), '', NOW);
    expect(ordered.counts).toEqual({ working: 3, soon: 2, off: 5, unknown: 1 });
    expect(names(ordered)).toEqual([
      // Working: available now, by name as the reader's language sorts it (two schedules mixed).
      'anna Berlin',
      'Émile Kolkata',
      'Zoe Berlin',
      // Not working: by next start, soonest first.
      'Nora Early', // 06:00 New York = 11:00 UTC
      'Lena Two Hours', // 12:00 London = 12:00 UTC: exactly 2 hours ahead, still "soon"
      'Leo Just Over', // 12:01 London: off
      'Ned York', // 09:00 New York = 14:00 UTC
      'Taro Tokyo', // Thu 09:00 Tokyo = Thu 00:00 UTC
      'Hari Holiday', // public holiday today; Thu 09:00 Kolkata = Thu 03:30 UTC
      'Dora Dayoff', // day off today; Thu 09:00 Berlin = Thu 08:00 UTC
      'Una Unknown',
    ]);
    const status = (name: string) => entriesOf(ordered).find((e) => e.member.name === name)!.status;
    expect(status('Nora Early')).toEqual({ group: 'soon', nextStart: Date.UTC(2026, 2, 4, 11) });
    expect(status('Hari Holiday')).toEqual({ group: 'off', nextStart: Date.UTC(2026, 2, 5, 3, 30), reason: 'holiday' });
    expect(status('Dora Dayoff')).toEqual({ group: 'off', nextStart: Date.UTC(2026, 2, 5, 8), reason: 'day-off' });
    expect(status('Una Unknown')).toEqual({ group: 'unknown' });
  });

  it('follows the clock: the same index an hour later and on the weekend', () => {
    const built = index();
    const later = orderTeam(built, '', NOW + 3_600_000);
    expect(later.counts).toEqual({ working: 4, soon: 2, off: 4, unknown: 1 });
    expect(names(later).slice(0, 4)).toEqual(['anna Berlin', 'Émile Kolkata', 'Nora Early', 'Zoe Berlin']);
    // Saturday 7 March 12:00 UTC: the office weeks are off until Monday; the every-day shifts run.
    const saturday = orderTeam(built, '', Date.UTC(2026, 2, 7, 12));
    expect(saturday.counts.working).toBe(2);
    expect(names(saturday).slice(0, 2)).toEqual(['Lena Two Hours', 'Nora Early']);
    expect(entriesOf(saturday).find((e) => e.member.name === 'Taro Tokyo')!.status.nextStart).toBe(Date.UTC(2026, 2, 9, 0));
  });
});

describe('searchTeam through orderTeam', () => {
  it('matches every word in names, addresses and Slack ids, ignoring case and accents, and counts the matches per group', () => {
    const built = index();
    expect(names(orderTeam(built, 'EMILE', NOW))).toEqual(['Émile Kolkata']);
    expect(names(orderTeam(built, 'u0emile', NOW))).toEqual(['Émile Kolkata']);
    expect(names(orderTeam(built, 'ned.york@example', NOW))).toEqual(['Ned York']);
    expect(names(orderTeam(built, '  berlin   ann ', NOW))).toEqual(['anna Berlin']);
    const withD = orderTeam(built, 'd', NOW);
    expect(names(withD)).toEqual(['Ned York', 'Hari Holiday', 'Dora Dayoff']);
    expect(withD.counts).toEqual({ working: 0, soon: 0, off: 3, unknown: 0 });
    expect(entriesOf(orderTeam(built, 'nobody', NOW))).toEqual([]);
    expect(orderTeam(built, 'nobody', NOW).all).toBe(11);
  });
});

describe('teamPage', () => {
  it('pages the order; working rows say until when; rows carry hours with only the days off near now', () => {
    const ordered = orderTeam(index(), '', NOW);
    const first = teamPage(ordered, 0, 2);
    expect(first).toMatchObject({ at: NOW, total: 11, all: 11, offset: 0 });
    expect(first.rows.map((r) => r.name)).toEqual(['anna Berlin', 'Émile Kolkata']);
    expect(first.rows[0]).toMatchObject({ address: 'anna.berlin@example.com', timeZone: 'Europe/Berlin', status: { group: 'working', until: Date.UTC(2026, 2, 4, 16) } });
    expect(first.rows[1]!.status.until).toBe(Date.UTC(2026, 2, 4, 11, 30));
    const rest = teamPage(ordered, 9, 50);
    expect(rest.rows.map((r) => r.name)).toEqual(['Dora Dayoff', 'Una Unknown']);
    // May Day is weeks away: not carried. The unknown zone has no hours to plan with.
    expect(rest.rows[0]!.hours).toEqual({ timeZone: 'Europe/Berlin', weekly: OFFICE, daysOff: ['2026-03-04'] });
    expect(rest.rows[1]!.hours).toBeUndefined();
    expect(teamPage(ordered, 500, 10)).toMatchObject({ offset: 11, rows: [] });
  });

  it('shares one schedule among everyone on the same hours, so 10,000 people cost a handful of engine calls', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => person(`Person ${i}`, { timeZone: ['Europe/Berlin', 'Asia/Kolkata', 'America/New_York'][i % 3]! }));
    const built = buildTeamIndex(many, { weekly: OFFICE }, undefined, compare);
    expect(built.schedules).toHaveLength(3);
    const ordered = orderTeam(built, 'person 99', NOW);
    const matching = many.map((p, i) => [p.name.includes('99'), i % 3] as const).filter(([hit]) => hit);
    expect(ordered.keys.length).toBe(matching.length);
    // 11:00 in Berlin and 15:30 in Kolkata are working time; 05:00 in New York is not.
    expect(ordered.counts).toEqual({ working: matching.filter(([, zone]) => zone < 2).length, soon: 0, off: matching.filter(([, zone]) => zone === 2).length, unknown: 0 });
  });
});

describe('shift ends are computed once per minute', () => {
  it('every page and search of one minute reuses them; the next minute computes them again', () => {
    const built = index();
    const first = teamPage(orderTeam(built, '', NOW), 0, 2);
    expect(built.shiftEnds.at).toBe(NOW);
    const remembered = new Map(built.shiftEnds.bySchedule);
    expect([...remembered.values()]).toContain(Date.UTC(2026, 2, 4, 16));
    // Another search in the same minute: the same answers, from the same memo.
    expect(teamPage(orderTeam(built, 'anna', NOW), 0, 1).rows[0]!.status.until).toBe(first.rows[0]!.status.until);
    expect(built.shiftEnds.bySchedule).toEqual(remembered);
    // An hour later Anna's shift still ends at 17:00 Berlin, but it is worked out anew for that instant.
    const later = teamPage(orderTeam(built, 'anna', NOW + 3_600_000), 0, 1);
    expect(built.shiftEnds.at).toBe(NOW + 3_600_000);
    expect(later.rows[0]!.status.until).toBe(Date.UTC(2026, 2, 4, 16));
  });
});

describe('the worker answers queryTeamClock from an index it keeps', () => {
  const dbs = databasesClosedAfterEach();

  it('lists own contacts and the directory (an own contact wins on a shared address), reuses the index, and rebuilds it after a change', async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    const policy: Policy = {
      directory: [
        { name: 'Devi Directory', emails: ['devi@corp.example'], timeZone: 'Asia/Kolkata' },
        { name: 'Priya From Directory', emails: ['priya@example.com'], timeZone: 'Asia/Tokyo' },
      ],
    } as Policy;
    const service = createService({ db, publish: async () => {}, timeZone: () => 'Europe/Berlin', now: () => NOW, policy: async () => policy });
    await service.ready;
    await service.saveContact({ contact: { name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' } });
    const directory = vi.spyOn(service.context, 'directory');

    const page = await service.queryTeamClock({});
    // The contact defaults apply (Mon–Fri 09:00–17:00): 15:30 in Kolkata is inside them.
    expect(page.rows.map((r) => [r.name, r.status.group])).toEqual([
      ['Devi Directory', 'working'],
      ['Priya Raman', 'working'],
    ]);
    expect(page.all).toBe(2);
    // 19:30 in Kolkata: off until Thursday 09:00 there.
    const evening = await service.queryTeamClock({ at: Date.UTC(2026, 2, 4, 14), search: 'priya' });
    expect(evening.rows.map((r) => [r.name, r.status])).toEqual([['Priya Raman', { group: 'off', nextStart: Date.UTC(2026, 2, 5, 3, 30) }]]);
    expect(directory).toHaveBeenCalledTimes(1);

    await service.saveContact({ contact: { name: 'Ana Souza', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo' } });
    const after = await service.queryTeamClock({ search: 'ana' });
    expect(after.rows.map((r) => r.name)).toEqual(['Ana Souza']);
    expect(directory).toHaveBeenCalledTimes(2);
    await expect(service.queryTeamClock({ limit: 1000 })).rejects.toThrow(/query/);
  });
});
