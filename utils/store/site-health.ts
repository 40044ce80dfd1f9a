/**
 * Site health (issue 16; contract §3 "Site health"): what each tab's content script recognised of its
 * site and what it could not, kept by the background per tab, plus the last 20 failures with only
 * the STRUCTURE of what was missing (tag names, roles, data-* attribute names). No typed text, no
 * address, no name. Pure: the background stores it, the popup and options read the view.
 */
import type { Site } from './schema';

export const SITE_HEALTH_PROBLEMS = ['no-send', 'recipients', 'schedule'] as const;
export type SiteHealthProblem = (typeof SITE_HEALTH_PROBLEMS)[number];
export const MAX_HEALTH_FAILURES = 20;

export interface SiteHealthCounts {
  composers: number;
  sendControls: number;
  recipientsRead: number;
  scheduleSteps: number;
  zonesLearned: number;
}

export interface SiteHealthFailure {
  kind: SiteHealthProblem;
  at: number;
  structure: string[];
  step?: string;
}

export interface SiteHealthReport {
  site: Site;
  counts: SiteHealthCounts;
  problems: SiteHealthProblem[];
  failures: SiteHealthFailure[];
}

export interface TabHealth {
  site: Site;
  counts: SiteHealthCounts;
  problems: SiteHealthProblem[];
  updatedAt: number;
}

export interface HealthState {
  tabs: Record<string, TabHealth>;
  failures: Array<SiteHealthFailure & { site: Site }>;
}

export interface SiteHealthView {
  sites: Array<{ site: Site; tabs: number; problems: SiteHealthProblem[]; counts: SiteHealthCounts }>;
  failures: Array<SiteHealthFailure & { site: Site }>;
}

export const EMPTY_HEALTH: HealthState = { tabs: {}, failures: [] };

const ZERO: SiteHealthCounts = { composers: 0, sendControls: 0, recipientsRead: 0, scheduleSteps: 0, zonesLearned: 0 };

/** A tab's report replaces its record; its new failures join the last MAX_HEALTH_FAILURES. */
export function applyReport(state: HealthState, tabId: number, report: SiteHealthReport, now: number): HealthState {
  const failures = [...state.failures, ...report.failures.map((f) => ({ ...f, site: report.site }))].slice(-MAX_HEALTH_FAILURES);
  return {
    tabs: { ...state.tabs, [tabId]: { site: report.site, counts: report.counts, problems: report.problems, updatedAt: now } },
    failures,
  };
}

export function forgetTab(state: HealthState, tabId: number): HealthState {
  if (!(tabId in state.tabs)) return state;
  const tabs = { ...state.tabs };
  delete tabs[tabId];
  return { ...state, tabs };
}

/** Per site: its open problems over all its tabs (a site with no tab open has none) and summed counts. */
export function healthView(state: HealthState, sites: readonly Site[]): SiteHealthView {
  return {
    sites: sites.map((site) => {
      const tabs = Object.values(state.tabs).filter((tab) => tab.site === site);
      const problems = SITE_HEALTH_PROBLEMS.filter((p) => tabs.some((tab) => tab.problems.includes(p)));
      const counts = { ...ZERO };
      for (const tab of tabs) for (const key of Object.keys(ZERO) as Array<keyof SiteHealthCounts>) counts[key] += tab.counts[key];
      return { site, tabs: tabs.length, problems, counts };
    }),
    failures: state.failures,
  };
}
