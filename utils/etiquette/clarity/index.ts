/**
 * Clarity check: local rules over a draft (no network, no model) that flag what makes async
 * messages misread, each with an optional template that fixes it. English first; rules are
 * written once and read their phrase lists from a language pack (./lang/).
 */
import { CLARITY_LANGUAGES, DEFAULT_CLARITY_LANGUAGE, clarityLanguagePack, type ClarityLanguage } from './languages';
import { findingMessage } from './messages';
import { prepareText } from './prepare';
import { RULES, makeInput } from './rules';
import { RULE_IDS, type ClarityContext, type Finding, type RuleId } from './types';

export interface ClarityOptions {
  /** Rule ids the user turned off; unknown ids are ignored. */
  disabledRules?: readonly string[];
  /** Default 'en'. A language without a pack gives no findings rather than English guesses. */
  language?: ClarityLanguage;
}

/** The built-in template that fixes each rule, where one does. */
export const RULE_FIXES: Readonly<Partial<Record<RuleId, string>>> = {
  'urgent-no-deadline': 'decision-needed',
  'request-no-ask': 'context-ask-deadline',
  'vague-opener': 'context-ask-deadline',
  'long-no-summary': 'bluf',
  'night-split': 'no-rush',
};

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/** Findings in RULE_IDS order, at most one per rule. Pure and synchronous. */
export function checkClarity(text: string, context: ClarityContext, options: ClarityOptions = {}): Finding[] {
  const pack = clarityLanguagePack(options.language ?? DEFAULT_CLARITY_LANGUAGE);
  if (!pack || typeof text !== 'string' || text.trim() === '') return [];
  const disabled = new Set(options.disabledRules ?? []);
  const input = makeInput(prepareText(text, pack), context, pack);
  const findings: Finding[] = [];
  for (const id of RULE_IDS) {
    if (disabled.has(id)) continue;
    const detail = RULES[id](input);
    if (!detail) continue;
    const templateId = RULE_FIXES[id];
    findings.push({ rule: id, message: findingMessage(detail), ...(templateId ? { fix: { templateId } } : {}) });
  }
  return findings;
}

export { CLARITY_LANGUAGES, DEFAULT_CLARITY_LANGUAGE, RULE_IDS, type ClarityLanguage };
export type { ClarityChannel, ClarityContext, Finding, LanguagePack, RuleDetail, RuleId } from './types';
