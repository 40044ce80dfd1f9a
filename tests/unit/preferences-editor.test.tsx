// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesEditor, validatePreferences } from '@/components/PreferencesEditor';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

describe('validatePreferences', () => {
  it.each([
    ['30', '15', true],
    ['0', '1', true],
    ['240', '1000', true],
    ['241', '15', false],
    ['-1', '15', false],
    ['2.5', '15', false],
    ['', '15', false],
    ['30', '0', false],
    ['30', '1001', false],
    ['30', 'ten', false],
  ])('grace %j, threshold %j → valid %s', (grace, threshold, valid) => {
    expect('value' in validatePreferences({ grace, threshold, reason: 'off', limit: '' })).toBe(valid);
  });

  it.each([
    ['', null],
    [' 3 ', 3],
    ['1', 1],
    ['100', 100],
  ])('a daily limit of %j is saved as %j', (limit, saved) => {
    expect(validatePreferences({ grace: '30', threshold: '15', reason: 'require', limit })).toEqual({
      value: { graceMinutes: 30, largeListThreshold: 15, sendNowReason: 'require', sendNowDailyLimit: saved },
    });
  });

  it.each(['0', '101', '2.5', 'five', '-1'])('a daily limit of %j is refused with its bounds', (limit) => {
    const result = validatePreferences({ grace: '30', threshold: '15', reason: 'off', limit });
    expect(result).toEqual({ errors: { limit: expect.stringMatching(/^The Send now limit must be .*1 to 100\.$/) } });
  });
});

const PREFS = { graceMinutes: 30, largeListThreshold: 15, sendNowReason: 'off', sendNowDailyLimit: null } as const;

describe('<PreferencesEditor>', () => {
  it('shows an error per wrong field, tied to it, and saves nothing', () => {
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={PREFS} onSave={onSave} />);
    const grace = screen.getByLabelText('Don’t ask when their work starts within (minutes)');
    fireEvent.change(grace, { target: { value: '300' } });
    fireEvent.focusOut(screen.getByLabelText('Send now limit per day')); // autosave: leaving a field saves
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The minutes before their work starts must be from 0 to 240.');
    expect(grace.getAttribute('aria-invalid')).toBe('true');
    expect(grace.getAttribute('aria-describedby')).toBe(alert.id);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves all four: the reason as chosen in plain words, the limit as a number', () => {
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={PREFS} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Don’t ask when their work starts within (minutes)'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Name people in the dialog up to (recipients)'), { target: { value: '40' } });
    const reason = screen.getByLabelText('When I press Send now') as HTMLSelectElement;
    expect([...reason.options].map((o) => o.text)).toEqual(['Send at once', 'Ask for a reason (I can skip it)', 'Require a reason']);
    fireEvent.change(reason, { target: { value: 'require' } });
    fireEvent.change(screen.getByLabelText('Send now limit per day'), { target: { value: '3' } });
    fireEvent.focusOut(screen.getByLabelText('Send now limit per day')); // autosave: leaving a field saves
    expect(onSave).toHaveBeenCalledWith({ graceMinutes: 0, largeListThreshold: 40, sendNowReason: 'require', sendNowDailyLimit: 3 });
  });

  it('an emptied limit is saved as none; a wrong one is shown at the field and nothing is saved', () => {
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={{ ...PREFS, sendNowDailyLimit: 2 }} onSave={onSave} />);
    const limit = screen.getByLabelText('Send now limit per day') as HTMLInputElement;
    expect(limit.value).toBe('2');
    fireEvent.change(limit, { target: { value: '0' } });
    fireEvent.focusOut(screen.getByLabelText('Send now limit per day')); // autosave: leaving a field saves
    expect(screen.getByRole('alert').textContent).toBe('The Send now limit must be from 1 to 100.');
    expect(limit.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(limit, { target: { value: '' } });
    fireEvent.focusOut(screen.getByLabelText('Send now limit per day')); // autosave: leaving a field saves
    expect(onSave).toHaveBeenCalledWith({ graceMinutes: 30, largeListThreshold: 15, sendNowReason: 'off', sendNowDailyLimit: null });
  });
});

describe('<PreferencesEditor> locked fields and German', () => {
  it('greys a locked field with "set by your organisation" and leaves the others editable', () => {
    render(<PreferencesEditor preferences={PREFS} lockedFields={['preferences.graceMinutes']} onSave={vi.fn()} />);
    expect((screen.getByLabelText('Don’t ask when their work starts within (minutes)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Name people in the dialog up to (recipients)') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByText('set by your organisation')).toHaveLength(1);
  });

  it('a reason and a limit set by the organisation are shown locked', () => {
    render(<PreferencesEditor preferences={{ ...PREFS, sendNowReason: 'require', sendNowDailyLimit: 5 }} lockedFields={['preferences.sendNowReason', 'preferences.sendNowDailyLimit']} onSave={vi.fn()} />);
    const reason = screen.getByLabelText('When I press Send now') as HTMLSelectElement;
    expect(reason.disabled).toBe(true);
    expect(reason.value).toBe('require');
    expect((screen.getByLabelText('Send now limit per day') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByText('set by your organisation')).toHaveLength(2);
  });

  it('labels, errors and the locked note are German', async () => {
    await useLanguage('de');
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={PREFS} lockedFields={['preferences.sendNowReason']} onSave={onSave} />);
    expect(screen.getByRole('group', { name: 'Wann nachgefragt wird' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nicht fragen, wenn die Arbeit beginnt in weniger als (Minuten)'), { target: { value: '2.5' } });
    fireEvent.change(screen.getByLabelText('Personen im Dialog namentlich nennen bis (Empfänger)'), { target: { value: '0' } });
    fireEvent.focusOut(screen.getByLabelText('Tageslimit für „Jetzt senden“'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Die Minuten vor Arbeitsbeginn müssen eine ganze Zahl von 0 bis 240 sein.',
      'Die Zahl der namentlich genannten Personen muss zwischen 1 und 1000 liegen.',
    ]);
    expect((screen.getByLabelText('Wenn ich auf „Jetzt senden“ klicke') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByRole('option', { name: 'Einen Grund verlangen' })).toBeTruthy();
    expect(screen.getByText('von Ihrer Organisation festgelegt')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });
});
