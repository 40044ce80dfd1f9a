import { useState } from 'react';
import { t } from '@/utils/i18n';

interface Props {
  /** When the peek ends ("23:55"). */
  until: string;
  /** The user's next working start ("Mon 09:00"), or null when none is known (no reminder then). */
  remindAt: string | null;
  /** Items opened during this peek. */
  opened: number;
  /** Items already handed to a reminder. */
  reminded: number;
  /** Resolves to an error to show, or null once the reminder is set. */
  onRemind: () => Promise<string | null>;
}

/**
 * While a shield peek is open (issue 19, item 4): a small bar at the top centre, fixed (the site's
 * layout does not move), offering to hand what was opened to the next working start.
 */
export function PeekBar({ until, remindAt, opened, reminded, onRemind }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remind(): Promise<void> {
    setBusy(true);
    setError(await onRemind());
    setBusy(false);
  }

  return (
    <div className="ae-peek" role="region" aria-label={t('quietTab.peek.region')}>
      <p>{t('quietTab.peek.until', { until })}</p>
      {/* Always in the page, so the confirmation is announced when it appears. */}
      <span role="status">{remindAt && reminded > 0 ? t('quietTab.peek.set', { at: remindAt, count: String(reminded) }) : ''}</span>
      {remindAt && opened > reminded && (
        <button type="button" disabled={busy} onClick={() => void remind()}>
          {t('quietTab.peek.remind', { at: remindAt })}
        </button>
      )}
      {error && (
        <p role="alert" className="ae-peek-error">
          {error}
        </p>
      )}
    </div>
  );
}
