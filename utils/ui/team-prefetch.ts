/**
 * The team clock's first page, asked for the moment the popup's script starts: the question then
 * travels to the worker while the page renders, instead of after its first paint (bench (g)).
 */
import type { TeamPage } from '@/utils/etiquette/team-clock';
import { sendMessage } from '@/utils/messaging';

/** Rows per request to the worker. */
export const TEAM_PAGE = 50;

const MINUTE = 60_000;

let early: { at: number; answer: Promise<TeamPage>; page?: TeamPage } | null = null;

/** The team clock computes its groups for whole minutes: the instant it will ask about at `now`. */
export function teamMinute(now: number): number {
  return Math.floor(now / MINUTE) * MINUTE;
}

/** Sends the question; returns its answer (main.tsx does not wait for it: the team clock takes it). */
export function prefetchTeamClock(now = Date.now()): Promise<TeamPage> {
  const at = teamMinute(now);
  const answer = sendMessage('queryTeamClock', { search: '', at, offset: 0, limit: TEAM_PAGE });
  const asked = { at, answer } as NonNullable<typeof early>;
  // Kept once it arrives, so a team clock drawn after that starts with its rows (no empty frame).
  // A failure is handled by whoever takes the promise; when nobody does, it must not be reported as unhandled.
  answer.then((page) => (asked.page = page), () => {});
  early = asked;
  return answer;
}

/**
 * Resolves when the early answer has arrived, or after `ms` (whichever is first; never rejects): the
 * popup's first render waits this little so the team clock can start with its rows.
 */
export function teamPrefetchArrived(ms: number): Promise<void> {
  const answer = early?.answer;
  if (!answer) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    answer.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}

/** The early answer, if it has already arrived for `at` (once): the team clock's first state. */
export function takeArrivedTeamPage(at: number): TeamPage | null {
  if (!early?.page || early.at !== at) return null;
  const { page } = early;
  early = null;
  return page;
}

/** The early answer when it is exactly the page asked for (once); null otherwise. */
export function takeTeamPrefetch(search: string, at: number, offset: number): Promise<TeamPage> | null {
  if (!early || search !== '' || offset !== 0 || early.at !== at) return null;
  const { answer } = early;
  early = null;
  return answer;
}
