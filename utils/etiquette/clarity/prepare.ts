/** The draft as the rules see it: the writer's own words, without quotes, code and links. */

/** Longer drafts are checked on their first part only: the rules run on every pause in typing. */
export const MAX_CHECKED_CHARS = 20_000;

export interface PreparedText {
  /** Own words: no quoted lines or replies, no code, no links; newlines kept. */
  prose: string;
  /** Prose without the greeting line and the sign-off (emails and chats alike). */
  body: string;
  /** Non-empty trimmed lines of `prose` (code blocks removed entirely). */
  lines: string[];
  /** Sentences of `body`, in order. */
  sentences: string[];
  /** Words in `body`. */
  wordCount: number;
}

export interface PrepareRules {
  greetingLine: RegExp;
  signOffLine: RegExp;
  replyHeader: RegExp;
}

const FENCED_CODE = /```[\s\S]*?(?:```|$)/g;
const INLINE_CODE = /`[^`\n]*`/g;
/** A link, without the punctuation that ends the sentence it is in. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,!?;:'"]/gi;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
/** Quoted speech inside a line: "…", “…”, „…“. Short spans only, so a stray quote mark cannot hide a paragraph. */
const QUOTED_SPEECH = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|„[^“\n]{1,200}“/g;
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|vs|etc|e\.g|i\.e|approx|No)\.$/i;

function stripQuotedReply(text: string, replyHeader: RegExp): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (replyHeader.test(line.trim())) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

/** A line at least this long that ends without punctuation was probably wrapped, not ended. */
const WRAPPED_LINE = 60;

/** Paragraphs, then lines (a hard-wrapped line continues), then sentence punctuation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const units: string[] = [];
    for (const line of paragraph.split('\n')) {
      const last = units[units.length - 1];
      if (last !== undefined && last.length >= WRAPPED_LINE && !/[.!?:;…]$/.test(last)) units[units.length - 1] = `${last} ${line}`;
      else units.push(line);
    }
    for (const unit of units) {
      let current = '';
      for (const piece of unit.split(/(?<=[.!?…])\s+/)) {
        current = current ? `${current} ${piece}` : piece;
        if (ABBREVIATION.test(current)) continue;
        if (current.trim()) sentences.push(current.trim());
        current = '';
      }
      if (current.trim()) sentences.push(current.trim());
    }
  }
  return sentences;
}

/** Drops a greeting line at the top and a sign-off near the end; blank lines are kept (they separate paragraphs). */
function withoutGreetingAndSignOff(lines: string[], rules: PrepareRules): string[] {
  const filled = lines.flatMap((line, i) => (line === '' ? [] : [i]));
  const first = filled[0];
  if (first === undefined) return [];
  let start = first;
  let end = (filled[filled.length - 1] ?? first) + 1;
  if (filled.length > 1 && rules.greetingLine.test(lines[first] ?? '')) start = filled[1] ?? end;
  // A sign-off is near the end: look at the last five non-empty lines only.
  for (const i of filled.slice(-5)) {
    if (i > start && rules.signOffLine.test(lines[i] ?? '')) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end);
}

export function prepareText(raw: string, rules: PrepareRules): PreparedText {
  const text = raw.slice(0, MAX_CHECKED_CHARS).replace(/\r\n?/g, '\n');
  const own = stripQuotedReply(text.replace(FENCED_CODE, '\n'), rules.replyHeader);
  const prose = own.replace(INLINE_CODE, ' ').replace(URL, ' ').replace(EMAIL, ' ').replace(QUOTED_SPEECH, ' ');
  const trimmed = prose.split('\n').map((l) => l.trim());
  const lines = trimmed.filter((l) => l !== '');
  const body = withoutGreetingAndSignOff(trimmed, rules).join('\n').trim();
  const wordCount = body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { prose, body, lines, sentences: splitSentences(body), wordCount };
}
