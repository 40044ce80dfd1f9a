// @vitest-environment happy-dom
/**
 * The popup asks for its data as its script starts (bench (g)): the stored summary before the first
 * render, the team clock's first page before the team clock exists. Both must arrive in the first frame
 * they can, and never answer a different question.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { TeamClock } from '@/components/TeamClock';
import type { TeamPage } from '@/utils/etiquette/team-clock';
import { officeWeek } from '@/utils/store/defaults';
import { popupSummary, workerAnswers } from './setup/popup';
import { prefetchTeamClock, takeArrivedTeamPage, takeTeamPrefetch, TEAM_PAGE, teamMinute, teamPrefetchArrived } from '@/utils/ui/team-prefetch';

/** Wednesday 4 March 2026, 10:00:20 UTC: 11:00 in Berlin, twenty seconds into the minute. */
const NOW = Date.UTC(2026, 2, 4, 10, 0, 20);
const MINUTE = teamMinute(NOW);
const ME = { timeZone: 'Europe/Berlin', weekly: officeWeek(), daysOff: [] };

function page(name: string, at = MINUTE): TeamPage {
  return {
    at,
    counts: { working: 1, soon: 0, off: 0, unknown: 0 },
    total: 1,
    all: 1,
    offset: 0,
    rows: [{ id: 1, name, address: 'anna@example.com', timeZone: 'Europe/Berlin', hours: ME, status: { group: 'working', until: Date.UTC(2026, 2, 4, 16) } }],
  };
}

const answer = workerAnswers();
/** The worker answers the team clock with one person, `name`; returns what it was asked. */
function answerTeam(name: string) {
  const asked = vi.fn((data: unknown) => data);
  const remove = answer('queryTeamClock', ({ data }) => {
    asked(data);
    return page(name, data.at);
  });
  return Object.assign(asked, { remove });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  // Nothing left for the next test.
  takeTeamPrefetch('', MINUTE, 0);
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('the team clock\u2019s first page, asked for early', () => {
  it('asks for the whole team at this minute, first page; hands it over once, and only for that question', async () => {
    const asked = answerTeam('Anna');
    const answer = prefetchTeamClock(NOW);
    expect(takeArrivedTeamPage(MINUTE)).toBeNull();
    expect(takeTeamPrefetch('anna', MINUTE, 0)).toBeNull();
    expect(takeTeamPrefetch('', MINUTE, TEAM_PAGE)).toBeNull();
    expect(takeTeamPrefetch('', MINUTE + 60_000, 0)).toBeNull();
    const taken = takeTeamPrefetch('', MINUTE, 0);
    expect(taken).toBe(answer);
    expect((await taken!).rows[0]!.name).toBe('Anna');
    expect(takeTeamPrefetch('', MINUTE, 0)).toBeNull();
    expect(asked.mock.calls).toEqual([[{ search: '', at: MINUTE, offset: 0, limit: TEAM_PAGE }]]);
  });

  it('the first render waits for the answer, but never longer than it was told, and never fails', async () => {
    await expect(teamPrefetchArrived(5)).resolves.toBeUndefined(); // nothing asked: nothing to wait for
    const anna = answerTeam('Anna');
    prefetchTeamClock(NOW);
    await teamPrefetchArrived(10_000);
    expect(takeArrivedTeamPage(MINUTE)?.rows[0]!.name).toBe('Anna');
    // A worker that does not answer: the wait ends at its bound.
    anna.remove();
    answer('queryTeamClock', () => new Promise<TeamPage>(() => {}));
    prefetchTeamClock(NOW);
    const started = performance.now();
    await teamPrefetchArrived(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(takeArrivedTeamPage(MINUTE)).toBeNull();
  });

  it('a team clock drawn after the answer arrived shows its rows in its first frame and does not ask again', async () => {
    const asked = answerTeam('Anna');
    await prefetchTeamClock();
    render(<TeamClock me={ME} />);
    // No waiting: the rows are part of the first render.
    expect(screen.getByText('Anna')).toBeTruthy();
    expect(screen.getByText(/Berlin · until/)).toBeTruthy();
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('an answer for another minute is not used: the team clock asks for its own', async () => {
    const asked = answerTeam('Anna');
    await prefetchTeamClock(NOW - 60_000);
    render(<TeamClock me={ME} />);
    expect(screen.queryByText('Anna')).toBeNull();
    expect(await screen.findByText('Anna')).toBeTruthy();
    expect(asked.mock.calls.map(([data]) => (data as { at: number }).at)).toEqual([MINUTE - 60_000, MINUTE]);
  });
});

describe('the popup\u2019s stored summary, read before the first render', () => {
  it('is on screen in the first frame; the worker is still asked for a fresh one', async () => {
    const stored = popupSummary({ me: ME, contacts: 7 });
    answerTeam('Anna');
    let asked = 0;
    answer('getPopupSummary', () => {
      asked += 1;
      return { ...stored, contacts: 8 };
    });
    render(<App stored={stored} />);
    expect(screen.getByText(/7 contacts/)).toBeTruthy();
    expect(await screen.findByText(/8 contacts/)).toBeTruthy();
    expect(asked).toBe(1);
  });
});
