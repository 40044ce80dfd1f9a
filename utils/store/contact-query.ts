/**
 * The contacts directory as the options page pages through it: search, sort and one page at a time,
 * so neither the page nor the message carries 10,000 contacts. Pure; the worker runs it over the rows.
 */
import { nameCollator } from '@/utils/i18n/dates';
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

/** Case and accents dropped, for searching ("Zoë" matches "zoe"). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII (most names, every address) has no marks to drop: the normalisation is the costly part.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

function haystack(contact: Contact): string {
  return fold([contact.name, ...contact.emails, ...(contact.slackIds ?? []), contact.timeZone ?? '', contact.source ?? 'typed'].join(' '));
}

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
  // Names sort as the reader's language does (ä with a in German, after z in Swedish).
  const collator = nameCollator();
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

/**
 * The rows the options page lists: the user's own contacts, then the organisation's directory entries
 * that no own contact covers, by the rule mergePolicy applies (an own contact sharing any address or
 * Slack id wins; within the directory the first entry wins). Directory rows are marked `policy` and get
 * negative ids (-1 for the first entry), which no stored row has, so they are never edited or deleted.
 */
export function withDirectory(own: readonly ContactWithId[], directory: readonly Contact[] | undefined): readonly ContactWithId[] {
  if (!directory?.length) return own;
  const taken = new Set(own.flatMap(contactKeys));
  const added: ContactWithId[] = [];
  directory.forEach((contact, index) => {
    const keys = contactKeys(contact);
    if (keys.some((k) => taken.has(k))) return;
    keys.forEach((k) => taken.add(k));
    added.push({ ...contact, source: 'policy', id: -(index + 1) });
  });
  return [...own, ...added];
}
