import { DateTime } from 'luxon';
import type { WeekNumbers } from '@/utils/store/history';
import { StackedBarChart } from './StackedBarChart';

interface Props {
  week: WeekNumbers;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function weekSentence(week: WeekNumbers): string {
  return `This week: ${plural(week.held, 'send')} held, ${week.scheduled} scheduled, ${week.sentAnyway} sent anyway.`;
}

/** This week's after-hours sends, day by day: held, scheduled and sent anyway. */
export function WeekChart({ week }: Props) {
  const labels = week.days.map((d) => DateTime.fromISO(d.date).setLocale('en-GB').toFormat('ccccc'));
  const sentence = weekSentence(week);
  return (
    <section className="week" aria-labelledby="week-heading">
      <h2 id="week-heading">This week</h2>
      <dl className="week-numbers">
        <div>
          <dt>Held</dt>
          <dd>{week.held}</dd>
        </div>
        <div>
          <dt>Scheduled</dt>
          <dd>{week.scheduled}</dd>
        </div>
        <div>
          <dt>Sent anyway</dt>
          <dd>{week.sentAnyway}</dd>
        </div>
      </dl>
      <StackedBarChart
        labels={labels}
        height={96}
        barWidth={14}
        summary={`${sentence} Chart by day, Monday to Sunday.`}
        series={[
          { kind: 'held', name: 'Held', values: week.days.map((d) => d.held) },
          { kind: 'scheduled', name: 'Scheduled', values: week.days.map((d) => d.scheduled) },
          { kind: 'sent', name: 'Sent anyway', values: week.days.map((d) => d.sentAnyway) },
        ]}
      />
    </section>
  );
}
