/**
 * The rules, written once and parameterised by a language pack. Each returns what it found, or
 * null; wording and the fix are added by checkClarity. Precision first: when unsure, stay quiet.
 */
import type { PreparedText } from './prepare';
import type { ClarityContext, LanguagePack, RuleDetail, RuleId } from './types';

export interface RuleInput {
  text: PreparedText;
  context: ClarityContext;
  pack: LanguagePack;
  /** Prose plus the subject: where deadlines and topics may be stated. */
  hasDeadline: () => boolean;
}

type Rule = (input: RuleInput) => RuleDetail | null;

function statesDeadline(pack: LanguagePack, ...texts: string[]): boolean {
  return texts.some((t) => pack.deadlines.some((re) => re.test(t)));
}

export function makeInput(text: PreparedText, context: ClarityContext, pack: LanguagePack): RuleInput {
  let memo: boolean | undefined;
  return {
    text,
    context,
    pack,
    hasDeadline: () => (memo ??= statesDeadline(pack, text.prose, context.subject ?? '')),
  };
}

/** The few words before index `at` in `sentence`. */
function wordsBefore(sentence: string, at: number, count: number): string {
  return sentence.slice(0, at).trimEnd().split(/\s+/).slice(-count).join(' ');
}

const urgentNoDeadline: Rule = ({ text, pack, hasDeadline }) => {
  const { urgency } = pack;
  if (urgency.incident.test(text.prose)) return null;
  let phrase: string | null = null;
  for (const sentence of text.sentences.length ? text.sentences : [text.prose]) {
    for (const match of sentence.matchAll(new RegExp(urgency.triggers.source, 'gi'))) {
      const at = match.index;
      const after = sentence.slice(at + match[0].length);
      if (urgency.negations.test(wordsBefore(sentence, at, 4)) || urgency.notUrgency.test(after)) continue;
      if (urgency.narrative.test(match[0]) && !urgency.requestCue.test(sentence)) continue;
      // "Is this urgent?" asks about urgency rather than claiming it.
      if (/\?\s*$/.test(sentence) && /^(?:is|are|was|how|does|do)\b/i.test(sentence)) continue;
      phrase ??= match[0];
    }
  }
  if (phrase === null || hasDeadline()) return null;
  return { rule: 'urgent-no-deadline', phrase };
};

const requestNoAsk: Rule = ({ text, pack, hasDeadline }) => {
  const { request } = pack;
  let phrase: string | null = null;
  for (const sentence of text.sentences) {
    if (request.standalone.some((re) => re.test(sentence))) {
      phrase ??= sentence.replace(/\s+/g, ' ').slice(0, 60);
      continue;
    }
    for (const marker of sentence.matchAll(new RegExp(request.marker.source, 'gi'))) {
      const rest = sentence.slice(marker.index + marker[0].length);
      const action = request.openAction.exec(rest);
      if (!action) continue;
      if (request.specific.test(rest)) continue;
      phrase ??= `${marker[0]}${action[0]}`.replace(/\s+/g, ' ').trim();
    }
  }
  if (phrase === null || hasDeadline()) return null;
  return { rule: 'request-no-ask', phrase };
};

/** Words left after the greeting and the name after it ("Hey Marco," → "Marco" dropped), and @mentions. */
function topicWords(text: string, pack: LanguagePack): string[] {
  const { greetings, filler } = pack.opener;
  const withoutMentions = text.replace(/@[\w.-]+/g, ' ');
  const tokens = withoutMentions.match(/[\p{L}][\p{L}'’]*/gu) ?? [];
  const kept: string[] = [];
  let afterGreeting = false;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/’/g, "'");
    if (greetings.has(lower)) {
      afterGreeting = true;
      continue;
    }
    // A capitalised word right after a greeting is a name: "Hi Priya", "Hey Lucía".
    if (afterGreeting && /^\p{Lu}/u.test(token)) {
      afterGreeting = false;
      continue;
    }
    afterGreeting = false;
    if (!filler.has(lower)) kept.push(lower);
  }
  return kept;
}

function unstretch(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, '$1');
}

const vagueOpener: Rule = ({ text, context, pack }) => {
  // Stretched words are the short ones: "hiii" is "hi", "heyyy" is "hey".
  const own = unstretch(text.lines.join('\n'));
  if (!pack.opener.cues.test(own)) return null;
  // Emails: the greeting and sign-off lines name people, not topics.
  const checked = context.channel === 'email' ? unstretch(text.body) || own : own;
  if (topicWords(checked, pack).length > 0) return null;
  if (context.subject && topicWords(context.subject, pack).length > 0) return null;
  return { rule: 'vague-opener' };
};

/**
 * Shouting: a run of all-caps words (acronyms and identifiers aside) holding 3+ words, at least two of
 * them 3+ letters long ("DO NOT DEPLOY", "HAVE TO STOP"), or a message mostly in capitals.
 */
const shouting: Rule = ({ text, pack }) => {
  const { acronyms } = pack.shouting;
  let run: string[] = [];
  let best: string[] = [];
  let capsLong = 0;
  let longWords = 0;
  const longIn = (words: string[]): number => words.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 3).length;
  const better = (candidate: string[]): boolean =>
    candidate.length >= 3 && longIn(candidate) >= 2 && longIn(candidate) > longIn(best);
  const endRun = (): void => {
    if (better(run)) best = run;
    run = [];
  };
  // The body: signature blocks ("JANE DOE / HEAD OF SALES") sit after the sign-off.
  for (const raw of (text.body || text.prose).split(/\s+/)) {
    const token = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!token) continue;
    // Identifiers and numbers (MAX_RETRIES, v2.3, P1, CI/CD) neither count nor break a run.
    if (/[\d_=/\\.#@:]/.test(token) || !/\p{L}/u.test(token)) continue;
    const letters = token.replace(/[^\p{L}]/gu, '');
    const upper = letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    if (letters.length >= 3) longWords++;
    if (!upper) {
      endRun();
      continue;
    }
    // "I", "A" and acronyms are neutral: "DO NOT MERGE THE PR" is still one run.
    if (letters.length < 2 || acronyms.has(token.toUpperCase()) || acronyms.has(letters)) continue;
    run.push(token);
    if (letters.length >= 3) capsLong++;
  }
  endRun();
  if (best.length) return { rule: 'shouting', words: best };
  // Mostly capitals: most of the longer words, and enough of them to be more than a label.
  if (capsLong >= 3 && capsLong / longWords >= 0.6) return { rule: 'shouting', words: [] };
  return null;
};

const passiveAggressive: Rule = ({ text, pack }) => {
  const toGroup = pack.group.test(text.prose);
  for (const { pattern, unlessGroup } of pack.passiveAggressive) {
    if (unlessGroup && toGroup) continue;
    const match = pattern.exec(text.prose);
    if (match) return { rule: 'passive-aggressive', phrase: match[0].replace(/\s+/g, ' ') };
  }
  return null;
};

/** Email bodies over this many words need a summary or the ask up front. */
export const LONG_EMAIL_WORDS = 200;

const longNoSummary: Rule = ({ text, context, pack }) => {
  if (context.channel !== 'email' || text.wordCount <= LONG_EMAIL_WORDS) return null;
  const opening = text.sentences.slice(0, 2).join(' ');
  if (pack.summary.markers.test(opening) || pack.summary.asks.test(opening)) return null;
  return { rule: 'long-no-summary', words: text.wordCount };
};

/** A chat sent at night as a stream of short fragments, one per line. */
export const NIGHT_SPLIT_LINES = 4;
const SHORT_LINE_CHARS = 50;
const LIST_ITEM = /^(?:[-*•–·]|\d+[.)]|[a-z][.)]|\[[ x]\])\s/i;

const nightSplit: Rule = ({ text, context }) => {
  if (context.channel !== 'chat' || !context.atNight) return null;
  const { lines } = text;
  const fragments = lines.filter((l) => l.length <= SHORT_LINE_CHARS && !LIST_ITEM.test(l));
  // A list with a heading, or a few long lines, is structure rather than a stream.
  if (fragments.length < NIGHT_SPLIT_LINES || fragments.length / lines.length < 0.75) return null;
  return { rule: 'night-split', lines: fragments.length };
};

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'urgent-no-deadline': urgentNoDeadline,
  'request-no-ask': requestNoAsk,
  'vague-opener': vagueOpener,
  shouting,
  'passive-aggressive': passiveAggressive,
  'long-no-summary': longNoSummary,
  'night-split': nightSplit,
};
