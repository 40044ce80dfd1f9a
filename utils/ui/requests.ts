/** The popup's and options page's requests to the worker, with failures turned into words. */
import { t } from '@/utils/i18n';
import { sendMessage, type Outcome } from '@/utils/messaging';
import type { ContactQuery } from '@/utils/store/contact-query';
import type { Contact } from '@/utils/store/schema';

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return t('popup.error.noAnswer', { detail: text });
}

/** null when done, or why not. */
export async function outcome(request: Promise<Outcome>): Promise<string | null> {
  try {
    const result = await request;
    return result.ok ? null : result.error;
  } catch (error) {
    return errorText(error);
  }
}

export const requests = {
  popupSummary: () => sendMessage('getPopupSummary'),
  pause: (kind: 'hour' | 'next-start' | 'until-resumed' | 'resume') => outcome(sendMessage('setPause', { kind })),
  /** "On call until" an instant (quiet tabs off until then), or null to end it. */
  onCall: (until: number | null) => outcome(sendMessage('setOnCall', { until })),
  contacts: (query: ContactQuery) => sendMessage('listContacts', query),
  saveContact: async (contact: Contact, id?: number): Promise<{ id: number } | { error: string }> => {
    try {
      const result = await sendMessage('saveContact', id === undefined ? { contact } : { id, contact });
      return result.ok ? { id: result.id } : { error: result.error };
    } catch (error) {
      return { error: errorText(error) };
    }
  },
  deleteContacts: (ids: number[]) => outcome(sendMessage('deleteContacts', { ids })),
  importContacts: async (contacts: Contact[]): Promise<{ added: number; updated: number } | { error: string }> => {
    try {
      const result = await sendMessage('importContacts', { contacts });
      return result.ok ? { added: result.added, updated: result.updated } : { error: result.error };
    } catch (error) {
      return { error: errorText(error) };
    }
  },
  history: (weeks: number) => sendMessage('getHistory', { weeks }),
  footprint: () => sendMessage('getFootprint'),
  events: (offset: number, limit: number) => sendMessage('listEvents', { offset, limit }),
  clearHistory: () => outcome(sendMessage('clearHistory')),
  reset: (history: boolean) => outcome(sendMessage('resetSettings', { history })),
};
