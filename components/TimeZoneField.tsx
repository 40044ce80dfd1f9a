import { useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
import { slot, withElements } from '@/utils/ui/rich-text';
import { clockIn } from '@/utils/ui/zones';
import { ZoneCombobox } from './ZoneCombobox';

interface Props {
  value: string;
  browserZone: string;
  onSave: (zone: string) => void;
  validate: (zone: string) => boolean;
  now?: number;
  /** Set by the organisation: shown greyed, not editable, and says so (no travel switch either). */
  locked?: boolean;
}

/** Your zone, found by city, country or abbreviation and saved when picked; when the browser's zone differs (travel), one click switches. */
export function TimeZoneField({ value, browserZone, onSave, validate, now = Date.now(), locked = false }: Props) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  function save(zone: string) {
    const trimmed = zone.trim();
    if (!validate(trimmed)) {
      setError(t('zone.unknown', { zone: trimmed }));
      return;
    }
    setError(null);
    if (trimmed !== value) onSave(trimmed);
  }

  const travelling = !locked && value !== browserZone && validate(browserZone);
  return (
    <fieldset className="time-zone" disabled={locked}>
      <legend>{t('zone.legend')}</legend>
      {/* Saved on picking a zone, Enter, or leaving the field (issue 20: no Save button). */}
      <div className="row" onBlur={() => draft.trim() !== value && save(draft)}>
        <ZoneCombobox
          id="time-zone"
          label={t('zone.label')}
          value={draft}
          invalid={Boolean(error)}
          describedBy={locked ? 'time-zone-locked' : error ? 'time-zone-error' : undefined}
          onChange={(zone) => {
            setDraft(zone);
            if (error) setError(null);
          }}
          onCommit={save}
          disabled={locked}
        />
        {locked && (
          <span id="time-zone-locked" className="hint locked">
            {t('options.locked')}
          </span>
        )}
      </div>
      {error && (
        <p id="time-zone-error" className="error" role="alert">
          {error}
        </p>
      )}
      {travelling && (
        <div className="warning" role="region" aria-label={t('zone.travelRegion')}>
          <p>
            {withElements(
              t('zone.travel', {
                browserZone: slot('browserZone'),
                browserTime: clockIn(browserZone, now),
                zone: slot('zone'),
                zoneTime: validate(value) ? clockIn(value, now) : t('zone.unknownTime'),
              }),
              { browserZone: <strong>{browserZone}</strong>, zone: <strong>{value}</strong> },
            )}
          </p>
          <button type="button" onClick={() => save(browserZone)}>
            {t('zone.switch', { zone: browserZone })}
          </button>
        </div>
      )}
    </fieldset>
  );
}
