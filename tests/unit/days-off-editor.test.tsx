// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DaysOffEditor } from '@/components/DaysOffEditor';
import { addDates, expandRange, formatRun, groupDates, removeRun } from '@/utils/ui/days-off';

afterEach(cleanup);

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
    expect(formatRun(runs[0]!)).toBe('Thu 24 Dec – Fri 25 Dec 2026');
    expect(formatRun(runs[1]!)).toBe('Mon 28 Dec 2026');
    expect(formatRun(runs[2]!)).toBe('Thu 31 Dec 2026 – Fri 1 Jan 2027');
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
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Thu 24 Dec – Fri 25 Dec 2026 (2 days) Remove']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Thu 24 Dec – Fri 25 Dec 2026' }));
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
