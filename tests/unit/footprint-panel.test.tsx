// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FootprintPanel, footprintSentence } from '@/components/FootprintPanel';
import { emptyFootprint, footprintCsv, type FootprintWeek } from '@/utils/store/footprint';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

const week = (date: string, gmail = emptyFootprint(), slack = emptyFootprint(), docs = emptyFootprint()): FootprintWeek => ({
  week: date,
  start: Date.parse(`${date}T00:00:00+01:00`),
  bySite: { gmail, slack, docs },
});
const WEEKS: FootprintWeek[] = [
  week('2026-02-23', { ...emptyFootprint(), moved: 2 }),
  week(
    '2026-03-02',
    { ...emptyFootprint(), lateSends: 2, latePeople: 3, urgent: { ...emptyFootprint().urgent, incident: 1, none: 1 } },
    { ...emptyFootprint(), lateSends: 1, latePeople: 1 },
    { ...emptyFootprint(), heldComments: 4 },
  ),
];

function renderPanel(load = async () => WEEKS) {
  render(<FootprintPanel revision={0} load={load} today="2026-03-04" />);
}

describe('FootprintPanel', () => {
  it('sums the weeks in the chart’s name; the table view lists every number, newest week first', async () => {
    renderPanel();
    const chart = await screen.findByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Your footprint on all sites over the last 2 weeks: 3 sends reached someone more than an hour outside their working time, 2 were moved to their hours, 4 Docs comments were held for their hours, 2 held sends went at once. The table view has the numbers per week.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show the numbers as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('table', { name: 'Footprint per week, all sites' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Mon, 2 Mar 2026', '3', '4', '0', '4', '2', '1', '0', '0', '0', '1'],
      ['Mon, 23 Feb 2026', '0', '0', '2', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(within(table).getByRole('columnheader', { name: 'Sent at once: no reason given' })).toBeTruthy();
  });

  it('one site at a time', async () => {
    renderPanel();
    await screen.findByRole('img');
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'slack' } });
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Your footprint on Slack over the last 2 weeks: 1 send reached/);
    fireEvent.click(screen.getByRole('button', { name: 'Show the numbers as a table' }));
    const table = screen.getByRole('table', { name: 'Footprint per week, Slack' });
    expect([...within(table).getAllByRole('row')[1]!.children].map((c) => c.textContent)).toEqual(['Mon, 2 Mar 2026', '1', '1', '0', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('Download CSV saves the file made in the page, named with today’s date', async () => {
    const created: Blob[] = [];
    const clicks: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:footprint'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderPanel();
    await screen.findByRole('img');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(clicks).toEqual(['async-etiquette-footprint-2026-03-04.csv']);
    expect(await created[0]!.text()).toBe(footprintCsv(WEEKS));
    expect(screen.getByRole('status').textContent).toBe('Saved async-etiquette-footprint-2026-03-04.csv.');
  });

  it('in German', async () => {
    await useLanguage('de');
    renderPanel();
    expect((await screen.findByRole('img')).getAttribute('aria-label')).toMatch(/^Ihr Fußabdruck auf allen Websites in den letzten 2 Wochen: 3 Nachrichten erreichten/);
    fireEvent.click(screen.getByRole('button', { name: 'Zahlen als Tabelle anzeigen' }));
    const table = screen.getByRole('table', { name: 'Fußabdruck pro Woche, alle Websites' });
    expect(within(table).getAllByRole('row')[1]!.children[0]!.textContent).toBe('Mo., 2. März 2026');
    expect(screen.getByRole('button', { name: 'CSV herunterladen' })).toBeTruthy();
  });

  it('with nothing counted on any site (a fresh install): one line, no chart of zeros', async () => {
    renderPanel(async () => [week('2026-02-23'), week('2026-03-02')]);
    expect(await screen.findByText(/^Nothing counted yet\./)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).toBeNull();
  });

  it('a failed load says so', async () => {
    renderPanel(() => Promise.reject(new Error('worker gone')));
    expect((await screen.findByText(/^Could not load the footprint/)).textContent).toBe('Could not load the footprint (Error: worker gone).');
  });
});

describe('the popup’s line', () => {
  it('this week against last week, in English and German', async () => {
    expect(footprintSentence({ thisWeek: { late: 1, waited: 3 }, lastWeek: { late: 4, waited: 0 } })).toBe(
      'This week 1 send reached someone over an hour outside their hours (last week: 4); moved to their hours: 3 (last week: 0).',
    );
    expect(footprintSentence({ thisWeek: { late: 0, waited: 0 }, lastWeek: { late: 2, waited: 5 } })).toBe(
      'This week 0 sends reached someone over an hour outside their hours (last week: 2); moved to their hours: 0 (last week: 5).',
    );
    await useLanguage('de');
    expect(footprintSentence({ thisWeek: { late: 2, waited: 1 }, lastWeek: { late: 0, waited: 1 } })).toBe(
      'Diese Woche erreichten 2 Nachrichten jemanden über eine Stunde außerhalb seiner Arbeitszeit (letzte Woche: 0); auf die Arbeitszeit verschoben: 1 (letzte Woche: 1).',
    );
  });
});
