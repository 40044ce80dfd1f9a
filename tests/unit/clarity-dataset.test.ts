/**
 * Measures the clarity rules on the hand-labelled data set (tests/clarity/messages.json, see
 * tests/clarity/README.md): per-rule precision and recall, overall and per split, printed as a table
 * and written to test-results/clarity-report.json with every miss and false alarm listed.
 *
 * CLARITY_ERRORS=dev (or holdout, all) also prints the errors of that split.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, checkClarity, type RuleId } from '@/utils/etiquette/clarity';

interface Sample {
  id: string;
  text: string;
  channel: 'email' | 'chat';
  atNight: boolean;
  subject?: string;
  labels: RuleId[];
  split: 'dev' | 'holdout' | 'fresh' | 'fresh2';
  note?: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Metrics extends Counts {
  positives: number;
  precision: number | null;
  recall: number | null;
}

const read = (file: string): Sample[] =>
  JSON.parse(readFileSync(new URL(`../clarity/${file}`, import.meta.url), 'utf8')) as Sample[];
/** The labelled set the thresholds apply to (written before the rules). */
const samples = read('messages.json');
/** Written after the rules were frozen ('fresh', then 'fresh2'); reported, never asserted on (see tests/clarity/README.md). */
const fresh = read('fresh.json');

function metrics(c: Counts): Metrics {
  return {
    ...c,
    positives: c.tp + c.fn,
    precision: c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn),
  };
}

const results = [...samples, ...fresh].map((s) => {
  const found = new Set(checkClarity(s.text, { channel: s.channel, atNight: s.atNight, subject: s.subject }).map((f) => f.rule));
  return { sample: s, found };
});

/** 'all' is messages.json (dev + holdout); the fresh sets are reported separately. */
type Scope = 'all' | 'dev' | 'holdout' | 'fresh' | 'fresh2';
const scopes: Scope[] = ['all', 'dev', 'holdout', 'fresh', 'fresh2'];
const isFresh = (s: Sample): boolean => s.split === 'fresh' || s.split === 'fresh2';
const inScope = (scope: Scope, s: Sample): boolean => (scope === 'all' ? !isFresh(s) : s.split === scope);

function countsFor(scope: Scope, rule: RuleId | null): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const { sample, found } of results) {
    if (!inScope(scope, sample)) continue;
    for (const id of rule ? [rule] : RULE_IDS) {
      const labelled = sample.labels.includes(id);
      const flagged = found.has(id);
      if (labelled && flagged) c.tp++;
      else if (flagged) c.fp++;
      else if (labelled) c.fn++;
    }
  }
  return c;
}

const table = Object.fromEntries(
  scopes.map((scope) => [
    scope,
    {
      perRule: Object.fromEntries(RULE_IDS.map((id) => [id, metrics(countsFor(scope, id))])) as Record<RuleId, Metrics>,
      overall: metrics(countsFor(scope, null)),
      messages: results.filter((r) => inScope(scope, r.sample)).length,
    },
  ]),
) as Record<Scope, { perRule: Record<RuleId, Metrics>; overall: Metrics; messages: number }>;

const errors = results.flatMap(({ sample, found }) =>
  RULE_IDS.flatMap((id) => {
    const labelled = sample.labels.includes(id);
    const flagged = found.has(id);
    if (labelled === flagged) return [];
    return [{ id: sample.id, split: sample.split, rule: id, kind: flagged ? 'false-positive' : 'missed', text: sample.text }];
  }),
);

const pct = (v: number | null): string => (v === null ? '   -  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

function printTable(): void {
  const lines: string[] = [];
  for (const scope of scopes) {
    const t = table[scope];
    const name = scope === 'all' ? 'messages.json, dev + holdout' : scope;
    lines.push(`\nClarity rules on ${t.messages} messages (${name})`);
    lines.push('rule                 labelled  flagged   TP  FP  FN  precision  recall');
    const row = (name: string, m: Metrics): string =>
      `${name.padEnd(20)} ${String(m.positives).padStart(8)} ${String(m.tp + m.fp).padStart(8)} ${String(m.tp).padStart(4)}` +
      `${String(m.fp).padStart(4)}${String(m.fn).padStart(4)}  ${pct(m.precision).padStart(9)}  ${pct(m.recall)}`;
    for (const id of RULE_IDS) lines.push(row(id, t.perRule[id]));
    lines.push(row('overall (micro)', t.overall));
  }
  console.log(lines.join('\n'));
  const show = process.env.CLARITY_ERRORS;
  if (show) {
    for (const e of errors.filter((x) => show === 'all' || x.split === show)) {
      console.log(`${e.kind.padEnd(14)} ${e.rule.padEnd(19)} ${e.id} ${JSON.stringify(e.text).slice(0, 160)}`);
    }
  }
}

describe('clarity data set', () => {
  it('is well formed: unique ids, known labels, at least 200 messages', () => {
    expect(samples.length).toBeGreaterThanOrEqual(200);
    const all = [...samples, ...fresh];
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) {
      expect(['email', 'chat']).toContain(s.channel);
      expect(['dev', 'holdout', 'fresh', 'fresh2']).toContain(s.split);
      expect(isFresh(s)).toBe(fresh.includes(s));
      for (const label of s.labels) expect(RULE_IDS).toContain(label);
    }
  });

  it('reports per-rule precision and recall, and its figures add up', () => {
    const sum = (scope: Scope, key: keyof Counts): number => RULE_IDS.reduce((n, id) => n + table[scope].perRule[id][key], 0);
    for (const scope of scopes) {
      for (const key of ['tp', 'fp', 'fn'] as const) expect(table[scope].overall[key], `${scope} ${key}`).toBe(sum(scope, key));
    }
    // messages.json is dev + holdout, rule by rule; every false alarm and miss is listed once.
    expect(table.all.messages).toBe(table.dev.messages + table.holdout.messages);
    expect(table.all.messages).toBe(samples.length);
    expect(table.fresh.messages + table.fresh2.messages).toBe(fresh.length);
    for (const id of RULE_IDS) {
      for (const key of ['tp', 'fp', 'fn'] as const) expect(table.all.perRule[id][key]).toBe(table.dev.perRule[id][key] + table.holdout.perRule[id][key]);
    }
    const listed = (kind: string) => errors.filter((e) => e.kind === kind).length;
    const everywhere = (key: 'fp' | 'fn') => table.all.overall[key] + table.fresh.overall[key] + table.fresh2.overall[key];
    expect(listed('false-positive')).toBe(everywhere('fp'));
    expect(listed('missed')).toBe(everywhere('fn'));

    printTable();
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      'test-results/clarity-report.json',
      `${JSON.stringify({ generatedBy: 'tests/unit/clarity-dataset.test.ts', ...table, errors }, null, 2)}\n`,
    );
  });

  it.each(RULE_IDS)('%s: precision >= 0.9 when the rule has at least 5 positives', (id) => {
    const m = table.all.perRule[id];
    if (m.positives < 5) return;
    expect(m.precision ?? 1).toBeGreaterThanOrEqual(0.9);
  });

  it('overall recall >= 0.6', () => {
    expect(table.all.overall.recall ?? 0).toBeGreaterThanOrEqual(0.6);
  });
});
