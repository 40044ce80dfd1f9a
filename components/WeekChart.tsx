import { t } from '@/utils/i18n';
import { weekdayLetter } from '@/utils/i18n/dates';
import type { WeekNumbers } from '@/utils/store/history';
import { StackedBarChart } from './StackedBarChart';

interface Props {
  week: WeekNumbers;
}

export function weekSentence(week: WeekNumbers): string {
  return t('popup.week.sentence', week.held, { scheduled: week.scheduled, sentAnyway: week.sentAnyway });
}

/** This week's after-hours sends, day by day: held, scheduled and sent anyway. */
export function WeekChart({ week }: Props) {
  const labels = week.days.map((d) => weekdayLetter(d.date));
  const sentence = weekSentence(week);
  const held = t('popup.week.held');
  const scheduled = t('popup.week.scheduled');
  const sentAnyway = t('popup.week.sentAnyway');
  return (
    <section className="week" aria-labelledby="week-heading">
      <h2 id="week-heading">{t('popup.week.heading')}</h2>
      <dl className="week-numbers">
        <div>
          <dt>{held}</dt>
          <dd>{week.held}</dd>
        </div>
        <div>
          <dt>{scheduled}</dt>
          <dd>{week.scheduled}</dd>
        </div>
        <div>
          <dt>{sentAnyway}</dt>
          <dd>{week.sentAnyway}</dd>
        </div>
      </dl>
      {week.quietEvenings + week.peeks > 0 && <p className="week-quiet">{t('popup.week.quiet', { evenings: String(week.quietEvenings), peeks: String(week.peeks) })}</p>}
      <StackedBarChart
        labels={labels}
        height={96}
        barWidth={14}
        summary={t('popup.week.chartSummary', { sentence })}
        series={[
          { kind: 'held', name: held, values: week.days.map((d) => d.held) },
          { kind: 'scheduled', name: scheduled, values: week.days.map((d) => d.scheduled) },
          { kind: 'sent', name: sentAnyway, values: week.days.map((d) => d.sentAnyway) },
        ]}
      />
    </section>
  );
}
