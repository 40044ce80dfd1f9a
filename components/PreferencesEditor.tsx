import { useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
import { PREFERENCE_BOUNDS, type Preferences } from '@/utils/store/schema';

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
  ...PREFERENCE_BOUNDS.graceMinutes,
  notWhole: (b) => t('preferences.graceNotWhole', b),
  outOfRange: (b) => t('preferences.graceOutOfRange', b),
};
const THRESHOLD: Bounds = {
  ...PREFERENCE_BOUNDS.largeListThreshold,
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

interface WholeNumberFieldProps {
  id: string;
  label: string;
  help: string;
  bounds: Bounds;
  value: string;
  error: string | undefined;
  locked: boolean;
  onChange: (value: string) => void;
}

/** A whole-number input with its help, or its error in place of the help, and the organisation's lock. */
function WholeNumberField({ id, label, help, bounds, value, error, locked, onChange }: WholeNumberFieldProps) {
  return (
    <div className="row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={bounds.min}
        max={bounds.max}
        value={value}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-help`} className="hint">
          {help}
        </span>
      )}
      {locked && <span className="hint locked">{t('options.locked')}</span>}
    </div>
  );
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
      <WholeNumberField
        id="pref-grace"
        label={t('preferences.grace')}
        help={t('preferences.graceHelp')}
        bounds={GRACE}
        value={drafts.grace}
        error={errors.grace}
        locked={isLocked('graceMinutes')}
        onChange={(grace) => setDrafts({ ...drafts, grace })}
      />
      <WholeNumberField
        id="pref-threshold"
        label={t('preferences.threshold')}
        help={t('preferences.thresholdHelp')}
        bounds={THRESHOLD}
        value={drafts.threshold}
        error={errors.threshold}
        locked={isLocked('largeListThreshold')}
        onChange={(threshold) => setDrafts({ ...drafts, threshold })}
      />
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
