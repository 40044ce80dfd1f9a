import type { Transaction } from 'dexie';

/**
 * v1 kept the contacts directory as one array in the `settings` row "contacts".
 * v2 moves each contact to its own row in `contacts` (indexed by name, emails and Slack ids)
 * and removes the old row. Contacts are copied as they were; nothing is dropped.
 */
export async function migrateV1toV2(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const row: { value?: unknown } | undefined = await settings.get('contacts');
  const list = Array.isArray(row?.value) ? row.value : [];
  const contacts = list.filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object');
  if (contacts.length) await tx.table('contacts').bulkAdd(contacts);
  await settings.delete('contacts');
}
