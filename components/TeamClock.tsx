/**
 * The popup's team clock (issue 22): contacts and the organisation's directory grouped working now,
 * starting within 2 hours, off (and zone unknown), each with their local time, place and next start,
 * searchable by name or address. The worker keeps the index and answers a page at a time; only the rows
 * in view are rendered (fixed-height items in a scrolled box), so 10,000 people cost what 12 do.
 * Ticked people can be planned with (components/PlanTime.tsx).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { browser } from 'wxt/browser';
import { PlanTime } from '@/components/PlanTime';
import { TEAM_GROUPS, type TeamCounts, type TeamGroup, type TeamRow } from '@/utils/etiquette/team-clock';
import { wallClock, type Hours } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { clockTime, weekdayTime } from '@/utils/i18n/dates';
import { sendMessage } from '@/utils/messaging';
import { POPUP_SUMMARY_KEY } from '@/utils/store/popup-summary';
import { errorText } from '@/utils/ui/requests';
import { TEAM_PAGE as PAGE, takeArrivedTeamPage, takeTeamPrefetch, teamMinute } from '@/utils/ui/team-prefetch';
import { useNow } from '@/utils/ui/use-snapshot';
import { cityOf } from '@/utils/ui/zone-city';
import './team-clock.css';

/** Height of every item (a row or a group's heading), in px: positions follow from the index alone. */
export const ITEM_HEIGHT = 46;
const VISIBLE_ITEMS = 6;
const OVERSCAN = 4;
/** Plan-a-time compares schedules pairwise over 28 days: a dozen people keeps it instant. */
export const MAX_PLAN = 12;
/** Bench (g) reads these: the first rows shown, and each search from keystroke to its rows on screen. */
export const SHOWN_MARK = 'ae-team-clock-shown';
export const SEARCH_MEASURE = 'ae-team-search';

const NO_ONE: TeamCounts = { working: 0, soon: 0, off: 0, unknown: 0 };

interface Section {
  group: TeamGroup;
  /** Item index of the group's heading; its rows follow. */
  start: number;
  /** Index of its first row among all rows (what the worker pages by). */
  firstRow: number;
  count: number;
}

export function sectionsOf(counts: TeamCounts): { sections: Section[]; items: number } {
  const sections: Section[] = [];
  let items = 0;
  let rows = 0;
  for (const group of TEAM_GROUPS) {
    const count = counts[group];
    if (!count) continue;
    sections.push({ group, start: items, firstRow: rows, count });
    items += count + 1;
    rows += count;
  }
  return { sections, items };
}

type Item = { kind: 'heading'; section: Section } | { kind: 'row'; section: Section; row: number };

function itemAt(sections: readonly Section[], index: number): Item | null {
  const section = sections.find((s) => index >= s.start && index <= s.start + s.count);
  if (!section) return null;
  return index === section.start ? { kind: 'heading', section } : { kind: 'row', section, row: section.firstRow + index - section.start - 1 };
}

/** The time alone when it is on the person's today, else with its weekday. */
function whenText(ms: number, zone: string, at: number): string {
  return wallClock(zone, new Date(ms)).date === wallClock(zone, new Date(at)).date ? clockTime(ms, zone) : weekdayTime(ms, zone);
}

/** "until 17:00", "starts 10:30", "public holiday · next start Wed 09:00". */
export function rowDetail(row: TeamRow, at: number): string {
  const zone = row.timeZone;
  const { status } = row;
  if (!zone) return t('teamClock.zoneUnknown');
  if (status.group === 'working') return status.until == null ? t('teamClock.allWeek') : t('teamClock.until', { time: whenText(status.until, zone, at) });
  if (status.nextStart == null) return t('teamClock.noHours');
  if (status.group === 'soon') return t('teamClock.starts', { time: whenText(status.nextStart, zone, at) });
  const next = t('teamClock.nextStart', { time: weekdayTime(status.nextStart, zone) });
  const reason = status.reason === 'holiday' ? t('teamClock.holiday') : status.reason === 'day-off' ? t('teamClock.dayOff') : null;
  return reason ? `${reason} · ${next}` : next;
}

interface View {
  key: string;
  search: string;
  /** The instant its groups were computed for. */
  at: number;
  counts: TeamCounts;
  total: number;
  all: number;
  rows: Map<number, TeamRow>;
}

function measureSearch(pending: { search: string; start: number } | null, view: View): boolean {
  if (!pending || pending.search !== view.search) return false;
  try {
    performance.measure(SEARCH_MEASURE, { start: pending.start });
  } catch {
    // A browser without measure options: the figure is the bench's, the list works regardless.
  }
  return true;
}

/** Counts the worker's changes (it stores the popup's summary after each one): the team clock asks again. */
function useSettingsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && POPUP_SUMMARY_KEY in changes) setVersion((v) => v + 1);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return version;
}

/** Asks the worker for pages of one query (search + instant); answers for an older query are dropped. */
function useTeamPages(search: string, at: number, version: number) {
  const key = `${at}\n${version}\n${search}`;
  const [view, setView] = useState<View | null>(() => {
    const page = search === '' ? takeArrivedTeamPage(at) : null;
    return page && { key, search, at: page.at, counts: page.counts, total: page.total, all: page.all, rows: new Map(page.rows.map((row, i) => [page.offset + i, row])) };
  });
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(key);
  const requested = useRef(new Set<string>());
  if (latest.current !== key) {
    latest.current = key;
    requested.current = new Set();
  }

  const fetchPage = useCallback((page: number) => {
    const asked = latest.current;
    const id = `${asked}#${page}`;
    if (requested.current.has(id)) return;
    requested.current.add(id);
    const [atText, _version, ...rest] = asked.split('\n');
    const query = rest.join('\n');
    const at = Number(atText);
    (takeTeamPrefetch(query, at, page * PAGE) ?? sendMessage('queryTeamClock', { search: query, at, offset: page * PAGE, limit: PAGE }))
      .then((answer) => {
        if (asked !== latest.current) return;
        setView((current) => {
          const rows = current?.key === asked ? new Map(current.rows) : new Map<number, TeamRow>();
          answer.rows.forEach((row, i) => rows.set(answer.offset + i, row));
          return { key: asked, search: query, at: answer.at, counts: answer.counts, total: answer.total, all: answer.all, rows };
        });
        setError(null);
      })
      .catch((e: unknown) => {
        requested.current.delete(id);
        if (asked === latest.current) setError(errorText(e));
      });
  }, []);

  return { key, view, error, fetchPage };
}

export function TeamClock({ me }: { me: Hours }) {
  const headingId = useId();
  const now = useNow(30_000);
  const at = teamMinute(now.getTime());
  const [search, setSearch] = useState('');
  const { key, view, error, fetchPage } = useTeamPages(search, at, useSettingsVersion());
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const pendingSearch = useRef<{ search: string; start: number } | null>(null);
  const [picked, setPicked] = useState<Map<number, TeamRow>>(new Map());
  const [planning, setPlanning] = useState(false);
  const planButton = useRef<HTMLButtonElement>(null);

  const { sections, items } = sectionsOf(view?.counts ?? NO_ONE);
  const first = Math.max(0, Math.floor(scrollTop / ITEM_HEIGHT) - OVERSCAN);
  const last = Math.min(items, Math.ceil(scrollTop / ITEM_HEIGHT) + VISIBLE_ITEMS + OVERSCAN);
  const current = view?.key === key ? view : null;

  // The pages the rows in view need (the first page while the query has no answer yet).
  useEffect(() => {
    const pages = new Set<number>();
    if (!current) pages.add(0);
    for (let index = first; index < last; index++) {
      const item = itemAt(sections, index);
      if (item?.kind === 'row' && !current?.rows.has(item.row)) pages.add(Math.floor(item.row / PAGE));
    }
    pages.forEach(fetchPage);
  });

  useEffect(() => {
    if (!current) return;
    if (performance.getEntriesByName(SHOWN_MARK).length === 0) performance.mark(SHOWN_MARK);
    if (measureSearch(pendingSearch.current, current)) pendingSearch.current = null;
  }, [current]);

  function onSearch(event: ChangeEvent<HTMLInputElement>) {
    const value = event.currentTarget.value;
    pendingSearch.current = { search: value, start: performance.now() };
    setSearch(value);
    setScrollTop(0);
    if (listRef.current) listRef.current.scrollTop = 0;
  }

  function toggle(row: TeamRow, on: boolean) {
    setPicked((previous) => {
      const next = new Map(previous);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  }

  function closePlan() {
    setPlanning(false);
    requestAnimationFrame(() => planButton.current?.focus());
  }

  const planned = useMemo(() => [...picked.values()].flatMap((row) => (row.hours ? [{ name: row.name, hours: row.hours }] : [])), [picked]);
  const shown = view ?? null;
  const full = picked.size >= MAX_PLAN;
  return (
    <section className="team-clock" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teamClock.heading')}</h2>
      <input
        type="search"
        className="team-search"
        aria-label={t('teamClock.search')}
        placeholder={t('teamClock.placeholder')}
        value={search}
        onChange={onSearch}
        maxLength={200}
      />
      <p className="hint team-summary" aria-live="polite">
        {shown ? summaryText(shown) : t('popup.loading')}
      </p>
      {/* Not an alert: the popup's alerts are site health's (contract §3); the list simply says it could not load. */}
      {error && <p className="error">{error}</p>}
      {shown && shown.total === 0 && <p className="hint">{shown.all === 0 ? t('teamClock.empty') : t('teamClock.noMatch')}</p>}
      <div
        ref={listRef}
        className="team-scroll"
        tabIndex={items > 0 ? 0 : -1}
        style={{ height: `${Math.min(items, VISIBLE_ITEMS) * ITEM_HEIGHT}px` }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div role="list" aria-label={t('teamClock.list')} className="team-items" style={{ height: `${items * ITEM_HEIGHT}px` }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, offset) => {
            const index = first + offset;
            const item = itemAt(sections, index);
            if (!item) return null;
            const style = { top: `${index * ITEM_HEIGHT}px`, height: `${ITEM_HEIGHT}px` };
            const common = { role: 'listitem', 'aria-setsize': items, 'aria-posinset': index + 1, style } as const;
            if (item.kind === 'heading') {
              return (
                <div key={`h-${item.section.group}`} {...common} className="team-item team-heading">
                  <h3>{t(`teamClock.group.${item.section.group}`, { count: item.section.count })}</h3>
                </div>
              );
            }
            const row = shown?.rows.get(item.row);
            if (!row) return <div key={`r-${item.row}`} {...common} className="team-item team-row loading" aria-busy="true" />;
            return (
              <div key={`r-${row.id}`} {...common} className={`team-item team-row ${row.status.group}`} title={row.address}>
                <PersonRow row={row} at={shown!.at} picked={picked.has(row.id)} disabled={full && !picked.has(row.id)} onToggle={toggle} />
              </div>
            );
          })}
        </div>
      </div>
      <div className="button-row team-actions">
        <button ref={planButton} type="button" className="primary" disabled={picked.size === 0} aria-expanded={planning} onClick={() => setPlanning(true)}>
          {picked.size === 0 ? t('teamClock.planNobody') : t('teamClock.plan', picked.size)}
        </button>
        {picked.size > 0 && (
          <button
            type="button"
            onClick={() => {
              setPicked(new Map());
              setPlanning(false);
            }}
          >
            {t('teamClock.clear')}
          </button>
        )}
      </div>
      <p className="hint">{full ? t('teamClock.planLimit', { max: MAX_PLAN }) : picked.size === 0 ? t('teamClock.pickHint') : null}</p>
      {planning && picked.size > 0 && (
        <PlanTime me={me} people={planned} now={at} onClose={closePlan} />
      )}
    </section>
  );
}

function summaryText(view: View): string {
  const groups = TEAM_GROUPS.filter((group) => view.counts[group] > 0).map((group) => t(`teamClock.group.${group}`, { count: view.counts[group] }));
  const parts = view.search.trim() ? [t('teamClock.matches', view.total, { all: view.all }), ...groups] : groups;
  return parts.join(' · ');
}

interface RowProps {
  row: TeamRow;
  at: number;
  picked: boolean;
  disabled: boolean;
  onToggle: (row: TeamRow, on: boolean) => void;
}

function PersonRow({ row, at, picked, disabled, onToggle }: RowProps) {
  const id = useId();
  const zone = row.timeZone;
  const detail = rowDetail(row, at);
  return (
    <>
      {row.hours ? (
        <input id={id} type="checkbox" checked={picked} disabled={disabled} onChange={(event) => onToggle(row, event.currentTarget.checked)} />
      ) : (
        <span className="team-no-pick" aria-hidden="true" />
      )}
      <span className="team-text">
        {row.hours ? (
          <label htmlFor={id} className="team-name">
            {row.name}
          </label>
        ) : (
          <span className="team-name">{row.name}</span>
        )}
        <span className="team-detail">{zone ? `${cityOf(zone)} · ${detail}` : [row.address, detail].filter(Boolean).join(' · ')}</span>
      </span>
      {zone && <span className="team-time">{clockTime(at, zone)}</span>}
    </>
  );
}
