import { useEffect, useRef, useState } from 'react';
import { isValidTimeZone, isWorkingTime } from '@/utils/hours';
import type { ContactPage, ContactQuery, ContactSort, ContactWithId } from '@/utils/store/contact-query';
import type { Contact, Weekly } from '@/utils/store/schema';
import { clockIn } from '@/utils/ui/zones';
import { ContactEditor, sourceLabel } from './ContactEditor';

interface Props {
  /** Changes whenever the settings change anywhere: the page on screen is asked for again. */
  revision: number;
  defaultWeekly: Weekly;
  today: string;
  now: Date;
  load: (query: ContactQuery) => Promise<ContactPage>;
  save: (contact: Contact, id?: number) => Promise<{ id: number } | { error: string }>;
  remove: (ids: number[]) => Promise<string | null>;
  pageSize?: number;
}

const COLUMNS: Array<{ sort: ContactSort; label: string }> = [
  { sort: 'name', label: 'Name' },
  { sort: 'email', label: 'Email and Slack' },
  { sort: 'timeZone', label: 'Time zone' },
];

function localTime(contact: Contact, defaults: Weekly, now: Date): { time: string; working: boolean } | null {
  if (!contact.timeZone || !isValidTimeZone(contact.timeZone)) return null;
  const hours = { timeZone: contact.timeZone, weekly: contact.weekly ?? defaults, daysOff: contact.daysOff };
  return { time: clockIn(contact.timeZone, now.getTime()), working: isWorkingTime(hours, now) };
}

/** The contacts directory: search, sort, page through 10,000 contacts, add, edit and delete. */
export function ContactsDirectory({ revision, defaultWeekly, today, now, load, save, remove, pageSize = 50 }: Props) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<ContactQuery>({ sort: 'name', descending: false, offset: 0, limit: pageSize });
  const [page, setPage] = useState<ContactPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ContactWithId | 'new' | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const ticket = useRef(0);

  // Typing settles for a moment before the worker is asked.
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => (q.search === search ? q : { ...q, search, offset: 0 })), 200);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const mine = ++ticket.current;
    load(query).then(
      (result) => {
        if (mine !== ticket.current) return;
        setPage(result);
        setError(null);
      },
      (e: unknown) => mine === ticket.current && setError(`Could not load contacts (${e instanceof Error ? e.message : String(e)}).`),
    );
  }, [query, revision, load]);

  function sortBy(sort: ContactSort) {
    setQuery((q) => ({ ...q, sort, descending: q.sort === sort ? !q.descending : false, offset: 0 }));
  }

  async function onSave(contact: Contact): Promise<string | null> {
    const id = editing !== 'new' && editing ? editing.id : undefined;
    const result = await save(contact, id);
    if ('error' in result) return result.error;
    setEditing(null);
    setNotice(`Saved ${contact.name}.`);
    addButton.current?.focus();
    return null;
  }

  async function onDelete(contact: ContactWithId) {
    const problem = await remove([contact.id]);
    setConfirming(null);
    setNotice(problem ?? `Deleted ${contact.name}.`);
  }

  const from = page && page.total ? page.offset + 1 : 0;
  const to = page ? page.offset + page.items.length : 0;
  const limit = query.limit ?? pageSize;

  return (
    <div className="contacts">
      <div className="row">
        <label htmlFor="contact-search">Search contacts</label>
        <input
          id="contact-search"
          type="search"
          value={search}
          placeholder="Name, address, Slack id or zone"
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <button ref={addButton} type="button" onClick={() => setEditing('new')} disabled={editing !== null}>
          Add contact
        </button>
      </div>
      <p className="note" role="status">
        {notice}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <ContactEditor
          key={editing === 'new' ? 'new' : editing.id}
          contact={editing === 'new' ? undefined : editing}
          defaultWeekly={defaultWeekly}
          today={today}
          onSave={onSave}
          onCancel={() => {
            setEditing(null);
            addButton.current?.focus();
          }}
        />
      )}
      <div className="table-wrap">
        <table className="contacts-table" aria-label="Contacts" aria-describedby="contacts-range">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.sort}
                  scope="col"
                  aria-sort={query.sort === c.sort ? (query.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => sortBy(c.sort)}>
                    {c.label}
                    <span aria-hidden="true">{query.sort === c.sort ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">Local time</th>
              <th scope="col">Hours</th>
              <th
                scope="col"
                aria-sort={query.sort === 'source' ? (query.descending ? 'descending' : 'ascending') : undefined}
              >
                <button type="button" className="sort" onClick={() => sortBy('source')}>
                  Source<span aria-hidden="true">{query.sort === 'source' ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page?.items.map((c) => {
              const local = localTime(c, defaultWeekly, now);
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="wrap">{[...c.emails, ...(c.slackIds ?? [])].join(', ')}</td>
                  <td>{c.timeZone ?? <span className="hint">unknown</span>}</td>
                  <td>
                    {local ? (
                      <>
                        {local.time} <span className="hint">{local.working ? 'working' : 'off'}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {c.weekly ? 'own' : 'default'}
                    {c.daysOff?.some((d) => d >= today) ? ', days off' : ''}
                  </td>
                  <td>{sourceLabel(c.source)}</td>
                  <td className="actions">
                    {confirming === c.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void onDelete(c)} aria-label={`Confirm deleting ${c.name}`}>
                          Delete {c.name}?
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="button" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`} disabled={editing !== null}>
                          Edit
                        </button>
                        <button type="button" onClick={() => setConfirming(c.id)} aria-label={`Delete ${c.name}`}>
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {page && page.items.length === 0 && (
        <p className="hint">{page.all === 0 ? 'No contacts yet. Add one, or import a CSV or settings file.' : 'No contact matches.'}</p>
      )}
      <nav className="row pager" aria-label="Contact pages">
        <button type="button" disabled={!page || page.offset === 0} onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, (page?.offset ?? 0) - limit) }))}>
          Previous page
        </button>
        <span id="contacts-range">
          {page ? `${from}–${to} of ${page.total}${page.total !== page.all ? ` (of ${page.all} contacts)` : ''}` : 'Loading…'}
        </span>
        <button type="button" disabled={!page || to >= page.total} onClick={() => setQuery((q) => ({ ...q, offset: (page?.offset ?? 0) + limit }))}>
          Next page
        </button>
      </nav>
    </div>
  );
}
