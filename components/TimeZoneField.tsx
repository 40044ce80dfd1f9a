import { useEffect, useMemo, useState } from 'react';

interface Props {
  value: string;
  browserZone: string;
  onSave: (zone: string) => void;
  validate: (zone: string) => boolean;
}

function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** A searchable zone field; a zone that differs from the browser's (travel) is pointed out. */
export function TimeZoneField({ value, browserZone, onSave, validate }: Props) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(knownZones, []);
  useEffect(() => setDraft(value), [value]);

  function save(zone: string) {
    if (!validate(zone)) {
      setError(`"${zone}" is not a time zone this browser knows.`);
      return;
    }
    setError(null);
    onSave(zone);
  }

  return (
    <fieldset className="time-zone">
      <legend>Your time zone</legend>
      <div className="row">
        <label htmlFor="time-zone">Time zone</label>
        <input
          id="time-zone"
          list="time-zones"
          value={draft}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.currentTarget.value.trim())}
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <button type="button" onClick={() => save(draft)}>
          Save time zone
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {value !== browserZone && (
        <p className="note">
          This browser is set to {browserZone}.{' '}
          <button type="button" onClick={() => save(browserZone)}>
            Use {browserZone}
          </button>
        </p>
      )}
    </fieldset>
  );
}
