/**
 * Every site selector checked against what the replicas draw, in the manner of Refined GitHub's selector
 * tests: in each named replica state (tests/unit/setup/replicas.ts), each selector with an expectation
 * there (utils/sites/<site>/selector-counts.ts) finds exactly that many elements, looked up the way the
 * adapters look it up (queryAll over the whole document: the first css alternative that matches anything).
 * And per site: every css alternative of every selector matches in some state, unless it is listed as
 * UNDRAWN with a reason, so a dead fallback is visible.
 *
 * Each state is opened once, for the whole file, and closed after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_COUNTS, DOCS_UNDRAWN } from '@/utils/sites/docs/selector-counts';
import { DOCS } from '@/utils/sites/docs/selectors';
import { GMAIL_COUNTS, GMAIL_UNDRAWN } from '@/utils/sites/gmail/selector-counts';
import { forType, GMAIL } from '@/utils/sites/gmail/selectors';
import { queryAll, type SiteSelector } from '@/utils/sites/selector';
import type { RecipientType, SelectorExpectation, UndrawnAlternative } from '@/utils/sites/selector-counts';
import { SLACK_COUNTS, SLACK_UNDRAWN } from '@/utils/sites/slack/selector-counts';
import { SLACK } from '@/utils/sites/slack/selectors';
import { closeReplicas, openReplicaStates, replicaStateNames, type ReplicaPage, type ReplicaSite } from './setup/replicas';

interface SiteTable {
  site: ReplicaSite;
  selectors: Readonly<Record<string, SiteSelector>>;
  counts: Readonly<Record<string, readonly SelectorExpectation[]>>;
  undrawn: readonly UndrawnAlternative<string>[];
}

const SITES: readonly SiteTable[] = [
  { site: 'gmail', selectors: GMAIL, counts: GMAIL_COUNTS, undrawn: GMAIL_UNDRAWN },
  { site: 'slack', selectors: SLACK, counts: SLACK_COUNTS, undrawn: SLACK_UNDRAWN },
  { site: 'docs', selectors: DOCS, counts: DOCS_COUNTS, undrawn: DOCS_UNDRAWN },
];

const TYPES: readonly RecipientType[] = ['to', 'cc', 'bcc'];
const isTemplated = (selector: SiteSelector) => selector.css.some((css) => css.includes('${type}'));
/** The css alternatives of a selector as they are queried: a `${type}` one once per field. */
const filled = (css: string) => (css.includes('${type}') ? TYPES.map((type) => css.replace('${type}', type)) : [css]);

const pages = new Map<string, ReplicaPage>();
const pageOf = (site: ReplicaSite, state: string): ReplicaPage => {
  const page = pages.get(`${site}/${state}`);
  if (!page) throw new Error(`${site} › ${state} was not opened`);
  return page;
};

beforeAll(async () => {
  const opened = await Promise.allSettled(SITES.map(({ site }) => openReplicaStates(site)));
  opened.forEach((result, i) => {
    if (result.status === 'fulfilled') for (const [state, page] of result.value) pages.set(`${SITES[i]!.site}/${state}`, page);
  });
  const failed = opened.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
});

afterAll(async () => {
  await closeReplicas(pages.values());
});

for (const { site, selectors, counts } of SITES) {
  for (const state of replicaStateNames(site)) {
    for (const [key, expectations] of Object.entries(counts)) {
      for (const { count, type } of expectations.filter((e) => e.state === state)) {
        const name = type ? `${key}[${type}]` : key;
        it(`${site} › ${state} › ${name} matches ${count}`, () => {
          const selector = selectors[key]!;
          const asUsed = type ? forType(selector, type) : selector;
          const found = queryAll(pageOf(site, state).document, asUsed);
          const winner = asUsed.css.find((css) => pageOf(site, state).document.querySelector(css));
          expect(found.length, `${name} (first matching alternative: ${winner ?? 'none'})`).toBe(count);
        });
      }
    }
  }
}

for (const { site, selectors, counts, undrawn } of SITES) describe(site, () => {
  const states = replicaStateNames(site);

  it('every css alternative of every selector matches in some state, or is listed as UNDRAWN', () => {
    const dead: string[] = [];
    for (const [key, selector] of Object.entries(selectors)) {
      for (const css of selector.css) {
        const drawn = states.some((state) => filled(css).some((query) => pageOf(site, state).document.querySelector(query)));
        if (!drawn) dead.push(`${key}: ${css}`);
      }
    }
    expect(dead.sort()).toEqual(undrawn.map((u) => `${u.selector}: ${u.css}`).sort());
  });

  it('every UNDRAWN entry names a css alternative of its selector and gives a reason', () => {
    for (const u of undrawn) {
      expect(selectors[u.selector]?.css, `${u.selector}`).toContain(u.css);
      expect(u.why.trim()).not.toBe('');
    }
  });

  it('an expectation names a recipient field exactly when its selector has ${type}', () => {
    for (const [key, expectations] of Object.entries(counts)) {
      for (const e of expectations) expect(e.type !== undefined, `${key} in ${e.state}`).toBe(isTemplated(selectors[key]!));
    }
  });

  it('no selector has two expectations for one state (and field)', () => {
    for (const [key, expectations] of Object.entries(counts)) {
      const seen = expectations.map((e) => `${e.state}${e.type ? `[${e.type}]` : ''}`);
      expect(new Set(seen).size, key).toBe(seen.length);
    }
  });

  it('every named state is counted by some selector, and every selector finds something somewhere or is UNDRAWN', () => {
    const counted = new Set(Object.values(counts).flatMap((list) => list.map((e) => e.state)));
    expect(states.filter((state) => !counted.has(state))).toEqual([]);
    const neverFound = Object.entries(counts).filter(([, list]) => list.every((e) => e.count === 0)).map(([key]) => key);
    const whollyUndrawn = Object.keys(selectors).filter((key) => selectors[key]!.css.every((css) => undrawn.some((u) => u.selector === key && u.css === css)));
    expect(neverFound.sort()).toEqual(whollyUndrawn.sort());
  });
});

it('the counts are test data: no extension code imports a selector-counts file', () => {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const importers: string[] = [];
  for (const dir of ['utils', 'entrypoints', 'components']) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ts|tsx|js|mjs)$/.test(entry) || /(^|\/)selector-counts\.ts$/.test(entry) || /\.test\.tsx?$/.test(entry)) continue;
      if (/from\s+['"][^'"]*selector-counts['"]/.test(readFileSync(join(root, dir, entry), 'utf8'))) importers.push(`${dir}/${entry}`);
    }
  }
  expect(importers).toEqual([]);
});
