import { useEffect, useState } from 'react';
import { clockIn } from '@/utils/ui/zones';
import { ZoneCombobox } from './ZoneCombobox';

interface Props {
  value: string;
  browserZone: string;
  onSave: (zone: string) => void;
  validate: (zone: string) => boolean;
  now?: number;
}

/** Your zone, picked from the IANA list; when the browser's zone differs (travel), one click switches. */
export function TimeZoneField({ value, browserZone, onSave, validate, now = Date.now() }: Props) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  function save(zone: string) {
    const trimmed = zone.trim();
    if (!validate(trimmed)) {
      setError(`"${trimmed}" is not a time zone this browser knows. Pick one from the list, e.g. Europe/Berlin.`);
      return;
    }
    setError(null);
    if (trimmed !== value) onSave(trimmed);
  }

  const travelling = value !== browserZone && validate(browserZone);
  return (
    <fieldset className="time-zone">
      <legend>Your time zone</legend>
      <div className="row">
        <ZoneCombobox
          id="time-zone"
          label="Time zone"
          value={draft}
          invalid={Boolean(error)}
          describedBy={error ? 'time-zone-error' : undefined}
          onChange={(zone) => {
            setDraft(zone);
            if (error) setError(null);
          }}
          onCommit={save}
        />
        <button type="button" onClick={() => save(draft)}>
          Save time zone
        </button>
      </div>
      {error && (
        <p id="time-zone-error" className="error" role="alert">
          {error}
        </p>
      )}
      {travelling && (
        <div className="warning" role="region" aria-label="Travel">
          <p>
            This browser is set to <strong>{browserZone}</strong> (now {clockIn(browserZone, now)}), but your working hours
            are kept in <strong>{value}</strong> (now {validate(value) ? clockIn(value, now) : 'unknown'}). Travelling?
          </p>
          <button type="button" onClick={() => save(browserZone)}>
            Switch to {browserZone}
          </button>
        </div>
      )}
    </fieldset>
  );
}
