import { useId, useState } from 'react';
import { siteLabel } from '@/components/QuietModes';
import { localDate, zoneOrUtc } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { clockTime, weekdayTime } from '@/utils/i18n/dates';
import { nextWallClockTime, type QuietLine } from '@/utils/store/quiet-tabs';

const HOUR = 3_600_000;

interface Props {
  /** quietLine(…) at `now`; null: nothing to say. */
  line: QuietLine | null;
  /** The user's zone: times are their wall clock. */
  timeZone: string;
  now: number;
  /** Offer "On call until …" (some site's tab is quiet-capable and the user is not on call). */
  canStartOnCall: boolean;
  busy?: boolean;
  error?: string | null;
  onStartOnCall: (until: number) => void;
  onEndOnCall: () => void;
}

/** "22:00" when `at` is on the local date of `now`, else "Thu 22:00". */
function shortTime(at: number, now: number, zone: string): string {
  return localDate(zone, at) === localDate(zone, now) ? clockTime(at, zone) : weekdayTime(at, zone);
}

/** The popup's one line about quiet tabs, as words. */
export function quietLineText(line: QuietLine, timeZone: string, now: number): string {
  const zone = zoneOrUtc(timeZone);
  if (line.kind === 'on-call') return t('quiet.line.onCall', { time: shortTime(line.until, now, zone) });
  const sites = line.sites.map(siteLabel).join(', ');
  if (line.kind === 'quiet') return line.until === null ? t('quiet.line.now', { sites }) : t('quiet.line.until', { time: weekdayTime(line.until, zone), sites });
  return line.from === null ? t('quiet.line.outside', { sites }) : t('quiet.line.from', { time: shortTime(line.from, now, zone), sites });
}

/** A default end for on-call: three hours after the current hour began ("20:10" → "23:00"). */
function defaultEnd(now: number, zone: string): string {
  return clockTime(Math.floor(now / HOUR) * HOUR + 3 * HOUR, zone, 'en-GB');
}

/** "Quiet until Mon 09:00: Gmail, Slack", or "On call until 22:00: quiet tabs are off" with End on-call; and starting on-call. */
export function QuietStatus({ line, timeZone, now, canStartOnCall, busy, error, onStartOnCall, onEndOnCall }: Props) {
  const id = useId();
  const zone = zoneOrUtc(timeZone);
  const [end, setEnd] = useState(() => defaultEnd(now, zone));
  const until = nextWallClockTime(end, zone, now);
  if (!line && !canStartOnCall && !error) return null;
  return (
    <div className="quiet-status">
      {line && (
        <p role="status" className={line.kind === 'on-call' ? 'on-call' : 'quiet-line'}>
          {quietLineText(line, zone, now)}
        </p>
      )}
      {line?.kind === 'on-call' ? (
        <button type="button" disabled={busy} onClick={onEndOnCall}>
          {t('quiet.onCall.end')}
        </button>
      ) : (
        canStartOnCall && (
          <div className="row">
            <label htmlFor={`${id}-until`}>{t('quiet.onCall.label')}</label>
            <input id={`${id}-until`} type="time" value={end} disabled={busy} onChange={(e) => setEnd(e.currentTarget.value)} />
            <button type="button" disabled={busy || until === null} onClick={() => until !== null && onStartOnCall(until)}>
              {t('quiet.onCall.start')}
            </button>
          </div>
        )
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
