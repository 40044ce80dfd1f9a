// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/utils/guard/adapter';
import { startGuard, type GuardEvent, type GuardUi, type HoldHandlers, type HoldView } from '@/utils/guard/guard';
import { describeHold, type ViewContext } from '@/utils/guard/views';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import type { Settings } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';
import { t } from '@/utils/i18n';
import { useLanguage } from './setup/i18n';
import { buildTinyPage, tinyAdapter } from './helpers/tiny-site';

const buildPage = (doc: Document) => buildTinyPage(doc);
const adapter = tinyAdapter;

function settingsWith(mode: 'off' | 'nudge' | 'confirm', priyaZone = 'Asia/Kolkata'): Settings {
  const s = defaultSettings('Europe/Berlin');
  s.sites.gmail = mode;
  s.me.weekly = officeWeek([['09:00', '17:00']]);
  s.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: priyaZone }];
  return s;
}

/** A page UI that keeps what it would show: the view the real one describes for each verdict (utils/guard/views.ts). */
function fakeUi(views: ViewContext = { adapter: adapter(), source: { current: () => null } }) {
  const holds: Array<{ view: HoldView; handlers: HoldHandlers; closed: boolean; focused: number }> = [];
  const messages: string[] = [];
  const ui: GuardUi = {
    showHold: (c, verdict, handlers) => {
      const hold = { view: describeHold(views, c, verdict), handlers, closed: false, focused: 0 };
      holds.push(hold);
      return { update: (v) => (hold.view = describeHold(views, c, v)), focus: () => (hold.focused += 1), close: () => (hold.closed = true) };
    },
    showNote: () => {},
    showMessage: (_c, text) => messages.push(text),
  };
  return { ui, holds, messages };
}

// Tuesday 2026-12-01 23:40 in Berlin (22:40 UTC): after hours for the sender; 04:10 for Priya.
const NIGHT = new Date('2026-12-01T22:40:00Z');
// Tuesday 2026-12-01 10:30 in Berlin (09:30 UTC): 15:00 in Kolkata, everyone working.
const DAY = new Date('2026-12-01T09:30:00Z');

describe('startGuard', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => controller.abort());

  function start(settings: Settings | null, now: Date, siteAdapter = adapter()) {
    const page = buildPage(document);
    const snapshot: Snapshot | null = settings ? { revision: 1, settings } : null;
    const { ui, holds, messages } = fakeUi({ adapter: siteAdapter, source: { current: () => snapshot } });
    const events: GuardEvent[] = [];
    startGuard(
      { adapter: siteAdapter, source: { current: () => snapshot }, ui, doc: document, now: () => now, record: (e) => events.push(e), isUserGesture: () => true },
      controller.signal,
    );
    return { ...page, holds, messages, events };
  }

  it('lets an in-hours send through untouched', () => {
    const { send, sent, holds } = start(settingsWith('confirm'), DAY);
    send.click();
    expect(sent).toEqual(['Hello 👋 שלום']);
    expect(holds).toHaveLength(0);
  });

  it('holds an after-hours send before the site sees it, then opens the dialog', async () => {
    const { send, sent, holds, events } = start(settingsWith('confirm'), NIGHT);
    send.click();
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    expect(holds[0]!.view.detail).toContain('23:40 for you');
    expect(holds[0]!.view.detail).toContain('04:10 for Priya');
    expect(holds[0]!.view.scheduleLabel).toMatch(/^Schedule for \w{3} \d{2}:\d{2}$/);
    expect(events.map((e) => e.action)).toEqual(['held']);
  });

  it('in a German browser the dialog speaks German, and so does a Schedule that could not finish', async () => {
    await useLanguage('de');
    const failing: SiteAdapter = { ...adapter(), scheduleNative: async () => ({ ok: false, step: t('siteSteps.dateField') }) };
    const { send, sent, holds, messages } = start(settingsWith('confirm'), NIGHT, failing);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    expect(holds[0]!.view.headline).toBe('Es ist außerhalb der Arbeitszeit für Sie und Priya');
    expect(holds[0]!.view.detail).toBe('23:40 bei Ihnen; 04:10 bei Priya in Asia/Kolkata');
    expect(holds[0]!.view.scheduleLabel).toMatch(/^Planen für (Mo|Di|Mi|Do|Fr|Sa|So)\. \d{2}:\d{2}$/);
    holds[0]!.handlers.schedule();
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toMatch(/^Das Planen konnte nicht abgeschlossen werden \(Datumsfeld\)\. Wählen Sie (Mo|Di|Mi|Do|Fr|Sa|So)\. \d{2}:\d{2} /);
    expect(sent).toEqual([]);
  });

  it('when the site’s list takes a later minute than asked (30-minute steps), the page says which', async () => {
    let asked = 0;
    const later: SiteAdapter = { ...adapter(), scheduleNative: async (_c, at) => ((asked = at.getTime()), { ok: true, at: at.getTime() + 15 * 60_000 }) };
    const { send, holds, messages } = start(settingsWith('confirm'), NIGHT, later);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.schedule();
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(asked).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/^Scheduled for \w{3} \d{2}:\d{2}, the first time the site offers from then\.$/);
  });

  it('in a German browser a clarity fix names the built-in template by its German title', async () => {
    await useLanguage('de');
    const { send, body, holds } = start(settingsWith('confirm'), NIGHT);
    body.textContent = 'URGENT: please send the contract ASAP';
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    const finding = holds[0]!.view.findings?.find((f) => f.rule === 'urgent-no-deadline');
    expect(finding?.fix).toEqual({ templateId: 'decision-needed', title: 'Entscheidung bis zu einer Frist nötig (auch in der Zeit der Empfänger)' });
  });

  it('with a 15-minute scheduler, "next good time" names the minute the Schedule button will use', async () => {
    const settings = settingsWith('confirm');
    settings.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata', weekly: officeWeek([['09:07', '17:00']]) }];
    const { send, holds } = start(settings, NIGHT, { ...adapter(), scheduleStepMinutes: 15 });
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    // Priya starts at 09:07 in Kolkata (04:37 in Berlin); Gmail and Slack can only take 04:45.
    expect(holds[0]!.view.scheduleLabel).toBe('Schedule for Wed 04:45');
    expect(holds[0]!.view.slot).toContain('Wed 09:15 in Priya');
    expect(holds[0]!.view.slot).toContain('Wed 04:45 yours');
  });

  it('Send now sends exactly once, unchanged, and a later press is judged again', async () => {
    const { send, sent, holds, events } = start(settingsWith('confirm'), NIGHT);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.sendNow();
    expect(sent).toEqual(['Hello 👋 שלום']);
    expect(holds[0]!.closed).toBe(true);
    expect(events.map((e) => e.action)).toEqual(['held', 'sent-anyway']);
    send.click();
    expect(sent).toHaveLength(1);
    await vi.waitFor(() => expect(holds).toHaveLength(2));
  });

  it('a second press while the dialog is open is swallowed and refocuses the dialog', async () => {
    const { send, sent, holds } = start(settingsWith('confirm'), NIGHT);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    send.click();
    send.click();
    expect(sent).toEqual([]);
    expect(holds).toHaveLength(1);
    expect(holds[0]!.focused).toBe(2);
  });

  it('Keep editing sends nothing and focuses the body', async () => {
    const { send, sent, holds, body } = start(settingsWith('confirm'), NIGHT);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.keepEditing();
    expect(sent).toEqual([]);
    expect(document.activeElement).toBe(body);
  });

  it('nudge mode never holds', () => {
    const { send, sent, holds, events } = start(settingsWith('nudge'), NIGHT);
    send.click();
    expect(sent).toHaveLength(1);
    expect(holds).toHaveLength(0);
    expect(events.map((e) => e.action)).toEqual(['nudged']);
  });

  it('nudge mode: no note on an idle empty composer; one while it is written in or holds a draft', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const notes: Array<string | null> = [];
      const ui: GuardUi = { ...fakeUi().ui, showNote: (_c, verdict) => notes.push(verdict ? verdict.kind : null) };
      const snapshot: Snapshot = { revision: 1, settings: settingsWith('nudge') };
      const page = buildTinyPage(document, '');
      startGuard({ adapter: adapter(), source: { current: () => snapshot }, ui, doc: document, now: () => NIGHT, isUserGesture: () => true }, controller.signal);
      await vi.advanceTimersByTimeAsync(1_000);
      // Bound, not focused, nothing typed: the page must not move under the user's pointer.
      expect(notes.filter(Boolean)).toEqual([]);
      page.body.focus();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(notes.at(-1)).toBe('after-hours');
      page.body.blur();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(notes.at(-1)).toBeNull();
      page.body.textContent = 'A late thought';
      await vi.advanceTimersByTimeAsync(1_000);
      expect(notes.at(-1)).toBe('after-hours');
    } finally {
      vi.useRealTimers();
    }
  });

  it('off mode and a missing snapshot let the send through (fail open)', () => {
    const off = start(settingsWith('off'), NIGHT);
    off.send.click();
    expect(off.sent).toHaveLength(1);
    controller.abort();
    controller = new AbortController();
    document.body.replaceChildren();
    const none = start(null, NIGHT);
    none.send.click();
    expect(none.sent).toHaveLength(1);
  });

  it('a throwing adapter lets the send through', () => {
    const broken = { ...adapter(), readRecipients: () => { throw new Error('selector gone'); } };
    const { send, sent } = start(settingsWith('confirm'), NIGHT, broken);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    send.click();
    expect(sent).toHaveLength(1);
  });

  it('a dialog that cannot open sends as the user asked, once', async () => {
    const page = buildPage(document);
    const events: GuardEvent[] = [];
    const ui: GuardUi = { showHold: () => { throw new Error('no shadow DOM'); }, showNote: () => {}, showMessage: () => {} };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    startGuard(
      { adapter: adapter(), source: { current: () => ({ revision: 1, settings: settingsWith('confirm') }) }, ui, doc: document, now: () => NIGHT, record: (e) => events.push(e), isUserGesture: () => true },
      controller.signal,
    );
    page.send.click();
    expect(page.sent).toEqual([]);
    await vi.waitFor(() => expect(page.sent).toHaveLength(1));
    expect(events.map((e) => e.action)).toEqual(['failed-open']);
  });

  it('synthetic events (our own re-sends, other scripts) are never judged by default', () => {
    const page = buildPage(document);
    startGuard(
      { adapter: adapter(), source: { current: () => ({ revision: 1, settings: settingsWith('confirm') }) }, ui: fakeUi().ui, doc: document, now: () => NIGHT },
      controller.signal,
    );
    page.send.click();
    expect(page.sent).toHaveLength(1);
  });

  it('after invalidation (abort) the page behaves natively', () => {
    const { send, sent } = start(settingsWith('confirm'), NIGHT);
    controller.abort();
    send.click();
    expect(sent).toHaveLength(1);
  });

  it('a send only to yourself is not questioned', () => {
    const { send, sent } = start(settingsWith('confirm'), NIGHT, adapter([{ email: 'me@example.com' }]));
    send.click();
    // Late for the sender too, but a note to yourself disturbs no one (verdict 'self').
    expect(sent).toHaveLength(1);
  });
});
