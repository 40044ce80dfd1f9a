/**
 * fake-browser has no i18n: give it the real messages (utils/locales/<lang>.yml, as the build turns them
 * into _locales/<lang>/messages.json) with Chrome's $1…$9 substitution. Tests switch with useLanguage('de').
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';

type Messages = Record<string, { message: string }>;
const cache = new Map<string, Messages>();

/**
 * The YAML turned into Chrome's messages.json text, as the build does. Every test file runs this setup
 * afresh, so the text is kept on disk, keyed by the YAML's own bytes: parsing it 80 times cost seconds.
 */
async function messagesText(path: string): Promise<string> {
  const source = readFileSync(path); // fails loudly on a missing file
  const key = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const cached = resolve(fileURLToPath(import.meta.url), `../../../../node_modules/.cache/ae-unit-i18n/${key}.json`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const text = generateChromeMessagesText(await parseMessagesFile(path));
  mkdirSync(dirname(cached), { recursive: true });
  // Written whole then renamed: two workers may write the same file at once.
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, cached);
  return text;
}

async function load(language: string): Promise<Messages> {
  const cached = cache.get(language);
  if (cached) return cached;
  // Not `new URL(…, import.meta.url)`: happy-dom's URL turns a file: base into "/@fs/…".
  const path = resolve(fileURLToPath(import.meta.url), `../../../../utils/locales/${language}.yml`);
  const messages = JSON.parse(await messagesText(path)) as Messages;
  cache.set(language, messages);
  return messages;
}

/** Chrome's getMessage: $n is the nth substitution, $$ is a dollar sign, an unknown name is ''. */
export function chromeGetMessage(messages: Messages, name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return entry.message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
}

let current: { language: string; ui: string; messages: Messages } | null = null;

/** Switch the fake browser's UI language (e.g. 'de', 'de-AT', 'fr-FR' which falls back to English text). */
export async function useLanguage(ui: string): Promise<void> {
  const base = ui.split(/[-_]/)[0] ?? 'en';
  const language = ['en', 'de'].includes(base) ? base : 'en';
  current = { language, ui, messages: await load(language) };
  install();
}

function install(): void {
  const state = current;
  if (!state) return;
  Object.assign(fakeBrowser.i18n, {
    getMessage: (name: string, subs?: string | string[]) => chromeGetMessage(state.messages, name, subs),
    getUILanguage: () => state.ui,
  });
}

beforeEach(async () => {
  await useLanguage('en-GB');
});
// Also while test files are collected (code at module level, before any beforeEach).
await useLanguage('en-GB');
