// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactsCsv } from '@/components/ContactsCsv';
import { officeWeek } from '@/utils/store/defaults';
import type { Contact } from '@/utils/store/schema';
import { contactsToCsv, csvToContacts, textToWeekly, weeklyToText } from '@/utils/ui/contacts-csv';
import { parseCsv, toCsv } from '@/utils/ui/csv';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

describe('CSV', () => {
  it('reads quotes, doubled quotes, commas and line breaks in fields, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\n"two\nlines",\n\n')).toEqual({ rows: [['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '']] });
  });

  it('names the line of a broken quote', () => {
    expect(parseCsv('a\n"open')).toEqual({ error: 'Line 2: a quoted field is never closed.' });
    expect(parseCsv('a\nb"c"')).toEqual({ error: 'Line 2: a quote inside an unquoted field.' });
  });

  it('writes what it reads, and defuses spreadsheet formulas', () => {
    const rows = [['name', 'note'], ['Ana, "A"', ' padded '], ['=1+1', '@cmd']];
    const text = toCsv(rows);
    expect(text).toBe('name,note\r\n"Ana, ""A"""," padded "\r\n\'=1+1,\'@cmd\r\n');
    expect(parseCsv(text)).toEqual({ rows: [['name', 'note'], ['Ana, "A"', ' padded '], ["'=1+1", "'@cmd"]] });
  });
});

const CONTACTS: Contact[] = [
  { name: 'Priya Raman', emails: ['priya@example.com', 'p.raman@example.org'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata', weekly: { ...officeWeek([['09:00', '12:00'], ['13:00', '17:30']]), fri: [['22:00', '06:00']] }, daysOff: ['2026-12-24', '2026-12-25'], holidays: 'IN-KA', source: 'slack-profile' },
  { name: '=Ana, "the boss"', emails: ['ana@example.com'], source: 'typed' },
];

describe('contacts as CSV', () => {
  it('round-trips every field', () => {
    const csv = contactsToCsv(CONTACTS);
    expect(csv.split('\r\n')[0]).toBe('name,emails,slackIds,timeZone,hours,daysOff,holidays,source');
    expect(csv).toContain('"mon 09:00-12:00, 13:00-17:30; tue 09:00-12:00, 13:00-17:30; wed 09:00-12:00, 13:00-17:30; thu 09:00-12:00, 13:00-17:30; fri 22:00-06:00"');
    expect(csvToContacts(csv)).toEqual({ contacts: CONTACTS });
  });

  it('reads a holiday region in any case and refuses one the library does not know, naming it', () => {
    expect(csvToContacts('name,holidays\nBo,de-by\n')).toEqual({ contacts: [{ name: 'Bo', emails: [], holidays: 'DE-BY', source: 'imported' }] });
    const refused = csvToContacts('name,holidays\nBo,DE-XX\n');
    expect('error' in refused && refused.error).toMatch(/^Line 2: holidays \("DE-XX"\): is not a holiday region/);
  });

  it('takes columns in any order and fills what is missing', () => {
    expect(csvToContacts('emails,name\nbo@example.com bo2@example.com,Bo\n')).toEqual({ contacts: [{ name: 'Bo', emails: ['bo@example.com', 'bo2@example.com'], source: 'imported' }] });
  });

  it.each([
    ['', 'The file is empty.'],
    ['name,colour\nBo,blue', 'Unknown column "colour"; the columns are name, emails, slackIds, timeZone, hours, daysOff, holidays, source.'],
    ['emails\nbo@example.com', 'The first line must name the columns, including "name".'],
    ['name,emails\nBo,bo@example.com\nAl,nope', 'Line 3: emails[0] ("nope"): is not an email address.'],
    ['name,emails,timeZone\nBo,bo@example.com,Mars/Base', 'Line 2: timeZone ("Mars/Base"): is not a time zone this browser knows; use an IANA name such as "Europe/Berlin".'],
    ['name,emails,hours\nBo,bo@example.com,monday 9-5', 'Line 2, hours: "monday 9-5" does not start with a day (mon … sun).'],
    ['name,emails,hours\nBo,bo@example.com,mon 09:00-12:00 ; mon 11:00-13:00', 'Line 2: weekly.mon[1]: overlaps 09:00-12:00 (ranges of one day must not overlap).'],
    ['name,emails\nBo,bo@example.com\nBob,BO@example.com', 'Lines 2 and 3 both have bo@example.com.'],
    ['name,emails\nBo,bo@example.com,extra', 'Line 2: 3 fields, but the header has 2.'],
  ])('refuses %j', (csv, error) => {
    expect(csvToContacts(csv)).toEqual({ error });
  });

  it('reads hours day by day; days left out are not worked', () => {
    expect(textToWeekly('tue 08:00-12:00; THU 22:00-02:00')).toEqual({ ...officeWeek([]), mon: [], tue: [['08:00', '12:00']], wed: [], thu: [['22:00', '02:00']], fri: [] });
    expect(weeklyToText(officeWeek([]))).toBe('');
  });
});

describe('<ContactsCsv>', () => {
  it('reports a refused file in an alert, naming it, and a good one in a status', async () => {
    const onImport = vi.fn<(text: string) => Promise<{ done: string } | { error: string }>>();
    onImport.mockResolvedValueOnce({ error: 'Line 3: nope.' }).mockResolvedValueOnce({ done: 'Imported 2 contacts: 2 added, 0 updated.' });
    render(<ContactsCsv onImport={onImport} onExport={async () => ({ fileName: 'x.csv', csv: '' })} maxBytes={1000} />);
    const input = screen.getByLabelText('Import contacts (CSV)');
    fireEvent.change(input, { target: { files: [new File(['name\nA'], 'team.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('team.csv: Line 3: nope. Nothing was changed.'));
    fireEvent.change(input, { target: { files: [new File(['name\nA'], 'team.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 2 contacts: 2 added, 0 updated.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a file over the size limit without reading it', async () => {
    const onImport = vi.fn();
    render(<ContactsCsv onImport={onImport} onExport={async () => ({ fileName: 'x.csv', csv: '' })} maxBytes={4} />);
    fireEvent.change(screen.getByLabelText('Import contacts (CSV)'), { target: { files: [new File(['name\nAna'], 'big.csv')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/too large/));
    expect(onImport).not.toHaveBeenCalled();
  });
});

describe('contacts as CSV, in German', () => {
  it.each([
    ['', 'Die Datei ist leer.'],
    ['name,colour,size\nBo,blue,9', 'Unbekannte Spalten "colour", "size"; die Spalten sind name, emails, slackIds, timeZone, hours, daysOff, holidays, source.'],
    ['name,emails,hours\nBo,bo@example.com,9-5', 'Zeile 2, hours: „9-5“ beginnt nicht mit einem Tag (mon … sun).'],
    ['name,emails,hours\nBo,bo@example.com,mon 9 to 5', 'Zeile 2, hours: „9 to 5“ ist kein Zeitraum wie 09:00-17:00.'],
    ['name,emails\nBo,bo@example.com\nBob,BO@example.com', 'Die Zeilen 2 und 3 enthalten beide bo@example.com.'],
    ['name\n"open', 'Zeile 2: ein Feld in Anführungszeichen wird nie geschlossen.'],
  ])('refuses %j in German', async (csv, error) => {
    await useLanguage('de');
    expect(csvToContacts(csv)).toEqual({ error });
  });

  it('labels the import and export in German', async () => {
    await useLanguage('de');
    render(<ContactsCsv onImport={vi.fn()} onExport={async () => ({ fileName: 'x.csv', csv: '' })} maxBytes={1000} />);
    expect(screen.getByRole('group', { name: 'Kontakte als CSV' })).toBeTruthy();
    expect(screen.getByLabelText('Kontakte importieren (CSV)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kontakte exportieren (CSV)' })).toBeTruthy();
  });
});
