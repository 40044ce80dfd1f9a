/** Language packs for the clarity rules, keyed by language. Add a language: write lang/xx.ts, list it here. */
import { en } from './lang/en';
import type { LanguagePack } from './types';

export const CLARITY_LANGUAGES = { en } as const satisfies Record<string, LanguagePack>;

export type ClarityLanguage = keyof typeof CLARITY_LANGUAGES;

export const DEFAULT_CLARITY_LANGUAGE: ClarityLanguage = 'en';

export function clarityLanguagePack(language: string): LanguagePack | undefined {
  return Object.hasOwn(CLARITY_LANGUAGES, language) ? CLARITY_LANGUAGES[language as ClarityLanguage] : undefined;
}
