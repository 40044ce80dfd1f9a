/**
 * The one line a sender may put at the start of a message they send now, after hours (issue 21):
 * "Urgent (incident): sent outside your hours, no need to reply until Tue 09:00 your time."
 *
 * It is written for the recipients, so it is in the message's language (English or German, guessed
 * from the draft's words; the UI language when the draft does not tell), not in the sender's UI
 * language. Its wording is data below, filled through the template syntax (`{reason}`,
 * `{their_next_start}`). Pure: plain text out, never HTML; nothing here is stored.
 */
import { weekdayTime, dateTime } from '../i18n/dates';
import type { SendNowReason } from '../store/schema';
import { parseTemplate } from './templates/syntax';
import type { AfterHoursVerdict } from './types';

export const LABEL_LANGUAGES = ['en', 'de'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

/** Own words are one line and short: the label stays a label. */
export const OWN_WORDS_MAX = 80;
const WEEKDAY_ONLY_MS = 6 * 86_400_000;

interface LabelWording {
  /** The locale times are written in (24-hour, weekday first). */
  locale: string;
  reasons: Record<Exclude<SendNowReason, 'own-words'>, string>;
  /** Each body: with a reason or without one, with a time for them or without one. */
  withReason: { time: string; noTime: string };
  withoutReason: { time: string; noTime: string };
}

const WORDING: Record<LabelLanguage, LabelWording> = {
  en: {
    locale: 'en-GB',
    reasons: { incident: 'incident', asked: 'as you asked', customer: 'customer waiting' },
    withReason: {
      time: 'Urgent ({reason}): sent outside your hours, no need to reply until {their_next_start} your time.',
      noTime: 'Urgent ({reason}): sent outside your hours, no need to reply before your working hours.',
    },
    withoutReason: {
      time: 'Urgent: sent outside your hours, no need to reply until {their_next_start} your time.',
      noTime: 'Urgent: sent outside your hours, no need to reply before your working hours.',
    },
  },
  de: {
    locale: 'de-DE',
    reasons: { incident: 'Störung', asked: 'wie gewünscht', customer: 'Kunde wartet' },
    withReason: {
      time: 'Dringend ({reason}): außerhalb Ihrer Arbeitszeit gesendet, eine Antwort hat Zeit bis {their_next_start} Ihrer Zeit.',
      noTime: 'Dringend ({reason}): außerhalb Ihrer Arbeitszeit gesendet, eine Antwort hat Zeit bis zu Ihrer Arbeitszeit.',
    },
    withoutReason: {
      time: 'Dringend: außerhalb Ihrer Arbeitszeit gesendet, eine Antwort hat Zeit bis {their_next_start} Ihrer Zeit.',
      noTime: 'Dringend: außerhalb Ihrer Arbeitszeit gesendet, eine Antwort hat Zeit bis zu Ihrer Arbeitszeit.',
    },
  },
};

/** Short, frequent words of each language: enough to tell an English draft from a German one. */
const COMMON_WORDS: Record<LabelLanguage, ReadonlySet<string>> = {
  en: new Set(
    'the and is are to of you we i it this that please for with on not can be have hi hello thanks will your our there what when'.split(' '),
  ),
  de: new Set(
    'der die das und ist sind zu ich wir sie du bitte für mit nicht auf ein eine es danke hallo können kannst wird den dem noch auch ihr ihre wenn was'.split(
      ' ',
    ),
  ),
};

/** The draft's language by its common words; `fallback` when it has none of either or as many of each. */
export function messageLanguageOf(text: string, fallback: LabelLanguage): LabelLanguage {
  const counts: Record<LabelLanguage, number> = { en: 0, de: 0 };
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    for (const language of LABEL_LANGUAGES) if (COMMON_WORDS[language].has(word)) counts[language] += 1;
  }
  if (counts.de === counts.en) return fallback;
  return counts.de > counts.en ? 'de' : 'en';
}

/** A UI language as a label language: German stays German, anything else is English. */
export function labelLanguageFor(uiLanguage: string): LabelLanguage {
  return uiLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** One line, trimmed, at most OWN_WORDS_MAX characters; empty when nothing is left. */
export function ownWordsLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, OWN_WORDS_MAX).trim();
}

/**
 * When they need not reply before: the outside recipients' next working start when they all share it
 * (one zone, one instant), else null (the label then says "before your working hours").
 */
export function theirNextStart(verdict: AfterHoursVerdict): { at: number; timeZone: string } | null {
  const starts = verdict.outside.map((p) => p.nextStart);
  const first = starts[0];
  if (!first || verdict.summarised) return null;
  return starts.every((s) => s && s.at === first.at && s.timeZone === first.timeZone) ? first : null;
}

export interface UrgentLabelInput {
  verdict: AfterHoursVerdict;
  language: LabelLanguage;
  /** Null: sent without a reason. */
  reason: SendNowReason | null;
  /** The sender's own words, for the 'own-words' reason (used in the label only, never kept). */
  ownWords?: string;
  now: number;
}

function fill(body: string, values: Record<string, string>): string {
  return parseTemplate(body)
    .tokens.map((token) => (token.kind === 'text' ? token.text : (values[token.name] ?? '')))
    .join('');
}

/** The label line, without a line break. */
export function urgentLabel({ verdict, language, reason, ownWords = '', now }: UrgentLabelInput): string {
  const wording = WORDING[language];
  const words = reason === 'own-words' ? ownWordsLine(ownWords) : reason ? wording.reasons[reason] : '';
  const start = theirNextStart(verdict);
  const bodies = words ? wording.withReason : wording.withoutReason;
  if (!start) return fill(bodies.noTime, { reason: words });
  const format = start.at - now < WEEKDAY_ONLY_MS ? weekdayTime : dateTime;
  return fill(bodies.time, { reason: words, their_next_start: format(start.at, start.timeZone, wording.locale) });
}
