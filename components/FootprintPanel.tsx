/**
 * The sender's own after-hours footprint (issue 21), beside the history: per week over the last 12,
 * by site, as a chart (one image with a one-line summary), a table view with every number, and a CSV
 * download made in the page. Counts only: the worker never stores text or addresses.
 */
import { useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
import { calendarDate, dayMonth } from '@/utils/i18n/dates';
import { siteName, SITE_ORDER } from '@/utils/i18n/sites';
import { footprintCsv, footprintFor, urgentTotal, URGENT_REASONS, type FootprintCounts, type FootprintLine, type FootprintWeek, type UrgentReason } from '@/utils/store/footprint';
import type { Site } from '@/utils/store/schema';
import { downloadText } from '@/utils/ui/download';
import { StackedBarChart } from './StackedBarChart';

interface Props {
  revision: number;
  load: () => Promise<FootprintWeek[]>;
  /** The file's date stamp ("2026-12-07"), today in the user's zone. */
  today: string;
}

/** Literal keys, one call per reason: the key test scans the source for them. */
const REASON_NAMES: Record<UrgentReason, () => string> = {
  incident: () => t('footprint.reason.incident'),
  asked: () => t('footprint.reason.asked'),
  customer: () => t('footprint.reason.customer'),
  'own-words': () => t('footprint.reason.ownWords'),
  none: () => t('footprint.reason.none'),
};

/** The popup's line: this week against last week. */
export function footprintSentence({ thisWeek, lastWeek }: { thisWeek: FootprintLine; lastWeek: FootprintLine }): string {
  return t('popup.footprint', thisWeek.late, { lastLate: lastWeek.late, waited: thisWeek.waited, lastWaited: lastWeek.waited });
}

function totals(rows: FootprintCounts[]): { late: number; moved: number; kept: number; urgent: number } {
  return rows.reduce(
    (sum, c) => ({ late: sum.late + c.lateSends, moved: sum.moved + c.moved, kept: sum.kept + c.heldComments, urgent: sum.urgent + urgentTotal(c) }),
    { late: 0, moved: 0, kept: 0, urgent: 0 },
  );
}

export function FootprintPanel({ revision, load, today }: Props) {
  const [weeks, setWeeks] = useState<FootprintWeek[] | null>(null);
  const [site, setSite] = useState<Site | 'all'>('all');
  const [showTable, setShowTable] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (w) => live && setWeeks(w),
      (e: unknown) => live && setMessage(t('footprint.loadFailed', { reason: String(e) })),
    );
    return () => {
      live = false;
    };
  }, [revision, load]);

  const rows = (weeks ?? []).map((w) => ({ week: w, counts: footprintFor(w, site) }));
  const sum = totals(rows.map((r) => r.counts));
  const where = site === 'all' ? t('history.onAllSites') : t('history.onSite', { site: siteName(site) });
  const siteLabel = site === 'all' ? t('history.allSites') : siteName(site);

  function download() {
    if (!weeks) return;
    const fileName = `async-etiquette-footprint-${today}.csv`;
    downloadText(fileName, footprintCsv(weeks), 'text/csv');
    setMessage(t('footprint.downloaded', { file: fileName }));
  }

  // Nothing counted on any site yet (a fresh install): one line instead of twelve weeks of zeros (issue 20).
  const everything = totals((weeks ?? []).map((w) => footprintFor(w, 'all')));
  if (weeks && everything.late + everything.moved + everything.kept + everything.urgent === 0) {
    return (
      <div className="footprint">
        <p className="hint">{t('footprint.empty')}</p>
      </div>
    );
  }

  return (
    <div className="footprint">
      <p className="hint">{t('footprint.intro')}</p>
      <div className="row">
        <label htmlFor="footprint-site">{t('history.site')}</label>
        <select id="footprint-site" value={site} onChange={(e) => setSite(e.currentTarget.value as Site | 'all')}>
          <option value="all">{t('history.allSitesOption')}</option>
          {SITE_ORDER.map((s) => (
            <option key={s} value={s}>
              {siteName(s)}
            </option>
          ))}
        </select>
        <button type="button" aria-expanded={showTable} aria-controls="footprint-table" onClick={() => setShowTable(!showTable)}>
          {t('footprint.showTable')}
        </button>
        <button type="button" disabled={!weeks} onClick={download}>
          {t('footprint.download')}
        </button>
      </div>
      {weeks && (
        <StackedBarChart
          grouped
          labels={rows.map((r) => dayMonth(r.week.week))}
          height={180}
          barWidth={6}
          summary={t('footprint.chartSummary', sum.late, { where, weeks: String(rows.length), moved: String(sum.moved), kept: String(sum.kept), urgent: String(sum.urgent) })}
          series={[
            { kind: 'late', name: t('footprint.lateSends'), values: rows.map((r) => r.counts.lateSends) },
            { kind: 'moved', name: t('footprint.moved'), values: rows.map((r) => r.counts.moved) },
            { kind: 'kept', name: t('footprint.kept'), values: rows.map((r) => r.counts.heldComments) },
            { kind: 'urgent', name: t('footprint.urgent'), values: rows.map((r) => urgentTotal(r.counts)) },
          ]}
        />
      )}
      <div className="table-wrap" id="footprint-table" hidden={!showTable}>
        {showTable && (
          <table aria-label={t('footprint.table', { site: siteLabel })}>
            <thead>
              <tr>
                <th scope="col">{t('history.weekOf')}</th>
                <th scope="col">{t('footprint.lateSends')}</th>
                <th scope="col">{t('footprint.latePeople')}</th>
                <th scope="col">{t('footprint.moved')}</th>
                <th scope="col">{t('footprint.kept')}</th>
                <th scope="col">{t('footprint.urgent')}</th>
                {URGENT_REASONS.map((r) => (
                  <th scope="col" key={r}>
                    {t('footprint.urgentBecause', { reason: REASON_NAMES[r]() })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...rows].reverse().map(({ week, counts }) => (
                <tr key={week.week}>
                  <th scope="row">{calendarDate(week.week)}</th>
                  <td>{counts.lateSends}</td>
                  <td>{counts.latePeople}</td>
                  <td>{counts.moved}</td>
                  <td>{counts.heldComments}</td>
                  <td>{urgentTotal(counts)}</td>
                  {URGENT_REASONS.map((r) => (
                    <td key={r}>{counts.urgent[r]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p className="note" role="status">
        {message}
      </p>
    </div>
  );
}
