/**
 * The contacts directory as the options page pages through it: search, sort and one page at a time,
 * so neither the page nor the message carries 10,000 contacts. Pure; the worker runs it over the rows.
 */
import type { Contact } from './schema';

export const CONTACT_SORTS = ['name', 'timeZone', 'source', 'email'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export interface ContactQuery {
  /** Words matched (all of them, case- and accent-insensitively) against name, addresses, ids and zone. */
  search?: string;
  sort?: ContactSort;
  descending?: boolean;
  offset?: number;
  limit?: number;
}

export interface ContactWithId extends Contact {
  id: number;
}

export interface ContactPage {
  /** Contacts matching the search. */
  total: number;
  /** All contacts in the directory. */
  all: number;
  offset: number;
  items: ContactWithId[];
}

export const MAX_PAGE = 200;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function haystack(contact: Contact): string {
  return fold([contact.name, ...contact.emails, ...(contact.slackIds ?? []), contact.timeZone ?? '', contact.source ?? 'typed'].join(' '));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortKey(contact: Contact, sort: ContactSort): string {
  switch (sort) {
    case 'timeZone':
      return contact.timeZone ?? '\uffff';
    case 'source':
      return contact.source ?? 'typed';
    case 'email':
      return contact.emails[0] ?? contact.slackIds?.[0] ?? '\uffff';
    default:
      return contact.name;
  }
}

export function queryContacts(rows: readonly ContactWithId[], query: ContactQuery = {}): ContactPage {
  const words = fold(query.search ?? '').split(/\s+/).filter(Boolean);
  const matching = words.length
    ? rows.filter((row) => {
        const text = haystack(row);
        return words.every((w) => text.includes(w));
      })
    : [...rows];
  const sort = query.sort ?? 'name';
  const direction = query.descending ? -1 : 1;
  matching.sort((a, b) => direction * collator.compare(sortKey(a, sort), sortKey(b, sort)) || collator.compare(a.name, b.name) || a.id - b.id);
  const limit = Math.min(Math.max(1, query.limit ?? 50), MAX_PAGE);
  const offset = Math.max(0, Math.min(query.offset ?? 0, Math.max(0, matching.length - 1)));
  const start = Math.floor(offset / limit) * limit;
  return { total: matching.length, all: rows.length, offset: start, items: matching.slice(start, start + limit) };
}

/** Every address and member id a contact is known by (the keys the guard matches recipients on). */
export function contactKeys(contact: Pick<Contact, 'emails' | 'slackIds'>): string[] {
  return [...contact.emails.map((e) => e.toLowerCase()), ...(contact.slackIds ?? [])];
}
