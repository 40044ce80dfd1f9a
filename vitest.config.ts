import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'utils/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup/i18n.ts'],
    // A guard against a hung test, not a figure: property tests take several seconds on a quiet machine and
    // several times that beside other work, and a busy machine must not fail a test (issue 15).
    testTimeout: 120_000,
    // Vitest leaves one of two cores idle by default; both halve the suite's time on this machine.
    maxWorkers: 2,
    hookTimeout: 120_000,
    mockReset: true,
    restoreMocks: true,
  },
});
