/** Shapes of the send verdict: what the page asks ("may I send this now?") and what it gets back. */
import type { Hours } from '../hours';

export type SiteMode = 'off' | 'nudge' | 'confirm';

/** An instant together with the zone it should be shown in: no time leaves this module without its zone. */
export interface ZonedTime {
  /** Epoch milliseconds. */
  at: number;
  /** IANA zone the wall clock is read in. */
  timeZone: string;
}

export interface VerdictRecipient {
  /** Stable id (email address or Slack id): used for de-duplication and snoozing. */
  key: string;
  /** Display name ("Priya Raman"), or the raw address when unknown. */
  name: string;
  /** The address or id is the user's own. */
  isSelf?: boolean;
  /** The contact's hours (own weekly, or the defaults in the contact's zone); undefined = zone unknown. */
  hours?: Hours;
  /** Their public holidays (already among `hours.daysOff`), to say why a slot moved. */
  holiday?: HolidayInfo;
}

/** A person's holiday region as the dialog names it, and its dates (contract §1 `holidays`). */
export interface HolidayInfo {
  place: string;
  dates: readonly string[];
}

/** A public holiday between now and the slot on which the person would otherwise work: why the slot is later. */
export interface HolidayOnTheWay {
  /** SENDER_KEY for the user. */
  key: string;
  name: string;
  /** Their local date, "YYYY-MM-DD". */
  date: string;
  timeZone: string;
  place: string;
}

export interface VerdictInput {
  me: Hours;
  /** The user's public holidays (already among `me.daysOff`). */
  meHoliday?: HolidayInfo;
  recipients: VerdictRecipient[];
  mode: SiteMode;
  now: Date;
  /** Default 30: someone whose working time starts within this many minutes counts as in hours. */
  graceMinutes?: number;
  /** Default 15: more recipients than this are summarised by counts, never listed by name. */
  largeListThreshold?: number;
  /** Recipients the user said not to ask about (already filtered by date by the caller). */
  snoozedKeys?: ReadonlySet<string>;
}

export interface PersonState {
  key: string;
  name: string;
  /** "Now", in the person's zone. */
  local: ZonedTime;
  /** Outside working hours after the grace window. */
  outside: boolean;
  /** Their local date is one of their days off (independent of `outside`). */
  dayOff: boolean;
  /** Start of their next working time when not working now; null when working now or none within a year. */
  nextStart: ZonedTime | null;
}

/** 'common': all known recipients work then; 'most': the most of them do; 'sender': the sender's next working start. */
export type SlotBasis = 'common' | 'most' | 'sender';

export interface SlotRecipientTime {
  key: string;
  name: string;
  local: ZonedTime;
}

export interface Slot {
  /** Epoch milliseconds, always strictly later than `now`. */
  at: number;
  basis: SlotBasis;
  /** How many known-zone recipients are working at `at`, out of `of`. */
  reaches: number;
  of: number;
  forSender: ZonedTime;
  /** Every known-zone recipient's wall clock at the slot; empty when the verdict is summarised. */
  forRecipients: SlotRecipientTime[];
}

export interface VerdictCounts {
  /** Known-zone recipients outside their hours. */
  outside: number;
  /** Recipients whose zone is known. */
  known: number;
  /** Recipients judged: without self addresses, snoozed ones and duplicates. */
  total: number;
  /** Known-zone recipients more than an hour outside their working time (./far-outside.ts; grace aside). */
  farOutside: number;
}

/** 'grace': someone is in hours only thanks to the grace window; 'self': every recipient is the user. */
export type FineReason = 'in-hours' | 'grace' | 'self';

export interface OffVerdict {
  kind: 'off';
}

export interface FineVerdict {
  kind: 'fine';
  reason: FineReason;
}

export interface AfterHoursVerdict {
  kind: 'after-hours';
  /** 'hold' (site mode confirm): stop the send and ask; 'nudge': let it go and show a notice. */
  action: 'hold' | 'nudge';
  sender: PersonState;
  /** Known-zone recipients outside their hours; empty when summarised. */
  outside: PersonState[];
  /** Recipients without a known zone (the UI offers to set one); empty when summarised. */
  unknown: VerdictRecipient[];
  counts: VerdictCounts;
  /** More recipients than the threshold: show counts, not names. */
  summarised: boolean;
  slot: Slot | null;
  /** Public holidays the slot steps over (the sender's, and each listed recipient's); absent when none. */
  holidays?: HolidayOnTheWay[];
  /**
   * Every known-zone recipient with their hours, in the order read (issue 20: the dialog's rows and its
   * "Pick a time" picker); empty when summarised, absent from verdicts made before it existed.
   */
  people?: KnownPerson[];
}

export interface KnownPerson {
  key: string;
  name: string;
  hours: Hours;
}

export type Verdict = OffVerdict | FineVerdict | AfterHoursVerdict;
