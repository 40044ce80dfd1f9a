// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeZoneField } from '@/components/TimeZoneField';
import { ZoneCombobox } from '@/components/ZoneCombobox';
import { isValidTimeZone } from '@/utils/hours';
import { readFileSync } from 'node:fs';
import { abbreviationZones, matchedName, offsetLabel, parseOffsetQuery, searchZones, zoneEntries } from '@/utils/ui/zones';
import { placeModule, placeTable } from '../tools/zone-places.mjs';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

/** 1 July 2026 (northern summer time). */
const JULY = Date.UTC(2026, 6, 1, 12);
const ENTRIES = zoneEntries(JULY, ['Asia/Calcutta', 'Asia/Kathmandu', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Tokyo']);
const ids = (query: string) => searchZones(ENTRIES, query).map((e) => e.id);

describe('the zone list and its search', () => {
  it('uses current spellings, keeps old ones searchable, and adds UTC', () => {
    expect(ENTRIES.map((e) => e.id)).toContain('Asia/Kolkata');
    expect(ENTRIES.map((e) => e.id)).not.toContain('Asia/Calcutta');
    expect(ENTRIES.map((e) => e.id)).toContain('UTC');
    expect(ids('calcutta')).toEqual(['Asia/Kolkata']);
  });

  it('finds by city, by zone name, by a well-known city without a zone, case and accents aside', () => {
    expect(ids('kolkata')[0]).toBe('Asia/Kolkata');
    expect(ids('new york')).toEqual(['America/New_York']);
    expect(ids('america/new')).toEqual(['America/New_York']);
    expect(ids('Mumbai')).toEqual(['Asia/Kolkata']);
    expect(ids('münchen')).toEqual(['Europe/Berlin']);
    expect(ids('Munich')).toEqual(['Europe/Berlin']);
    expect(ids('europe')).toEqual(['Europe/Berlin', 'Europe/London']);
  });

  it('finds cities from the kept data, countries and abbreviations, and says which one matched', () => {
    const all = zoneEntries(JULY, undefined, ['de']);
    const first = (query: string) => searchZones(all, query, 5)[0];
    const cases: Array<[string, string, string | null]> = [
      ['Bangalore', 'Asia/Kolkata', 'Bangalore'],
      ['Bengaluru', 'Asia/Kolkata', 'Bengaluru'],
      ['Kolkata', 'Asia/Kolkata', null],
      ['Sydney', 'Australia/Sydney', null],
      ['München', 'Europe/Berlin', 'München'],
      ['Munich', 'Europe/Berlin', 'Munich'],
      ['Hamburg', 'Europe/Berlin', 'Hamburg'],
      ['Deutschland', 'Europe/Berlin', 'Deutschland'],
      ['Japan', 'Asia/Tokyo', 'Japan'],
      ['PST', 'America/Los_Angeles', 'PST'],
      ['pdt', 'America/Los_Angeles', 'PDT'],
      ['CET', 'Europe/Berlin', 'CET'],
    ];
    for (const [query, zone, why] of cases) {
      expect(first(query)?.id, query).toBe(zone);
      expect(matchedName(first(query)!, query), query).toBe(why);
    }
    // An ambiguous abbreviation lists every zone it commonly means, most used first.
    expect(searchZones(all, 'IST', 3).map((e) => e.id)).toEqual(['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem']);
    expect(searchZones(all, 'CST', 2).map((e) => e.id)).toEqual(['America/Chicago', 'Asia/Shanghai']);
    expect(abbreviationZones('xyz')).toEqual([]);
  });

  it('every zone the abbreviations and the place data name is one the runtime accepts', async () => {
    const { ZONE_ABBREVIATIONS, EXTRA_PLACE_NAMES } = await import('@/utils/ui/zone-names');
    for (const zone of [...Object.values(ZONE_ABBREVIATIONS).flat(), ...Object.keys(EXTRA_PLACE_NAMES)]) expect(isValidTimeZone(zone), zone).toBe(true);
  });

  it('the committed place list is the libraries\u2019 (rerun tests/tools/zone-places.mjs after an upgrade)', () => {
    expect(readFileSync('utils/ui/zone-places.generated.ts', 'utf8')).toBe(placeModule(placeTable()));
  });

  it('finds by offset in the forms people type', () => {
    expect(ids('+5:30')).toEqual(['Asia/Kolkata']);
    expect(ids('UTC+05:45')).toEqual(['Asia/Kathmandu']);
    expect(ids('gmt+1')).toEqual(['Europe/London']);
    expect(ids('-2:30')).toEqual(['America/St_Johns']);
    expect(ids('+0930')).toEqual(['Australia/Adelaide']);
    expect(ids('utc')).toEqual(['UTC']);
    expect(parseOffsetQuery('+15')).toBeNull();
    expect(parseOffsetQuery('\u22123')).toBe(-180);
    expect(offsetLabel(-150)).toBe('UTC-02:30');
  });

  it('lists everything, by offset, when the query is empty', () => {
    expect(ids('')[0]).toBe('America/New_York');
    expect(ids('').at(-1)).toBe('Australia/Adelaide');
  });

  it('every entry is a zone the runtime accepts', () => {
    for (const entry of zoneEntries()) expect(isValidTimeZone(entry.id)).toBe(true);
  });
});

describe('<ZoneCombobox>', () => {
  function setup(value = '') {
    const onChange = vi.fn<(v: string) => void>();
    const onCommit = vi.fn<(v: string) => void>();
    const view = render(<ZoneCombobox label="Time zone" value={value} onChange={onChange} onCommit={onCommit} />);
    const input = screen.getByRole('combobox', { name: 'Time zone' });
    return { onChange, onCommit, input, view };
  }

  it('is a labelled combobox that lists matches as you type and picks with the keyboard', () => {
    const { input, onChange, onCommit, view } = setup();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(input, { target: { value: 'kathmandu' } });
    expect(onChange).toHaveBeenLastCalledWith('kathmandu');
    view.rerender(<ZoneCombobox label="Time zone" value="kathmandu" onChange={onChange} onCommit={onCommit} />);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'Matching time zones' });
    const options = within(list).getAllByRole('option');
    expect(options[0]!.textContent).toMatch(/^Asia\/Kat(h)?mandu UTC\+05:45/);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(expect.stringMatching(/^Asia\/Kat(h)?mandu$/));
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes the list; Enter with nothing active commits what was typed', () => {
    const { input, onCommit } = setup('Europe/Berlin');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith('Europe/Berlin');
  });

  it('says so when nothing matches', () => {
    const { input } = setup();
    fireEvent.change(input, { target: { value: 'Atlantis' } });
    expect(screen.getByRole('status').textContent).toBe('No time zone matches “Atlantis”.');
    expect(screen.getByRole('listbox', { hidden: true }).hasAttribute('hidden')).toBe(true);
  });
});

describe('<TimeZoneField>', () => {
  it('refuses an unknown zone inline and saves nothing', () => {
    const onSave = vi.fn();
    render(<TimeZoneField value="Europe/Berlin" browserZone="Europe/Berlin" validate={isValidTimeZone} onSave={onSave} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), { target: { value: 'Mars/Base' } });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Time zone' }), { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch('"Mars/Base" is not a time zone');
    expect(screen.getByRole('combobox').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('warns when the browser is elsewhere, with both clocks, and switches in one click', () => {
    const onSave = vi.fn();
    render(<TimeZoneField value="Europe/Berlin" browserZone="Asia/Tokyo" validate={isValidTimeZone} onSave={onSave} now={JULY} />);
    const travel = screen.getByRole('region', { name: 'Travel' });
    expect(travel.textContent).toContain('This browser is set to Asia/Tokyo (now Wed 21:00)');
    expect(travel.textContent).toContain('Europe/Berlin (now Wed 14:00)');
    fireEvent.click(within(travel).getByRole('button', { name: 'Switch to Asia/Tokyo' }));
    expect(onSave).toHaveBeenCalledWith('Asia/Tokyo');
  });

  it('no warning when the zones agree', () => {
    render(<TimeZoneField value="Asia/Tokyo" browserZone="Asia/Tokyo" validate={isValidTimeZone} onSave={() => {}} />);
    expect(screen.queryByRole('region', { name: 'Travel' })).toBeNull();
  });
});

describe('<TimeZoneField> locked by the organisation', () => {
  it('shows the zone greyed with "set by your organisation", offers no save and no travel switch', () => {
    const onSave = vi.fn();
    render(<TimeZoneField value="Europe/Berlin" browserZone="Asia/Tokyo" validate={isValidTimeZone} onSave={onSave} now={JULY} locked />);
    const field = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
    expect(field.value).toBe('Europe/Berlin');
    expect(field.disabled).toBe(true);
    const note = screen.getByText('set by your organisation');
    expect(field.getAttribute('aria-describedby')).toBe(note.id);
    expect((screen.getByRole('group', { name: 'Your time zone' }) as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.queryByRole('region', { name: 'Travel' })).toBeNull();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onSave).not.toHaveBeenCalled();
  });

  it('is editable when not locked', () => {
    render(<TimeZoneField value="Europe/Berlin" browserZone="Europe/Berlin" validate={isValidTimeZone} onSave={vi.fn()} />);
    expect((screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement).disabled).toBe(false);
    expect(screen.queryByText('set by your organisation')).toBeNull();
  });
});

describe('<TimeZoneField> in German', () => {
  it('words the field, the travel note with German weekdays, and the error in German', async () => {
    await useLanguage('de');
    const onSave = vi.fn();
    render(<TimeZoneField value="Europe/Berlin" browserZone="Asia/Tokyo" validate={isValidTimeZone} onSave={onSave} now={JULY} />);
    const travel = screen.getByRole('region', { name: 'Reise' });
    // The weekday as weekdayTime writes it in German ("Mi" or "Mi.", by ICU version).
    expect(travel.textContent).toMatch(
      /^Dieser Browser ist auf Asia\/Tokyo eingestellt \(jetzt Mi\.? 21:00\), Ihre Arbeitszeiten gelten aber in Europe\/Berlin \(jetzt Mi\.? 14:00\)\. Sind Sie auf Reisen\?Zu Asia\/Tokyo wechseln$/,
    );
    expect(within(travel).getByText('Asia/Tokyo').tagName).toBe('STRONG');
    const field = screen.getByRole('combobox', { name: 'Zeitzone' });
    fireEvent.change(field, { target: { value: 'Mars/Base' } });
    fireEvent.focusOut(field);
    expect(screen.getByRole('alert').textContent).toBe('„Mars/Base“ ist keine Zeitzone, die dieser Browser kennt. Wählen Sie eine aus der Liste, z. B. Europe/Berlin.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says the zone is locked in German', async () => {
    await useLanguage('de');
    render(<TimeZoneField value="Europe/Berlin" browserZone="Europe/Berlin" validate={isValidTimeZone} onSave={vi.fn()} locked />);
    expect(screen.getByText('von Ihrer Organisation festgelegt')).toBeTruthy();
  });
});
