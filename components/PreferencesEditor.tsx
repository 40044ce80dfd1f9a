import { useEffect, useState } from 'react';
import type { Preferences } from '@/utils/store/schema';

type Editable = Pick<Preferences, 'graceMinutes' | 'largeListThreshold' | 'askReasonOnSendNow'>;

interface Props {
  preferences: Editable;
  onSave: (patch: Editable) => void;
  /** Field ids set by the organisation ('preferences.graceMinutes'): disabled, with a note. */
  lockedFields?: readonly string[];
}

interface Drafts {
  grace: string;
  threshold: string;
  askReason: boolean;
}

type Errors = Partial<Record<'grace' | 'threshold', string>>;

function whole(text: string, min: number, max: number, what: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `${what} must be a whole number from ${min} to ${max}.`;
  const n = Number(trimmed);
  if (n < min || n > max) return `${what} must be from ${min} to ${max}.`;
  return n;
}

/** Checks the drafts; returns the values to save or one message per wrong field. */
export function validatePreferences(drafts: Drafts): { value: Editable } | { errors: Errors } {
  const grace = whole(drafts.grace, 0, 240, 'The grace window');
  const threshold = whole(drafts.threshold, 1, 1000, 'The large-list threshold');
  const errors: Errors = {};
  if (typeof grace === 'string') errors.grace = grace;
  if (typeof threshold === 'string') errors.threshold = threshold;
  if (typeof grace === 'string' || typeof threshold === 'string') return { errors };
  return { value: { graceMinutes: grace, largeListThreshold: threshold, askReasonOnSendNow: drafts.askReason } };
}

function toDrafts(p: Editable): Drafts {
  return { grace: String(p.graceMinutes), threshold: String(p.largeListThreshold), askReason: p.askReasonOnSendNow };
}

/** Grace window before work, large-list threshold, and whether Send now asks for a reason. */
export function PreferencesEditor({ preferences, onSave, lockedFields = [] }: Props) {
  const isLocked = (field: keyof Editable) => lockedFields.includes(`preferences.${field}`);
  const lockedNote = (field: keyof Editable) => isLocked(field) && <span className="hint locked">set by your organisation</span>;
  const key = `${preferences.graceMinutes}/${preferences.largeListThreshold}/${preferences.askReasonOnSendNow}`;
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(preferences));
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => {
    setDrafts(toDrafts(preferences));
    setErrors({});
    // Only a change of the saved values resets the drafts (a new snapshot object alone does not).
  }, [key]);

  function save() {
    const result = validatePreferences(drafts);
    if ('errors' in result) setErrors(result.errors);
    else {
      setErrors({});
      onSave(result.value);
    }
  }

  return (
    <fieldset className="preferences">
      <legend>When to ask</legend>
      <div className="row">
        <label htmlFor="pref-grace">Grace window before work (minutes)</label>
        <input
          id="pref-grace"
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          value={drafts.grace}
          disabled={isLocked('graceMinutes')}
          aria-invalid={errors.grace ? true : undefined}
          aria-describedby={errors.grace ? 'pref-grace-error' : 'pref-grace-help'}
          onChange={(e) => setDrafts({ ...drafts, grace: e.currentTarget.value })}
        />
        {errors.grace ? (
          <span id="pref-grace-error" className="error" role="alert">
            {errors.grace}
          </span>
        ) : (
          <span id="pref-grace-help" className="hint">
            No prompt when someone’s work starts within this many minutes.
          </span>
        )}
        {lockedNote('graceMinutes')}
      </div>
      <div className="row">
        <label htmlFor="pref-threshold">Large-list threshold (recipients)</label>
        <input
          id="pref-threshold"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          value={drafts.threshold}
          disabled={isLocked('largeListThreshold')}
          aria-invalid={errors.threshold ? true : undefined}
          aria-describedby={errors.threshold ? 'pref-threshold-error' : 'pref-threshold-help'}
          onChange={(e) => setDrafts({ ...drafts, threshold: e.currentTarget.value })}
        />
        {errors.threshold ? (
          <span id="pref-threshold-error" className="error" role="alert">
            {errors.threshold}
          </span>
        ) : (
          <span id="pref-threshold-help" className="hint">
            More recipients than this are counted, not named.
          </span>
        )}
        {lockedNote('largeListThreshold')}
      </div>
      <div className="row">
        <input
          id="pref-reason"
          type="checkbox"
          checked={drafts.askReason}
          disabled={isLocked('askReasonOnSendNow')}
          onChange={(e) => setDrafts({ ...drafts, askReason: e.currentTarget.checked })}
        />
        <label htmlFor="pref-reason">Ask for a reason when I press Send now</label>
        {lockedNote('askReasonOnSendNow')}
      </div>
      <button type="button" onClick={save}>
        Save preferences
      </button>
    </fieldset>
  );
}
