import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two browsers at a time: each test spends most of its time waiting on its own browser (the suite used
  // about 0.7 of one core run one by one), and one by one it took most of CI's 20 minutes. Every test has
  // its own profile, extension copy and routed fixtures, so tests share nothing. Timings are never judged
  // here (that is the bench's), so a busy core costs time, not correctness.
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Guards against a hung test, not figures: on a busy machine (two cores, other work beside it) a page
  // can take several seconds for what takes milliseconds on a quiet one, and that must not fail a test.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Its own folder: Playwright empties outputDir at start, and the Firefox and bench stages write their
  // reports to test-results/ while it runs (tests/run-all.mjs).
  outputDir: 'test-results/playwright',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: { locale: 'en-US', trace: 'off', actionTimeout: 30_000 },
});
