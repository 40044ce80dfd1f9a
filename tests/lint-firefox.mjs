/**
 * addons-linter (through web-ext) on the Firefox build: any error fails; warnings must be the ones
 * the README lists as accepted, so a new warning is noticed rather than scrolled past.
 */
import { execFileSync } from 'node:child_process';

/** Accepted warnings, each explained in the README ("Firefox lint"). */
const ACCEPTED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']);

const out = execFileSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', `${process.env.AE_OUT_DIR ?? '.output'}/firefox-mv3`, '--no-config-discovery', '--output', 'json'],
  { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
);
const report = JSON.parse(out.slice(out.indexOf('{')));
const errors = report.errors ?? [];
const warnings = report.warnings ?? [];
for (const e of errors) console.error(`error ${e.code}: ${e.message} (${e.file ?? ''})`);
const unexpected = warnings.filter((w) => !ACCEPTED_WARNINGS.has(w.code));
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})${ACCEPTED_WARNINGS.has(w.code) ? ' [accepted]' : ''}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${unexpected.length} not accepted)`);
if (errors.length || unexpected.length) process.exit(1);
