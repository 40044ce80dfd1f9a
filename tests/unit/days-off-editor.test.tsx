// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DaysOffEditor } from '@/components/DaysOffEditor';
import { addDates, expandRange, formatRun, groupDates, removeRun } from '@/utils/ui/days-off';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

/** Intl puts thin spaces around a range's dash (ICU's choice, which varies by version): compare them as spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
const named = (expected: string) => (name: string) => plain(name) === expected;

describe('days off as dates and runs', () => {
  it('expands a range inclusively, across months and leap days', () => {
    expect(expandRange('2028-02-27', '2028-03-01')).toEqual({ dates: ['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01'] });
    expect(expandRange('2026-12-24')).toEqual({ dates: ['2026-12-24'] });
  });

  it.each([
    ['', '', 'Pick the first day off.'],
    ['2026-02-30', '', 'Pick the first day off.'],
    ['2026-12-24', '2026-12-20', 'The last day is before the first.'],
    ['2026-01-01', '2027-01-02', 'A range can be at most 366 days.'],
  ])('refuses %j to %j', (from, to, error) => {
    expect(expandRange(from, to)).toEqual({ error });
  });

  it('merges without duplicates, sorted, within the limit', () => {
    expect(addDates(['2026-12-25', '2026-12-24'], ['2026-12-24', '2026-12-31'])).toEqual({ daysOff: ['2026-12-24', '2026-12-25', '2026-12-31'] });
    const many = Array.from({ length: 2000 }, (_, i) => `3${String(i).padStart(3, '0')}-01-01`);
    expect(addDates(many, ['2026-01-01'])).toEqual({ error: 'That would be more than 2000 days off; remove past ones first.' });
  });

  it('groups consecutive dates into runs and removes a run', () => {
    const dates = ['2026-12-31', '2026-12-24', '2026-12-25', '2027-01-01', '2026-12-28'];
    const runs = groupDates(dates);
    expect(runs).toEqual([
      { from: '2026-12-24', to: '2026-12-25' },
      { from: '2026-12-28', to: '2026-12-28' },
      { from: '2026-12-31', to: '2027-01-01' },
    ]);
    expect(removeRun(dates, runs[0]!)).toEqual(['2026-12-31', '2027-01-01', '2026-12-28']);
    // In the reader's locale (en-GB in these tests), the shared month and year written once.
    expect(plain(formatRun(runs[0]!))).toBe('Thu, 24 Dec – Fri, 25 Dec 2026');
    expect(plain(formatRun(runs[1]!))).toBe('Mon, 28 Dec 2026');
    expect(plain(formatRun(runs[2]!))).toBe('Thu, 31 Dec 2026 – Fri, 1 Jan 2027');
    expect(plain(formatRun(runs[0]!, 'en-US'))).toBe('Thu, Dec 24 – Fri, Dec 25, 2026');
  });
});

describe('<DaysOffEditor>', () => {
  function setup(daysOff: string[] = ['2026-05-01', '2026-12-24', '2026-12-25']) {
    const onChange = vi.fn<(d: string[]) => void>();
    render(<DaysOffEditor daysOff={daysOff} today="2026-06-10" onChange={onChange} />);
    return { onChange, add: () => fireEvent.click(screen.getByRole('button', { name: 'Add days off' })) };
  }

  it('lists the next ones (not past ones) with a labelled remove for each', () => {
    const { onChange } = setup();
    const list = screen.getByRole('list', { name: 'Next days off' });
    expect(within(list).getAllByRole('listitem').map((li) => plain(li.textContent))).toEqual(['Thu, 24 Dec – Fri, 25 Dec 2026 (2 days) Remove']);
    fireEvent.click(screen.getByRole('button', { name: named('Remove Thu, 24 Dec – Fri, 25 Dec 2026') }));
    expect(onChange).toHaveBeenCalledWith(['2026-05-01']);
  });

  it('refuses a missing first day and a backwards range inline, changing nothing', () => {
    const { onChange, add } = setup();
    add();
    expect(screen.getByRole('alert').textContent).toBe('Pick the first day off.');
    expect(screen.getByLabelText('First day off').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('First day off'), { target: { value: '2026-08-10' } });
    fireEvent.change(screen.getByLabelText('Last day off (optional)'), { target: { value: '2026-08-01' } });
    add();
    expect(screen.getByRole('alert').textContent).toBe('The last day is before the first.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('adds a single day and a range', () => {
    const { onChange, add } = setup([]);
    fireEvent.change(screen.getByLabelText('First day off'), { target: { value: '2026-08-10' } });
    fireEvent.change(screen.getByLabelText('Last day off (optional)'), { target: { value: '2026-08-12' } });
    add();
    expect(onChange).toHaveBeenLastCalledWith(['2026-08-10', '2026-08-11', '2026-08-12']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('First day off') as HTMLInputElement).value).toBe('');
  });

  it('offers to remove past days', () => {
    const { onChange } = setup();
    expect(screen.getByText(/1 past day off kept/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove past days off' }));
    expect(onChange).toHaveBeenCalledWith(['2026-12-24', '2026-12-25']);
  });

  it('says when none are planned', () => {
    setup(['2026-01-01']);
    expect(screen.getByText('None planned.')).toBeTruthy();
  });
});

describe('<DaysOffEditor> locked by the organisation', () => {
  it('lists the days off greyed, says who set them, and offers no change', () => {
    const onChange = vi.fn<(d: string[]) => void>();
    render(<DaysOffEditor daysOff={['2026-05-01', '2026-12-24']} today="2026-06-10" locked onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Days off' });
    expect(group.textContent).toContain('Days off: set by your organisation');
    expect(group.getAttribute('aria-describedby')).toBe(within(group).getByText('Days off: set by your organisation').id);
    expect((group as HTMLFieldSetElement).disabled).toBe(true);
    expect(within(group).getByRole('list', { name: 'Next days off' }).textContent).toContain('Thu, 24 Dec 2026');
    // A disabled fieldset disables every control inside it.
    for (const control of within(group).getAllByRole('button')) expect(control.closest('fieldset')?.disabled).toBe(true);
  });

  it('is editable when nothing is locked', () => {
    render(<DaysOffEditor daysOff={[]} today="2026-06-10" onChange={vi.fn()} />);
    expect((screen.getByRole('group', { name: 'Days off' }) as HTMLFieldSetElement).disabled).toBe(false);
    expect(screen.queryByText(/set by your organisation/)).toBeNull();
  });
});

describe('<DaysOffEditor> in German', () => {
  it('has German labels, dates, plurals and errors', async () => {
    await useLanguage('de');
    const onChange = vi.fn<(d: string[]) => void>();
    render(<DaysOffEditor daysOff={['2026-05-01', '2026-05-02', '2026-12-24', '2026-12-25', '2027-03-01']} today="2026-06-10" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Freie Tage' });
    const list = within(group).getByRole('list', { name: 'Nächste freie Tage' });
    expect(within(list).getAllByRole('listitem').map((li) => plain(li.textContent))).toEqual([
      'Do., 24. – Fr., 25. Dez. 2026 (2 Tage) Entfernen',
      'Mo., 1. März 2027 Entfernen',
    ]);
    expect(within(group).getByRole('button', { name: named('Do., 24. – Fr., 25. Dez. 2026 entfernen') })).toBeTruthy();
    expect(group.textContent).toContain('2 vergangene freie Tage gespeichert.');
    fireEvent.click(screen.getByRole('button', { name: 'Freie Tage hinzufügen' }));
    expect(screen.getByRole('alert').textContent).toBe('Wählen Sie den ersten freien Tag.');
    expect(screen.getByLabelText('Erster freier Tag').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Letzter freier Tag (optional)')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('formats in the browser’s German (de-AT: Jänner)', async () => {
    await useLanguage('de-AT');
    expect(formatRun({ from: '2027-01-04', to: '2027-01-04' })).toBe('Mo., 4. Jän. 2027');
  });

  it('says "set by your organisation" in German when locked', async () => {
    await useLanguage('de');
    render(<DaysOffEditor daysOff={[]} today="2026-06-10" locked onChange={vi.fn()} />);
    expect(screen.getByText('Freie Tage: von Ihrer Organisation festgelegt')).toBeTruthy();
  });
});
