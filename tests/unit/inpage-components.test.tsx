// @vitest-environment happy-dom
/** The in-page components (hold dialog, zone picker, template picker) in English and in a German browser. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoldDialog } from '@/components/HoldDialog';
import { TemplatePicker } from '@/components/TemplatePicker';
import type { HoldHandlers, HoldView } from '@/utils/guard/guard';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

function handlers(): HoldHandlers {
  return { sendNow: vi.fn(), schedule: vi.fn(), keepEditing: vi.fn(), setZone: vi.fn(async () => null), applyFix: vi.fn() };
}

const view = (scheduleLabel: string): HoldView => ({
  headline: 'headline',
  detail: 'detail',
  unknown: null,
  slot: 'slot text',
  scheduleLabel,
  unknownRecipients: [{ key: 'alex@example.com', name: 'alex@example.com' }],
  findings: [{ rule: 'urgent-no-deadline', message: 'finding', fix: { templateId: 'decision-needed', title: 'Decision needed' } }],
});

describe('hold dialog', () => {
  it('keeps the contract’s English names', () => {
    render(<HoldDialog view={view('Schedule for Tue 09:00')} handlers={handlers()} focusToken={0} />);
    // Writing tips are folded until asked for (issue 20).
    fireEvent.click(screen.getByRole('button', { name: '1 writing tip' }));
    for (const name of ['Schedule for Tue 09:00', 'Send now', 'Keep editing', 'Add “Decision needed”', 'Save time zone for alex@example.com']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('list', { name: 'Could be misread later' })).toBeTruthy();
    expect(screen.getByText(/Next good time: slot text/)).toBeTruthy();
    expect(screen.getByLabelText('Time zone for alex@example.com')).toBeTruthy();
  });

  it('speaks German in a German browser', async () => {
    await useLanguage('de');
    const h = handlers();
    render(<HoldDialog view={view('Planen für Di. 09:00')} handlers={h} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: '1 Schreibtipp' }));
    for (const name of ['Planen für Di. 09:00', 'Jetzt senden', 'Weiter bearbeiten', '„Decision needed“ einfügen', 'Zeitzone für alex@example.com speichern']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('list', { name: 'Könnte später missverstanden werden' })).toBeTruthy();
    expect(screen.getByText(/Nächster guter Zeitpunkt: slot text/)).toBeTruthy();
    expect((screen.getByLabelText('Zeitzone für alex@example.com') as HTMLInputElement).placeholder).toBe('Stadt, Land oder Kürzel (z. B. Bangalore, PST)');
    fireEvent.click(screen.getByRole('button', { name: 'Weiter bearbeiten' }));
    expect(h.keepEditing).toHaveBeenCalled();
  });
});

describe('zone picker: one Save for all unknown recipients (issue 20)', () => {
  const people = [
    { key: 'alex@example.com', name: 'Alex' },
    { key: 'bo@example.com', name: 'Bo' },
    { key: 'cy@example.com', name: 'Cy' },
  ];

  it('finds a zone by city, fills "Same as me", and saves every filled one with one press', async () => {
    await useLanguage('en');
    const h = handlers();
    render(<HoldDialog view={{ ...view('Schedule for Tue 09:00'), unknownRecipients: people, myZone: 'Europe/Berlin' }} handlers={h} focusToken={0} />);
    expect(screen.queryByRole('button', { name: /^Save time zone for/ })).toBeNull();
    const save = screen.getByRole('button', { name: 'Save time zones for 3 people' });
    // Nothing picked yet: it says so and saves nothing.
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Pick a time zone first/);
    expect(h.setZone).not.toHaveBeenCalled();
    const alex = screen.getByRole('combobox', { name: 'Time zone for Alex' });
    fireEvent.change(alex, { target: { value: 'Bangalore' } });
    const option = screen.getAllByRole('option')[0]!;
    expect(option.textContent).toMatch(/^Asia\/Kolkata \(Bangalore\)/);
    fireEvent.click(option);
    fireEvent.click(screen.getByRole('button', { name: 'Same time zone as mine (Europe/Berlin) for Bo' }));
    expect((screen.getByRole('combobox', { name: 'Time zone for Bo' }) as HTMLInputElement).value).toBe('Europe/Berlin');
    fireEvent.click(save);
    await waitFor(() => expect(h.setZone).toHaveBeenCalledTimes(2));
    expect(h.setZone).toHaveBeenCalledWith('alex@example.com', 'Alex', 'Asia/Kolkata', undefined);
    expect(h.setZone).toHaveBeenCalledWith('bo@example.com', 'Bo', 'Europe/Berlin', undefined);
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('names who could not be saved, and why', async () => {
    await useLanguage('en');
    const h = { ...handlers(), setZone: vi.fn(async (key: string) => (key === 'bo@example.com' ? 'not a zone' : null)) };
    render(<HoldDialog view={{ ...view('Schedule for Tue 09:00'), unknownRecipients: people.slice(0, 2) }} handlers={h} focusToken={0} />);
    expect(screen.queryByRole('button', { name: /Same time zone as mine/ })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone for Alex' }), { target: { value: 'Asia/Tokyo' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone for Bo' }), { target: { value: 'Mars/Base' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save time zones for 2 people' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Bo: not a zone');
    expect(h.setZone).toHaveBeenCalledTimes(2);
  });
});

describe('template picker', () => {
  const templates = [{ id: 'decision-needed', title: 'Decision needed', needsDeadline: true }];

  it('speaks German in a German browser, the deadline form included', async () => {
    await useLanguage('de');
    const onChoose = vi.fn();
    render(<TemplatePicker templates={templates} onChoose={onChoose} deadlineZone="Europe/Berlin" defaultDeadline="2026-12-02T17:00" />);
    fireEvent.click(screen.getByRole('button', { name: 'Kontextvorlage einfügen' }));
    expect(screen.getByRole('listbox', { name: 'Kontextvorlagen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('option', { name: 'Decision needed' }));
    expect(screen.getByRole('form', { name: 'Frist für Decision needed' })).toBeTruthy();
    expect(screen.getByLabelText('Frist (Europe/Berlin)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Einfügen' }));
    expect(onChoose).toHaveBeenCalledWith('decision-needed', '2026-12-02T17:00');
  });

  it('says so when there are no templates', async () => {
    await useLanguage('de');
    render(<TemplatePicker templates={[]} onChoose={() => {}} deadlineZone="UTC" defaultDeadline="2026-12-02T17:00" />);
    fireEvent.click(screen.getByRole('button', { name: 'Kontextvorlage einfügen' }));
    expect(screen.getByText('Noch keine Vorlagen')).toBeTruthy();
  });
});
