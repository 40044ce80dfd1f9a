/**
 * A missing or mismatched translation fails here: every language has exactly English's keys, the same
 * plural shape and the same placeholders; every key the code asks for exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

type Parsed = Awaited<ReturnType<typeof parseMessagesFile>>;
const root = new URL('../../', import.meta.url).pathname;
const localesDir = join(root, 'utils/locales');
const LANGUAGES = ['en', 'de'];

interface Shape {
  plural: string[];
  substitutions: number;
  named: string[];
  texts: string[];
}

async function shapes(language: string): Promise<Map<string, Shape>> {
  const parsed: Parsed = await parseMessagesFile(join(localesDir, `${language}.yml`));
  const map = new Map<string, Shape>();
  for (const entry of parsed) {
    if (entry.type === 'chrome') continue;
    const texts = entry.type === 'plural' ? Object.values(entry.plurals) : [entry.message];
    map.set(entry.key.join('.'), {
      plural: entry.type === 'plural' ? Object.keys(entry.plurals).sort() : [],
      substitutions: entry.substitutions,
      named: [...entry.namedSubstitutions].sort(),
      texts: texts.map(String),
    });
  }
  return map;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('messages', () => {
  it('are present in every language with the same keys, plural forms and placeholders', async () => {
    const english = await shapes('en');
    expect(english.size).toBeGreaterThan(0);
    for (const language of LANGUAGES.slice(1)) {
      const other = await shapes(language);
      expect([...other.keys()].filter((k) => !english.has(k)), `${language}: keys English does not have`).toEqual([]);
      expect([...english.keys()].filter((k) => !other.has(k)), `${language}: missing keys`).toEqual([]);
      for (const [key, en] of english) {
        const o = other.get(key)!;
        expect({ key, plural: o.plural, substitutions: o.substitutions, named: o.named }).toEqual({
          key,
          plural: en.plural,
          substitutions: en.substitutions,
          named: en.named,
        });
      }
    }
  });

  it('are never empty', async () => {
    for (const language of LANGUAGES) {
      for (const [key, shape] of await shapes(language)) {
        for (const text of shape.texts) expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('cover every key the code asks for', async () => {
    const english = await shapes('en');
    const asked = new Set<string>();
    for (const dir of ['components', 'entrypoints', 'utils']) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"]([A-Za-z0-9_.]+)['"]/g)) asked.add(m[1]!);
      }
    }
    expect(asked.size).toBeGreaterThan(0);
    expect([...asked].filter((key) => !english.has(key))).toEqual([]);
  });

  it('fit the stores\u2019 limits for the manifest name (75) and description (132)', async () => {
    for (const language of LANGUAGES) {
      const map = await shapes(language);
      expect(map.get('extName')!.texts[0]!.length, language).toBeLessThanOrEqual(75);
      expect(map.get('extDescription')!.texts[0]!.length, language).toBeLessThanOrEqual(132);
    }
  });

  it('name only supported browser locales', () => {
    const files = readdirSync(localesDir).filter((f) => /\.(yml|yaml|json)$/.test(f));
    expect(files.map((f) => f.replace(/\.\w+$/, '')).sort()).toEqual([...LANGUAGES].sort());
  });
});
