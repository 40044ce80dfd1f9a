import { useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
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

interface Bounds {
  min: number;
  max: number;
  /** The messages name the field, so each language can build its own sentence around it. */
  notWhole: (bounds: { min: number; max: number }) => string;
  outOfRange: (bounds: { min: number; max: number }) => string;
}

const GRACE: Bounds = {
  min: 0,
  max: 240,
  notWhole: (b) => t('preferences.graceNotWhole', b),
  outOfRange: (b) => t('preferences.graceOutOfRange', b),
};
const THRESHOLD: Bounds = {
  min: 1,
  max: 1000,
  notWhole: (b) => t('preferences.thresholdNotWhole', b),
  outOfRange: (b) => t('preferences.thresholdOutOfRange', b),
};

function whole(text: string, { min, max, notWhole, outOfRange }: Bounds): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return notWhole({ min, max });
  const n = Number(trimmed);
  if (n < min || n > max) return outOfRange({ min, max });
  return n;
}

/** Checks the drafts; returns the values to save or one message per wrong field. */
export function validatePreferences(drafts: Drafts): { value: Editable } | { errors: Errors } {
  const grace = whole(drafts.grace, GRACE);
  const threshold = whole(drafts.threshold, THRESHOLD);
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
  const lockedNote = (field: keyof Editable) => isLocked(field) && <span className="hint locked">{t('options.locked')}</span>;
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
      <legend>{t('preferences.legend')}</legend>
      <div className="row">
        <label htmlFor="pref-grace">{t('preferences.grace')}</label>
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
            {t('preferences.graceHelp')}
          </span>
        )}
        {lockedNote('graceMinutes')}
      </div>
      <div className="row">
        <label htmlFor="pref-threshold">{t('preferences.threshold')}</label>
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
            {t('preferences.thresholdHelp')}
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
        <label htmlFor="pref-reason">{t('preferences.askReason')}</label>
        {lockedNote('askReasonOnSendNow')}
      </div>
      <button type="button" onClick={save}>
        {t('preferences.save')}
      </button>
    </fieldset>
  );
}
