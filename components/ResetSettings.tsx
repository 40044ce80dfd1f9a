import { useState } from 'react';
import { t } from '@/utils/i18n';
import { Outcome } from './Outcome';

interface Props {
  /** Returns null when done, or why not. */
  onReset: (history: boolean) => Promise<string | null>;
}

/** "Reset everything": settings back to the defaults and the directory emptied, after a confirmation. */
export function ResetSettings({ onReset }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [history, setHistory] = useState(false);
  const [result, setResult] = useState<{ error?: string; done?: string }>({});

  async function reset() {
    const problem = await onReset(history);
    setConfirming(false);
    if (problem) setResult({ error: t('reset.failed', { reason: problem }) });
    else setResult({ done: history ? t('reset.doneWithHistory') : t('reset.doneKeptHistory') });
  }

  return (
    <fieldset className="reset">
      <legend>{t('reset.legend')}</legend>
      {confirming ? (
        <div role="group" aria-label={t('reset.confirmGroup')}>
          <p>{t('reset.question')}</p>
          <div className="row">
            <input id="reset-history" type="checkbox" checked={history} onChange={(e) => setHistory(e.currentTarget.checked)} />
            <label htmlFor="reset-history">{t('reset.alsoHistory')}</label>
          </div>
          <div className="row">
            <button type="button" className="danger" onClick={() => void reset()}>
              {t('reset.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('reset.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => { setResult({}); setConfirming(true); }}>
          {t('reset.start')}
        </button>
      )}
      <Outcome error={result.error} done={result.done} />
    </fieldset>
  );
}
