// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesEditor, validatePreferences } from '@/components/PreferencesEditor';

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
