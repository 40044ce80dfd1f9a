// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactEditor, validateContact, type ContactDraft } from '@/components/ContactEditor';
import { officeWeek } from '@/utils/store/defaults';
import type { Contact } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

const DRAFT: ContactDraft = { name: 'Ana Souza', emails: 'ana@example.com', slackIds: '', timeZone: 'America/Sao_Paulo', ownHours: false, daysOff: [] };

describe('validateContact', () => {
  it('builds a typed contact, lower-casing addresses and splitting lists on commas and spaces', () => {
    expect(validateContact({ ...DRAFT, emails: 'Ana@Example.com,  ana.s@example.org', slackIds: 'U0ANA1 W0ANA2' }, undefined)).toEqual({
      contact: { name: 'Ana Souza', emails: ['ana@example.com', 'ana.s@example.org'], slackIds: ['U0ANA1', 'W0ANA2'], timeZone: 'America/Sao_Paulo', source: 'typed' },
    });
  });

  it('names every wrong field at once', () => {
    expect(validateContact({ ...DRAFT, name: ' ', emails: 'ana@', slackIds: 'ana', timeZone: 'Mars/Base' }, undefined)).toEqual({
      errors: {
        name: 'Give the contact a name.',
        emails: '"ana@" is not an email address.',
        slackIds: '"ana" is not a Slack member id (like U012AB3CD).',
        timeZone: '"Mars/Base" is not a time zone; pick one from the list or leave it empty.',
      },
    });
  });

  it('needs an address or a Slack id; a zone is optional', () => {
    expect(validateContact({ ...DRAFT, emails: '' }, undefined)).toEqual({ errors: { emails: 'Add an email address or a Slack member id, so the contact can be recognised.' } });
    expect(validateContact({ ...DRAFT, timeZone: '' }, undefined)).toEqual({ contact: { name: 'Ana Souza', emails: ['ana@example.com'], source: 'typed' } });
  });

  it('keeps a learned source unless the zone is changed by hand', () => {
    const learned: Contact = { name: 'Ana Souza', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo', source: 'slack-profile' };
    expect(validateContact({ ...DRAFT, name: 'Ana S.' }, undefined, learned)).toMatchObject({ contact: { source: 'slack-profile' } });
    expect(validateContact({ ...DRAFT, timeZone: 'Europe/Lisbon' }, undefined, learned)).toMatchObject({ contact: { source: 'typed' } });
  });
});

describe('<ContactEditor>', () => {
  function setup(contact?: Contact, onSave = vi.fn<(c: Contact) => Promise<string | null>>(async () => null)) {
    const onCancel = vi.fn();
    render(<ContactEditor contact={contact} defaultWeekly={officeWeek()} today="2026-06-10" onSave={onSave} onCancel={onCancel} />);
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    return { onSave, onCancel, save };
  }

  it('is a named form that focuses the name first', () => {
    setup();
    expect(screen.getByRole('form', { name: 'New contact' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('marks each wrong field and does not save', () => {
    const { onSave, save } = setup();
    fireEvent.change(screen.getByLabelText('Email addresses'), { target: { value: 'not-an-address' } });
    save();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Give the contact a name.', '"not-an-address" is not an email address.']);
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Email addresses').getAttribute('aria-describedby')).toBe('contact-emails-error');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('validates its own working hours before saving', () => {
    const { onSave, save } = setup();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ana' } });
    fireEvent.change(screen.getByLabelText('Email addresses'), { target: { value: 'ana@example.com' } });
    fireEvent.click(screen.getByLabelText('Their own working hours (otherwise your default contact hours)'));
    fireEvent.change(screen.getByLabelText('Monday'), { target: { value: '09:00-12:00, 11:00-13:00' } });
    save();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Fix the working hours marked below.', expect.stringMatching(/overlaps 09:00-12:00/)]);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Monday'), { target: { value: '22:00-06:00' } });
    save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ weekly: expect.objectContaining({ mon: [['22:00', '06:00']], tue: [['09:00', '17:00']] }) }));
  });

  it('shows the worker\u2019s refusal (an address that belongs to someone else)', async () => {
    const { save } = setup(undefined, vi.fn(async () => 'ana@example.com already belongs to Ana Souza.'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ana 2' } });
    fireEvent.change(screen.getByLabelText('Email addresses'), { target: { value: 'ana@example.com' } });
    save();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('ana@example.com already belongs to Ana Souza.'));
  });

  it('edits an existing contact, showing where its zone came from; Escape cancels', () => {
    const { onCancel } = setup({ name: 'Priya', emails: ['priya@example.com'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata', source: 'slack-profile' });
    expect(screen.getByRole('form', { name: 'Edit Priya' })).toBeTruthy();
    expect(screen.getByText('Time zone learned from a Slack profile.')).toBeTruthy();
    expect((screen.getByLabelText('Slack member ids') as HTMLInputElement).value).toBe('U012AB3CD');
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('<ContactEditor> in German', () => {
  it('labels the form and words every error in German', async () => {
    await useLanguage('de');
    expect(validateContact({ ...DRAFT, name: ' ', emails: 'ana@', slackIds: 'ana', timeZone: 'Mars/Base' }, undefined)).toEqual({
      errors: {
        name: 'Geben Sie dem Kontakt einen Namen.',
        emails: '„ana@“ ist keine E-Mail-Adresse.',
        slackIds: '„ana“ ist keine Slack-Mitglieds-ID (wie U012AB3CD).',
        timeZone: '„Mars/Base“ ist keine Zeitzone; wählen Sie eine aus der Liste oder lassen Sie das Feld leer.',
      },
    });
    const learned: Contact = { name: 'Ana Souza', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo', source: 'slack-profile' };
    render(<ContactEditor contact={learned} defaultWeekly={officeWeek()} today="2026-06-10" onSave={vi.fn()} onCancel={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Ana Souza bearbeiten' });
    expect(form.textContent).toContain('Zeitzone aus einem Slack-Profil übernommen.');
    expect(screen.getByLabelText('E-Mail-Adressen')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Zeitzone des Kontakts' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Freie Tage des Kontakts' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kontakt speichern' })).toBeTruthy();
  });
});
