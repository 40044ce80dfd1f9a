// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DateTime } from 'luxon';
import { quietState, QUIET_RECHECK_MS } from '@/utils/quiet/state';
import type { QuietSettings } from '@/utils/store/quiet-tabs';
import type { Quiet } from '@/utils/store/schema';
import { calmTitle } from '@/utils/quiet/title';
import { createTitleGuard } from '@/utils/quiet/title-guard';
import { createFaviconGuard, PLAIN_SETTLE_MS } from '@/utils/quiet/favicon-guard';
import { EXCEPTIONS_EVENT, installNotificationGuard, matchesException, QUIET_ATTRIBUTE, type PageWindow } from '@/utils/quiet/notifications';
import { PEEK_MS, PEEK_WATCH_MS, startQuiet } from '@/utils/quiet/start';
import type { PeekBarRequest, PeekBarView, QuietCoverRequest } from '@/utils/guard/page-ui';
import type { Snapshot } from '@/utils/store/snapshot';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
// Tuesday 2026-12-01: 23:40 is after hours, 10:30 inside them; Saturday 2026-12-05 is a weekend.
const TUE_NIGHT = at('2026-12-01T23:40');
const TUE_DAY = at('2026-12-01T10:30');
const WED_START = at('2026-12-02T09:00');

const QUIET_OFF: Quiet = { gmail: 'off', slack: 'off', docs: 'off' };

function inputs(quiet: Partial<Quiet>, extra: QuietSettings['preferences'] = {}, daysOff: string[] = []): QuietSettings {
  return { me: { timeZone: ZONE, weekly: officeWeek(), daysOff }, quiet: { ...QUIET_OFF, ...quiet }, preferences: { ...extra } };
}

describe('quietState', () => {
  it('is off for a site whose mode is off or unset, whatever the hour', () => {
    expect(quietState(inputs({ gmail: 'calm' }), 'slack', TUE_NIGHT)).toEqual({ mode: 'off', active: false, until: null, recheckAt: null });
    expect(quietState(inputs({ gmail: 'off' }), 'gmail', TUE_NIGHT).active).toBe(false);
  });

  it('applies outside working time until the next working start, and looks again at that start', () => {
    const state = quietState(inputs({ gmail: 'calm' }), 'gmail', WED_START - 10_000);
    expect(state).toMatchObject({ mode: 'calm', active: true, until: WED_START, recheckAt: WED_START });
    expect(quietState(inputs({ gmail: 'shield' }), 'gmail', TUE_NIGHT)).toMatchObject({ active: true, until: WED_START, recheckAt: TUE_NIGHT + QUIET_RECHECK_MS });
  });

  it('does not apply inside working time; applies on a weekend and on a day off', () => {
    expect(quietState(inputs({ slack: 'calm' }), 'slack', TUE_DAY)).toMatchObject({ active: false, recheckAt: TUE_DAY + QUIET_RECHECK_MS });
    const saturday = at('2026-12-05T11:00');
    expect(quietState(inputs({ slack: 'calm' }), 'slack', saturday)).toMatchObject({ active: true, until: at('2026-12-07T09:00') });
    expect(quietState(inputs({ slack: 'calm' }, {}, ['2026-12-01']), 'slack', TUE_DAY)).toMatchObject({ active: true, until: WED_START });
  });

  it('"on call" turns it off until then, and looks again when it ends', () => {
    const onCallUntil = TUE_NIGHT + 10_000;
    expect(quietState(inputs({ docs: 'shield' }, { onCallUntil }), 'docs', TUE_NIGHT)).toMatchObject({ active: false, recheckAt: onCallUntil });
    expect(quietState(inputs({ docs: 'shield' }, { onCallUntil }), 'docs', onCallUntil).active).toBe(true);
  });
});

describe('calmTitle', () => {
  it.each([
    ['gmail', 'Inbox (3) - me@example.com - Gmail', 'Inbox - me@example.com - Gmail'],
    ['gmail', 'Posteingang (1.234) - ich@example.com - Gmail', 'Posteingang - ich@example.com - Gmail'],
    ['gmail', 'Work (1,234) - me@example.com - Gmail', 'Work - me@example.com - Gmail'],
    ['gmail', 'Inbox - me@example.com - Gmail', 'Inbox - me@example.com - Gmail'],
    ['slack', '* general (Channel) - Acme - Slack', 'general (Channel) - Acme - Slack'],
    ['slack', '! Alice Example (DM) - Acme - Slack', 'Alice Example (DM) - Acme - Slack'],
    ['slack', '(3) random (Channel) - Acme - Slack', 'random (Channel) - Acme - Slack'],
    ['slack', 'Priya (DM) - Acme - Slack', 'Priya (DM) - Acme - Slack'],
    ['docs', 'Q3 plan (draft) - Google Docs', 'Q3 plan (draft) - Google Docs'],
  ] as const)('%s: %s', (site, title, calm) => {
    expect(calmTitle(site, title)).toBe(calm);
  });

  it('never empties a title that is only a marker', () => {
    expect(calmTitle('slack', '*')).toBe('*');
  });
});

describe('createTitleGuard', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.title = 'Inbox (2) - me@example.com - Gmail';
  });
  afterEach(() => controller.abort());

  it('keeps the count out however often the site rewrites it, and gives back the site’s latest title', async () => {
    const guard = createTitleGuard(document, 'gmail', controller.signal);
    guard.setActive(true);
    expect(document.title).toBe('Inbox - me@example.com - Gmail');
    for (const n of [3, 4, 5]) {
      document.title = `Inbox (${n}) - me@example.com - Gmail`;
      await vi.waitFor(() => expect(document.title).toBe('Inbox - me@example.com - Gmail'));
    }
    guard.setActive(false);
    expect(document.title).toBe('Inbox (5) - me@example.com - Gmail');
  });

  it('leaves a title the site set after ours alone when quiet ends', async () => {
    const guard = createTitleGuard(document, 'gmail', controller.signal);
    guard.setActive(true);
    document.title = 'Sent Mail - me@example.com - Gmail';
    await new Promise((r) => setTimeout(r, 0));
    guard.setActive(false);
    expect(document.title).toBe('Sent Mail - me@example.com - Gmail');
  });
});

describe('createFaviconGuard', () => {
  let controller: AbortController;
  const PLAIN = 'https://example.test/favicon5.ico';
  const BADGE = (n: number) => `https://example.test/unreadcountfavicon/${n}_2x.png`;
  let link: HTMLLinkElement;
  beforeEach(() => {
    controller = new AbortController();
    document.head.replaceChildren();
    document.title = 'Inbox - me@example.com - Gmail';
    link = document.createElement('link');
    link.rel = 'shortcut icon';
    link.href = PLAIN;
    document.head.append(link);
  });
  afterEach(() => controller.abort());

  it('keeps the icon the site showed with an unmarked title, and gives back the site’s latest', async () => {
    const title = createTitleGuard(document, 'gmail', controller.signal);
    const guard = createFaviconGuard(document, title.siteMarked, controller.signal);
    title.setActive(true);
    guard.setActive(true);
    for (const n of [1, 2]) {
      document.title = `Inbox (${n}) - me@example.com - Gmail`;
      link.setAttribute('href', BADGE(n));
      await vi.waitFor(() => expect(link.getAttribute('href')).toBe(PLAIN));
    }
    title.setActive(false);
    guard.setActive(false);
    expect(link.getAttribute('href')).toBe(BADGE(2));
  });

  it('does not learn a badge drawn a moment before the title is marked', async () => {
    const title = createTitleGuard(document, 'gmail', controller.signal);
    const guard = createFaviconGuard(document, title.siteMarked, controller.signal);
    title.setActive(true);
    guard.setActive(true);
    link.setAttribute('href', BADGE(1));
    await new Promise((r) => setTimeout(r, 50));
    document.title = 'Inbox (1) - me@example.com - Gmail';
    await vi.waitFor(() => expect(link.getAttribute('href')).toBe(PLAIN));
    await new Promise((r) => setTimeout(r, PLAIN_SETTLE_MS + 100));
    link.setAttribute('href', BADGE(2));
    await vi.waitFor(() => expect(link.getAttribute('href')).toBe(PLAIN));
  });

  it('leaves a badge alone when it never saw the site’s plain icon', async () => {
    document.title = 'Inbox (4) - me@example.com - Gmail';
    link.setAttribute('href', BADGE(4));
    const title = createTitleGuard(document, 'gmail', controller.signal);
    const guard = createFaviconGuard(document, title.siteMarked, controller.signal);
    guard.setActive(true);
    link.setAttribute('href', BADGE(5));
    await new Promise((r) => setTimeout(r, 0));
    expect(link.getAttribute('href')).toBe(BADGE(5));
  });
});

describe('installNotificationGuard', () => {
  let restore: () => void;
  const shown: string[] = [];
  beforeEach(() => {
    shown.length = 0;
    class FakeNotification extends EventTarget {
      static permission = 'granted';
      constructor(readonly title: string, options?: NotificationOptions) {
        super();
        shown.push(`${title}|${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, writable: true, configurable: true });
    restore = installNotificationGuard(window as unknown as PageWindow);
  });
  afterEach(() => {
    restore();
    document.documentElement.removeAttribute(QUIET_ATTRIBUTE);
  });

  it('shows notifications when the page is not quiet, keeps them back when it is', () => {
    const N = window.Notification;
    new N('Alice', { body: 'Hi' });
    document.documentElement.setAttribute(QUIET_ATTRIBUTE, 'calm');
    const silent = new N('Bob', { body: 'Late ping' });
    expect(shown).toEqual(['Alice|Hi']);
    // The site gets an object it can use: properties, handlers, close().
    expect(silent.title).toBe('Bob');
    silent.onclick = () => {};
    silent.close();
    expect(N.permission).toBe('granted');
  });

  it('lets the listed exceptions through, matched on title or body, case and #/@ aside', () => {
    document.dispatchEvent(new CustomEvent(EXCEPTIONS_EVENT, { detail: JSON.stringify(['#incidents', 'Priya Raman']) }));
    document.documentElement.setAttribute(QUIET_ATTRIBUTE, 'shield');
    const N = window.Notification;
    new N('New message in #incidents', { body: 'db down' });
    new N('priya raman', { body: 'ping' });
    new N('Bob', { body: 'about incidents-old' });
    expect(shown).toEqual(['New message in #incidents|db down', 'priya raman|ping']);
  });

  it('ignores malformed exception events', () => {
    document.dispatchEvent(new CustomEvent(EXCEPTIONS_EVENT, { detail: '{not json' }));
    document.dispatchEvent(new CustomEvent(EXCEPTIONS_EVENT, { detail: { list: ['x'] } }));
    expect(matchesException([], 'x', 'y')).toBe(false);
    document.documentElement.setAttribute(QUIET_ATTRIBUTE, 'calm');
    new window.Notification('x');
    expect(shown).toEqual([]);
  });
});

describe('startQuiet', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.title = '* general (Channel) - Acme - Slack';
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  function harness(quiet: Partial<Quiet>, startAt: number, location = { href: 'https://app.slack.com/client/T0TEST/C0TEST' }) {
    let clock = startAt;
    const settings = defaultSettings(ZONE);
    const listeners = new Set<(s: Snapshot) => void>();
    let snapshot: Snapshot = { revision: 1, settings: { ...settings, quiet: { ...QUIET_OFF, ...quiet } } };
    const covers: Array<{ request: QuietCoverRequest; removed: boolean; until: number | null }> = [];
    const onCall: number[] = [];
    const recorded: string[] = [];
    const bars: Array<{ request: PeekBarRequest; view: PeekBarView; removed: boolean }> = [];
    const reminders: Array<{ at: number; items: string[] }> = [];
    startQuiet({
      record: (action) => void recorded.push(action),
      href: () => location.href,
      showPeekBar: (request) => {
        const bar = { request, view: request as PeekBarView, removed: false };
        bars.push(bar);
        return { update: (view) => void (bar.view = view), remove: () => void (bar.removed = true) };
      },
      remindAfterPeek: async (at, items) => {
        reminders.push({ at, items });
        return null;
      },
      site: 'slack',
      doc: document,
      signal: controller.signal,
      now: () => clock,
      source: { current: () => snapshot, subscribe: (l) => void listeners.add(l) },
      showCover: (request) => {
        const cover = { request, removed: false, until: request.until };
        covers.push(cover);
        return { update: (until) => void (cover.until = until), remove: () => void (cover.removed = true) };
      },
      setOnCall: async (until) => {
        onCall.push(until);
        return null;
      },
    });
    return {
      covers,
      onCall,
      recorded,
      bars,
      reminders,
      advance: async (ms: number) => {
        clock += ms;
        await vi.advanceTimersByTimeAsync(ms);
      },
      publish: (next: Partial<Snapshot['settings']>) => {
        snapshot = { revision: snapshot.revision + 1, settings: { ...snapshot.settings, ...next } };
        listeners.forEach((l) => l(snapshot));
      },
    };
  }

  it('calm after hours: title calm and the page marked; back within 2 s of work starting, with no cover', async () => {
    const page = harness({ slack: 'calm' }, WED_START - 5_000);
    expect(document.title).toBe('general (Channel) - Acme - Slack');
    expect(document.documentElement.getAttribute(QUIET_ATTRIBUTE)).toBe('calm');
    expect(page.covers).toHaveLength(0);
    await page.advance(5_000 + 1_000);
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
    expect(document.documentElement.hasAttribute(QUIET_ATTRIBUTE)).toBe(false);
    // Recorded once for the evening, not again when the timer looks again.
    expect(page.recorded).toEqual(['quieted']);
  });

  it('shield: a cover until the next start; Open anyway uncovers for the peek, then it returns', async () => {
    const page = harness({ slack: 'shield' }, TUE_NIGHT);
    expect(page.covers).toHaveLength(1);
    expect(page.covers[0]!.until).toBe(WED_START);
    page.covers[0]!.request.onOpenAnyway();
    expect(page.covers[0]!.removed).toBe(true);
    expect(page.recorded).toEqual(['quieted', 'peeked']);
    // Still calm while peeking: the title keeps no marker.
    expect(document.documentElement.getAttribute(QUIET_ATTRIBUTE)).toBe('shield');
    await page.advance(PEEK_MS - 60_000);
    expect(page.covers).toHaveLength(1);
    await page.advance(61_000);
    expect(page.covers).toHaveLength(2);
    expect(page.covers[1]!.removed).toBe(false);
  });

  it('peek: what is opened is collected (ids only, distinct, max 20) and handed to the next working start; the bar goes with the peek', async () => {
    const location = { href: 'https://app.slack.com/client/T0TEST/C0TEST' };
    const page = harness({ slack: 'shield' }, TUE_NIGHT, location);
    expect(page.bars).toHaveLength(0);
    page.covers[0]!.request.onOpenAnyway();
    expect(page.bars).toHaveLength(1);
    expect(page.bars[0]!.view).toMatchObject({ peekUntil: TUE_NIGHT + PEEK_MS, remindAt: WED_START, opened: 1, reminded: 0 });

    // A single-page app: history events, the page's clicks and a look every second all count.
    location.href = 'https://app.slack.com/client/T0TEST/D0TEST';
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(page.bars[0]!.view.opened).toBe(2);
    location.href = 'https://app.slack.com/client/T0TEST/G0GROUP';
    await page.advance(PEEK_WATCH_MS);
    location.href = 'https://app.slack.com/client/T0TEST/C0TEST';
    document.body.click();
    await page.advance(PEEK_WATCH_MS);
    location.href = 'https://app.slack.com/client/T0TEST/browse-channels';
    await page.advance(PEEK_WATCH_MS);
    expect(page.bars[0]!.view.opened).toBe(3);

    expect(await page.bars[0]!.request.onRemind()).toBeNull();
    expect(page.reminders).toEqual([{ at: WED_START, items: ['T0TEST/C0TEST', 'T0TEST/D0TEST', 'T0TEST/G0GROUP'] }]);
    expect(page.bars[0]!.view).toMatchObject({ opened: 3, reminded: 3 });
    // One more opened after that: the next reminder holds only the new one.
    location.href = 'https://app.slack.com/client/T0TEST/C0MORE';
    await page.advance(PEEK_WATCH_MS);
    await page.bars[0]!.request.onRemind();
    expect(page.reminders[1]).toEqual({ at: WED_START, items: ['T0TEST/C0MORE'] });

    for (let i = 0; i < 30; i++) {
      location.href = `https://app.slack.com/client/T0TEST/C${i}X`;
      await page.advance(PEEK_WATCH_MS);
    }
    expect(page.bars[0]!.view.opened).toBe(20);

    // The peek ends: the bar goes, the cover returns, and nothing is watched any more.
    await page.advance(PEEK_MS);
    expect(page.bars[0]!.removed).toBe(true);
    expect(page.covers.at(-1)!.removed).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('a peek ends with quiet: working time removes the bar', async () => {
    const page = harness({ slack: 'shield' }, WED_START - 60_000);
    page.covers[0]!.request.onOpenAnyway();
    expect(page.bars).toHaveLength(1);
    await page.advance(61_000);
    expect(page.bars[0]!.removed).toBe(true);
  });

  it('on call: the worker is asked, and the published setting uncovers the page', async () => {
    const page = harness({ slack: 'shield' }, TUE_NIGHT);
    expect(await page.covers[0]!.request.onOnCall(2)).toBeNull();
    expect(page.onCall).toEqual([TUE_NIGHT + 2 * 3_600_000]);
    page.publish({ preferences: { ...defaultSettings(ZONE).preferences, onCallUntil: TUE_NIGHT + 2 * 3_600_000 } });
    expect(page.covers[0]!.removed).toBe(true);
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
  });

  it('watches nothing in the page while quiet is off or in working time, except the icons while a mode is on', () => {
    // A busy site rewrites its title with every message: an observer on the head costs script time (bench (c)).
    const watched = () => observe.mock.calls.length - disconnect.mock.calls.length;
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const page = harness({}, TUE_NIGHT);
    expect(observe).not.toHaveBeenCalled();
    page.publish({ quiet: { ...QUIET_OFF, slack: 'calm' } });
    expect(watched()).toBe(2); // the title and the icons, while quiet applies
    page.publish({ quiet: QUIET_OFF });
    expect(watched()).toBe(0);
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
  });

  it('in working time with a mode on, only the icons are watched (to learn the plain one)', () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    harness({ slack: 'calm' }, TUE_DAY);
    expect(observe).toHaveBeenCalledTimes(1);
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
  });

  it('a settings change turns quiet off at once; aborting leaves the page as the site had it', () => {
    const page = harness({ slack: 'calm' }, TUE_NIGHT);
    expect(document.title).toBe('general (Channel) - Acme - Slack');
    page.publish({ quiet: QUIET_OFF });
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
    page.publish({ quiet: { ...QUIET_OFF, slack: 'calm' } });
    expect(document.title).toBe('general (Channel) - Acme - Slack');
    controller.abort();
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
    expect(document.documentElement.hasAttribute(QUIET_ATTRIBUTE)).toBe(false);
  });
});
