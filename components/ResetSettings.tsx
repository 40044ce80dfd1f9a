import { useState } from 'react';

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
    setResult(problem ? { error: `Not reset: ${problem}` } : { done: history ? 'Everything was reset, history included.' : 'Everything was reset; the history was kept.' });
  }

  return (
    <fieldset className="reset">
      <legend>Start over</legend>
      {confirming ? (
        <div role="group" aria-label="Confirm reset">
          <p>Reset your hours, days off, site modes, preferences and templates to the defaults, and delete every contact?</p>
          <div className="row">
            <input id="reset-history" type="checkbox" checked={history} onChange={(e) => setHistory(e.currentTarget.checked)} />
            <label htmlFor="reset-history">Also clear the history</label>
          </div>
          <div className="row">
            <button type="button" className="danger" onClick={() => void reset()}>
              Yes, reset everything
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => { setResult({}); setConfirming(true); }}>
          Reset everything…
        </button>
      )}
      {result.error && (
        <p className="error" role="alert">
          {result.error}
        </p>
      )}
      {result.done && (
        <p className="note" role="status">
          {result.done}
        </p>
      )}
    </fieldset>
  );
}
