/**
 * All user-facing text goes through `t` (the typed `@wxt-dev/i18n` wrapper over `browser.i18n`).
 * Messages live in utils/locales/<lang>.yml; English is the key set and the fallback.
 * The language follows the browser's UI language and cannot be switched in the extension.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

/** A messages.json table, as the build writes _locales/<lang>/messages.json. */
export type MessageTable = Record<string, { message: string }>;

/** The packaged table, read when the browser handed this page an empty one (see ensureMessages). */
let packaged: MessageTable | null = null;

export const t = ((key: string, ...args: unknown[]) =>
  packaged ? translate(packaged, key, args) : (i18n.t as (key: string, ...args: unknown[]) => string)(key, ...args)) as typeof i18n.t;

/** Chrome's getMessage over a table: $n is the nth substitution, $$ a dollar sign, an unknown name ''. */
export function messageFrom(table: MessageTable, name: string, substitutions: readonly string[] = []): string {
  const entry = table[name];
  if (!entry) return '';
  return entry.message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

/** `t` over a table, with @wxt-dev/i18n's arguments: a count (plural forms "one | other"), positional and named substitutions. */
export function translate(table: MessageTable, key: string, args: readonly unknown[]): string {
  let count: number | undefined;
  let positional: string[] | undefined;
  let named: Record<string, unknown> | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) positional = arg.map(String);
    else if (arg && typeof arg === 'object') named = arg as Record<string, unknown>;
  }
  if (count !== undefined && !positional) positional = [String(count)];
  let message = messageFrom(table, key.replaceAll('.', '_'), positional);
  if (count !== undefined) {
    const forms = message.split(' | ');
    message = (forms.length === 3 ? forms[count === 0 || count === 1 ? count : 2] : forms.length === 2 ? forms[count === 1 ? 0 : 1] : forms[0]) ?? '';
  }
  if (!named) return message;
  const values = named;
  return message.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match));
}

/** The locales the extension packages (utils/locales/<lang>.yml → _locales/<lang>); English is the default. */
export const PACKAGED_LOCALES = ['en', 'de'] as const;

/**
 * The packaged locales to read for a UI language, as the browser would pick: "de-AT" → de, en; "fr" → en.
 * Only packaged ones: a page asking for a missing file logs an error.
 */
export function localeCandidates(uiLanguage: string): string[] {
  const [language = '', region] = uiLanguage.toLowerCase().split(/[-_]/);
  const wanted = [region ? `${language}_${region.toUpperCase()}` : '', language, 'en'];
  return wanted.filter((locale, i) => (PACKAGED_LOCALES as readonly string[]).includes(locale) && wanted.indexOf(locale) === i);
}

/**
 * Extension pages call this before their first render. Chromium keeps one message table per extension
 * process, and has been seen (in CI, under load) to hand a page an empty one: a popup with every label
 * blank. Then the page reads the packaged table itself, from the extension's own files (no network).
 */
export async function ensureMessages(): Promise<void> {
  if (packaged || safe(() => i18n.t('extName'))) return;
  for (const locale of localeCandidates(safe(() => browser.i18n.getUILanguage()) || 'en')) {
    try {
      const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/popup.html'));
      if (!response.ok) continue;
      packaged = (await response.json()) as MessageTable;
      console.warn(`Async Etiquette: the browser gave this page no messages; using the packaged ${locale} ones.`);
      return;
    } catch {
      // Unreadable: try the next.
    }
  }
}

/** For tests: forget the packaged table. */
export function resetPackagedMessages(): void {
  packaged = null;
}

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
