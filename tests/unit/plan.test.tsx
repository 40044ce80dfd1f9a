// @vitest-environment happy-dom
/**
 * Plan a time (issue 22) with the clock injected: working stretches, local scales, the slot (common,
 * most-reaching, none), the copied line in English (24- and 12-hour) and German, and the panel itself.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanTime, slotText } from '@/components/PlanTime';
import { rowDetail } from '@/components/TeamClock';
import { localTicks, planSlot, workingIntervals } from '@/utils/etiquette/plan';
import type { Hours, Weekly } from '@/utils/hours';
import { officeWeek } from '@/utils/store/defaults';
import { planLine, stripDescription, tickLabel } from '@/utils/ui/plan-text';
import { useLanguage } from './setup/i18n';

/** Wednesday 4 March 2026, 10:00 UTC: 11:00 in Berlin, 15:30 in Kolkata, 05:00 in New York, 19:00 in Tokyo. */
const NOW = Date.UTC(2026, 2, 4, 10, 0);
const H = 3_600_000;
const office = (timeZone: string): Hours => ({ timeZone, weekly: officeWeek([['09:00', '17:00']]) });
const every = (range: [string, string]): Weekly => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range], sat: [range], sun: [range] });
const BERLIN = office('Europe/Berlin');
const KOLKATA = office('Asia/Kolkata');
const NEW_YORK = office('America/New_York');
const TOKYO = office('Asia/Tokyo');

afterEach(cleanup);

describe('workingIntervals and localTicks', () => {
  it('cuts each working stretch to the 48 hours, and a shift across midnight stays one stretch', () => {
    expect(workingIntervals(BERLIN, NOW, NOW + 48 * H)).toEqual([
      { start: NOW, end: Date.UTC(2026, 2, 4, 16) },
      { start: Date.UTC(2026, 2, 5, 8), end: Date.UTC(2026, 2, 5, 16) },
      { start: Date.UTC(2026, 2, 6, 8), end: NOW + 48 * H },
    ]);
    const night = { timeZone: 'UTC', weekly: every(['22:00', '06:00']) };
    expect(workingIntervals(night, NOW, NOW + 24 * H)).toEqual([{ start: Date.UTC(2026, 2, 4, 22), end: Date.UTC(2026, 2, 5, 6) }]);
    expect(workingIntervals({ timeZone: 'UTC', weekly: every(['00:00', '00:00']) }, NOW, NOW + 48 * H)).toEqual([{ start: NOW, end: NOW + 48 * H }]);
    expect(workingIntervals({ timeZone: 'UTC', weekly: officeWeek([]) }, NOW, NOW + 48 * H)).toEqual([]);
  });

  it('marks every sixth local hour, the date at midnight, across a spring-forward night', () => {
    const ticks = localTicks('Asia/Kolkata', NOW, NOW + 12 * H);
    expect(ticks).toEqual([
      { at: Date.UTC(2026, 2, 4, 12, 30), hour: 18 },
      { at: Date.UTC(2026, 2, 4, 18, 30), hour: 0, date: '2026-03-05' },
    ]);
    // Berlin springs forward at 02:00 on 29 March 2026: 00:00 and 06:00 are five hours apart.
    const dst = localTicks('Europe/Berlin', Date.UTC(2026, 2, 28, 22, 30), Date.UTC(2026, 2, 29, 6));
    expect(dst.map((t) => [t.hour, t.at])).toEqual([
      [0, Date.UTC(2026, 2, 28, 23)],
      [6, Date.UTC(2026, 2, 29, 4)],
    ]);
    expect(tickLabel(ticks[0]!, 'Asia/Kolkata', 'en-GB')).toBe('18');
    expect(tickLabel(ticks[0]!, 'Asia/Kolkata', 'en-US')).toBe('6 PM');
    expect(tickLabel(ticks[1]!, 'Asia/Kolkata', 'en-GB')).toBe('Thu');
  });
});

describe('planSlot', () => {
  it('is the next common working time, moved to the quarter hour when everyone already works, ending when the first stops', () => {
    const now = NOW + 7 * 60_000;
    expect(planSlot([BERLIN, KOLKATA], now)).toEqual({ at: NOW + 15 * 60_000, basis: 'common', until: Date.UTC(2026, 2, 4, 11, 30), working: [true, true] });
    // Berlin and New York overlap from 14:00 UTC (09:00 there) until Berlin stops at 16:00.
    expect(planSlot([BERLIN, NEW_YORK], NOW)).toEqual({ at: Date.UTC(2026, 2, 4, 14), basis: 'common', until: Date.UTC(2026, 2, 4, 16), working: [true, true] });
  });

  it('without a common time, is the earliest that reaches the most of them', () => {
    // New York's day never meets Tokyo's (not even after the clocks change); Kolkata meets Tokyo from
    // Thu 03:30 UTC (09:00 in Kolkata), the earliest moment reaching two of the three.
    expect(planSlot([NEW_YORK, TOKYO, KOLKATA], NOW)).toEqual({ at: Date.UTC(2026, 2, 5, 3, 30), basis: 'most', until: Date.UTC(2026, 2, 5, 8), working: [false, true, true] });
    // Everyone the most-reaching moment reaches already works now: now, at the next quarter hour.
    expect(planSlot([NEW_YORK, KOLKATA], NOW + 60_000)).toMatchObject({ at: NOW + 15 * 60_000, basis: 'most', working: [false, true] });
  });

  it('is null when nobody works', () => {
    expect(planSlot([{ timeZone: 'UTC', weekly: officeWeek([]) }], NOW)).toBeNull();
    expect(planSlot([], NOW)).toBeNull();
  });
});

describe('planLine', () => {
  it('names each zone once, the first with its weekday, others only on another date, and who is outside hours', () => {
    expect(planLine([BERLIN, KOLKATA, NEW_YORK], NOW, 'en-GB')).toBe('Wed 11:00 Berlin · 15:30 Kolkata · 05:00 New York (outside hours)');
    expect(planLine([BERLIN, KOLKATA, NEW_YORK], NOW, 'en-US')).toBe('Wed 11:00 AM Berlin · 3:30 PM Kolkata · 5:00 AM New York (outside hours)');
    // 23:00 in Berlin is Thursday in Tokyo; two Berlin people, one of them outside: Berlin once, outside.
    const late = Date.UTC(2026, 2, 4, 22);
    const nightOwl = { timeZone: 'Europe/Berlin', weekly: every(['22:00', '02:00']) };
    expect(planLine([nightOwl, BERLIN, TOKYO], late, 'en-GB')).toBe('Wed 23:00 Berlin (outside hours) · Thu 07:00 Tokyo (outside hours)');
    expect(planLine([nightOwl], late, 'en-GB')).toBe('Wed 23:00 Berlin');
  });

  it('is German in a German browser', async () => {
    await useLanguage('de');
    expect(planLine([BERLIN, KOLKATA, NEW_YORK], NOW, 'de')).toBe('Mi. 11:00 Berlin · 15:30 Kolkata · 05:00 New York (außerhalb der Arbeitszeit)');
    expect(stripDescription('Priya', 'Asia/Kolkata', workingIntervals(KOLKATA, NOW, NOW + 24 * H), 'de')).toBe(
      'Priya, Kolkata: arbeitet Mi. 15:30–17:00, Do. 09:00–15:30',
    );
  });
});

describe('<PlanTime>', () => {
  const people = [
    { name: 'Priya Raman', hours: KOLKATA },
    { name: 'Sam Lee', hours: NEW_YORK },
  ];

  it('draws a strip per person with the slot marked, says the slot, and copies the line', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const onClose = vi.fn();
    render(<PlanTime me={BERLIN} people={people} now={NOW} onClose={onClose} />);
    expect(screen.getByRole('heading', { name: 'Plan a time' })).toBe(document.activeElement);
    const strips = screen.getAllByRole('img');
    expect(strips.map((s) => s.getAttribute('aria-label'))).toEqual([
      'You, Berlin: working Wed 11:00–17:00, Thu 09:00–17:00, Fri 09:00–11:00',
      'Priya Raman, Kolkata: working Wed 15:30–17:00, Thu 09:00–17:00, Fri 09:00–15:30',
      'Sam Lee, New York: working Wed 09:00–17:00, Thu 09:00–17:00',
    ]);
    // No time suits all three (Kolkata stops before New York starts); Wed 15:00 in Berlin reaches two.
    const slot = planSlot([BERLIN, KOLKATA, NEW_YORK], NOW)!;
    expect(slot).toMatchObject({ at: NOW, basis: 'most' });
    expect(screen.getByText(slotText(slot, BERLIN, NOW))).toBeTruthy();
    expect(slotText(slot, BERLIN, NOW)).toBe('No time suits everyone; Wed 11:00–12:30, your time, reaches 2 of 3.');
    expect(document.querySelectorAll(`.plan-mark[data-slot-at="${NOW}"]`)).toHaveLength(3);
    expect(document.querySelectorAll('.plan-mark.out')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied.'));
    expect(writeText).toHaveBeenCalledWith('Wed 11:00 Berlin · 15:30 Kolkata · 05:00 New York (outside hours)');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('says so when copying fails, and speaks German', async () => {
    await useLanguage('de');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    render(<PlanTime me={BERLIN} people={[people[0]!]} now={NOW} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Zeit planen' })).toBeTruthy();
    expect(screen.getByText('Nächste gemeinsame Zeit: Mi. 11:00–12:30, Ihre Zeit')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kopieren' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Kopieren nicht möglich. Markieren Sie die Zeile und kopieren Sie sie selbst.'));
    expect((screen.getByLabelText('Zeile zum Kopieren') as HTMLInputElement).value).toBe('Mi. 11:00 Berlin · 15:30 Kolkata');
  });
});

describe('rowDetail', () => {
  it('says until when, when someone starts, or that today is a day off or a public holiday', async () => {
    const row = (status: object) => ({ id: 1, name: 'P', timeZone: 'Asia/Kolkata', status }) as Parameters<typeof rowDetail>[0];
    expect(rowDetail(row({ group: 'working', until: Date.UTC(2026, 2, 4, 11, 30) }), NOW)).toBe('until 17:00');
    expect(rowDetail(row({ group: 'soon', nextStart: Date.UTC(2026, 2, 4, 11) }), NOW)).toBe('starts 16:30');
    expect(rowDetail(row({ group: 'off', nextStart: Date.UTC(2026, 2, 5, 3, 30), reason: 'holiday' }), NOW)).toBe('public holiday · next start Thu 09:00');
    expect(rowDetail(row({ group: 'off', nextStart: null }), NOW)).toBe('no working hours');
    expect(rowDetail({ id: 2, name: 'U', status: { group: 'unknown' } }, NOW)).toBe('time zone unknown');
    await useLanguage('de');
    expect(rowDetail(row({ group: 'off', nextStart: Date.UTC(2026, 2, 5, 3, 30), reason: 'day-off' }), NOW)).toBe('freier Tag · nächster Beginn Do. 09:00');
  });
});
