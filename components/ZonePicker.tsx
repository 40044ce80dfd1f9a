import { useId, useState } from 'react';
import { t } from '@/utils/i18n';

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
      <label htmlFor={`${id}-zone`}>{t('page.zone.label', { name })}</label>
      <input
        id={`${id}-zone`}
        list={`${id}-zones`}
        value={zone}
        placeholder={t('page.zone.placeholder')}
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
        {t('page.zone.save', { name })}
      </button>
      {state.error && <span role="alert">{state.error}</span>}
      {state.saved && <span role="status">{t('page.zone.saved')}</span>}
    </div>
  );
}
