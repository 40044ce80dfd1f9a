/** axe-core scans shared by the specs: WCAG 2.1 A/AA, in light and dark (contrast differs between them). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './harness';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;
/** The in-page UI's shadow hosts: a scan of a site replica is scoped to them (the replicas copy the sites' own markup). */
export const OUR_UI = 'async-etiquette-ui';

export async function expectNoViolations(page: Page, what: string, scope?: string, rules?: string[]): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (scope) builder = builder.include(scope);
  if (rules) builder = builder.withRules(rules);
  const { violations, passes } = await builder.analyze();
  // The scan saw our UI (a scope that matched nothing would pass vacuously).
  expect(passes.length, `axe checked nothing in ${what}`).toBeGreaterThan(0);
  const readable = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n  ')}`);
  expect(readable, `axe violations in ${what}`).toEqual([]);
}

/** Scans in both colour schemes. */
export async function scanBoth(page: Page, what: string, scope?: string, rules?: string[]): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolations(page, `${what} (${colorScheme})`, scope, rules);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
