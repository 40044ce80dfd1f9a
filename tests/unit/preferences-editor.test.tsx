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
    expect('value' in validatePreferences({ grace, threshold, askReason: false })).toBe(valid);
  });
});

describe('<PreferencesEditor>', () => {
  it('shows an error per wrong field, tied to it, and saves nothing', () => {
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={{ graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: false }} onSave={onSave} />);
    const grace = screen.getByLabelText('Grace window before work (minutes)');
    fireEvent.change(grace, { target: { value: '300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The grace window must be from 0 to 240.');
    expect(grace.getAttribute('aria-invalid')).toBe('true');
    expect(grace.getAttribute('aria-describedby')).toBe(alert.id);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves all three', () => {
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={{ graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: false }} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Grace window before work (minutes)'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Large-list threshold (recipients)'), { target: { value: '40' } });
    fireEvent.click(screen.getByLabelText('Ask for a reason when I press Send now'));
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(onSave).toHaveBeenCalledWith({ graceMinutes: 0, largeListThreshold: 40, askReasonOnSendNow: true });
  });
});

describe('<PreferencesEditor> locked fields and German', () => {
  const PREFS = { graceMinutes: 30, largeListThreshold: 15, askReasonOnSendNow: false };

  it('greys a locked field with "set by your organisation" and leaves the others editable', () => {
    render(<PreferencesEditor preferences={PREFS} lockedFields={['preferences.graceMinutes']} onSave={vi.fn()} />);
    expect((screen.getByLabelText('Grace window before work (minutes)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Large-list threshold (recipients)') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByText('set by your organisation')).toHaveLength(1);
  });

  it('labels, errors and the locked note are German', async () => {
    await useLanguage('de');
    const onSave = vi.fn();
    render(<PreferencesEditor preferences={PREFS} lockedFields={['preferences.askReasonOnSendNow']} onSave={onSave} />);
    expect(screen.getByRole('group', { name: 'Wann nachgefragt wird' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kulanzzeit vor Arbeitsbeginn (Minuten)'), { target: { value: '2.5' } });
    fireEvent.change(screen.getByLabelText('Schwelle für große Verteiler (Empfänger)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Die Kulanzzeit muss eine ganze Zahl von 0 bis 240 sein.',
      'Die Schwelle für große Verteiler muss zwischen 1 und 1000 liegen.',
    ]);
    expect((screen.getByLabelText('Nach einem Grund fragen, wenn ich auf „Jetzt senden“ klicke') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('von Ihrer Organisation festgelegt')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });
});
