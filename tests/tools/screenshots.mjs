#!/usr/bin/env node
/**
 * Rerunnable screenshots of what a person sees (issue 20): the hold dialog (one recipient; three across
 * zones without a common slot; an unknown zone), the popup and the options page, as PNGs under
 * docs/screenshots/<set>/ (default set: "after"; `npm run screenshots -- before` on an unchanged build).
 * Uses the BUILT extension in .output (or AE_OUT_DIR) and the system Chromium, like the e2e suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const set = process.argv[2] ?? 'after';
if (!/^[a-z0-9-]+$/.test(set)) {
  console.error(`The set name "${set}" must be lower-case letters, digits or dashes (it names a folder).`);
  process.exit(2);
}
const dir = resolve('docs/screenshots', set);
mkdirSync(dir, { recursive: true });
const run = spawnSync('npx', ['playwright', 'test', '--config', 'tests/tools/screenshots.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, AE_SCREENSHOTS_DIR: dir, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
if (run.status === 0) console.log(`Screenshots written to ${dir}`);
process.exit(run.status ?? 1);
