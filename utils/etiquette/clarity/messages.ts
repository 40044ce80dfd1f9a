/**
 * The wording of each finding, in the browser's language (messages: clarity.* in utils/locales). The
 * rules read the draft in its own language; the person reads the finding in theirs, the phrase quoted as written.
 */
import { t } from '@/utils/i18n';
import type { RuleDetail } from './types';

/** A run of capitals, shortened to its first four words. */
function shoutedWords(words: string[]): string {
  return `${words.slice(0, 4).join(' ')}${words.length > 4 ? '…' : ''}`;
}

export function findingMessage(d: RuleDetail): string {
  switch (d.rule) {
    case 'urgent-no-deadline':
      return t('clarity.urgentNoDeadline', { phrase: d.phrase });
    case 'request-no-ask':
      return t('clarity.requestNoAsk', { phrase: d.phrase });
    case 'vague-opener':
      return t('clarity.vagueOpener');
    case 'shouting':
      return t('clarity.shouting', { words: shoutedWords(d.words) });
    case 'passive-aggressive':
      return t('clarity.passiveAggressive', { phrase: d.phrase });
    case 'long-no-summary':
      return t('clarity.longNoSummary', d.words);
    case 'night-split':
      return t('clarity.nightSplit', d.lines);
  }
}
