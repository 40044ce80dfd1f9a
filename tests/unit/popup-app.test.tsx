// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { PauseControl } from '@/components/PauseControl';
import { WeekChart, weekSentence } from '@/components/WeekChart';
import type { PopupSummary } from '@/utils/messaging';
import { POPUP_SUMMARY_KEY } from '@/utils/store/popup-summary';
import { pauseTitle } from '@/utils/background/pause-indicator';
import { weekdayLetter } from '@/utils/i18n/dates';
import { useLanguage } from './setup/i18n';
import { popupSummary, workerAnswers } from './setup/popup';

const WEEK = {
  since: Date.UTC(2026, 2, 1, 23),
  held: 3,
  scheduled: 1,
  sentAnyway: 2,
  nudged: 4,
  quietEvenings: 0,
  peeks: 0,
  days: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'].map((date, i) => ({
    date,
    held: i === 0 ? 3 : 0,
    scheduled: i === 1 ? 1 : 0,
    sentAnyway: i === 2 ? 2 : 0,
  })),
};

function summary(over: Partial<PopupSummary> = {}): PopupSummary {
  return popupSummary({ snoozed: 2, contacts: 10_000, week: WEEK, ...over });
}

describe('<PauseControl>', () => {
  it('offers the three pauses by name, or the pause in force and Resume now', () => {
    const onPause = vi.fn();
    const onResume = vi.fn();
    const { rerender } = render(<PauseControl pause={null} nextStartLabel="Thu 09:00" format={() => 'Wed 23:30'} onPause={onPause} onResume={onResume} />);
    const group = screen.getByRole('group', { name: 'Pause nudges and holds' });
    fireEvent.click(within(group).getByRole('button', { name: 'Pause for 1 hour' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Pause until Thu 09:00' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Pause until I resume' }));
    expect(onPause.mock.calls).toEqual([['hour'], ['next-start'], ['until-resumed']]);
    rerender(<PauseControl pause={{ since: 0, until: 1 }} nextStartLabel="Thu 09:00" format={() => 'Wed 23:30'} onPause={onPause} onResume={onResume} />);
    expect(screen.getByRole('status').textContent).toBe('Paused until Wed 23:30.');
    fireEvent.click(screen.getByRole('button', { name: 'Resume now' }));
    expect(onResume).toHaveBeenCalled();
    cleanup();
  });
});

describe('<WeekChart>', () => {
  it('gives the numbers as text and the chart an accessible summary', () => {
    render(<WeekChart week={WEEK} />);
    const region = screen.getByRole('region', { name: 'This week' });
    expect(within(region).getAllByRole('definition').map((d) => d.textContent)).toEqual(['3', '1', '2']);
    expect(within(region).getByRole('img').getAttribute('aria-label')).toBe('This week: 3 sends held, 1 scheduled, 2 sent anyway. Chart by day, Monday to Sunday.');
    expect(weekSentence({ ...WEEK, held: 1 })).toBe('This week: 1 send held, 1 scheduled, 2 sent anyway.');
    // No quiet tabs used this week: no line about them.
    expect(region.textContent).not.toContain('Quiet evenings');
    cleanup();
  });

  it('counts quiet evenings and peeks once quiet tabs were used', () => {
    render(<WeekChart week={{ ...WEEK, quietEvenings: 2, peeks: 1 }} />);
    expect(screen.getByRole('region', { name: 'This week' }).textContent).toContain('Quiet evenings: 2 · Opened anyway: 1');
    cleanup();
  });
});

describe('popup <App>', () => {
  /** The worker's side, in this context (one listener per message type; removed after each test). */
  const answer = workerAnswers();
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
    fakeBrowser.reset();
  });

  it('shows the worker\u2019s summary: zone, modes, contacts and snoozes, and the week', async () => {
    answer('getPopupSummary', () => summary());
    render(<App />);
    await waitFor(() => screen.getByRole('region', { name: 'Your working hours' }));
    expect(screen.getByRole('region', { name: 'Your working hours' }).textContent).toContain('Europe/Berlin');
    expect((screen.getByLabelText('Gmail') as HTMLSelectElement).value).toBe('confirm');
    expect((screen.getByLabelText('Slack') as HTMLSelectElement).value).toBe('nudge');
    expect(screen.getByText(/10000 contacts · 2 snoozed/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All settings' })).toBeTruthy();
  });

  it('paints from the stored copy before the worker answers', async () => {
    await fakeBrowser.storage.local.set({ [POPUP_SUMMARY_KEY]: summary({ contacts: 7 }) });
    let reply: ((s: PopupSummary) => void) | null = null;
    answer('getPopupSummary', () => new Promise<PopupSummary>((resolve) => (reply = resolve)));
    render(<App />);
    await waitFor(() => screen.getByText(/7 contacts/));
    // The worker is asked only after the stored copy is on screen.
    await waitFor(() => expect(reply).not.toBeNull());
    await act(async () => reply!(summary({ contacts: 8 })));
    await waitFor(() => screen.getByText(/8 contacts/));
  });

  it('pauses through the worker and follows the stored change', async () => {
    answer('getPopupSummary', () => summary());
    const setPause = vi.fn((_data: unknown) => ({ ok: true as const }));
    answer('setPause', ({ data }) => setPause(data));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Pause for 1 hour' }));
    await waitFor(() => expect(setPause).toHaveBeenCalledWith({ kind: 'hour' }));
    await act(async () => {
      await fakeBrowser.storage.local.set({ [POPUP_SUMMARY_KEY]: summary({ pause: { since: 0, until: null } }) });
    });
    await waitFor(() => screen.getByRole('button', { name: 'Resume now' }));
  });

  it('says how many team contacts the organisation gives, and nothing without a directory', async () => {
    let next = summary({ teamContacts: 12, contacts: 1, snoozed: 0 });
    answer('getPopupSummary', () => next);
    render(<App />);
    await screen.findByText('12 team contacts from your organisation');
    expect(screen.getByText(/· 1 contact$/)).toBeTruthy();
    cleanup();
    next = summary({ teamContacts: 1 });
    render(<App />);
    await screen.findByText('1 team contact from your organisation');
    cleanup();
    next = summary();
    render(<App />);
    await screen.findByRole('link', { name: 'All settings' });
    expect(screen.queryByText(/from your organisation/)).toBeNull();
  });

  it('speaks German in a German browser, with German weekdays and times', async () => {
    await useLanguage('de');
    // Wednesday 4 March 2026, 22:30 UTC: 23:30 in Berlin.
    const until = Date.UTC(2026, 2, 4, 22, 30);
    answer('getPopupSummary', () => summary({ pause: { since: 0, until }, teamContacts: 12, contacts: 1 }));
    render(<App />);
    const status = await screen.findByRole('region', { name: 'Ihre Arbeitszeiten' });
    expect(status.textContent).toMatch(/(In der|Außerhalb der) Arbeitszeit/);
    expect(status.querySelector('strong')!.textContent).toMatch(/^(Mo|Di|Mi|Do|Fr|Sa|So)\.? \d{2}:\d{2}$/);
    // Luxon's German short weekday is "Mi" or "Mi.", depending on the ICU data.
    expect(screen.getByText(/^Pausiert bis Mi\.? 23:30\.$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jetzt fortsetzen' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Senden außerhalb der Arbeitszeit' })).toBeTruthy();
    const gmail = screen.getByLabelText('Gmail') as HTMLSelectElement;
    expect([...gmail.options].map((o) => o.textContent)).toEqual(['Aus', 'Hinweisen (nur ein Hinweis)', 'Bestätigen (anhalten und nachfragen)']);
    expect(screen.getByText('12 Teamkontakte von Ihrer Organisation')).toBeTruthy();
    expect(screen.getByText(/· 1 Kontakt · 2 zurückgestellt/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alle Einstellungen' })).toBeTruthy();
    const week = screen.getByRole('region', { name: 'Diese Woche' });
    expect(within(week).getByRole('img').getAttribute('aria-label')).toBe(
      'Diese Woche: 3 Nachrichten angehalten, 1 geplant, 2 trotzdem gesendet. Diagramm nach Tagen, Montag bis Sonntag.',
    );
    expect(within(week).getAllByRole('term').map((d) => d.textContent)).toEqual(['Angehalten', 'Geplant', 'Trotzdem gesendet']);
    expect(WEEK.days.map((d) => weekdayLetter(d.date))).toEqual(['M', 'D', 'M', 'D', 'F', 'S', 'S']);
  });

  it('offers the German pauses, and the toolbar title says the pause in German', async () => {
    await useLanguage('de-AT');
    answer('getPopupSummary', () => summary());
    render(<App />);
    const group = await screen.findByRole('group', { name: 'Hinweise und Anhalten pausieren' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual([
      '1 Stunde pausieren',
      expect.stringMatching(/^Pausieren bis (morgen|(Mo|Di|Mi|Do|Fr|Sa|So)\.? \d{2}:\d{2})$/),
      'Pausieren, bis ich fortsetze',
    ]);
    expect(pauseTitle({ since: 0, until: null }, 'Europe/Vienna')).toBe('Async Etiquette: pausiert, bis Sie es wieder einschalten');
    expect(pauseTitle({ since: 0, until: Date.UTC(2026, 2, 4, 22, 30) }, 'Europe/Vienna')).toMatch(/^Async Etiquette: pausiert bis Mi\.? 23:30$/);
  });

  it('says so when the worker cannot be reached and nothing is stored', async () => {
    answer('getPopupSummary', () => {
      throw new Error('gone');
    });
    render(<App />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/did not answer/));
  });

  it('says so in German too', async () => {
    await useLanguage('de');
    answer('getPopupSummary', () => {
      throw new Error('gone');
    });
    render(<App />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Die Erweiterung hat nicht geantwortet \(.*gone.*\)\./));
  });
});
