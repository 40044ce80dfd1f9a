import { useId, useMemo, useState } from 'react';
import { findRegion, regionOptions } from '@/utils/holidays/regions';
import { formatLocale, t } from '@/utils/i18n';

interface Props {
  name: string;
  /** Returns null when saved, or why not. `holidays`: the region they observe, when one was picked. */
  onSave: (zone: string, holidays?: string) => Promise<string | null>;
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
  const [region, setRegion] = useState('');
  const regions = useMemo(() => regionOptions(formatLocale()), []);

  async function save() {
    const holidays = findRegion(regions, region);
    if (region.trim() && !holidays) {
      setState({ error: t('holidays.noRegion', { text: region.trim() }) });
      return;
    }
    const error = await onSave(zone.trim(), holidays ?? undefined);
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
      <label htmlFor={`${id}-region`}>{t('page.zone.holidays', { name })}</label>
      <input
        id={`${id}-region`}
        list={`${id}-regions`}
        value={region}
        placeholder={t('page.zone.holidaysPlaceholder')}
        onChange={(e) => setRegion(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <datalist id={`${id}-regions`}>
        {regions.map((r) => (
          <option key={r.code} value={r.label} />
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
