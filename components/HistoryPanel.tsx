import { useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
import { calendarDate, dateTime, dayMonth } from '@/utils/i18n/dates';
import type { EventPage } from '@/utils/messaging';
import { emptyCounts, type ActionCounts, type History, type HistoryWeek } from '@/utils/store/history';
import { SITES, type AppEvent, type Site } from '@/utils/store/schema';
import { StackedBarChart } from './StackedBarChart';

interface Props {
  revision: number;
  timeZone: string;
  load: (weeks: number) => Promise<History>;
  loadEvents: (offset: number, limit: number) => Promise<EventPage>;
  clear: () => Promise<string | null>;
}

/** Product names: never translated. */
const SITE_NAMES: Record<Site, string> = { gmail: 'Gmail', slack: 'Slack', docs: 'Google Docs' };
const ACTION_NAMES: Record<AppEvent['action'], () => string> = {
  held: () => t('history.action.held'),
  nudged: () => t('history.action.nudged'),
  scheduled: () => t('history.action.scheduled'),
  'sent-anyway': () => t('history.action.sentAnyway'),
  'kept-editing': () => t('history.action.keptEditing'),
  'failed-open': () => t('history.action.failedOpen'),
  quieted: () => t('history.action.quieted'),
  peeked: () => t('history.action.peeked'),
};
const VERDICT_NAMES: Record<AppEvent['verdict'], () => string> = {
  'sender-outside': () => t('history.verdict.senderOutside'),
  'recipients-outside': () => t('history.verdict.recipientsOutside'),
  'day-off': () => t('history.verdict.dayOff'),
  fine: () => '—',
};
const EVENTS_PER_PAGE = 25;

export function countsFor(week: HistoryWeek, site: Site | 'all'): ActionCounts {
  const sites = site === 'all' ? SITES : [site];
  const out = emptyCounts();
  for (const s of sites) for (const [action, n] of Object.entries(week.bySite[s])) out[action as AppEvent['action']] += n;
  return out;
}

/** "1–25 of 40" for the event log's pager. */
function pageRange(offset: number, page: EventPage): string {
  const from = page.total ? offset + 1 : 0;
  return t('history.range', { from: String(from), to: String(offset + page.items.length), total: String(page.total) });
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
    load(weeks).then((h) => live && setHistory(h), (e: unknown) => live && setMessage(t('history.loadFailed', { reason: String(e) })));
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
  const totals = rows.reduce((t, r) => ({ held: t.held + r.counts.held, scheduled: t.scheduled + r.counts.scheduled, sent: t.sent + r.counts['sent-anyway'] }), { held: 0, scheduled: 0, sent: 0 });
  const siteName = site === 'all' ? t('history.allSites') : SITE_NAMES[site];
  const where = site === 'all' ? t('history.onAllSites') : t('history.onSite', { site: SITE_NAMES[site] });

  async function doClear() {
    const problem = await clear();
    setConfirming(false);
    setMessage(problem ?? t('history.cleared'));
    setOffset(0);
    setGeneration((g) => g + 1);
  }

  // Until the counts arrive, one line: empty tables would flash and then turn into "Nothing yet".
  if (!history) {
    return (
      <div className="history">
        <p className="hint" aria-busy="true">
          {t('history.loading')}
        </p>
        <p className="note" role="status">
          {message}
        </p>
      </div>
    );
  }

  // A fresh install (or a cleared log) has nothing to chart: one line instead of weeks of zeros (issue 20).
  if (history.total === 0) {
    return (
      <div className="history">
        <p className="hint">{t('history.empty')}</p>
        <p className="note" role="status">
          {message}
        </p>
      </div>
    );
  }

  return (
    <div className="history">
      <div className="row">
        <label htmlFor="history-weeks">{t('history.weeksShown')}</label>
        <select id="history-weeks" value={weeks} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
          {[4, 12, 26, 52].map((n) => (
            <option key={n} value={n}>
              {t('history.weeks', n)}
            </option>
          ))}
        </select>
        <label htmlFor="history-site">{t('history.site')}</label>
        <select id="history-site" value={site} onChange={(e) => setSite(e.currentTarget.value as Site | 'all')}>
          <option value="all">{t('history.allSitesOption')}</option>
          {SITES.map((s) => (
            <option key={s} value={s}>
              {SITE_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <StackedBarChart
        labels={rows.map((r) => dayMonth(r.week.week))}
        height={180}
        barWidth={Math.max(6, Math.min(24, Math.floor(480 / Math.max(1, rows.length))))}
        summary={t('history.chartSummary', {
          where,
          weeks: String(weeks),
          held: String(totals.held),
          scheduled: String(totals.scheduled),
          sent: String(totals.sent),
        })}
        series={[
          { kind: 'held', name: ACTION_NAMES.held(), values: rows.map((r) => r.counts.held) },
          { kind: 'scheduled', name: ACTION_NAMES.scheduled(), values: rows.map((r) => r.counts.scheduled) },
          { kind: 'sent', name: ACTION_NAMES['sent-anyway'](), values: rows.map((r) => r.counts['sent-anyway']) },
        ]}
      />
      <div className="table-wrap">
        <table aria-label={t('history.weeklyTable', { site: siteName })}>
          <thead>
            <tr>
              <th scope="col">{t('history.weekOf')}</th>
              <th scope="col">{ACTION_NAMES.held()}</th>
              <th scope="col">{ACTION_NAMES.scheduled()}</th>
              <th scope="col">{ACTION_NAMES['sent-anyway']()}</th>
              <th scope="col">{ACTION_NAMES.nudged()}</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map(({ week, counts }) => (
              <tr key={week.week}>
                <th scope="row">{calendarDate(week.week)}</th>
                <td>{counts.held}</td>
                <td>{counts.scheduled}</td>
                <td>{counts['sent-anyway']}</td>
                <td>{counts.nudged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('history.eventLog')}</h3>
      <p className="hint">{t('history.eventLogHint')}</p>
      <div className="table-wrap">
        <table aria-label={t('history.eventLog')}>
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.site')}</th>
              <th scope="col">{t('history.whatHappened')}</th>
              <th scope="col">{t('history.why')}</th>
              <th scope="col">{t('history.recipients')}</th>
            </tr>
          </thead>
          <tbody>
            {events?.items.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>{dateTime(e.at, timeZone)}</td>
                <td>{SITE_NAMES[e.site]}</td>
                <td>{ACTION_NAMES[e.action]()}</td>
                <td>{VERDICT_NAMES[e.verdict]()}</td>
                <td>{e.recipients}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events && events.total === 0 && <p className="hint">{t('history.noEvents')}</p>}
      <nav className="row pager" aria-label={t('history.pages')}>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - EVENTS_PER_PAGE))}>
          {t('history.newer')}
        </button>
        <span>{events ? pageRange(offset, events) : t('history.loading')}</span>
        <button type="button" disabled={!events || offset + EVENTS_PER_PAGE >= events.total} onClick={() => setOffset(offset + EVENTS_PER_PAGE)}>
          {t('history.older')}
        </button>
      </nav>
      <div className="row">
        {confirming ? (
          <>
            <span>{history ? t('history.clearConfirm', history.total) : t('history.clearConfirmUnknown')}</span>
            <button type="button" className="danger" onClick={() => void doClear()}>
              {t('history.clearYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('history.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('history.clear')}
          </button>
        )}
      </div>
      <p className="note" role="status">
        {message}
      </p>
    </div>
  );
}
