// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactsDirectory } from '@/components/ContactsDirectory';
import { queryContacts, withDirectory, type ContactQuery, type ContactWithId } from '@/utils/store/contact-query';
import { officeWeek } from '@/utils/store/defaults';
import type { Contact } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

/** Wednesday 4 March 2026, 12:00 UTC. */
const NOW = new Date(Date.UTC(2026, 2, 4, 12));
const OWN: ContactWithId[] = [{ name: 'Ana Souza', emails: ['ana@example.com'], timeZone: 'America/Sao_Paulo', source: 'typed', id: 1 }];
const TEAM: Contact[] = [
  { name: 'Devi Policy', emails: ['devi@example.com'], timeZone: 'Asia/Kolkata' },
  { name: 'Ana (team)', emails: ['ana@example.com'] },
];

function setup() {
  const rows = withDirectory(OWN, TEAM);
  const load = vi.fn(async (query: ContactQuery) => queryContacts(rows, query));
  const remove = vi.fn(async () => null);
  render(
    <ContactsDirectory
      revision={1}
      defaultWeekly={officeWeek()}
      today="2026-03-04"
      now={NOW}
      load={load}
      save={vi.fn(async () => ({ id: 9 }))}
      remove={remove}
    />,
  );
  return { load, remove };
}

describe('<ContactsDirectory> with the organisation directory', () => {
  it('lists directory contacts read-only, marked "From your organisation"; the user’s own contact wins', async () => {
    const { remove } = setup();
    const table = screen.getByRole('table', { name: 'Contacts' });
    await waitFor(() => expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Ana Souza', 'Devi Policy']));
    const devi = within(table).getByRole('row', { name: /Devi Policy/ });
    expect(within(devi).getByText('From your organisation')).toBeTruthy();
    expect(within(devi).queryByRole('button')).toBeNull();
    const ana = within(table).getByRole('row', { name: /Ana Souza/ });
    expect(within(ana).getByText('typed by you')).toBeTruthy();
    expect(within(ana).getByRole('button', { name: 'Edit Ana Souza' })).toBeTruthy();
    fireEvent.click(within(ana).getByRole('button', { name: 'Delete Ana Souza' }));
    fireEvent.click(within(ana).getByRole('button', { name: 'Confirm deleting Ana Souza' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith([1]));
    expect(screen.getByText('1–2 of 2')).toBeTruthy();
  });

  it('sorts by source, directory rows included', async () => {
    const { load } = setup();
    const table = screen.getByRole('table', { name: 'Contacts' });
    await waitFor(() => within(table).getByText('Devi Policy'));
    fireEvent.click(within(table).getByRole('button', { name: 'Source' }));
    await waitFor(() => expect(load).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'source' })));
    await waitFor(() => expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Devi Policy', 'Ana Souza']));
  });
});

describe('<ContactsDirectory> in German', () => {
  it('labels the table in German and marks directory contacts "Von Ihrer Organisation"', async () => {
    await useLanguage('de');
    setup();
    const table = screen.getByRole('table', { name: 'Kontakte' });
    await waitFor(() => within(table).getByText('Devi Policy'));
    expect(within(table).getByRole('row', { name: /Devi Policy/ }).textContent).toContain('Von Ihrer Organisation');
    expect(within(table).getByRole('button', { name: 'Ana Souza bearbeiten' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Ortszeit' })).toBeTruthy();
    expect(screen.getByLabelText('Kontakte durchsuchen')).toBeTruthy();
    expect(screen.getByText('1–2 von 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kontakt hinzufügen' })).toBeTruthy();
  });
});
