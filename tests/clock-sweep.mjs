/**
 * `npm run test:clock`: the Chromium e2e suite (or the specs named) with the clock of the browser AND of
 * the test runner moved to chosen instants, so a test that depends on when it runs fails here instead of
 * in CI at some hour. Needs a build (`npm run build`) and libfaketime (`apt-get install -y faketime`).
 *
 * How: libfaketime (LD_PRELOAD) with a relative offset (`FAKETIME=+Ns`), set on the Playwright process
 * and inherited by every Chromium process it starts, so the runner, the pages, the content scripts and the
 * extension's worker all see the same shifted, running clock. Each spec file starts at its target
 * instant (the offset is recomputed per file), so a long run does not drift away from the hour chosen.
 *
 *   node tests/clock-sweep.mjs                       every target below, every spec
 *   node tests/clock-sweep.mjs --at sat-late gmail   one target, specs whose file name contains "gmail"
 *   node tests/clock-sweep.mjs --at 2027-01-09T23:30Z …  any instant (ISO, UTC)
 *   node tests/clock-sweep.mjs --unit                the unit suite instead (Vitest), at every target
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { DateTime } from 'luxon';

export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** Next occurrence (after now) of an ISO weekday (1 = Monday) at hh:mm UTC. */
function next(weekday, hour, minute) {
  let at = DateTime.utc().startOf('day').set({ hour, minute });
  while (at.weekday !== weekday || at <= DateTime.utc()) at = at.plus({ days: 1 });
  return at;
}

/**
 * Hours chosen for what they do to the zones the specs use (Berlin, Kolkata, Kathmandu, Los Angeles,
 * New York, São Paulo, Tokyo): sender and recipient on different dates, a weekend, a week boundary.
 * Each stays 10+ minutes from any of those zones' midnights, so a spec file (1-3 min) does not cross one.
 */
export const TARGETS = {
  // Wed 19:44 UTC: Berlin 20:44 Wed, Kolkata 01:14 THU, LA 11:44 Wed (CI's failing hour, issue 15).
  'wed-evening': () => next(3, 19, 44),
  // Sat 23:30 UTC: Berlin 00:30 SUN, Kolkata 05:00 Sun, LA 15:30 Sat: a weekend, dates differ.
  'sat-late': () => next(6, 23, 30),
  // Sun 21:20 UTC: Berlin 22:20 Sun (end of the week), Kolkata 02:50 MON (next week), Tokyo 06:20 Mon.
  'sun-night': () => next(7, 21, 20),
  // Mon 03:10 UTC: Berlin 04:10 Mon (before work), Kolkata 08:40 Mon, LA 19:10 SUN (previous week).
  'mon-early': () => next(1, 3, 10),
  // Wed 22:45 UTC: Berlin 23:45, inside a 30-minute grace window before tomorrow's 00:00 (found a test
  // that waved a day off through from 23:30 Berlin), Kolkata 04:15 Thu.
  'wed-late': () => next(3, 22, 45),
  // Thu 11:00 UTC: a plain working morning in Europe, afternoon in Asia, night in America.
  'thu-midday': () => next(4, 11, 0),
};

function parseArgs(argv) {
  const at = [];
  const filters = [];
  let unit = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--at') at.push(argv[++i]);
    else if (argv[i] === '--unit') unit = true;
    else filters.push(argv[i]);
  }
  return { at, filters, unit };
}

function targetsFrom(names) {
  if (!names.length) return Object.entries(TARGETS).map(([name, make]) => ({ name, instant: make() }));
  return names.map((name) => {
    if (TARGETS[name]) return { name, instant: TARGETS[name]() };
    const instant = DateTime.fromISO(name, { zone: 'utc' });
    if (!instant.isValid) throw new Error(`--at ${name}: neither a target (${Object.keys(TARGETS).join(', ')}) nor an ISO instant`);
    return { name, instant };
  });
}

function specsFrom(filters) {
  const all = readdirSync('tests/e2e').filter((f) => f.endsWith('.spec.ts')).sort();
  const chosen = filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
  if (!chosen.length) throw new Error(`No spec matches ${filters.join(', ')}`);
  return chosen.map((f) => `tests/e2e/${f}`);
}

/** Runs a command with every clock at `instant` when it starts. */
function runShifted(args, instant) {
  const offset = Math.round((instant.toMillis() - Date.now()) / 1000);
  const result = spawnSync('npx', args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME: `${offset >= 0 ? '+' : ''}${offset}`,
    },
  });
  return result.status === 0;
}

function main() {
  if (!existsSync(LIBFAKETIME)) {
    console.error(`libfaketime is missing (${LIBFAKETIME}). Install it with: apt-get install -y faketime`);
    process.exit(1);
  }
  const { at, filters, unit } = parseArgs(process.argv.slice(2));
  const targets = targetsFrom(at);
  const runs = unit
    ? [{ spec: 'unit (vitest)', args: ['vitest', 'run', ...filters] }]
    : specsFrom(filters).map((spec) => ({ spec, args: ['playwright', 'test', spec, '--reporter=line'] }));
  const rows = [];
  for (const { name, instant } of targets) {
    for (const { spec, args } of runs) {
      console.log(`\n=== ${name} (${instant.toISO()}, Berlin ${instant.setZone('Europe/Berlin').toFormat('ccc HH:mm')}, Kolkata ${instant.setZone('Asia/Kolkata').toFormat('ccc HH:mm')}): ${spec}`);
      rows.push({ name, spec, ok: runShifted(args, instant) });
    }
  }
  console.log('\nClock sweep:');
  for (const row of rows) console.log(`  ${row.ok ? 'ok    ' : 'FAILED'} ${row.name.padEnd(12)} ${row.spec}`);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`${rows.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
