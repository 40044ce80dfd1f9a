/** The "schedule for later" proposal: only computed once a send is known to be after-hours. */
import { isWorkingTime, nextCommonWorkingTime, nextWorkingTime, type Hours } from '../hours';
import { groupByHours, type HoursGroup, type KnownRecipient } from './groups';
import type { Slot, SlotBasis } from './types';

const DAY_MS = 86_400_000;
/** Matches the engine's 28-day horizon for common working time: one candidate search per day. */
const MOST_SEARCH_DAYS = 28;

export interface SlotContext {
  /** Null when the sender's zone is unusable: no sender-based proposal then. */
  sender: Hours | null;
  senderZone: string;
  known: KnownRecipient[];
  now: number;
  /** No known recipient is outside: the send is after-hours only because of the sender. */
  onlySenderOutside: boolean;
  summarised: boolean;
  /** The sender's public holidays (local dates): a scheduled send does not land on one either. */
  senderHolidays?: readonly string[];
}

interface Proposal {
  at: number;
  basis: SlotBasis;
}

export function proposeSlot(ctx: SlotContext): Slot | null {
  const groups = groupByHours(ctx.known);
  const proposal = recipientProposal(ctx, groups) ?? senderProposal(ctx);
  return proposal ? buildSlot(proposal, ctx, groups) : null;
}

function recipientProposal(ctx: SlotContext, groups: HoursGroup[]): Proposal | null {
  if (groups.length === 0) return null;
  // Recipients are (nearly) all in hours right now, so "their common time" would be now or
  // minutes away, which is useless: wait until the sender works too.
  if (ctx.onlySenderOutside) return withSenderProposal(ctx, groups);
  const calendar = senderCalendar(ctx);
  const common = nextCommonWorkingTime([...groups.map((g) => g.hours), ...(calendar ? [calendar] : [])], new Date(ctx.now));
  if (common === null) return mostProposal(groups, ctx.now, calendar);
  return common.getTime() > ctx.now ? { at: common.getTime(), basis: 'common' } : null;
}

function withSenderProposal(ctx: SlotContext, groups: HoursGroup[]): Proposal | null {
  if (!ctx.sender) return null;
  const everyone = [ctx.sender, ...groups.map((g) => g.hours)];
  const common = nextCommonWorkingTime(everyone, new Date(ctx.now));
  return common && common.getTime() > ctx.now ? { at: common.getTime(), basis: 'common' } : null;
}

const ALL_DAY: Array<[string, string]> = [['00:00', '00:00']];
const EVERY_DAY = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };

/**
 * The sender's public holidays as a schedule that is open all day but on those dates: with recipients'
 * hours it keeps a slot off them (the sender's own hours do not bound a slot for recipients).
 */
function senderCalendar(ctx: SlotContext): Hours | null {
  if (!ctx.sender || !ctx.senderHolidays?.length) return null;
  return { timeZone: ctx.sender.timeZone, weekly: EVERY_DAY, daysOff: [...ctx.senderHolidays] };
}

function senderProposal(ctx: SlotContext): Proposal | null {
  if (!ctx.sender) return null;
  const start = nextWorkingTime(ctx.sender, new Date(ctx.now));
  return start && start.getTime() > ctx.now ? { at: start.getTime(), basis: 'sender' } : null;
}

/** No time suits everyone: the earliest of the times that reach the most recipients. */
function mostProposal(groups: HoursGroup[], now: number, calendar: Hours | null): Proposal | null {
  let best: Proposal | null = null;
  let bestReach = 0;
  for (const at of candidateTimes(groups, now)) {
    if (calendar && !isWorkingTime(calendar, new Date(at))) continue;
    const reach = countWorking(groups, at);
    if (reach > bestReach) {
      best = { at, basis: 'most' };
      bestReach = reach;
    }
  }
  return best;
}

/** Each schedule's next working time from now and from each of the following days, ascending. */
function candidateTimes(groups: HoursGroup[], now: number): number[] {
  const times = new Set<number>();
  for (const { hours } of groups) {
    for (let day = 0; day < MOST_SEARCH_DAYS; day++) {
      const next = nextWorkingTime(hours, new Date(now + day * DAY_MS));
      if (next && next.getTime() > now) times.add(next.getTime());
    }
  }
  return [...times].sort((a, b) => a - b);
}

function countWorking(groups: HoursGroup[], at: number): number {
  const instant = new Date(at);
  let count = 0;
  for (const group of groups) {
    if (isWorkingTime(group.hours, instant)) count += group.members.length;
  }
  return count;
}

function buildSlot(proposal: Proposal, ctx: SlotContext, groups: HoursGroup[]): Slot {
  const { at } = proposal;
  return {
    at,
    basis: proposal.basis,
    reaches: countWorking(groups, at),
    of: ctx.known.length,
    forSender: { at, timeZone: ctx.senderZone },
    // Summarised lists never expose names.
    forRecipients: ctx.summarised
      ? []
      : ctx.known.map((r) => ({ key: r.key, name: r.name, local: { at, timeZone: r.hours.timeZone } })),
  };
}
