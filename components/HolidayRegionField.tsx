import { useEffect, useId, useMemo, useState } from 'react';
import { formatLocale, t } from '@/utils/i18n';
import { nameCollator } from '@/utils/i18n/dates';
import { holidayCountries, holidayStates, splitRegion } from '@/utils/holidays/regions';

interface Props {
  legend: string;
  /** The region in use ("DE", "DE-BY"), or undefined for none. */
  value: string | undefined;
  /** A region, or null for none; called as soon as a choice is complete (autosave). */
  onChange: (region: string | null) => void;
  hint?: string;
  /** Set by the organisation: shown, not editable. */
  locked?: boolean;
}

interface Country {
  code: string;
  name: string;
}

function countryList(locale: string): Country[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  const collator = nameCollator(locale);
  return holidayCountries()
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** A country typed as its name (any case) or its two-letter code. */
function findCountry(countries: Country[], text: string): Country | undefined {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return undefined;
  return countries.find((c) => c.name.toLowerCase() === wanted || c.code.toLowerCase() === wanted);
}

/**
 * Public holidays by region: a searchable country (the browser filters the list as you type), then
 * its state or region where the holidays differ within it. Saved on each complete choice; clearing
 * the country removes the region.
 */
export function HolidayRegionField({ legend, value, onChange, hint, locked = false }: Props) {
  const id = useId();
  const countries = useMemo(() => countryList(formatLocale()), []);
  const current = value ? splitRegion(value) : null;
  const currentName = current ? (countries.find((c) => c.code === current.country)?.name ?? current.country) : '';
  const [text, setText] = useState(currentName);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(currentName), [currentName]);
  const states = current ? Object.entries(holidayStates(current.country)) : [];

  function commitCountry(typed: string) {
    if (!typed.trim()) {
      setError(null);
      if (value !== undefined) onChange(null);
      return;
    }
    const country = findCountry(countries, typed);
    if (!country) {
      setError(t('holidays.noCountry', { text: typed.trim() }));
      return;
    }
    setError(null);
    setText(country.name);
    if (current?.country !== country.code) onChange(country.code);
  }

  return (
    <fieldset className="holiday-region" disabled={locked}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="row">
        <label htmlFor={`${id}-country`}>{t('holidays.country')}</label>
        <input
          id={`${id}-country`}
          list={`${id}-countries`}
          value={text}
          placeholder={t('holidays.countryPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
            // A choice from the list is complete at once; typing waits for Enter or leaving the field.
            const picked = findCountry(countries, event.target.value);
            if (picked && picked.name === event.target.value) commitCountry(picked.name);
          }}
          onBlur={() => commitCountry(text)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commitCountry(text);
            }
          }}
        />
        <datalist id={`${id}-countries`}>
          {countries.map((c) => (
            <option key={c.code} value={c.name}>
              {c.code}
            </option>
          ))}
        </datalist>
        {states.length > 0 && (
          <>
            <label htmlFor={`${id}-state`}>{t('holidays.state')}</label>
            <select
              id={`${id}-state`}
              value={current?.state ?? ''}
              onChange={(event) => onChange(event.target.value ? `${current!.country}-${event.target.value}` : current!.country)}
            >
              <option value="">{t('holidays.wholeCountry')}</option>
              {states.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </>
        )}
        {locked && <span className="hint locked">{t('options.locked')}</span>}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
