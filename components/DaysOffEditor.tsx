import { useId, useState } from 'react';
import { t } from '@/utils/i18n';
import { addDates, expandRange, formatRun, groupDates, removeRun, runLength } from '@/utils/ui/days-off';

interface Props {
  daysOff: readonly string[];
  /** Today's date in the owner's zone ("YYYY-MM-DD"): earlier days are "past". */
  today: string;
  onChange: (daysOff: string[]) => void;
  legend?: string;
  /** How many upcoming runs to list before "and N more". */
  show?: number;
  /** Set by the organisation: listed, greyed, not editable, and says so. */
  locked?: boolean;
}

/** Add single days or ranges; see the next ones; remove any, or all past ones. */
export function DaysOffEditor({ daysOff, today, onChange, legend = t('daysOff.legend'), show = 8, locked = false }: Props) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const runs = groupDates(daysOff);
  const upcoming = runs.filter((r) => r.to >= today);
  const past = daysOff.filter((d) => d < today).length;

  function add() {
    const range = expandRange(from, to || from);
    if ('error' in range) return setError(range.error);
    const result = addDates(daysOff, range.dates);
    if ('error' in result) return setError(result.error);
    setError(null);
    setFrom('');
    setTo('');
    onChange(result.daysOff);
  }

  return (
    <fieldset className="days-off" disabled={locked} aria-describedby={locked ? `${id}-locked` : undefined}>
      <legend>{legend}</legend>
      {locked && (
        <p id={`${id}-locked`} className="hint locked">
          {t('options.lockedWhat', { what: legend })}
        </p>
      )}
      <div className="row">
        <label htmlFor={`${id}-from`}>{t('daysOff.first')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-to`}>{t('daysOff.last')}</label>
        <input id={`${id}-to`} type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} />
        <button type="button" onClick={add}>
          {t('daysOff.add')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <h3 id={`${id}-next`} className="small-heading">
        {t('daysOff.next')}
      </h3>
      {upcoming.length === 0 ? (
        <p className="hint">{t('daysOff.none')}</p>
      ) : (
        <ul aria-labelledby={`${id}-next`} className="plain-list">
          {upcoming.slice(0, show).map((run) => (
            <li key={run.from}>
              <span>
                {formatRun(run)}
                {run.from !== run.to && <span className="hint"> {t('daysOff.length', runLength(run))}</span>}
              </span>{' '}
              <button
                type="button"
                className="link"
                aria-label={t('daysOff.removeRun', { days: formatRun(run) })}
                onClick={() => onChange(removeRun(daysOff, run))}
              >
                {t('daysOff.remove')}
              </button>
            </li>
          ))}
          {upcoming.length > show && <li className="hint">{t('daysOff.more', upcoming.length - show)}</li>}
        </ul>
      )}
      {past > 0 && (
        <p className="hint">
          {t('daysOff.pastKept', past)}{' '}
          <button type="button" className="link" onClick={() => onChange(daysOff.filter((d) => d >= today))}>
            {t('daysOff.removePast')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
