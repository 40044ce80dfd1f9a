/** The contacts directory: paged listing, save one, delete some, import a CSV's rows. */
import type { Context } from '@/utils/background/context';
import type { Handlers } from '@/utils/background/handle';
import type { ImportContactsOutcome } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import type { AppDb } from '@/utils/store/db';
import { contactKeys, queryContacts, withDirectory } from '@/utils/store/contact-query';
import { deleteContacts, mergeContacts, putContact } from '@/utils/store/repository';
import { contactSchema, LIMITS, type Contact } from '@/utils/store/schema';
import { describeIssue } from '@/utils/store/settings-file';

type ContactMessages = 'listContacts' | 'saveContact' | 'deleteContacts' | 'importContacts';

/** "ana@example.com already belongs to Ana Souza", or null when no other contact has these keys. */
async function findClash(db: AppDb, contact: Contact, id?: number): Promise<string | null> {
  const emails = contact.emails.map((e) => e.toLowerCase());
  const [byEmail, bySlack] = await Promise.all([
    emails.length ? db.contacts.where('emails').anyOf(emails).toArray() : [],
    contact.slackIds?.length ? db.contacts.where('slackIds').anyOf(contact.slackIds).toArray() : [],
  ]);
  const other = [...byEmail, ...bySlack].find((row) => row.id !== id);
  if (!other) return null;
  const shared = contactKeys(contact).find((k) => contactKeys(other).includes(k));
  return shared ? t('service.addressTaken', { address: shared, name: other.name }) : t('service.someAddressTaken', { name: other.name });
}

/** A CSV's rows as contacts, or the first bad row or repeated address, named by its number. */
function parseRows(rows: readonly unknown[]): { ok: true; contacts: Contact[] } | { ok: false; error: string } {
  const contacts: Contact[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of rows.entries()) {
    const parsed = contactSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: t('service.badContact', { number: index + 1, error: describeIssue(parsed.error.issues[0]!, raw) }) };
    for (const key of contactKeys(parsed.data)) {
      const first = seen.get(key);
      if (first !== undefined) return { ok: false, error: t('service.duplicateKey', { first: first + 1, second: index + 1, key }) };
      seen.set(key, index);
    }
    contacts.push(parsed.data);
  }
  return { ok: true, contacts };
}

export function contactHandlers(ctx: Context): Handlers<ContactMessages> {
  const { db } = ctx;
  return {
    async listContacts(query) {
      // The organisation's directory is listed too (read-only), as the guard sees it.
      const [own, managed] = await Promise.all([ctx.directory(), ctx.policy()]);
      return queryContacts(withDirectory(own, managed?.directory), query);
    },

    async saveContact({ id, contact }) {
      const clash = await findClash(db, contact, id);
      if (clash) return { ok: false, error: clash };
      if (id === undefined && (await db.contacts.count()) >= LIMITS.contacts) {
        return { ok: false, error: t('service.directoryFull', { max: LIMITS.contacts }) };
      }
      const saved = await putContact(db, contact, id);
      if (saved === null) return { ok: false, error: t('service.contactGone') };
      await ctx.republish();
      return { ok: true, id: saved };
    },

    async deleteContacts({ ids }) {
      await deleteContacts(db, ids);
      await ctx.republish();
      return { ok: true };
    },

    async importContacts({ contacts: rows }): Promise<ImportContactsOutcome> {
      const parsed = parseRows(rows);
      if (!parsed.ok) return parsed;
      const counts = await mergeContacts(db, parsed.contacts, LIMITS.contacts);
      if (!counts) return { ok: false, error: t('service.tooManyContacts', { max: LIMITS.contacts }) };
      await ctx.republish();
      return { ok: true, ...counts };
    },
  };
}
