/**
 * Values of the template variables for one insertion. Pure: the time comes in with the context.
 * Times are always written with their zone ("23:40 in Asia/Kolkata"), never "your time"/"my time",
 * because the text is written by the sender and read by the recipients. Words and date formats follow
 * the UI language (the sender writes in it): "Di. 09:00 Uhr in Asia/Kolkata", "Priya und Ana".
 */
import { DateTime } from 'luxon';
import { isValidTimeZone, nextWorkingTime, workingTest, type Hours } from '../../hours';
import { t } from '../../i18n';
import { clockTime, dateTime, weekdayTime } from '../../i18n/dates';
import { formatZoneLabel, shortName } from '../format';
import { TEMPLATE_VARIABLE_INFO, type TemplateVariable } from './variables';

export interface TemplateRecipient {
  /** Display name ("Priya Raman", "Raman, Priya") or an address. */
  name: string;
  /** The recipient's hours; undefined when their zone is unknown. */
  hours?: Hours;
}

export interface TemplateContext {
  now: Date;
  me: Hours;
  recipients: TemplateRecipient[];
  /** Picked in the template picker; only `{deadline}` uses it. */
  deadline?: Date;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Scan step when looking for the end of a working period that is under way. */
const PERIOD_STEP_MS = 5 * MINUTE_MS;
/** Nobody works more than this without a break; beyond it there is no "next start" to give. */
const PERIOD_LIMIT_MS = 8 * DAY_MS;
/** Times within this of now are written with the weekday only ("Tue 09:00"), later ones with the date. */
const WEEKDAY_ONLY_MS = 6 * DAY_MS;
/** More names than this become "A, B, C and 4 others". */
const MOST_NAMES = 4;
/** More time zones than this become "...; and 3 more time zones". */
const MOST_ZONES = 4;

/** "Priya", "Priya and Ana", "Priya, Ana and Bob", "Priya, Ana, Bob and 4 others" (German: "… und 4 weitere"). */
export function listNames(names: readonly string[]): string {
  const separator = t('templates.values.listSeparator');
  if (names.length > MOST_NAMES) {
    const others = names.length - 3;
    return t('templates.values.andOthers', others, { names: names.slice(0, 3).join(separator) });
  }
  if (names.length <= 1) return names[0] ?? '';
  return t('templates.values.and', { first: names.slice(0, -1).join(separator), last: names[names.length - 1] ?? '' });
}

function firstName(name: string): string | null {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return trimmed ? shortName(trimmed) : null;
}

interface Known {
  name: string;
  hours: Hours;
}

function knownRecipients(ctx: TemplateContext): Known[] {
  const known: Known[] = [];
  for (const r of ctx.recipients) {
    if (!r.hours || !isValidTimeZone(r.hours.timeZone)) continue;
    known.push({ name: firstName(r.name) ?? TEMPLATE_VARIABLE_INFO.recipient_names.placeholder, hours: r.hours });
  }
  return known;
}

/** For comparing dates only; everything shown goes through utils/i18n/dates. */
function local(at: number, zone: string): DateTime {
  return DateTime.fromMillis(at, { zone });
}

/** Weekday and time within the next six days, with the date beyond. */
function wallNear(at: number, zone: string, now: number): string {
  return at - now < WEEKDAY_ONLY_MS ? weekdayTime(at, zone) : dateTime(at, zone);
}

/** "23:40 in Asia/Kolkata". */
function inZone(time: string, zone: string): string {
  return t('templates.values.inZone', { time, zone: formatZoneLabel(zone) });
}

/**
 * Start of the next working period: the next working instant when not working now, otherwise the
 * start of the period after the one under way (found by stepping 5 minutes, so a break shorter than
 * that is not noticed). Null when none, or when the schedule cannot be read.
 */
export function nextPeriodStart(hours: Hours, now: number): number | null {
  try {
    let t = now;
    const working = workingTest(hours);
    if (working(t)) {
      const until = now + PERIOD_LIMIT_MS;
      do {
        t += PERIOD_STEP_MS;
        if (t > until) return null;
      } while (working(t));
    }
    const next = nextWorkingTime(hours, new Date(t));
    return next ? next.getTime() : null;
  } catch {
    return null;
  }
}

interface Group {
  zone: string;
  names: string[];
  text: string;
}

/** People with equal text in the same zone are one group, in first-seen order. */
function groupBy(entries: Array<{ zone: string; name: string; text: string }>): Group[] {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const key = `${e.zone}\u0000${e.text}`;
    const group = groups.get(key);
    if (group) group.names.push(e.name);
    else groups.set(key, { zone: e.zone, names: [e.name], text: e.text });
  }
  return [...groups.values()];
}

/** One group: "23:40 in Asia/Kolkata"; several: "23:40 for Priya in Asia/Kolkata; 19:10 for Ana in Europe/London". */
function describeGroups(groups: Group[], alwaysName: boolean): string {
  const named = alwaysName || groups.length > 1;
  const parts = groups
    .slice(0, MOST_ZONES)
    .map((g) =>
      named
        ? t('templates.values.forNamesInZone', { time: g.text, names: listNames(g.names), zone: formatZoneLabel(g.zone) })
        : inZone(g.text, g.zone),
    );
  const more = groups.length - MOST_ZONES;
  if (more > 0) parts.push(t('templates.values.moreZones', more));
  return parts.join('; ');
}

type Values = { [K in TemplateVariable]: () => string | null };

/** Lazy: only the variables a body uses are computed. Null means "unknown": the caller shows the placeholder. */
export function templateValues(ctx: TemplateContext): Values {
  const now = ctx.now.getTime();
  const timeKnown = Number.isFinite(now);
  const myZone = isValidTimeZone(ctx.me.timeZone) ? ctx.me.timeZone : null;
  const known = (): Known[] => knownRecipients(ctx);

  return {
    recipient_names: () => {
      const names = ctx.recipients.map((r) => firstName(r.name)).filter((n): n is string => n !== null);
      return names.length ? listNames(names) : null;
    },
    their_time: () => {
      const people = known();
      if (!timeKnown || people.length === 0) return null;
      const myDate = myZone ? local(now, myZone).toISODate() : null;
      const entries = people.map(({ name, hours }) => {
        const zone = hours.timeZone;
        // The weekday only when their date is not the sender's: "Wed 04:10" against "Tue 23:10".
        const text = local(now, zone).toISODate() === myDate ? clockTime(now, zone) : weekdayTime(now, zone);
        return { zone, name, text };
      });
      return describeGroups(groupBy(entries), false);
    },
    their_next_start: () => {
      if (!timeKnown) return null;
      const entries = known().flatMap(({ name, hours }) => {
        const at = nextPeriodStart(hours, now);
        return at === null ? [] : [{ zone: hours.timeZone, name, text: wallNear(at, hours.timeZone, now) }];
      });
      return entries.length ? describeGroups(groupBy(entries), false) : null;
    },
    my_time: () => (timeKnown && myZone ? inZone(clockTime(now, myZone), myZone) : null),
    my_next_start: () => {
      if (!timeKnown || !myZone) return null;
      const at = nextPeriodStart(ctx.me, now);
      return at === null ? null : inZone(wallNear(at, myZone, now), myZone);
    },
    my_zone: () => (myZone ? formatZoneLabel(myZone) : null),
    deadline: () => {
      const at = ctx.deadline?.getTime();
      if (at === undefined || !Number.isFinite(at)) return null;
      // An unusable sender zone still gives a correct instant, in UTC.
      const zone = myZone ?? 'UTC';
      const main = inZone(dateTime(at, zone), zone);
      const others = known()
        .filter((p) => p.hours.timeZone !== zone)
        .map(({ name, hours }) => ({ zone: hours.timeZone, name, text: dateTime(at, hours.timeZone) }));
      return others.length ? `${main} (${describeGroups(groupBy(others), true)})` : main;
    },
  };
}
