/**
 * What the hold dialog and the nudge note say about a verdict: pure text, in the browser's language.
 * The content scripts compute it in the lazily loaded page UI, never on the Send path itself.
 */
import { t } from '@/utils/i18n';
import { weekdayDayMonth } from '@/utils/i18n/dates';
import type { SendNowReason, SendNowReasonMode } from '../store/schema';
import { describeVerdict, scheduleButtonLabel, shortName } from './format';
import { SENDER_KEY } from './verdict';
import type { AfterHoursVerdict, HolidayOnTheWay } from './types';

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
  return {
    ...text,
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
export function noteText(v: AfterHoursVerdict): string {
  const text = describeVerdict(v);
  return [text.detail, text.slot ? t('page.hold.nextGoodTime', { slot: text.slot }) : null].filter(Boolean).join('. ');
}
