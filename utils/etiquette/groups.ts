/** Recipients with a usable zone, grouped by identical hours so each schedule is evaluated once. */
import type { Hours } from '../hours';
import type { VerdictRecipient } from './types';

export interface KnownRecipient extends VerdictRecipient {
  hours: Hours;
}

export interface HoursGroup {
  hours: Hours;
  members: KnownRecipient[];
}

/**
 * Equal schedules give equal strings. Contacts on the defaults in one zone share a schedule,
 * so a 40-person list usually collapses to a handful of engine calls.
 */
export function hoursSignature(hours: Hours): string {
  return `${hours.timeZone}|${JSON.stringify(hours.weekly)}|${(hours.daysOff ?? []).join(',')}`;
}

export function groupByHours(people: KnownRecipient[]): HoursGroup[] {
  const groups = new Map<string, HoursGroup>();
  for (const person of people) {
    const signature = hoursSignature(person.hours);
    const group = groups.get(signature);
    if (group) group.members.push(person);
    else groups.set(signature, { hours: person.hours, members: [person] });
  }
  return [...groups.values()];
}
