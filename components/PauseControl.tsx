import { t } from '@/utils/i18n';
import type { Pause } from '@/utils/store/schema';
import type { PauseKind } from '@/utils/store/quiet';

interface Props {
  pause: Pause | null;
  /** "Tue 09:00": when tomorrow's work starts, in your zone. */
  nextStartLabel: string;
  /** Formats an instant in your zone ("Mon 15:04"). */
  format: (at: number) => string;
  busy?: boolean;
  error?: string | null;
  onPause: (kind: PauseKind) => void;
  onResume: () => void;
}

/** Pause nudges and holds for an hour, until tomorrow's work start, or until turned back on; or resume. */
export function PauseControl({ pause, nextStartLabel, format, busy, error, onPause, onResume }: Props) {
  return (
    <section className="pause" aria-labelledby="pause-heading">
      <h2 id="pause-heading">{t('popup.pause.heading')}</h2>
      {pause ? (
        <div className="row">
          <p role="status" className="paused">
            {pause.until === null ? t('popup.pause.pausedIndefinitely') : t('popup.pause.pausedUntil', { time: format(pause.until) })}
          </p>
          <button type="button" className="primary" disabled={busy} onClick={onResume}>
            {t('popup.pause.resume')}
          </button>
        </div>
      ) : (
        <div className="button-row" role="group" aria-label={t('popup.pause.group')}>
          <button type="button" disabled={busy} onClick={() => onPause('hour')}>
            {t('popup.pause.forHour')}
          </button>
          <button type="button" disabled={busy} onClick={() => onPause('next-start')}>
            {t('popup.pause.untilNextStart', { when: nextStartLabel })}
          </button>
          <button type="button" disabled={busy} onClick={() => onPause('until-resumed')}>
            {t('popup.pause.untilResumed')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
