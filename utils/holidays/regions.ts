/**
 * Holiday regions (contract §1 `holidays`): an ISO 3166-1 country, optionally `-` and a subdivision,
 * as the date-holidays library knows them. This list is small data, kept apart from the library so
 * the worker can validate a settings file and pages can offer a picker without loading the library.
 */
import { HOLIDAY_REGIONS } from './regions.generated';

export interface RegionParts {
  country: string;
  state?: string;
}

/** The canonical spelling of a known region ("de-by" → "DE-BY"), or null when the library has none. */
export function canonicalRegion(code: string): string | null {
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,20}))?$/.exec(code.trim());
  if (!match) return null;
  const country = match[1]!.toUpperCase();
  const states = HOLIDAY_REGIONS[country];
  if (!states) return null;
  if (match[2] === undefined) return country;
  const wanted = match[2].toUpperCase();
  const state = Object.keys(states).find((key) => key.toUpperCase() === wanted);
  return state === undefined ? null : `${country}-${state}`;
}

export function splitRegion(region: string): RegionParts {
  const dash = region.indexOf('-');
  return dash < 0 ? { country: region } : { country: region.slice(0, dash), state: region.slice(dash + 1) };
}

/** Every country the library knows, by code. */
export function holidayCountries(): string[] {
  return Object.keys(HOLIDAY_REGIONS);
}

/** A country's subdivisions (code → name); empty when the library knows the country only as a whole. */
export function holidayStates(country: string): Readonly<Record<string, string>> {
  return HOLIDAY_REGIONS[country] ?? {};
}

function countryName(country: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** "Germany", "Karnataka, India", or the code itself for one the library does not know. */
export function regionLabel(region: string, locale = 'en'): string {
  const { country, state } = splitRegion(region);
  const name = countryName(country, locale);
  if (state === undefined) return name;
  const stateName = HOLIDAY_REGIONS[country]?.[state];
  return stateName ? `${stateName}, ${name}` : `${region}`;
}

/** The place alone, for a sentence: "Karnataka" for a subdivision, "Germany" for a country. */
export function regionShortLabel(region: string, locale = 'en'): string {
  const { country, state } = splitRegion(region);
  return (state !== undefined && HOLIDAY_REGIONS[country]?.[state]) || countryName(country, locale);
}

export interface RegionOption {
  code: string;
  /** "Germany", "Bayern, Germany": what a person types and picks. */
  label: string;
}

/** Every country and subdivision, labelled in `locale`, sorted by label: one searchable list. */
export function regionOptions(locale = 'en'): RegionOption[] {
  const out: RegionOption[] = [];
  for (const country of holidayCountries()) {
    out.push({ code: country, label: regionLabel(country, locale) });
    for (const state of Object.keys(holidayStates(country))) out.push({ code: `${country}-${state}`, label: regionLabel(`${country}-${state}`, locale) });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return out.sort((a, b) => collator.compare(a.label, b.label));
}

/** A region typed as its label ("Karnataka, India", any case) or its code ("in-ka"); null for none. */
export function findRegion(options: readonly RegionOption[], text: string): string | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  return options.find((o) => o.label.toLowerCase() === wanted)?.code ?? canonicalRegion(wanted);
}
