import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';
import { ensureMessages, localeCandidates, PACKAGED_LOCALES, resetPackagedMessages, t, translate, type MessageTable } from '@/utils/i18n';
import { useLanguage } from './setup/i18n';

async function table(language: string): Promise<MessageTable> {
  return JSON.parse(generateChromeMessagesText(await parseMessagesFile(resolve(`utils/locales/${language}.yml`)))) as MessageTable;
}

afterEach(() => {
  resetPackagedMessages();
  vi.unstubAllGlobals();
});

describe('the packaged messages, for a page the browser gave none (Chromium, under load)', () => {
  it('translate() says exactly what t() says through the browser: plurals, positional and named substitutions', async () => {
    const en = await table('en');
    const calls: Array<[string, ...unknown[]]> = [
      ['extName'],
      ['verdict.recipients', 1],
      ['verdict.recipients', 3],
      ['popup.footprint', 1, { lastLate: 3, waited: 2, lastWaited: 1 }],
      ['popup.footprint', 4, { lastLate: 0, waited: 0, lastWaited: 5 }],
      ['page.hold.suggested', { slot: 'Mon 09:00 for Priya · 04:30 for you' }],
      ['history.weeks', 12],
      ['page.hold.slotForGroup', 2, { wall: 'Tue 09:00', name: 'Ana' }],
    ];
    for (const [key, ...args] of calls) {
      const viaBrowser = (t as (key: string, ...args: unknown[]) => string)(key, ...args);
      expect(viaBrowser).not.toBe('');
      expect(translate(en, key, args)).toBe(viaBrowser);
    }
  });

  it('reads the table for the UI language from the extension itself when the browser answers nothing', async () => {
    await useLanguage('de-AT');
    const de = await table('de');
    fakeBrowser.i18n.getMessage = () => '';
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return url.endsWith('/_locales/de/messages.json') ? new Response(JSON.stringify(de)) : Promise.reject(new TypeError('Failed to fetch'));
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(t('page.hold.sendNow')).toBe('');
    await ensureMessages();
    expect(fetched.map((url) => url.replace(/^.*\/_locales\//, ''))).toEqual(['de/messages.json']);
    expect(t('page.hold.sendNow')).toBe('Jetzt senden');
    expect(t('verdict.recipients', 2)).toBe('2 Empfänger');
  });

  it('leaves the browser in charge when it answers', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await ensureMessages();
    expect(fetch).not.toHaveBeenCalled();
    expect(t('page.hold.sendNow')).toBe('Send now');
  });

  it('reads only packaged locales, the language before English', () => {
    expect(localeCandidates('de-AT')).toEqual(['de', 'en']);
    expect(localeCandidates('en-US')).toEqual(['en']);
    expect(localeCandidates('fr')).toEqual(['en']);
  });

  it('knows every packaged locale', () => {
    const files = readdirSync(resolve('utils/locales')).filter((f) => f.endsWith('.yml')).map((f) => f.replace('.yml', ''));
    expect([...PACKAGED_LOCALES].sort()).toEqual(files.sort());
  });
});
