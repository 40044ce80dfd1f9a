/** Human text for the after-hours dialog, in the browser's language (messages: verdict.* in utils/locales). */
import { t } from '@/utils/i18n';
import { clockTime, weekdayTime } from '@/utils/i18n/dates';
import type { AfterHoursVerdict, PersonState, Slot, SlotRecipientTime, ZonedTime } from './types';

export interface VerdictText {
  /** "It's outside working hours for Priya" */
  headline: string;
  /** "23:40 for you; 04:10 for Priya in Asia/Kolkata; 2 of 3 recipients are outside their hours" */
  detail: string;
  /** "Time zone unknown for alex@example.com", or null. */
  unknown: string | null;
  /** "Tue 09:00 in Priya's time (Asia/Kolkata), Mon 23:30 yours", or null without a slot. */
  slot: string | null;
}

/** Punctuation between the sentence parts; the same in every language we ship. */
const PART_SEPARATOR = '; ';
const LIST_SEPARATOR = ', ';

/** "Tue 09:00" / "Tue 9:00 AM" (en-US) / "Di. 09:00": weekday in the text's language, the locale's clock, in t.timeZone. */
export function formatWallClock(time: ZonedTime): string {
  return weekdayTime(time.at, time.timeZone);
}

/** "09:00" in t.timeZone. */
export function formatClock(time: ZonedTime): string {
  return clockTime(time.at, time.timeZone);
}

/** "America/New_York" → "America/New York": the IANA id, readable. */
export function formatZoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/** "Schedule for Tue 09:00"; the caller picks whose wall clock the button shows. */
export function scheduleButtonLabel(time: ZonedTime): string {
  return t('verdict.scheduleFor', { wall: formatWallClock(time) });
}

/** "Priya Raman" → "Priya", "Raman, Priya" → "Priya"; addresses stay whole. */
export function shortName(name: string, key = ''): string {
  const full = name.trim() || key.trim();
  if (full.includes('@')) return full;
  const comma = full.indexOf(',');
  const given = comma > 0 ? full.slice(comma + 1).trim() : full;
  return given.split(/\s+/)[0] || full || t('verdict.someone');
}

export function describeVerdict(v: AfterHoursVerdict): VerdictText {
  return { headline: headline(v), detail: detail(v), unknown: unknownText(v), slot: slotText(v) };
}

function headline(v: AfterHoursVerdict): string {
  if (v.counts.outside === 0) return v.sender.dayOff ? t('verdict.headline.senderDayOff') : t('verdict.headline.senderOutside');
  const only = v.outside.length === 1 && v.counts.outside === 1 ? v.outside[0] : undefined;
  const who = only ? shortName(only.name, only.key) : t('verdict.recipients', v.counts.outside);
  return v.sender.outside ? t('verdict.headline.both', { who }) : t('verdict.headline.recipients', { who });
}

function detail(v: AfterHoursVerdict): string {
  const parts = [t('verdict.timeForYou', { clock: formatClock(v.sender.local) }) + dayOffSuffix(v.sender)];
  for (const person of v.outside) {
    const clock = formatClock(person.local);
    const zone = formatZoneLabel(person.local.timeZone);
    parts.push(t('verdict.timeForPerson', { clock, name: shortName(person.name, person.key), zone }) + dayOffSuffix(person));
  }
  // A lone recipient is already named above; the ratio only helps with several.
  if (v.counts.outside > 0 && (v.summarised || v.counts.total > 1)) {
    parts.push(t('verdict.outsideCount', v.counts.outside, { total: t('verdict.ofRecipients', v.counts.total) }));
  }
  return parts.join(PART_SEPARATOR);
}

function dayOffSuffix(person: PersonState): string {
  return person.dayOff ? t('verdict.onDayOff') : '';
}

function unknownText(v: AfterHoursVerdict): string | null {
  if (v.summarised) {
    const count = v.counts.total - v.counts.known;
    return count > 0 ? t('verdict.unknownFor', { who: t('verdict.recipients', count) }) : null;
  }
  if (v.unknown.length === 0) return null;
  return t('verdict.unknownFor', { who: v.unknown.map((r) => r.name.trim() || r.key).join(LIST_SEPARATOR) });
}

function slotText(v: AfterHoursVerdict): string | null {
  const { slot } = v;
  if (!slot) return null;
  const parts = recipientZoneGroups(slot).map(slotGroupText);
  parts.push(t('verdict.slot.yours', { wall: formatWallClock(slot.forSender) }));
  const text = parts.join(LIST_SEPARATOR);
  if (slot.basis === 'common' || slot.of <= 0) return text;
  return text + PART_SEPARATOR + t('verdict.slot.reach', slot.reaches, { total: t('verdict.ofRecipients', slot.of) });
}

/** Recipients grouped by zone; the sender's own zone is left out since "yours" already says it. */
function recipientZoneGroups(slot: Slot): SlotRecipientTime[][] {
  const groups = new Map<string, SlotRecipientTime[]>();
  for (const r of slot.forRecipients) {
    if (r.local.timeZone === slot.forSender.timeZone) continue;
    groups.set(r.local.timeZone, [...(groups.get(r.local.timeZone) ?? []), r]);
  }
  return [...groups.values()];
}

function slotGroupText(group: SlotRecipientTime[]): string {
  const first = group[0];
  if (!first) return '';
  const wall = formatWallClock(first.local);
  const zone = formatZoneLabel(first.local.timeZone);
  const name = shortName(first.name, first.key);
  return group.length === 1
    ? t('verdict.slot.inPersonsTime', { wall, name, zone })
    : t('verdict.slot.forGroup', group.length - 1, { wall, name, zone });
}
