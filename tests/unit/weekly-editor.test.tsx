// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeDay, validateDay, validateDrafts, WeeklyEditor } from '@/components/WeeklyEditor';
import type { Weekly } from '@/utils/store/schema';
import { rangesToText, textToRanges } from '@/utils/ui/weekly-text';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

const WEEK: Weekly = {
  mon: [['09:00', '12:00'], ['13:00', '17:30']],
  tue: [['09:00', '17:30']],
  wed: [['09:00', '17:30']],
  thu: [['22:00', '02:00']],
  fri: [['09:00', '24:00']],
  sat: [],
  sun: [],
};

const DRAFTS = { mon: '', tue: '', wed: '', thu: '', fri: '', sat: '', sun: '' };

describe('weekly text', () => {
  it('writes ranges as "start-end, start-end"', () => {
    expect(rangesToText(WEEK.mon)).toBe('09:00-12:00, 13:00-17:30');
    expect(rangesToText([])).toBe('');
  });

  it.each([
    ['09:00-12:00, 13:00-17:30', [['09:00', '12:00'], ['13:00', '17:30']]],
    ['  9:00 - 12:00 ,13:00-17:30 , ', [['09:00', '12:00'], ['13:00', '17:30']]],
    ['9:00–17:00', [['09:00', '17:00']]],
    ['22:00 — 2:00', [['22:00', '02:00']]],
    ['09:00-24:00', [['09:00', '24:00']]],
    ['', []],
    [' , ,', []],
  ])('reads %j', (text, ranges) => {
    expect(textToRanges(text)).toEqual(ranges);
  });

  it.each(['9-5', '09:00', '09:00-17:00-18:00', '09:00 to 17:00', '9:5-10:00', '009:00-10:00', 'nine-five'])('refuses %j, quoting it', (text) => {
    const result = textToRanges(`08:00-08:30, ${text}`);
    expect(result).toEqual({ error: `"${text}" is not a range like 09:00-17:00` });
  });

  it('leaves range validity to the schema ("25:00" parses as text)', () => {
    expect(textToRanges('09:00-25:00')).toEqual([['09:00', '25:00']]);
  });

  it('reads back what it writes', () => {
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 59 })).map(
      ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(hhmm, hhmm), { maxLength: 5 }), (ranges) => {
        expect(textToRanges(rangesToText(ranges))).toEqual(ranges);
      }),
    );
  });
});

describe('validateDrafts', () => {
  it('returns the parsed week when every day is right', () => {
    const result = validateDrafts({ ...DRAFTS, mon: '9:00-12:00, 13:00-17:30', thu: '22:00-2:00' });
    expect(result).toEqual({ weekly: { mon: WEEK.mon, tue: [], wed: [], thu: WEEK.thu, fri: [], sat: [], sun: [] } });
  });

  it('reports text that is not a range, per day', () => {
    const result = validateDrafts({ ...DRAFTS, tue: '9 to 5', sat: 'all day' });
    expect(result).toEqual({ errors: { tue: '"9 to 5" is not a range like 09:00-17:00', sat: '"all day" is not a range like 09:00-17:00' } });
  });

  it('reports schema problems on the day they belong to, one message per day', () => {
    const result = validateDrafts({
      ...DRAFTS,
      mon: '09:00-25:00',
      wed: '09:00-12:00, 11:00-13:00',
      fri: '24:00-08:00',
      sun: '09:00-25:00, 26:00-27:00',
    });
    if (!('errors' in result)) throw new Error('expected errors');
    expect(Object.keys(result.errors).sort()).toEqual(['fri', 'mon', 'sun', 'wed']);
    expect(result.errors.mon).toMatch(/24-hour time/);
    expect(result.errors.wed).toMatch(/overlaps 09:00-12:00/);
    expect(result.errors.fri).toBe('a range cannot start at 24:00');
    expect(result.errors.sun).toMatch(/24-hour time/);
  });
});

describe('<WeeklyEditor>', () => {
  function setup(weekly: Weekly = WEEK) {
    const onSave = vi.fn<(weekly: Weekly) => void>();
    render(<WeeklyEditor weekly={weekly} onSave={onSave} />);
    const field = (day: string) => screen.getByLabelText(day) as HTMLInputElement;
    // Autosave (issue 20): leaving a day saves, as a pause in typing does.
    const save = () => fireEvent.focusOut(field('Sunday'));
    return { onSave, field, save };
  }

  it('shows the current hours, one field per day', () => {
    const { field } = setup();
    expect(field('Monday').value).toBe('09:00-12:00, 13:00-17:30');
    expect(field('Thursday').value).toBe('22:00-02:00');
    expect(field('Sunday').value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses overlapping ranges with an alert and does not save', () => {
    const { onSave, field, save } = setup();
    fireEvent.change(field('Tuesday'), { target: { value: '09:00-12:00, 11:00-14:00' } });
    save();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/overlaps 09:00-12:00/);
    expect(field('Tuesday').getAttribute('aria-invalid')).toBe('true');
    expect(field('Tuesday').getAttribute('aria-describedby')).toBe(alert.id);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses "25:00" with an alert and does not save', () => {
    const { onSave, field, save } = setup();
    fireEvent.change(field('Monday'), { target: { value: '09:00-25:00' } });
    save();
    expect(screen.getByRole('alert').textContent).toMatch(/24-hour time "HH:mm"/);
    expect(field('Monday').getAttribute('aria-invalid')).toBe('true');
    expect(field('Tuesday').getAttribute('aria-invalid')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses text that is not a range', () => {
    const { onSave, field, save } = setup();
    fireEvent.change(field('Saturday'), { target: { value: '10 till 2' } });
    save();
    expect(screen.getByRole('alert').textContent).toBe('"10 till 2" is not a range like 09:00-17:00');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows one alert per wrong day', () => {
    const { onSave, field, save } = setup();
    fireEvent.change(field('Monday'), { target: { value: '09:00-25:00' } });
    fireEvent.change(field('Friday'), { target: { value: '08:00-10:00, 09:00-11:00' } });
    save();
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a valid edit with the parsed ranges, leaving other days as they were', () => {
    const { onSave, field, save } = setup();
    fireEvent.change(field('Wednesday'), { target: { value: ' 8:00 - 12:00, 12:30–16:00 ' } });
    fireEvent.change(field('Sunday'), { target: { value: '23:00-01:00' } });
    save();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({
      ...WEEK,
      wed: [['08:00', '12:00'], ['12:30', '16:00']],
      sun: [['23:00', '01:00']],
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the alert once the mistake is fixed, then saves', () => {
    const { onSave, field, save } = setup();
    fireEvent.change(field('Monday'), { target: { value: '09:00-25:00' } });
    save();
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.change(field('Monday'), { target: { value: '' } });
    save();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field('Monday').getAttribute('aria-invalid')).toBeNull();
    expect(onSave).toHaveBeenCalledWith({ ...WEEK, mon: [] });
  });

  it('shows new hours when its input changes', () => {
    const onSave = vi.fn<(weekly: Weekly) => void>();
    const { rerender } = render(<WeeklyEditor weekly={WEEK} onSave={onSave} />);
    rerender(<WeeklyEditor weekly={{ ...WEEK, mon: [['07:00', '15:00']] }} onSave={onSave} />);
    expect((screen.getByLabelText('Monday') as HTMLInputElement).value).toBe('07:00-15:00');
  });
});

describe('<WeeklyEditor> inline validation, copy Monday, readings', () => {
  function setup(weekly: Weekly = WEEK) {
    const onSave = vi.fn<(weekly: Weekly) => void>();
    render(<WeeklyEditor weekly={weekly} onSave={onSave} />);
    const field = (day: string) => screen.getByLabelText(day) as HTMLInputElement;
    return { onSave, field };
  }

  it('checks a day when you leave it, before anything is saved', () => {
    const { onSave, field } = setup();
    fireEvent.change(field('Tuesday'), { target: { value: '09:00-12:00, 11:00-14:00' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(field('Tuesday'));
    expect(screen.getByRole('alert').textContent).toMatch(/overlaps 09:00-12:00/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('re-checks a day marked wrong as you fix it, so the message goes at once', () => {
    const { field } = setup();
    fireEvent.change(field('Monday'), { target: { value: '9 to 5' } });
    fireEvent.blur(field('Monday'));
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.change(field('Monday'), { target: { value: '09:00-17:00' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field('Monday').getAttribute('aria-invalid')).toBeNull();
  });

  it('copies Monday to Tuesday-Friday, leaving the weekend', () => {
    const { onSave, field } = setup();
    fireEvent.change(field('Monday'), { target: { value: '08:00-12:00, 13:00-16:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy Monday to weekdays' }));
    for (const day of ['Tuesday', 'Wednesday', 'Thursday', 'Friday']) expect(field(day).value).toBe('08:00-12:00, 13:00-16:00');
    expect(field('Saturday').value).toBe('');
    fireEvent.focusOut(field('Saturday'));
    const day: Array<[string, string]> = [['08:00', '12:00'], ['13:00', '16:00']];
    expect(onSave).toHaveBeenCalledWith({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] });
  });

  it('copying a wrong Monday marks every weekday', () => {
    const { field } = setup();
    fireEvent.change(field('Monday'), { target: { value: '09:00-25:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy Monday to weekdays' }));
    expect(screen.getAllByRole('alert')).toHaveLength(4);
  });

  it('reads each day back: hours, night shifts into the next day, 24 hours, not working', () => {
    setup();
    expect(screen.getByLabelText('Monday').getAttribute('aria-describedby')).toBe('weekly-mon-reading');
    expect(document.getElementById('weekly-mon-reading')!.textContent).toBe('7 h 30 min');
    expect(document.getElementById('weekly-thu-reading')!.textContent).toBe('4 h; 22:00 runs past midnight to Friday 02:00');
    expect(document.getElementById('weekly-sat-reading')!.textContent).toBe('Not working');
  });

  it('Undo changes puts the saved hours back', () => {
    const { field } = setup();
    fireEvent.change(field('Monday'), { target: { value: '10:00-11:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Undo changes' }));
    expect(field('Monday').value).toBe('09:00-12:00, 13:00-17:30');
    expect(screen.queryByRole('button', { name: 'Undo changes' })).toBeNull();
  });
});

describe('validateDay and describeDay', () => {
  it('validates one day alone', () => {
    expect(validateDay('sun', '22:00-06:00')).toEqual({ ranges: [['22:00', '06:00']] });
    expect(validateDay('sun', '24:00-06:00')).toEqual({ error: 'a range cannot start at 24:00' });
  });

  it('describes 24-hour and midnight ranges', () => {
    expect(describeDay('sun', [['00:00', '00:00']])).toBe('24 h; 00:00 lasts 24 hours');
    expect(describeDay('sun', [['09:00', '09:00']])).toBe('24 h; 09:00 runs past midnight to Monday 09:00');
    expect(describeDay('fri', [['09:00', '24:00']])).toBe('15 h');
  });
});

describe('<WeeklyEditor> locked by the organisation', () => {
  it('shows the hours greyed with "set by your organisation", and nothing can be changed', () => {
    render(<WeeklyEditor weekly={WEEK} locked onSave={vi.fn()} />);
    const group = screen.getByRole('group', { name: 'Working hours' }) as HTMLFieldSetElement;
    expect(group.disabled).toBe(true);
    expect(group.textContent).toContain('Working hours: set by your organisation');
    expect((screen.getByLabelText('Monday') as HTMLInputElement).value).toBe('09:00-12:00, 13:00-17:30');
  });
});

describe('<WeeklyEditor> in German', () => {
  it('labels days, readings and buttons in German', async () => {
    await useLanguage('de');
    const onSave = vi.fn<(weekly: Weekly) => void>();
    render(<WeeklyEditor weekly={WEEK} onSave={onSave} />);
    expect(screen.getByRole('group', { name: 'Arbeitszeiten' })).toBeTruthy();
    expect((screen.getByLabelText('Montag') as HTMLInputElement).value).toBe('09:00-12:00, 13:00-17:30');
    expect(document.getElementById('weekly-mon-reading')!.textContent).toBe('7 Std. 30 Min.');
    expect(document.getElementById('weekly-thu-reading')!.textContent).toBe('4 Std.; 22:00 geht über Mitternacht bis Freitag 02:00');
    expect(document.getElementById('weekly-sat-reading')!.textContent).toBe('Arbeitsfrei');
    expect(screen.getByRole('button', { name: 'Montag auf Dienstag bis Freitag übertragen' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Samstag'), { target: { value: '10 bis 2' } });
    fireEvent.focusOut(screen.getByLabelText('Samstag'));
    expect(screen.getByRole('alert').textContent).toBe('„10 bis 2“ ist kein Zeitraum wie 09:00-17:00');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('words schema problems (overlap, bad time) in German too', async () => {
    await useLanguage('de');
    const result = validateDrafts({ ...DRAFTS, tue: '09:00-12:00, 11:00-14:00', wed: '09:00-25:00' });
    if (!('errors' in result)) throw new Error('expected errors');
    expect(result.errors.tue).toMatch(/^überschneidet sich mit 09:00-12:00/);
    expect(result.errors.wed).toMatch(/24-Stunden-Format/);
  });

  it('says who locked the hours in German', async () => {
    await useLanguage('de');
    render(<WeeklyEditor weekly={WEEK} locked onSave={vi.fn()} />);
    expect(screen.getByText('Arbeitszeiten: von Ihrer Organisation festgelegt')).toBeTruthy();
  });
});
