import { useId, useState } from 'react';

interface Props {
  name: string;
  /** Returns null when saved, or why not. */
  onSave: (zone: string) => Promise<string | null>;
}

function zoneList(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** "Set Alex's time zone": a searchable field, remembered in contacts when saved. */
export function ZonePicker({ name, onSave }: Props) {
  const id = useId();
  const [zone, setZone] = useState('');
  const [state, setState] = useState<{ error?: string; saved?: boolean }>({});
  const [zones] = useState(zoneList);

  async function save() {
    const error = await onSave(zone.trim());
    setState(error ? { error } : { saved: true });
  }

  return (
    <div className="ae-zone">
      <label htmlFor={`${id}-zone`}>Time zone for {name}</label>
      <input
        id={`${id}-zone`}
        list={`${id}-zones`}
        value={zone}
        placeholder="e.g. Asia/Kolkata"
        onChange={(e) => setZone(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <datalist id={`${id}-zones`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <button type="button" onClick={() => void save()}>
        Save time zone for {name}
      </button>
      {state.error && <span role="alert">{state.error}</span>}
      {state.saved && <span role="status">Saved</span>}
    </div>
  );
}
