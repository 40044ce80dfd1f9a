/**
 * The send verdict: pure and synchronous, run on every Send click in the page.
 * Cheap answers ('off', 'self', 'fine') return before any formatting or slot search.
 */
import { DAYS, isValidTimeZone, isWorkingTime, nextWorkingTime, wallClock, type Hours } from '../hours';
import { isFarOutside } from './far-outside';
import { hoursSignature, type KnownRecipient } from './groups';
import { proposeSlot } from './slot';
import type { AfterHoursVerdict, HolidayInfo, HolidayOnTheWay, PersonState, Verdict, VerdictInput, VerdictRecipient } from './types';

export const DEFAULT_GRACE_MINUTES = 30;
export const DEFAULT_LARGE_LIST_THRESHOLD = 15;
/** `key` of the sender's PersonState; the UI says "you". */
export const SENDER_KEY = 'me';

const MINUTE_MS = 60_000;

interface Assessment {
  working: boolean;
  /** Not working, and not starting within the grace window either. */
  outside: boolean;
  /** Next working start (epoch ms) when not working now. */
  nextStart: number | null;
}

/** Zone unusable: never makes a send after-hours, and is never shown as outside. */
const UNJUDGED: Assessment = { working: false, outside: false, nextStart: null };

export function sendVerdict(input: VerdictInput): Verdict {
  if (input.mode === 'off') return { kind: 'off' };
  const { recipients } = input;
  if (recipients.length > 0 && recipients.every((r) => r.isSelf)) return { kind: 'fine', reason: 'self' };

  const now = input.now.getTime();
  const assess = makeAssessor(now, graceMs(input.graceMinutes));
  const judged = judgedRecipients(recipients, input.snoozedKeys);
  const known = judged.filter(hasUsableZone);
  const senderHours = isValidTimeZone(input.me.timeZone) ? input.me : null;
  const sender = senderHours ? assess(senderHours) : UNJUDGED;
  const outsideKnown = known.filter((r) => assess(r.hours).outside);

  if (!sender.outside && outsideKnown.length === 0) {
    const judgedHours = [...(senderHours ? [senderHours] : []), ...known.map((r) => r.hours)];
    return { kind: 'fine', reason: judgedHours.some((h) => inHoursByGrace(assess(h))) ? 'grace' : 'in-hours' };
  }
  return afterHours({ input, now, judged, known, outsideKnown, senderHours, sender, assess });
}

interface AfterHoursContext {
  input: VerdictInput;
  now: number;
  judged: VerdictRecipient[];
  known: KnownRecipient[];
  outsideKnown: KnownRecipient[];
  senderHours: Hours | null;
  sender: Assessment;
  assess: (hours: Hours) => Assessment;
}

function afterHours(ctx: AfterHoursContext): AfterHoursVerdict {
  const { input, now, judged, known, outsideKnown } = ctx;
  const summarised = judged.length > listThreshold(input.largeListThreshold);
  const me = { key: SENDER_KEY, name: SENDER_KEY, hours: input.me };
  const slot = proposeSlot({
    sender: ctx.senderHours,
    senderZone: input.me.timeZone,
    known,
    now,
    onlySenderOutside: outsideKnown.length === 0,
    summarised,
    ...(input.meHoliday ? { senderHolidays: input.meHoliday.dates } : {}),
  });
  const people = [...(ctx.senderHours ? [{ ...me, holiday: input.meHoliday }] : []), ...(summarised ? [] : known)];
  const holidays = slot ? holidaysOnTheWay(people, now, slot.at) : [];
  return {
    kind: 'after-hours',
    action: input.mode === 'confirm' ? 'hold' : 'nudge',
    sender: personState(me, ctx.sender, now),
    // Large lists: counts only, so the page never renders dozens of names.
    outside: summarised ? [] : outsideKnown.map((r) => personState(r, ctx.assess(r.hours), now)),
    unknown: summarised ? [] : judged.filter((r) => !hasUsableZone(r)),
    counts: { outside: outsideKnown.length, known: known.length, total: judged.length, farOutside: countFarOutside(ctx) },
    summarised,
    slot,
    ...(holidays.length ? { holidays } : {}),
    people: summarised ? [] : known.map((r) => ({ key: r.key, name: r.name, hours: r.hours })),
  };
}

/** Known recipients more than an hour outside their working time now (the footprint); once per schedule. */
function countFarOutside({ known, now, assess }: AfterHoursContext): number {
  const memo = new Map<string, boolean>();
  let count = 0;
  for (const r of known) {
    const signature = hoursSignature(r.hours);
    let far = memo.get(signature);
    if (far === undefined) {
      const a = assess(r.hours);
      far = !a.working && isFarOutside(r.hours, now, a.nextStart);
      memo.set(signature, far);
    }
    if (far) count++;
  }
  return count;
}

const MAX_HOLIDAY_NOTES = 3;

/**
 * Public holidays from each person's today to their date at the slot, on weekdays they otherwise work:
 * what pushed the slot later ("Mon 25 May is a public holiday for Priya (Karnataka)").
 */
function holidaysOnTheWay(people: Array<{ key: string; name: string; hours: Hours; holiday?: HolidayInfo }>, now: number, slotAt: number): HolidayOnTheWay[] {
  const out: HolidayOnTheWay[] = [];
  for (const person of people) {
    const { holiday, hours } = person;
    if (!holiday?.dates.length || !isValidTimeZone(hours.timeZone)) continue;
    const from = wallClock(hours.timeZone, new Date(now)).date;
    const to = wallClock(hours.timeZone, new Date(slotAt)).date;
    for (const date of holiday.dates) {
      if (date < from || date > to || !worksThatWeekday(hours, date)) continue;
      if (out.some((note) => note.date === date && note.place === holiday.place)) continue;
      out.push({ key: person.key, name: person.name, date, timeZone: hours.timeZone, place: holiday.place });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date)).slice(0, MAX_HOLIDAY_NOTES);
}

function worksThatWeekday(hours: Hours, date: string): boolean {
  const sundayFirst = new Date(`${date}T12:00:00Z`).getUTCDay();
  const day = DAYS[(sundayFirst + 6) % 7]!;
  return hours.weekly[day].length > 0;
}

/** Without the user's own addresses, snoozed recipients and duplicates (To and Cc). */
function judgedRecipients(recipients: VerdictRecipient[], snoozed?: ReadonlySet<string>): VerdictRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    if (r.isSelf || snoozed?.has(r.key) || seen.has(r.key)) return false;
    seen.add(r.key);
    return true;
  });
}

/** An invalid zone is treated like an unknown one rather than throwing on the Send click. */
function hasUsableZone(r: VerdictRecipient): r is KnownRecipient {
  return r.hours !== undefined && isValidTimeZone(r.hours.timeZone);
}

/** Memoised per schedule: contacts on shared defaults cost one engine call per zone. */
function makeAssessor(now: number, grace: number): (hours: Hours) => Assessment {
  const memo = new Map<string, Assessment>();
  return (hours) => {
    const signature = hoursSignature(hours);
    let assessment = memo.get(signature);
    if (!assessment) {
      assessment = assess(hours, now, grace);
      memo.set(signature, assessment);
    }
    return assessment;
  };
}

function assess(hours: Hours, now: number, grace: number): Assessment {
  if (isWorkingTime(hours, new Date(now))) return { working: true, outside: false, nextStart: null };
  const next = nextWorkingTime(hours, new Date(now));
  const nextStart = next ? next.getTime() : null;
  // Grace: someone about to start (Viva's pre-work quiet time) will read it in hours anyway.
  const startsSoon = nextStart !== null && nextStart - now <= grace;
  return { working: false, outside: !startsSoon, nextStart };
}

function personState(person: { key: string; name: string; hours: Hours }, a: Assessment, now: number): PersonState {
  const { timeZone } = person.hours;
  return {
    key: person.key,
    name: person.name,
    local: { at: now, timeZone },
    outside: a.outside,
    dayOff: isDayOff(person.hours, now),
    nextStart: a.nextStart === null ? null : { at: a.nextStart, timeZone },
  };
}

function isDayOff(hours: Hours, now: number): boolean {
  if (!hours.daysOff?.length || !isValidTimeZone(hours.timeZone)) return false;
  return hours.daysOff.includes(wallClock(hours.timeZone, new Date(now)).date);
}

function inHoursByGrace(a: Assessment): boolean {
  return !a.working && !a.outside;
}

function graceMs(minutes: number | undefined): number {
  const value = minutes !== undefined && Number.isFinite(minutes) ? minutes : DEFAULT_GRACE_MINUTES;
  return Math.max(0, value) * MINUTE_MS;
}

function listThreshold(threshold: number | undefined): number {
  return threshold !== undefined && Number.isFinite(threshold) ? Math.max(0, threshold) : DEFAULT_LARGE_LIST_THRESHOLD;
}
