import { defineConfig } from '@playwright/test';

/** `npm run screenshots`: the in-page dialog, the popup and the options page as PNGs (tests/tools/screenshots.mjs). */
export default defineConfig({
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/screenshots',
  reporter: 'list',
  use: { locale: 'en-US', trace: 'off', actionTimeout: 30_000 },
});
