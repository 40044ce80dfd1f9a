/** What extension pages ask of the worker; the only writes they make. */
import { t } from '@/utils/i18n';
import { sendMessage, type UpdateSettingsPayload } from '@/utils/messaging';
import { requests } from './requests';

export async function updateSettings(patch: UpdateSettingsPayload): Promise<string | null> {
  try {
    const outcome = await sendMessage('updateSettings', patch);
    return outcome.ok ? null : outcome.error;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function importSettings(text: string): Promise<string | null> {
  try {
    const outcome = await sendMessage('importSettings', { text });
    return outcome.ok ? null : outcome.error;
  } catch (error) {
    return t('popup.error.couldNotApply', { detail: error instanceof Error ? error.message : String(error) });
  }
}

export async function exportSettings(now = new Date()): Promise<{ fileName: string; json: string }> {
  const file = await sendMessage('getSettings');
  const date = now.toISOString().slice(0, 10);
  return { fileName: `async-etiquette-settings-${date}.json`, json: `${JSON.stringify(file, null, 2)}\n` };
}

/** A contacts CSV (options and first run): parsed here, then matched and stored all-or-nothing by the worker. */
export async function importContactsCsv(text: string): Promise<{ done: string } | { error: string }> {
  // Loaded here: its schemas (zod) are most of a page's script, and the popup never reads a CSV.
  const { csvToContacts } = await import('./contacts-csv');
  const parsed = csvToContacts(text);
  if ('error' in parsed) return parsed;
  const result = await requests.importContacts(parsed.contacts);
  if ('error' in result) return result;
  return { done: t('contacts.csv.imported', parsed.contacts.length, { added: result.added, updated: result.updated }) };
}
