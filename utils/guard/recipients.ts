/**
 * Matches what the page shows (addresses, Slack ids) to the user's contacts and turns them into the
 * verdict's recipients. The index is built once per snapshot, so a Send costs a few map lookups.
 */
import type { Hours } from '@/utils/hours';
import { holidayInfo, withHolidays, type HolidayTable } from '@/utils/holidays/apply';
import type { VerdictRecipient } from '@/utils/etiquette';
import type { Contact, Settings } from '@/utils/store/schema';
import type { RecipientRef } from './adapter';

export interface ContactIndex {
  byKey: Map<string, Contact>;
  defaults: Settings['contactDefaults'];
  holidays?: HolidayTable;
}

export function indexContacts(settings: Pick<Settings, 'contacts' | 'contactDefaults'>, holidays?: HolidayTable): ContactIndex {
  const byKey = new Map<string, Contact>();
  for (const contact of settings.contacts) {
    // By name last: a page that shows only a display name (a Slack DM without messages yet).
    const nameKey = `name:${contact.name.toLowerCase()}`;
    if (!byKey.has(nameKey)) byKey.set(nameKey, contact);
  }
  for (const contact of settings.contacts) {
    for (const email of contact.emails) byKey.set(email.toLowerCase(), contact);
    for (const id of contact.slackIds ?? []) byKey.set(id, contact);
  }
  return { byKey, defaults: settings.contactDefaults, ...(holidays ? { holidays } : {}) };
}

export function refKey(ref: RecipientRef): string | null {
  return ref.email?.toLowerCase() ?? ref.slackId ?? (ref.name ? `name:${ref.name.toLowerCase()}` : null);
}

/** A contact's hours: their own or the default week, their days off and their region's public holidays. */
function hoursOf(contact: Contact, index: ContactIndex): Hours | undefined {
  if (!contact.timeZone) return undefined;
  const hours: Hours = { timeZone: contact.timeZone, weekly: contact.weekly ?? index.defaults.weekly, daysOff: contact.daysOff };
  return withHolidays(hours, holidayRegionOf(contact, index.defaults), index.holidays);
}

/** The region whose public holidays a contact observes: their own, else the contact default. */
export function holidayRegionOf(contact: Pick<Contact, 'holidays'>, defaults: Settings['contactDefaults']): string | undefined {
  return contact.holidays ?? defaults.holidays;
}

export function toVerdictRecipients(refs: RecipientRef[], index: ContactIndex, selfIds: ReadonlySet<string>): VerdictRecipient[] {
  const out: VerdictRecipient[] = [];
  for (const ref of refs) {
    const key = refKey(ref);
    if (!key) continue;
    const contact = index.byKey.get(key) ?? (ref.name ? index.byKey.get(`name:${ref.name.toLowerCase()}`) : undefined);
    const holiday = contact ? holidayInfo(holidayRegionOf(contact, index.defaults), index.holidays) : undefined;
    out.push({
      key,
      name: contact?.name ?? ref.name ?? key,
      isSelf: selfIds.has(key),
      hours: contact ? hoursOf(contact, index) : undefined,
      ...(holiday ? { holiday } : {}),
    });
  }
  return out;
}
