import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // One browser at a time: with two, on two cores beside the Firefox and bench branch, the suite was no
  // faster (about 6.7 s a test either way) and a busy page missed its waits (measured on this machine).
  workers: 1,
  fullyParallel: false,
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
