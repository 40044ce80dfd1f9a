import { useMemo, useState } from 'react';
import { findRegion, regionOptions } from '@/utils/holidays/regions';
import { formatLocale, t } from '@/utils/i18n';
import { ZoneCombobox } from './ZoneCombobox';

export interface ZonePerson {
  key: string;
  name: string;
}

interface Props {
  /** Recipients without a known zone, in the dialog's order. */
  people: ZonePerson[];
  /** The sender's zone, for "Same as me"; absent when unknown. */
  myZone?: string;
  /** Returns null when saved, or why not. `holidays`: the region they observe, when one was picked. */
  onSave: (person: ZonePerson, zone: string, holidays?: string) => Promise<string | null>;
}

type Errors = Record<string, string>;

/**
 * "Time zone for Alex": one searchable field per unknown recipient (city, country, abbreviation),
 * "Same as me" beside each, the optional holiday regions folded, and one Save for all of them.
 */
export function ZonePicker({ people, myZone, onSave }: Props) {
  const [zones, setZones] = useState<Record<string, string>>({});
  const [regions, setRegions] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const regionList = useMemo(() => regionOptions(formatLocale()), []);

  async function saveAll() {
    const filled = people.filter((p) => (zones[p.key] ?? '').trim());
    if (filled.length === 0) {
      setErrors({ '': t('page.zone.pickFirst') });
      return;
    }
    const next: Errors = {};
    for (const person of filled) {
      const regionText = (regions[person.key] ?? '').trim();
      const holidays = findRegion(regionList, regionText);
      if (regionText && !holidays) {
        next[person.key] = t('holidays.noRegion', { text: regionText });
        continue;
      }
      const error = await onSave(person, zones[person.key]!.trim(), holidays ?? undefined);
      if (error) next[person.key] = error;
    }
    setErrors(next);
    setSaved(Object.keys(next).length === 0);
  }

  const saveLabel = people.length === 1 ? t('page.zone.save', { name: people[0]!.name }) : t('page.zone.saveAll', people.length);
  const messages = Object.entries(errors).map(([key, error]) => {
    const person = people.find((p) => p.key === key);
    return person ? `${person.name}: ${error}` : error;
  });
  return (
    <div className="ae-zone" role="group" aria-label={t('page.zone.group')}>
      {people.map((person) => (
        <div key={person.key} className="ae-zone-row">
          <ZoneCombobox
            label={t('page.zone.label', { name: person.name })}
            value={zones[person.key] ?? ''}
            placeholder={t('page.zone.placeholder')}
            onChange={(zone) => {
              setZones((all) => ({ ...all, [person.key]: zone }));
              setSaved(false);
            }}
            invalid={Boolean(errors[person.key])}
          />
          {myZone && (
            <button
              type="button"
              className="ae-same"
              aria-label={t('page.zone.sameAsMeFor', { name: person.name, zone: myZone })}
              onClick={() => {
                setZones((all) => ({ ...all, [person.key]: myZone }));
                setSaved(false);
              }}
            >
              {t('page.zone.sameAsMe')}
            </button>
          )}
        </div>
      ))}
      <details className="ae-zone-holidays">
        <summary>{t('page.zone.holidaysFold')}</summary>
        {people.map((person) => (
          <div key={person.key} className="ae-zone-row">
            <label htmlFor={`ae-region-${person.key}`}>{t('page.zone.holidays', { name: person.name })}</label>
            <input
              id={`ae-region-${person.key}`}
              list="ae-regions"
              value={regions[person.key] ?? ''}
              placeholder={t('page.zone.holidaysPlaceholder')}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setRegions((all) => ({ ...all, [person.key]: text }));
              }}
            />
          </div>
        ))}
        <datalist id="ae-regions">
          {regionList.map((r) => (
            <option key={r.code} value={r.label} />
          ))}
        </datalist>
      </details>
      <button type="button" onClick={() => void saveAll()}>
        {saveLabel}
      </button>
      {messages.length > 0 && <span role="alert">{messages.join(' ')}</span>}
      {saved && <span role="status">{t('page.zone.saved')}</span>}
    </div>
  );
}
