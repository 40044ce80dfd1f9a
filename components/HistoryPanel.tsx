import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';
import type { EventPage } from '@/utils/messaging';
import type { ActionCounts, History, HistoryWeek } from '@/utils/store/history';
import { SITES, type AppEvent, type Site } from '@/utils/store/schema';
import { StackedBarChart } from './StackedBarChart';

interface Props {
  revision: number;
  timeZone: string;
  load: (weeks: number) => Promise<History>;
  loadEvents: (offset: number, limit: number) => Promise<EventPage>;
  clear: () => Promise<string | null>;
}

const SITE_NAMES: Record<Site, string> = { gmail: 'Gmail', slack: 'Slack', docs: 'Google Docs' };
const ACTION_NAMES: Record<AppEvent['action'], string> = {
  held: 'Held',
  nudged: 'Nudged',
  scheduled: 'Scheduled',
  'sent-anyway': 'Sent anyway',
  'kept-editing': 'Kept editing',
  'failed-open': 'Let through (error)',
};
const VERDICT_NAMES: Record<AppEvent['verdict'], string> = {
  'sender-outside': 'you were outside your hours',
  'recipients-outside': 'recipients outside their hours',
  'day-off': 'a day off',
  fine: '—',
};
const EVENTS_PER_PAGE = 25;

export function countsFor(week: HistoryWeek, site: Site | 'all'): ActionCounts {
  const sites = site === 'all' ? SITES : [site];
  const out: ActionCounts = { held: 0, nudged: 0, scheduled: 0, 'sent-anyway': 0, 'kept-editing': 0, 'failed-open': 0 };
  for (const s of sites) for (const [action, n] of Object.entries(week.bySite[s])) out[action as AppEvent['action']] += n;
  return out;
}

/** The event log over weeks (chart and table, per site) and newest first, with Clear history. */
export function HistoryPanel({ revision, timeZone, load, loadEvents, clear }: Props) {
  const [weeks, setWeeks] = useState(12);
  const [site, setSite] = useState<Site | 'all'>('all');
  const [history, setHistory] = useState<History | null>(null);
  const [events, setEvents] = useState<EventPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    load(weeks).then((h) => live && setHistory(h), (e: unknown) => live && setMessage(`Could not load the history (${String(e)}).`));
    return () => {
      live = false;
    };
  }, [weeks, revision, generation, load]);

  useEffect(() => {
    let live = true;
    loadEvents(offset, EVENTS_PER_PAGE).then((p) => live && setEvents(p), () => {});
    return () => {
      live = false;
    };
  }, [offset, revision, generation, loadEvents]);

  const rows = (history?.weeks ?? []).map((w) => ({ week: w, counts: countsFor(w, site) }));
  const label = (w: HistoryWeek) => DateTime.fromISO(w.week).setLocale('en-GB').toFormat('d LLL');
  const totals = rows.reduce((t, r) => ({ held: t.held + r.counts.held, scheduled: t.scheduled + r.counts.scheduled, sent: t.sent + r.counts['sent-anyway'] }), { held: 0, scheduled: 0, sent: 0 });
  const siteName = site === 'all' ? 'all sites' : SITE_NAMES[site];
  const format = (at: number) => DateTime.fromMillis(at, { zone: timeZone }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');

  async function doClear() {
    const problem = await clear();
    setConfirming(false);
    setMessage(problem ?? 'History cleared.');
    setOffset(0);
    setGeneration((g) => g + 1);
  }

  return (
    <div className="history">
      <div className="row">
        <label htmlFor="history-weeks">Weeks shown</label>
        <select id="history-weeks" value={weeks} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
          {[4, 12, 26, 52].map((n) => (
            <option key={n} value={n}>
              {n} weeks
            </option>
          ))}
        </select>
        <label htmlFor="history-site">Site</label>
        <select id="history-site" value={site} onChange={(e) => setSite(e.currentTarget.value as Site | 'all')}>
          <option value="all">All sites</option>
          {SITES.map((s) => (
            <option key={s} value={s}>
              {SITE_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      {history && (
        <StackedBarChart
          labels={rows.map((r) => label(r.week))}
          height={180}
          barWidth={Math.max(6, Math.min(24, Math.floor(480 / Math.max(1, rows.length))))}
          summary={`After-hours sends on ${siteName} over the last ${weeks} weeks: ${totals.held} held, ${totals.scheduled} scheduled, ${totals.sent} sent anyway. The table below has the numbers per week.`}
          series={[
            { kind: 'held', name: 'Held', values: rows.map((r) => r.counts.held) },
            { kind: 'scheduled', name: 'Scheduled', values: rows.map((r) => r.counts.scheduled) },
            { kind: 'sent', name: 'Sent anyway', values: rows.map((r) => r.counts['sent-anyway']) },
          ]}
        />
      )}
      <div className="table-wrap">
        <table aria-label={`Weekly counts, ${siteName}`}>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Held</th>
              <th scope="col">Scheduled</th>
              <th scope="col">Sent anyway</th>
              <th scope="col">Nudged</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map(({ week, counts }) => (
              <tr key={week.week}>
                <th scope="row">{DateTime.fromISO(week.week).setLocale('en-GB').toFormat('ccc d LLL yyyy')}</th>
                <td>{counts.held}</td>
                <td>{counts.scheduled}</td>
                <td>{counts['sent-anyway']}</td>
                <td>{counts.nudged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Event log</h3>
      <p className="hint">Only what happened, when and where: no message text or address is ever stored.</p>
      <div className="table-wrap">
        <table aria-label="Event log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Site</th>
              <th scope="col">What happened</th>
              <th scope="col">Why</th>
              <th scope="col">Recipients</th>
            </tr>
          </thead>
          <tbody>
            {events?.items.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>{format(e.at)}</td>
                <td>{SITE_NAMES[e.site]}</td>
                <td>{ACTION_NAMES[e.action]}</td>
                <td>{VERDICT_NAMES[e.verdict]}</td>
                <td>{e.recipients}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events && events.total === 0 && <p className="hint">No events yet.</p>}
      <nav className="row pager" aria-label="Event log pages">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - EVENTS_PER_PAGE))}>
          Newer
        </button>
        <span>{events ? `${events.total ? offset + 1 : 0}–${offset + events.items.length} of ${events.total}` : 'Loading…'}</span>
        <button type="button" disabled={!events || offset + EVENTS_PER_PAGE >= events.total} onClick={() => setOffset(offset + EVENTS_PER_PAGE)}>
          Older
        </button>
      </nav>
      <div className="row">
        {confirming ? (
          <>
            <span>Clear all {history?.total ?? ''} events? This cannot be undone.</span>
            <button type="button" className="danger" onClick={() => void doClear()}>
              Yes, clear history
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Clear history
          </button>
        )}
      </div>
      <p className="note" role="status">
        {message}
      </p>
    </div>
  );
}
