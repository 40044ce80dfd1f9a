/** The seams of the content-side flow: what the guard asks of the page UI, and what it reports. */
import type { AfterHoursVerdict } from '@/utils/etiquette/types';
import type { SiteHealthProblem } from '@/utils/store/site-health';
import type { SendNowReason } from '@/utils/store/schema';

export type { ClarityNote, HoldView } from '@/utils/etiquette/hold-view';

/** What the person chose on the way to Send now (issue 21). */
export interface SendNowChoice {
  reason?: SendNowReason;
  /** The line to put at the start of the message, as the dialog showed it; absent: none. */
  label?: string;
  /** Whether the line's box was ticked (remembered for next time); absent where it was not offered. */
  labelChecked?: boolean;
}

export interface HoldHandlers {
  /** Sends once; with a choice from the reason step, its reason is counted and its line put first. */
  sendNow(choice?: SendNowChoice): void;
  /** Send-now presses today, in the user's zone, as the worker counts them; null when it cannot say. */
  sentAnywayToday?(): Promise<number | null>;
  /** Hands the draft to the site's scheduler at the suggested slot, or at `at` (a choice or a picked time, epoch ms). */
  schedule(at?: number): void;
  keepEditing(): void;
  setZone(key: string, name: string, timeZone: string, holidays?: string): Promise<string | null>;
  /** Closes the dialog and inserts the template that fixes a clarity finding, at the caret. */
  applyFix?(templateId: string): void;
  /** The dialog could not be shown (its code failed to load or render): do what the user asked for. */
  failOpen?(): void;
}

export interface HoldDialogHandle {
  /** A fresh verdict for the open dialog (a zone was just set). */
  update(verdict: AfterHoursVerdict): void;
  /** Brings focus back into the open dialog (a second Send press). */
  focus(): void;
  close(): void;
}

export interface GuardUi {
  /** Opens the hold dialog for `composer`, describing `verdict`. */
  showHold(composer: HTMLElement, verdict: AfterHoursVerdict, handlers: HoldHandlers): HoldDialogHandle;
  /** Shows the passive note of nudge mode for `verdict`, or hides it (null). */
  showNote(composer: HTMLElement, verdict: AfterHoursVerdict | null, signal: AbortSignal): void;
  /** A short message near the composer ("Pick Tue 09:00 in Gmail's scheduler"). */
  showMessage(composer: HTMLElement, text: string): void;
  /** Per-composer controls (the template button). */
  bindComposer?(composer: HTMLElement, signal: AbortSignal): void;
  /** Inserts a template by id at the caret (a clarity finding's fix). */
  insertTemplate?(composer: HTMLElement, templateId: string): void;
  /**
   * Readies the dialog ahead of a Send, off the page (its code, formatters and style): for `verdict`,
   * this composer's verdict now when it is after hours, or for a stand-in.
   */
  prepare?(composer: HTMLElement, verdict: AfterHoursVerdict | null): void;
  /** Site health (issue 16): the once-per-page note saying what is not checked here and why. */
  showHealthNote?(composer: HTMLElement, problem: SiteHealthProblem): void;
}

export type GuardEvent = {
  verdict: 'sender-outside' | 'recipients-outside' | 'day-off';
  action: 'held' | 'nudged' | 'scheduled' | 'sent-anyway' | 'kept-editing' | 'failed-open';
  recipients: number;
  reason?: SendNowReason;
  farOutside?: number;
  /** A held send: recipients without a known zone (a count only). */
  unknownZones?: number;
};

export function eventVerdictKind(v: AfterHoursVerdict): GuardEvent['verdict'] {
  if (v.counts.outside > 0) return v.outside.some((p) => p.dayOff) ? 'day-off' : 'recipients-outside';
  return v.sender.dayOff ? 'day-off' : 'sender-outside';
}
