/**
 * The seam between the shared content-side flow (utils/guard) and one site's DOM (utils/sites/<site>).
 * Every method is a function of the DOM it is given; a miss returns null/false/[] and never throws,
 * so the guard can fail open.
 */
import type { Site } from '@/utils/store/schema';

/** Someone a send would reach, as the page shows them. */
export interface RecipientRef {
  email?: string;
  slackId?: string;
  name?: string;
}

/** Where in-page UI goes for one composer. */
export interface Placement {
  element: Element;
  where: 'before' | 'after' | 'append';
}

/** A zone read from what the page shows about a person. */
export interface LearnedZone {
  key: string;
  name: string;
  timeZone: string;
}

export type ScheduleOutcome =
  /** `at`: the instant the site took when it differs from the one asked (a list in 30-minute steps). */
  | { ok: true; at?: number }
  /** `step` names what was missing, for people (siteSteps.*); the site's own picker may be left open for the user. */
  | { ok: false; step: string };

export interface SiteAdapter {
  site: Site;
  /**
   * DOM events (captured on window) that may be a send gesture. When `mousedown` is listed, `mouseup`
   * and `click` are the rest of its gesture (Docs acts on mouseup after mousedown); when `keydown` is
   * listed, so is `keyup`. Those are never judged alone: they are swallowed when the gesture's first
   * event was held, and otherwise pass.
   */
  sendEvents: ReadonlyArray<'click' | 'keydown' | 'keyup' | 'mousedown' | 'mouseup'>;
  /**
   * The send reaches only the recipients the adapter reads (a Docs comment notifies only the people
   * it mentions): with none but the user, nothing is judged, even outside the user's own hours.
   */
  reachesOnlyRecipients?: boolean;
  /** Shown in the hold dialog when Schedule keeps the text in the extension (no `scheduleNative`); read when shown, in the browser's language. */
  holdForLaterNote?(): string;
  /** Sets up per-composer listeners (caret tracking); everything is released when `signal` aborts. */
  bind?(composer: HTMLElement, signal: AbortSignal): void;
  /** Composer roots in `root`; never search boxes or edit-in-place boxes. */
  findComposers(root: ParentNode): HTMLElement[];
  /** The composer that contains `node`, or null. */
  composerOf(node: Node): HTMLElement | null;
  /** The composer a send gesture is aimed at, or null when the event is not a send. */
  sendTarget(event: Event): HTMLElement | null;
  /** Recipients at this moment (read on send, not at load). */
  readRecipients(composer: HTMLElement): RecipientRef[];
  /** The user's own addresses or ids as the page shows them (self-sends are never questioned). */
  selfIds(doc: Document): string[];
  /** The editable body, for focus and text insertion. */
  body(composer: HTMLElement): HTMLElement | null;
  /** Presses the site's own Send once more; false when the button is gone. */
  resend(composer: HTMLElement): boolean;
  /** Inserts plain text at the caret in a way the site keeps (draft saved). */
  insertText(composer: HTMLElement, text: string): boolean;
  /** Inserts plain text at the very start of the message (Send now's line for the recipients); absent: not offered. */
  insertAtStart?(composer: HTMLElement, text: string): boolean;
  /** The site scheduler's step (Gmail: 15 minutes): the suggested slot is rounded up to it. */
  scheduleStepMinutes?: number;
  /** Drives the site's own scheduler to `at`; absent where the site has none. */
  scheduleNative?(composer: HTMLElement, at: Date, signal: AbortSignal): Promise<ScheduleOutcome>;
  /** Page-wide observation (Slack: zones learned from profile panes), released when `signal` aborts. */
  watchPage?(doc: Document, signal: AbortSignal, report: (learned: LearnedZone) => void): void;
  /** The composer's own Send control, for site health (issue 16): null when none is recognised. */
  sendControl?(composer: HTMLElement): Element | null;
  /** Whether a send from this composer always has recipients to read (Gmail; a Slack DM), for site health. */
  expectsRecipients?(composer: HTMLElement): boolean;
  /** Where the template button and the nudge note go. */
  toolbarPlacement(composer: HTMLElement): Placement | null;
  notePlacement(composer: HTMLElement): Placement | null;
}
