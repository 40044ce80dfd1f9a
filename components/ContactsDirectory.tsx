import { useEffect, useRef, useState } from 'react';
import { isValidTimeZone, isWorkingTime } from '@/utils/hours';
import { t } from '@/utils/i18n';
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

const COLUMNS: Array<{ sort: ContactSort; label: () => string }> = [
  { sort: 'name', label: () => t('contacts.columns.name') },
  { sort: 'email', label: () => t('contacts.columns.addresses') },
  { sort: 'timeZone', label: () => t('contacts.columns.zone') },
];

/** The organisation's directory is listed, never edited here: the worker gives its rows negative ids (withDirectory). */
function isFromOrganisation(contact: ContactWithId): boolean {
  return contact.id < 0;
}

function rangeText(page: ContactPage, from: number, to: number): string {
  const shown = { from, to, total: page.total };
  return page.total === page.all ? t('contacts.range', shown) : t('contacts.rangeOfAll', { ...shown, all: page.all });
}

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
      (e: unknown) => mine === ticket.current && setError(t('contacts.loadFailed', { reason: e instanceof Error ? e.message : String(e) })),
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
    setNotice(t('contacts.saved', { name: contact.name }));
    addButton.current?.focus();
    return null;
  }

  async function onDelete(contact: ContactWithId) {
    const problem = await remove([contact.id]);
    setConfirming(null);
    setNotice(problem ?? t('contacts.deleted', { name: contact.name }));
  }

  const from = page && page.total ? page.offset + 1 : 0;
  const to = page ? page.offset + page.items.length : 0;
  const limit = query.limit ?? pageSize;

  return (
    <div className="contacts">
      <div className="row">
        <label htmlFor="contact-search">{t('contacts.search')}</label>
        <input
          id="contact-search"
          type="search"
          value={search}
          placeholder={t('contacts.searchPlaceholder')}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <button ref={addButton} type="button" onClick={() => setEditing('new')} disabled={editing !== null}>
          {t('contacts.add')}
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
        <table className="contacts-table" aria-label={t('contacts.table')} aria-describedby="contacts-range">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.sort}
                  scope="col"
                  aria-sort={query.sort === c.sort ? (query.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => sortBy(c.sort)}>
                    {c.label()}
                    <span aria-hidden="true">{query.sort === c.sort ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('contacts.columns.localTime')}</th>
              <th scope="col">{t('contacts.columns.hours')}</th>
              <th
                scope="col"
                aria-sort={query.sort === 'source' ? (query.descending ? 'descending' : 'ascending') : undefined}
              >
                <button type="button" className="sort" onClick={() => sortBy('source')}>
                  {t('contacts.columns.source')}
                  <span aria-hidden="true">{query.sort === 'source' ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('contacts.columns.actions')}</span>
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
                  <td>{c.timeZone ?? <span className="hint">{t('contacts.zoneUnknown')}</span>}</td>
                  <td>
                    {local ? (
                      <>
                        {local.time} <span className="hint">{local.working ? t('contacts.working') : t('contacts.offWork')}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {c.weekly ? t('contacts.ownHoursShort') : t('contacts.defaultHoursShort')}
                    {c.daysOff?.some((d) => d >= today) ? t('contacts.withDaysOff') : ''}
                  </td>
                  <td>{isFromOrganisation(c) ? <span className="badge">{sourceLabel(c.source)}</span> : sourceLabel(c.source)}</td>
                  <td className="actions">
                    {isFromOrganisation(c) ? null : confirming === c.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void onDelete(c)} aria-label={t('contacts.confirmDelete', { name: c.name })}>
                          {t('contacts.deleteQuestion', { name: c.name })}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('contacts.keep')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="button" onClick={() => setEditing(c)} aria-label={t('contacts.editNamed', { name: c.name })} disabled={editing !== null}>
                          {t('contacts.edit')}
                        </button>
                        <button type="button" onClick={() => setConfirming(c.id)} aria-label={t('contacts.deleteNamed', { name: c.name })}>
                          {t('contacts.delete')}
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
        <p className="hint">{page.all === 0 ? t('contacts.empty') : t('contacts.noMatch')}</p>
      )}
      <nav className="row pager" aria-label={t('contacts.pages')}>
        <button type="button" disabled={!page || page.offset === 0} onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, (page?.offset ?? 0) - limit) }))}>
          {t('contacts.previous')}
        </button>
        <span id="contacts-range">{page ? rangeText(page, from, to) : t('options.loading')}</span>
        <button type="button" disabled={!page || to >= page.total} onClick={() => setQuery((q) => ({ ...q, offset: (page?.offset ?? 0) + limit }))}>
          {t('contacts.next')}
        </button>
      </nav>
    </div>
  );
}
