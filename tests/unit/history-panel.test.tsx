// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryPanel } from '@/components/HistoryPanel';
import type { EventPage } from '@/utils/messaging';
import { emptyCounts, type History } from '@/utils/store/history';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

const ZONE = 'Europe/Berlin';
/** Monday 2 March 2026, 09:30 in Berlin. */
const AT = Date.UTC(2026, 2, 2, 8, 30);

const HISTORY: History = {
  total: 1,
  weeks: [
    {
      week: '2026-03-02',
      start: Date.UTC(2026, 2, 1, 23),
      bySite: { gmail: { ...emptyCounts(), held: 1 }, slack: emptyCounts(), docs: emptyCounts() },
    },
  ],
};
const EVENTS: EventPage = { total: 1, items: [{ at: AT, site: 'gmail', verdict: 'sender-outside', action: 'held', recipients: 2 }] };

function renderPanel() {
  render(
    <HistoryPanel
      revision={0}
      timeZone={ZONE}
      load={async () => HISTORY}
      loadEvents={async () => EVENTS}
      clear={async () => null}
    />,
  );
}

describe('HistoryPanel', () => {
  it('with no events at all (a fresh install): one line, no weeks of zeros', async () => {
    render(<HistoryPanel revision={0} timeZone={ZONE} load={async () => ({ total: 0, weeks: HISTORY.weeks })} loadEvents={async () => ({ total: 0, items: [] })} clear={async () => null} />);
    expect(await screen.findByText(/^Nothing yet\. When a send is held/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear history' })).toBeNull();
  });

  it('shows no table until the counts arrive, so a slow worker never shows empty weeks', async () => {
    let arrive: (h: History) => void = () => {};
    const later = new Promise<History>((resolve) => (arrive = resolve));
    render(<HistoryPanel revision={0} timeZone={ZONE} load={() => later} loadEvents={async () => EVENTS} clear={async () => null} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    arrive(HISTORY);
    const weekly = await screen.findByRole('table', { name: 'Weekly counts, all sites' });
    expect(within(weekly).getAllByRole('rowheader')).toHaveLength(1);
  });

  it('in English: weeks and events in the browser’s date format (en-GB)', async () => {
    renderPanel();
    const weekly = await screen.findByRole('table', { name: 'Weekly counts, all sites' });
    expect(within(weekly).getByRole('rowheader').textContent).toBe('Mon, 2 Mar 2026');
    const log = screen.getByRole('table', { name: 'Event log' });
    const row = (await within(log).findByText('Held')).closest('tr')!;
    expect(row.textContent).toBe('Mon 2 Mar, 09:30GmailHeldyou were outside your hours2');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'After-hours sends on all sites over the last 12 weeks: 1 held, 0 scheduled, 0 sent anyway. The table below has the numbers per week.',
    );
    expect(screen.getByText('1–1 of 1')).toBeTruthy();
  });

  it('in German: German words and German dates', async () => {
    await useLanguage('de');
    renderPanel();
    const weekly = await screen.findByRole('table', { name: 'Zahlen pro Woche, alle Websites' });
    expect(within(weekly).getByRole('columnheader', { name: 'Woche ab' })).toBeTruthy();
    expect(within(weekly).getByRole('rowheader').textContent).toBe('Mo., 2. März 2026');
    const log = screen.getByRole('table', { name: 'Ereignisprotokoll' });
    const row = (await within(log).findByText('Angehalten')).closest('tr')!;
    expect(row.textContent).toBe('Mo., 2. März, 09:30GmailAngehaltenSie waren außerhalb Ihrer Arbeitszeit2');
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Sendeversuche außerhalb der Arbeitszeit auf allen Websites in den letzten 12 Wochen: 1 angehalten/);
    expect(screen.getByRole('option', { name: '12 Wochen' })).toBeTruthy();
    expect(screen.getByText('1–1 von 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verlauf löschen' })).toBeTruthy();
  });
});
