/** Shapes of the clarity check: local rules over the draft text, no network, no model. */

export const RULE_IDS = [
  'urgent-no-deadline',
  'request-no-ask',
  'vague-opener',
  'shouting',
  'passive-aggressive',
  'long-no-summary',
  'night-split',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type ClarityChannel = 'email' | 'chat';

export interface ClarityContext {
  channel: ClarityChannel;
  /** Sent outside working hours (the guard's verdict): only `night-split` uses it. */
  atNight: boolean;
  /** Email subject: a topic there means the opener is not vague; a deadline there counts. */
  subject?: string;
}

export interface Finding {
  rule: RuleId;
  /** One sentence for the user, in the browser's language (the phrase quoted as written). */
  message: string;
  /** A built-in template that fixes it, where one exists. */
  fix?: { templateId: string };
}

/** What each rule found, before it is worded: the wording is in ./messages.ts, in the browser's language. */
export type RuleDetail =
  | { rule: 'urgent-no-deadline'; phrase: string }
  | { rule: 'request-no-ask'; phrase: string }
  | { rule: 'vague-opener' }
  | { rule: 'shouting'; words: string[] }
  | { rule: 'passive-aggressive'; phrase: string }
  | { rule: 'long-no-summary'; words: number }
  | { rule: 'night-split'; lines: number };

/**
 * Everything language-specific. Patterns are matched against the prepared text (quotes, code
 * and links removed), case-insensitively unless noted. A pack that leaves a list empty simply
 * never fires the rules that need it.
 */
export interface LanguagePack {
  /** BCP 47 tag. */
  id: string;
  /** Any of these means a deadline or timeframe is stated. */
  deadlines: RegExp[];
  urgency: {
    /** Words and phrases that signal urgency. */
    triggers: RegExp;
    /** Within a few words before a trigger, these negate it ("not urgent", "no need to ... ASAP"). */
    negations: RegExp;
    /** Just after a trigger, these mean it is a label, not a request ("urgent tag", "urgent-care"). */
    notUrgency: RegExp;
    /** Triggers that also narrate past events; they need `requestCue` in the same sentence. */
    narrative: RegExp;
    /** A sentence that asks for something. */
    requestCue: RegExp;
    /** A live incident: the deadline is plainly "now". */
    incident: RegExp;
  };
  request: {
    /** "can you", "please", "need you to" ... followed closely by an open-ended action. */
    marker: RegExp;
    /** "take a look", "review", "check", "feedback" ... (anchored at the start of the rest of the clause). */
    openAction: RegExp;
    /** Whole-sentence asks that are open-ended by themselves: "Thoughts?", "Let me know what you think." */
    standalone: RegExp[];
    /** After the action, these make it specific: "whether", "and tell me", "for typos", a PR. */
    specific: RegExp;
  };
  opener: {
    /** Words that open a conversation: greetings, "ping", "minute", "talk"... (at least one must appear). */
    cues: RegExp;
    /** Words that carry no topic; anything else left over is a topic. */
    filler: ReadonlySet<string>;
    /** Greeting words (stretched ones like "hiii" are shortened first), after which a capitalised word is a name. */
    greetings: ReadonlySet<string>;
  };
  shouting: {
    /** Upper-case words that are acronyms and never count as shouting. */
    acronyms: ReadonlySet<string>;
  };
  /** Passive-aggressive phrases; `unlessGroup` skips the phrase when the message addresses a group. */
  passiveAggressive: Array<{ pattern: RegExp; unlessGroup?: boolean }>;
  /** Addressing a group: "all", "everyone", "team". */
  group: RegExp;
  summary: {
    /** TL;DR, BLUF, "in short"... */
    markers: RegExp;
    /** An explicit ask in the opening sentences. */
    asks: RegExp;
  };
  /** A line that is a greeting ("Hi Priya,") and a line that starts a sign-off ("Best,"). */
  greetingLine: RegExp;
  signOffLine: RegExp;
  /** A line that starts a quoted reply ("On Tue, Priya wrote:"). */
  replyHeader: RegExp;
}
