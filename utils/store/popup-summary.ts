/**
 * The popup's summary (messaging's PopupSummary), also kept in `storage.local` under its own small key:
 * the popup paints from it at once, without waiting for a sleeping worker to wake, then asks the worker
 * for a fresh one. Written by the worker after every settings change and every recorded event.
 */
import type { PopupSummary } from '@/utils/messaging';
import type { Policy } from './policy';

export const POPUP_SUMMARY_KEY = 'popupSummary';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shallow, like readSnapshot: only our worker writes this key. */
export function readPopupSummary(value: unknown): PopupSummary | null {
  if (!isObject(value) || !isObject(value.me) || !isObject(value.sites) || !isObject(value.week)) return null;
  // A copy from before quiet tabs: not this shape (the popup asks the worker for a fresh one).
  if (!isObject(value.quiet) || (value.onCallUntil !== null && typeof value.onCallUntil !== 'number')) return null;
  if (typeof value.me.timeZone !== 'string' || !isObject(value.me.weekly) || !Array.isArray(value.week.days)) return null;
  // A copy from before quiet tabs' counts.
  if (typeof value.week.quietEvenings !== 'number' || typeof value.week.peeks !== 'number') return null;
  if (typeof value.contacts !== 'number' || typeof value.snoozed !== 'number') return null;
  if (value.pause !== null && !isObject(value.pause)) return null;
  if (value.teamContacts !== undefined && typeof value.teamContacts !== 'number') return null;
  return value as unknown as PopupSummary;
}

/** The organisation's team directory, counted for the popup's line; nothing when the policy has none. */
export function teamContactsField(policy: Policy | null): Pick<PopupSummary, 'teamContacts'> {
  const count = policy?.directory?.length ?? 0;
  return count > 0 ? { teamContacts: count } : {};
}
