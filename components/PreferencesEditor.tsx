import { useEffect, useRef, useState } from 'react';
import { t } from '@/utils/i18n';
import { useAutosave } from '@/utils/ui/use-autosave';
import { PREFERENCE_BOUNDS, SEND_NOW_REASON_MODES, type Preferences, type SendNowReasonMode } from '@/utils/store/schema';

type Editable = Pick<Preferences, 'graceMinutes' | 'largeListThreshold' | 'sendNowReason' | 'sendNowDailyLimit'>;

interface Props {
  preferences: Editable;
  onSave: (patch: Editable) => void;
  /** Field ids set by the organisation ('preferences.graceMinutes'): disabled, with a note. */
  lockedFields?: readonly string[];
}

interface Drafts {
  grace: string;
  threshold: string;
  reason: SendNowReasonMode;
  /** Empty: no limit. */
  limit: string;
}

type Errors = Partial<Record<'grace' | 'threshold' | 'limit', string>>;

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
const LIMIT: Bounds = {
  ...PREFERENCE_BOUNDS.sendNowDailyLimit,
  notWhole: (b) => t('preferences.limitNotWhole', b),
  outOfRange: (b) => t('preferences.limitOutOfRange', b),
};

const REASON_LABELS: Record<SendNowReasonMode, () => string> = {
  off: () => t('preferences.reasonOff'),
  ask: () => t('preferences.reasonAsk'),
  require: () => t('preferences.reasonRequire'),
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
  const limit = drafts.limit.trim() === '' ? null : whole(drafts.limit, LIMIT);
  const errors: Errors = {};
  if (typeof grace === 'string') errors.grace = grace;
  if (typeof threshold === 'string') errors.threshold = threshold;
  if (typeof limit === 'string') errors.limit = limit;
  if (typeof grace === 'string' || typeof threshold === 'string' || typeof limit === 'string') return { errors };
  return { value: { graceMinutes: grace, largeListThreshold: threshold, sendNowReason: drafts.reason, sendNowDailyLimit: limit } };
}

function toDrafts(p: Editable): Drafts {
  return {
    grace: String(p.graceMinutes),
    threshold: String(p.largeListThreshold),
    // A snapshot from before issue 21 has no reason field: Send now then asks nothing.
    reason: p.sendNowReason ?? 'off',
    limit: p.sendNowDailyLimit == null ? '' : String(p.sendNowDailyLimit),
  };
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

/** Grace window before work, large-list threshold, and what Send now asks first (a reason, a daily limit). */
export function PreferencesEditor({ preferences, onSave, lockedFields = [] }: Props) {
  const isLocked = (field: keyof Editable) => lockedFields.includes(`preferences.${field}`);
  const lockedNote = (field: keyof Editable) => isLocked(field) && <span className="hint locked">{t('options.locked')}</span>;
  const key = `${preferences.graceMinutes}/${preferences.largeListThreshold}/${preferences.sendNowReason}/${preferences.sendNowDailyLimit}`;
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(preferences));
  const [errors, setErrors] = useState<Errors>({});
  // What this editor saved last: when it comes back in the snapshot, the drafts (typed on since) stay.
  const sent = useRef(new Set<string>());
  useEffect(() => {
    if (sent.current.delete(key)) return;
    setDrafts(toDrafts(preferences));
    setErrors({});
    // Only a change of the saved values resets the drafts (a new snapshot object alone does not).
  }, [key]);

  function save() {
    const result = validatePreferences(drafts);
    if ('errors' in result) setErrors(result.errors);
    else {
      setErrors({});
      const saved = `${result.value.graceMinutes}/${result.value.largeListThreshold}/${result.value.sendNowReason}/${result.value.sendNowDailyLimit}`;
      if (saved === key) return;
      sent.current.add(saved);
      onSave(result.value);
    }
  }
  // Saved by itself (issue 20): a moment after typing, at once on leaving a field or picking an option.
  const autosave = useAutosave(save);
  const draftsKey = JSON.stringify(drafts);
  useEffect(() => {
    if (JSON.stringify(toDrafts(preferences)) !== draftsKey) autosave.schedule();
  }, [draftsKey]);

  return (
    <fieldset className="preferences" onBlur={() => autosave.flush()}>
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
        <label htmlFor="pref-reason">{t('preferences.reason')}</label>
        <select
          id="pref-reason"
          value={drafts.reason}
          disabled={isLocked('sendNowReason')}
          aria-describedby="pref-reason-help"
          onChange={(e) => setDrafts({ ...drafts, reason: e.currentTarget.value as SendNowReasonMode })}
        >
          {SEND_NOW_REASON_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {REASON_LABELS[mode]()}
            </option>
          ))}
        </select>
        <span id="pref-reason-help" className="hint">
          {t('preferences.reasonHelp')}
        </span>
        {lockedNote('sendNowReason')}
      </div>
      <WholeNumberField
        id="pref-limit"
        label={t('preferences.limit')}
        help={t('preferences.limitHelp')}
        bounds={LIMIT}
        value={drafts.limit}
        error={errors.limit}
        locked={isLocked('sendNowDailyLimit')}
        onChange={(limit) => setDrafts({ ...drafts, limit })}
      />
    </fieldset>
  );
}
