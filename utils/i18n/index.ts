/**
 * All user-facing text goes through `t` (the typed `@wxt-dev/i18n` wrapper over `browser.i18n`).
 * Messages live in utils/locales/<lang>.yml; English is the key set and the fallback.
 * The language follows the browser's UI language and cannot be switched in the extension.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

export const t = i18n.t;

/** The language the messages are in ('en', 'de'): the browser falls back to English for others. */
export function messageLanguage(): string {
  return safe(() => i18n.t('meta.language')) || 'en';
}

/**
 * The locale dates and times are formatted in: the browser's own (e.g. en-US, de-AT) when it is in the
 * language of the text, else the text's language, so a French browser reading English text never gets
 * "Schedule for mar. 09:00".
 */
export function formatLocale(): string {
  const language = messageLanguage();
  const ui = safe(() => browser.i18n.getUILanguage()).replace('_', '-');
  return ui.split('-')[0]?.toLowerCase() === language && isSupportedLocale(ui) ? ui : language;
}

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/** Text must never be the reason a page breaks: a context without i18n (a torn-down one) reads as ''. */
function safe(read: () => string): string {
  try {
    return read() ?? '';
  } catch {
    return '';
  }
}
