// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createHealth, describeElement } from '@/utils/guard/health';
import type { SiteAdapter } from '@/utils/guard/adapter';
import { createSiteHealthStore } from '@/utils/background/site-health';
import { applyReport, EMPTY_HEALTH, forgetTab, healthView, type SiteHealthReport } from '@/utils/store/site-health';
import { answer } from '@/utils/background/handle';
import { reportSiteHealthPayload } from '@/utils/messaging/table';

const COUNTS = { composers: 1, sendControls: 0, recipientsRead: 0, scheduleSteps: 0, zonesLearned: 0 };

function report(over: Partial<SiteHealthReport> = {}): SiteHealthReport {
  return { site: 'gmail', counts: COUNTS, problems: ['no-send'], failures: [{ kind: 'no-send', at: 1, structure: ['div[role=button] data-tooltip'] }], ...over };
}

describe('describeElement keeps structure only', () => {
  it('tag, role and data-* names; never text, labels or values', () => {
    const el = document.createElement('div');
    el.setAttribute('role', 'button');
    el.setAttribute('data-tooltip', 'Send to priya@example.com');
    el.setAttribute('aria-label', 'Send to Priya');
    el.setAttribute('data-hovercard-id', 'priya@example.com');
    el.textContent = 'secret text';
    expect(describeElement(el)).toBe('div[role=button] data-tooltip data-hovercard-id');
  });
  it('drops a role that is not a plain word', () => {
    const el = document.createElement('span');
    el.setAttribute('role', 'Priya Raman');
    expect(describeElement(el)).toBe('span');
  });
});

describe('the report payload refuses anything but structure', () => {
  it.each([['Send to Priya'], ['div data-x="1"'], ['priya@example.com']])('refuses the structure entry %j', (entry) => {
    expect(reportSiteHealthPayload.safeParse(report({ failures: [{ kind: 'no-send', at: 1, structure: [entry] }] })).success).toBe(false);
  });
  it('accepts a real report', () => expect(reportSiteHealthPayload.safeParse(report()).success).toBe(true));
});

describe('health view', () => {
  it('a site with a tab reporting a problem has it; it clears when the tab reports none or closes', () => {
    let state = applyReport(EMPTY_HEALTH, 7, report(), 10);
    expect(healthView(state, ['gmail', 'slack']).sites).toEqual([
      { site: 'gmail', tabs: 1, problems: ['no-send'], counts: COUNTS },
      { site: 'slack', tabs: 0, problems: [], counts: { ...COUNTS, composers: 0 } },
    ]);
    state = applyReport(state, 7, report({ problems: [], failures: [] }), 20);
    expect(healthView(state, ['gmail']).sites[0]!.problems).toEqual([]);
    expect(healthView(state, ['gmail']).failures).toHaveLength(1);
    state = applyReport(state, 8, report(), 30);
    expect(healthView(forgetTab(state, 8), ['gmail']).sites[0]!.problems).toEqual([]);
  });
  it('keeps the last 20 failures', () => {
    let state = EMPTY_HEALTH;
    for (let i = 0; i < 25; i++) state = applyReport(state, 1, report({ failures: [{ kind: 'schedule', at: i, structure: [] }] }), i);
    expect(state.failures.map((f) => f.at)).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
  });
  it('the store applies concurrent reports one at a time; the message refuses a malformed one', async () => {
    const data: Record<string, unknown> = {};
    const area = { get: async (k: string) => ({ [k]: data[k] }), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
    const store = createSiteHealthStore(area, () => 5);
    await Promise.all([store.report(1, report()), store.report(2, report({ site: 'slack', problems: ['schedule'] }))]);
    const view = await store.view();
    expect(view.sites.filter((s) => s.problems.length).map((s) => s.site)).toEqual(['gmail', 'slack']);
    const handler = (data: SiteHealthReport) => store.report(3, data);
    await expect(answer('reportSiteHealth', { ...report(), text: 'typed' }, handler, Promise.resolve())).rejects.toThrow();
    expect((await store.view()).sites.filter((s) => s.problems.length)).toHaveLength(2);
  });
});

describe('createHealth (the page side)', () => {
  function setup(send: boolean) {
    document.body.replaceChildren();
    const composer = document.createElement('div');
    const button = document.createElement('div');
    button.setAttribute('data-tooltip', 'x');
    composer.append(button);
    document.body.append(composer);
    const adapter = {
      site: 'gmail',
      sendControl: () => (send ? button : null),
      expectsRecipients: () => true,
      readRecipients: () => [],
    } as unknown as SiteAdapter;
    const reports: SiteHealthReport[] = [];
    const notes: string[] = [];
    const health = createHealth({ adapter, report: (r) => reports.push(r), notify: (_c, p) => notes.push(p) }, new AbortController().signal);
    return { composer, health, reports, notes };
  }

  it('a composer without Send is a problem after its grace, noted once; it clears once Send is there', () => {
    vi.useFakeTimers();
    const { composer, health, reports, notes } = setup(false);
    health.composerBound(composer, new AbortController().signal);
    vi.advanceTimersByTime(2_000);
    expect(reports.at(-1)).toMatchObject({ problems: ['no-send'], counts: { composers: 1, sendControls: 0 } });
    expect(reports.at(-1)!.failures[0]).toMatchObject({ kind: 'no-send', structure: ['div data-tooltip'] });
    health.heldSend(composer);
    vi.advanceTimersByTime(500);
    expect(reports.at(-1)!.problems).toEqual(['no-send', 'recipients']);
    expect(notes).toEqual(['no-send']);
    health.scheduled(composer, { ok: true });
    vi.advanceTimersByTime(500);
    expect(reports.at(-1)!.counts.scheduleSteps).toBe(1);
    // The compose closes: the problem stays until a composer shows a Send again.
    const closed = new AbortController();
    health.composerBound(composer, closed.signal);
    closed.abort();
    vi.advanceTimersByTime(2_000);
    expect(reports.at(-1)!.problems).toContain('no-send');
    vi.useRealTimers();
  });

  it('a composer with its Send reports no problem', () => {
    vi.useFakeTimers();
    const { composer, health, reports, notes } = setup(true);
    health.composerBound(composer, new AbortController().signal);
    vi.advanceTimersByTime(2_000);
    expect(reports.at(-1)).toMatchObject({ problems: [], counts: { composers: 1, sendControls: 1 }, failures: [] });
    expect(notes).toEqual([]);
    vi.useRealTimers();
  });
});
