/** Human text for the after-hours dialog. English only for now: every string lives in STRINGS. */
import { DateTime } from 'luxon';
import type { AfterHoursVerdict, PersonState, Slot, SlotRecipientTime, ZonedTime } from './types';

export type VerdictLocale = 'en';

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

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const STRINGS = {
  en: {
    headlineSender: "It's outside your working hours",
    headlineSenderDayOff: "It's your day off",
    headlineRecipients: (who: string) => `It's outside working hours for ${who}`,
    headlineBoth: (who: string) => `It's outside working hours for you and ${who}`,
    recipients: (n: number) => plural(n, 'recipient', 'recipients'),
    someone: 'a recipient',
    timeForYou: (clock: string) => `${clock} for you`,
    timeForPerson: (clock: string, name: string, zone: string) => `${clock} for ${name} in ${zone}`,
    onDayOff: ', on a day off',
    outsideCount: (outside: number, total: number) =>
      `${outside} of ${plural(total, 'recipient', 'recipients')} ${outside === 1 ? 'is' : 'are'} outside their hours`,
    unknownFor: (who: string) => `Time zone unknown for ${who}`,
    slotInPersonsTime: (wall: string, name: string, zone: string) => `${wall} in ${name}'s time (${zone})`,
    slotForGroup: (wall: string, name: string, others: number, zone: string) =>
      `${wall} for ${name} and ${plural(others, 'other', 'others')} (${zone})`,
    slotYours: (wall: string) => `${wall} yours`,
    slotReach: (reaches: number, of: number) =>
      `${reaches} of ${plural(of, 'recipient', 'recipients')} in their hours then`,
    scheduleFor: (wall: string) => `Schedule for ${wall}`,
    partSeparator: '; ',
    listSeparator: ', ',
    invalidTime: '--:--',
  },
} as const;

type Strings = (typeof STRINGS)[VerdictLocale];

/** Wall clock in the time's own zone; an unusable zone falls back to UTC rather than "Invalid DateTime". */
function wallClock(t: ZonedTime, pattern: string): string {
  if (!Number.isFinite(t.at)) return STRINGS.en.invalidTime;
  const local = DateTime.fromMillis(t.at, { zone: t.timeZone, locale: 'en' });
  const shown = local.isValid ? local : DateTime.fromMillis(t.at, { zone: 'UTC', locale: 'en' });
  return shown.toFormat(pattern);
}

/** "Tue 09:00": English weekday abbreviation, 24-hour clock, in t.timeZone. */
export function formatWallClock(t: ZonedTime): string {
  return wallClock(t, 'ccc HH:mm');
}

/** "09:00" in t.timeZone. */
export function formatClock(t: ZonedTime): string {
  return wallClock(t, 'HH:mm');
}

/** "America/New_York" → "America/New York": the IANA id, readable. */
export function formatZoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/** "Schedule for Tue 09:00"; the caller picks whose wall clock the button shows. */
export function scheduleButtonLabel(t: ZonedTime): string {
  return STRINGS.en.scheduleFor(formatWallClock(t));
}

/** "Priya Raman" → "Priya", "Raman, Priya" → "Priya"; addresses stay whole. */
export function shortName(name: string, key = ''): string {
  const full = name.trim() || key.trim();
  if (full.includes('@')) return full;
  const comma = full.indexOf(',');
  const given = comma > 0 ? full.slice(comma + 1).trim() : full;
  return given.split(/\s+/)[0] || full || STRINGS.en.someone;
}

export function describeVerdict(v: AfterHoursVerdict, locale: VerdictLocale = 'en'): VerdictText {
  const s = STRINGS[locale];
  return { headline: headline(v, s), detail: detail(v, s), unknown: unknownText(v, s), slot: slotText(v, s) };
}

function headline(v: AfterHoursVerdict, s: Strings): string {
  if (v.counts.outside === 0) return v.sender.dayOff ? s.headlineSenderDayOff : s.headlineSender;
  const only = v.outside.length === 1 && v.counts.outside === 1 ? v.outside[0] : undefined;
  const who = only ? shortName(only.name, only.key) : s.recipients(v.counts.outside);
  return v.sender.outside ? s.headlineBoth(who) : s.headlineRecipients(who);
}

function detail(v: AfterHoursVerdict, s: Strings): string {
  const parts = [s.timeForYou(formatClock(v.sender.local)) + dayOffSuffix(v.sender, s)];
  for (const person of v.outside) {
    const clock = formatClock(person.local);
    const zone = formatZoneLabel(person.local.timeZone);
    parts.push(s.timeForPerson(clock, shortName(person.name, person.key), zone) + dayOffSuffix(person, s));
  }
  // A lone recipient is already named above; the ratio only helps with several.
  if (v.counts.outside > 0 && (v.summarised || v.counts.total > 1)) {
    parts.push(s.outsideCount(v.counts.outside, v.counts.total));
  }
  return parts.join(s.partSeparator);
}

function dayOffSuffix(person: PersonState, s: Strings): string {
  return person.dayOff ? s.onDayOff : '';
}

function unknownText(v: AfterHoursVerdict, s: Strings): string | null {
  if (v.summarised) {
    const count = v.counts.total - v.counts.known;
    return count > 0 ? s.unknownFor(s.recipients(count)) : null;
  }
  if (v.unknown.length === 0) return null;
  return s.unknownFor(v.unknown.map((r) => r.name.trim() || r.key).join(s.listSeparator));
}

function slotText(v: AfterHoursVerdict, s: Strings): string | null {
  const { slot } = v;
  if (!slot) return null;
  const parts = recipientZoneGroups(slot).map((group) => slotGroupText(group, s));
  parts.push(s.slotYours(formatWallClock(slot.forSender)));
  const text = parts.join(s.listSeparator);
  return slot.basis !== 'common' && slot.of > 0 ? text + s.partSeparator + s.slotReach(slot.reaches, slot.of) : text;
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

function slotGroupText(group: SlotRecipientTime[], s: Strings): string {
  const first = group[0];
  if (!first) return '';
  const wall = formatWallClock(first.local);
  const zone = formatZoneLabel(first.local.timeZone);
  const name = shortName(first.name, first.key);
  return group.length === 1 ? s.slotInPersonsTime(wall, name, zone) : s.slotForGroup(wall, name, group.length - 1, zone);
}
