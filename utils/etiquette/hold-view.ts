/**
 * What the hold dialog and the nudge note say about a verdict: pure text, in the browser's language.
 * The content scripts compute it in the lazily loaded page UI, never on the Send path itself.
 */
import { t } from '@/utils/i18n';
import { clockTime, weekdayDayMonth, weekdayTime } from '@/utils/i18n/dates';
import { isValidTimeZone, isWorkingTime, wallClock } from '../hours';
import type { SendNowReason, SendNowReasonMode } from '../store/schema';
import { describeVerdict, scheduleButtonLabel, shortName } from './format';
import { SENDER_KEY } from './verdict';
import type { AfterHoursVerdict, HolidayOnTheWay, KnownPerson } from './types';

/** What `Send now` asks before it sends (issue 21); absent or `reason: 'off'` with no limit: it sends at once. */
export interface SendNowView {
  reason: SendNowReasonMode;
  /** Send-now presses a day before it explains and offers Schedule; null: no limit. */
  limit: number | null;
  /** The limit is the organisation's (locked policy): past it, Send now does not send. */
  limitLocked: boolean;
  /**
   * The line the recipients may get at the start of the message, or null where it is not offered
   * (nobody is outside their hours, or the site cannot insert it).
   */
  label: { checked: boolean; line: (reason: SendNowReason | null, ownWords: string) => string } | null;
}

export interface ClarityNote {
  rule: string;
  message: string;
  fix?: { templateId: string; title: string };
}

export interface HoldView {
  headline: string;
  detail: string;
  unknown: string | null;
  slot: string | null;
  /** "Schedule for Tue 09:00" in the sender's zone, or null when there is no slot. */
  scheduleLabel: string | null;
  /** Recipients whose zone is unknown; the dialog offers to set one. */
  unknownRecipients: Array<{ key: string; name: string }>;
  /** The sender's zone, for the zone picker's "Same as me". */
  myZone?: string;
  /** What Schedule does with the text where the site has no scheduler (Docs: kept in the extension). */
  scheduleNote?: string;
  /** Clarity findings on the draft, each with a template that fixes it where one exists. */
  findings?: ClarityNote[];
  /** Why the slot is later than it looks: public holidays on the way, one sentence each. */
  holidays?: string[];
  sendNow?: SendNowView;
  /** One row per recipient (issue 20): outside first, then in hours, then zone unknown; the dialog folds past 3. */
  rows?: RecipientRow[];
  /** The suggested slot in both clocks: "Mon 09:00 for Priya · 04:30 for you". */
  slotLine?: string | null;
  /** When no time suits everyone: two or three times to choose from, the suggested one among them. */
  choices?: SlotChoice[];
  /** For "Pick a time…": the sender's zone and every known recipient's hours. */
  picker?: { senderZone: string; people: KnownPerson[]; stepMinutes: number };
}

export interface RecipientRow {
  key: string;
  name: string;
  /** "Kolkata" from Asia/Kolkata; null when the zone is unknown. */
  place: string | null;
  /** Their local time now ("01:53", or "Tue 01:53" when their date is not the sender's); null when unknown. */
  time: string | null;
  state: 'outside' | 'inside' | 'unknown';
}

export interface SlotChoice {
  /** Epoch ms, on the site scheduler's step. */
  at: number;
  /** "Priya's morning", "Reaches the most". */
  label: string;
  /** The time in both clocks. */
  when: string;
  /** "Schedule for Mon 04:30": what the Schedule button says while this choice is picked. */
  scheduleLabel: string;
}

/** One row of the "Pick a time…" picker: a person's wall clock at the picked time, and whether they work then. */
export interface PickedTime {
  key: string;
  name: string;
  time: string;
  inHours: boolean;
}

/** The slot as the site's scheduler can take it: rounded up to its step. */
export function scheduleInstant(v: AfterHoursVerdict, stepMinutes = 1): number | null {
  if (!v.slot) return null;
  const step = Math.max(1, stepMinutes) * 60_000;
  return Math.ceil(v.slot.at / step) * step;
}

/**
 * The verdict with its slot moved to the instant the site's scheduler will really use, so "Next good
 * time" and the Schedule button name the same minute (Gmail and Slack schedule in 15-minute steps).
 */
function atSchedulerStep(v: AfterHoursVerdict, at: number | null): AfterHoursVerdict {
  const slot = v.slot;
  if (!slot || at === null || at === slot.at) return v;
  const delta = at - slot.at;
  return {
    ...v,
    slot: {
      ...slot,
      at,
      forSender: { ...slot.forSender, at: slot.forSender.at + delta },
      forRecipients: slot.forRecipients.map((r) => ({ ...r, local: { ...r.local, at: r.local.at + delta } })),
    },
  };
}

export function holdView(v: AfterHoursVerdict, stepMinutes?: number): HoldView {
  const at = scheduleInstant(v, stepMinutes);
  const text = describeVerdict(atSchedulerStep(v, at));
  const senderZone = v.sender.local.timeZone;
  return {
    ...text,
    rows: recipientRows(v),
    slotLine: at === null ? null : bothClocks(v, at),
    choices: slotChoices(v, stepMinutes ?? 1),
    picker: { senderZone, people: v.people ?? [], stepMinutes: stepMinutes ?? 1 },
    scheduleLabel: at === null ? null : scheduleButtonLabel({ at, timeZone: v.slot!.forSender.timeZone }),
    ...(v.holidays?.length ? { holidays: v.holidays.map(holidayText) } : {}),
    // Only an address or member id can be remembered; a bare display name cannot.
    unknownRecipients: v.unknown.filter((r) => !r.key.startsWith('name:')).map((r) => ({ key: r.key, name: r.name })),
    myZone: v.sender.local.timeZone,
  };
}

function holidayText(h: HolidayOnTheWay): string {
  const date = weekdayDayMonth(h.date);
  return h.key === SENDER_KEY ? t('verdict.holiday.forYou', { date, place: h.place }) : t('verdict.holiday.forPerson', { date, name: shortName(h.name, h.key), place: h.place });
}

/** "It's 23:42 for Ana. She'll see it at Tue 09:00 her time" style, one line. */
const NOTE_PEOPLE = 3;
const NOTE_SEPARATOR = '. ';

/**
 * The nudge note, read at a glance like the dialog (issue 20): who is outside their hours with their
 * local time and place, then the suggested time in both clocks, then any unknown zones.
 * "It's outside working hours for Priya (01:53 in Kolkata). Suggested: Mon 09:00 for Priya · 04:30 for you"
 */
export function noteText(v: AfterHoursVerdict, stepMinutes?: number): string {
  const view = holdView(v, stepMinutes);
  const outside = (view.rows ?? []).filter((r) => r.state === 'outside' && r.time && r.place);
  let first: string;
  if (outside.length === 1 && v.counts.outside === 1) {
    first = t('page.note.one', { headline: view.headline, time: outside[0]!.time!, place: outside[0]!.place! });
  } else if (outside.length > 0) {
    const people = outside.slice(0, NOTE_PEOPLE).map((r) => t('page.note.person', { name: r.name, time: r.time!, place: r.place! }));
    if (outside.length > NOTE_PEOPLE) people.push(t('page.note.more', outside.length - NOTE_PEOPLE));
    first = t('page.note.list', { headline: view.headline, people: people.join(', ') });
  } else if (v.counts.outside === 0) {
    first = t('page.note.yours', { headline: view.headline, time: clockTime(v.sender.local.at, v.sender.local.timeZone) });
  } else {
    first = `${view.headline}${NOTE_SEPARATOR}${view.detail}`;
  }
  const suggested = view.slotLine ? t('page.hold.suggested', { slot: view.slotLine }) : null;
  return [first, suggested, view.unknown].filter(Boolean).join(NOTE_SEPARATOR);
}

/** "Asia/Kolkata" → "Kolkata", "America/Argentina/Buenos_Aires" → "Buenos Aires", "UTC" → "UTC". */
export function placeOfZone(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "01:53", or "Tue 01:53" when the person's date is not the sender's. */
function localTime(at: number, zone: string, senderZone: string): string {
  const sameDay = isValidTimeZone(zone) && isValidTimeZone(senderZone) && wallClock(zone, new Date(at)).date === wallClock(senderZone, new Date(at)).date;
  return sameDay ? clockTime(at, zone) : weekdayTime(at, zone);
}

/** Every judged recipient once: outside their hours first, then in hours, then with no known zone. */
export function recipientRows(v: AfterHoursVerdict): RecipientRow[] {
  if (v.summarised) return [];
  const now = v.sender.local.at;
  const senderZone = v.sender.local.timeZone;
  const outside = new Set(v.outside.map((p) => p.key));
  const known: KnownPerson[] = v.people ?? v.outside.map((p) => ({ key: p.key, name: p.name, hours: { timeZone: p.local.timeZone, weekly: NO_WEEK } }));
  const row = (p: KnownPerson): RecipientRow => ({
    key: p.key,
    name: shortName(p.name, p.key),
    place: placeOfZone(p.hours.timeZone),
    time: localTime(now, p.hours.timeZone, senderZone),
    state: outside.has(p.key) ? 'outside' : 'inside',
  });
  const rows = [...known.filter((p) => outside.has(p.key)), ...known.filter((p) => !outside.has(p.key))].map(row);
  for (const r of v.unknown) rows.push({ key: r.key, name: r.name.trim() || r.key, place: null, time: null, state: 'unknown' });
  return rows;
}

const NO_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** The zones to name at an instant: each recipient zone but the sender's, first person named, up to two zones. */
function zoneGroups(v: AfterHoursVerdict): Array<{ zone: string; names: string[] }> {
  const people = v.people ?? v.slot?.forRecipients.map((r) => ({ key: r.key, name: r.name, zone: r.local.timeZone })) ?? [];
  const groups = new Map<string, string[]>();
  for (const p of people) {
    const zone = 'hours' in p ? p.hours.timeZone : p.zone;
    if (zone === v.sender.local.timeZone) continue;
    groups.set(zone, [...(groups.get(zone) ?? []), shortName(p.name, p.key)]);
  }
  return [...groups].map(([zone, names]) => ({ zone, names }));
}

const CLOCK_SEPARATOR = ' · ';
const MAX_ZONES_NAMED = 2;

/**
 * "Mon 09:00 for Priya · 04:30 for you": recipients' wall clocks (up to `zones` zones, `first` zone
 * first), then the sender's, with the weekday only when the date differs.
 */
export function bothClocks(v: AfterHoursVerdict, at: number, zones = MAX_ZONES_NAMED, first?: string): string {
  const senderZone = v.sender.local.timeZone;
  const all = zoneGroups(v);
  const groups = [...all.filter((g) => g.zone === first), ...all.filter((g) => g.zone !== first)].slice(0, zones);
  const theirs = groups.map(({ zone, names }) => {
    const wall = weekdayTime(at, zone);
    return names.length === 1
      ? t('page.hold.slotFor', { wall, name: names[0]! })
      : t('page.hold.slotForGroup', names.length - 1, { wall, name: names[0]! });
  });
  const firstZone = groups[0]?.zone;
  const sameDate = firstZone !== undefined && isValidTimeZone(firstZone) && isValidTimeZone(senderZone) && wallClock(firstZone, new Date(at)).date === wallClock(senderZone, new Date(at)).date;
  const yours = t('page.hold.slotForYou', { wall: sameDate ? clockTime(at, senderZone) : weekdayTime(at, senderZone) });
  return [...theirs, yours].join(CLOCK_SEPARATOR);
}

/** How many known recipients work at `at`. */
function reachAt(people: readonly KnownPerson[], at: number): number {
  return people.filter((p) => isValidTimeZone(p.hours.timeZone) && isWorkingTime(p.hours, new Date(at))).length;
}

const MAX_CHOICES = 3;

/** Literal keys, one call each: the key test scans the source for them. */
const PART_OF_DAY = {
  morning: (name: string) => t('page.hold.choice.morning', { name }),
  afternoon: (name: string) => t('page.hold.choice.afternoon', { name }),
  evening: (name: string) => t('page.hold.choice.evening', { name }),
};

function partOfDay(at: number, zone: string): 'morning' | 'afternoon' | 'evening' {
  const hour = Math.floor(wallClock(zone, new Date(at)).minutes / 60);
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/**
 * No time suits every recipient (slot basis 'most'): the start of the day of up to two people outside
 * their hours (one per zone), and the time that reaches the most, each on the scheduler's step, in time
 * order. Empty when there is a common time (or none at all): the one suggestion is the answer then.
 */
export function slotChoices(v: AfterHoursVerdict, stepMinutes: number): SlotChoice[] {
  const suggested = scheduleInstant(v, stepMinutes);
  if (suggested === null || v.slot?.basis !== 'most' || v.summarised) return [];
  const step = Math.max(1, stepMinutes) * 60_000;
  const people = v.people ?? [];
  const picked = new Map<number, { label: string; zone?: string }>();
  const most = t('page.hold.choice.most', { count: String(reachAt(people, suggested)), total: String(v.counts.known) });
  for (const p of v.outside) {
    if (!p.nextStart || [...picked.values()].some((c) => c.zone === p.local.timeZone)) continue;
    const at = Math.ceil(p.nextStart.at / step) * step;
    if (!picked.has(at)) picked.set(at, { label: PART_OF_DAY[partOfDay(at, p.local.timeZone)](shortName(p.name, p.key)), zone: p.local.timeZone });
  }
  if (!picked.has(suggested)) picked.set(suggested, { label: most });
  // The suggested time always stays; the rest in the order people were listed, up to three in all.
  const kept = [...picked].filter(([at]) => at !== suggested).slice(0, MAX_CHOICES - 1);
  const choices = [...kept, [suggested, picked.get(suggested)!] as const];
  if (choices.length < 2) return [];
  return choices
    .sort(([a], [b]) => a - b)
    .map(([at, { label, zone }]) => ({ at, label, when: bothClocks(v, at, 1, zone), scheduleLabel: scheduleButtonLabel({ at, timeZone: v.sender.local.timeZone }) }));
}

/** Every known recipient's wall clock at a picked instant, and whether they work then (the "Pick a time…" picker). */
export function pickedTimes(people: readonly KnownPerson[], at: number): PickedTime[] {
  return people.map((p) => ({
    key: p.key,
    name: shortName(p.name, p.key),
    time: weekdayTime(at, p.hours.timeZone),
    inHours: isValidTimeZone(p.hours.timeZone) && isWorkingTime(p.hours, new Date(at)),
  }));
}
