/**
 * `npm test`: every check the project has, in the order a failure is cheapest to find.
 * Unit tests (the type check beside them) → build both browsers and zips → Chromium e2e, and beside it
 * Firefox lint, Firefox e2e and the bench once as a smoke (it must complete; times are never judged).
 * Branches run at once because each test waits on its browser most of the time, and one after the other
 * the stages took more than the 20 minutes CI allows (Chromium e2e alone is about 17 of them).
 * Ends with one summary line "N passed, N failed".
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

/**
 * What the suites need from the system, each with the Debian package that brings it. Checked first, so a
 * fresh machine stops at once with the one command to run instead of failing minutes later.
 */
const SYSTEM = [
  { what: 'Chromium', path: '/usr/bin/chromium', pkg: 'chromium' },
  { what: 'Firefox ESR', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  // The German Firefox test (tests/firefox/german.test.mjs) needs Firefox's German UI.
  { what: 'Firefox German language pack', path: '/usr/lib/firefox-esr/browser/extensions', match: /^langpack-de@/, pkg: 'firefox-esr-l10n-de' },
  // Tests that move the browser's clock instead of waiting for it (tests/e2e/harness.ts, MovableClock).
  { what: 'libfaketime', path: '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', pkg: 'faketime' },
];
const present = ({ path, match }) => existsSync(path) && (!match || readdirSync(path).some((name) => match.test(name)));
const missing = SYSTEM.filter((need) => !present(need));
if (missing.length) {
  console.error(`Missing: ${missing.map((m) => m.what).join(', ')}.`);
  console.error(`Install with: apt-get update && apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`);
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0 };

function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${name} FAILED after ${seconds}s`);
    return false;
  }
  console.log(`=== ${name} ok (${seconds}s)`);
  return true;
}

function count(name, read) {
  try {
    const { passed, failed } = read();
    totals.passed += passed;
    totals.failed += failed;
    console.log(`    ${name}: ${passed} passed, ${failed} failed`);
  } catch {
    console.log(`    ${name}: no report`);
  }
}

const json = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Reads a report for failed tests' names; a missing or unreadable report names none (count() says so). */
function namesFrom(read) {
  try {
    return read();
  } catch {
    return [];
  }
}

const failedUnitTests = () =>
  namesFrom(() =>
    json('test-results/unit.json').testResults.flatMap((file) =>
      file.assertionResults.filter((t) => t.status === 'failed').map((t) => `unit ${file.name.replace(`${process.cwd()}/`, '')}: ${t.fullName}`),
    ),
  );

function specsOf(suite) {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}
const failedChromiumTests = () =>
  namesFrom(() =>
    json('test-results/e2e.json')
      .suites.flatMap(specsOf)
      .filter((spec) => !spec.ok)
      .map((spec) => `chromium ${spec.file}: ${spec.title}`),
  );

const failedFirefoxTests = () =>
  namesFrom(() =>
    [...readFileSync('test-results/firefox.tap', 'utf8').matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => `firefox: ${m[1]}`),
  );

/** Like step(), but the event loop runs meanwhile (for a step beside background ones). */
function stepInForeground(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (status !== 0) console.error(`\n=== ${name} FAILED after ${seconds}s`);
      else console.log(`=== ${name} ok (${seconds}s)`);
      resolve(status === 0);
    });
  });
}

/** One step without blocking: its output goes to `log`. */
function stepInBackground(name, command, args, log) {
  const started = Date.now();
  log.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log.write(status === 0 ? `=== ${name} ok (${seconds}s)\n` : `\n=== ${name} FAILED after ${seconds}s\n`);
      resolve(status === 0);
    });
  });
}

/**
 * Steps one after the other beside the foreground ones, stopping at the first that fails. Their output
 * is kept in test-results/<name>.log and shown by `show()` once the foreground is done.
 */
function inBackground(name, steps) {
  const file = `test-results/${name}.log`;
  const log = createWriteStream(file);
  const done = (async () => {
    let passed = true;
    for (const [stepName, command, args] of steps) {
      passed = passed && (await stepInBackground(stepName, command, args, log));
    }
    await new Promise((resolve) => log.end(resolve));
    return passed;
  })();
  return {
    async show() {
      const passed = await done;
      console.log(readFileSync(file, 'utf8'));
      return passed;
    },
  };
}

// The type check (one thread) beside the unit tests; then the build; then Chromium e2e, and beside it the
// Firefox lint, Firefox e2e and the bench smoke. One after the other they took more than CI's 20 minutes.
const typecheck = inBackground('typecheck', [['typecheck', 'npx', ['tsc', '--noEmit']]]);
let ok = await stepInForeground('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
count('unit', () => {
  const r = json('test-results/unit.json');
  return { passed: r.numPassedTests, failed: r.numFailedTests };
});
ok = (await typecheck.show()) && ok;
ok = ok && step('build', 'npm', ['run', 'build']);

if (ok) {
  // The bench once, as a smoke: it must complete; its times are reported, never judged (issue 9).
  const firefox = inBackground('firefox-and-bench', [
    ['firefox lint', 'node', ['tests/lint-firefox.mjs']],
    ['e2e firefox', 'node', [
      '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', '--test-reporter-destination=test-results/firefox.tap',
      'tests/firefox/',
    ]],
    ['bench smoke', 'node', ['tests/bench/run.mjs', '--smoke', '--out', 'test-results/bench-report.json']],
  ]);
  const chromium = await stepInForeground('e2e chromium', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json',
  });
  count('e2e chromium', () => {
    const s = json('test-results/e2e.json').stats;
    return { passed: s.expected + s.flaky, failed: s.unexpected };
  });
  const others = await firefox.show();
  count('e2e firefox', () => {
    const tap = readFileSync('test-results/firefox.tap', 'utf8');
    return { passed: Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0), failed: Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) };
  });
  ok = chromium && others;
}

// CI shows only the end of this output: name every failed test here, after the long Firefox log.
const failures = [...failedUnitTests(), ...failedChromiumTests(), ...failedFirefoxTests()];
if (failures.length) console.log(`\nFailed tests:\n${failures.map((name) => `  ✘ ${name}`).join('\n')}`);
console.log(`\n${ok ? 'All checks passed.' : 'Some checks FAILED.'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
