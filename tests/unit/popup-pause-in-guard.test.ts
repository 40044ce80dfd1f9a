// @vitest-environment happy-dom
/** The popup's pause and the options page's snoozes, as the content-side guard honours them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/utils/guard/adapter';
import { startGuard, type GuardEvent, type GuardUi } from '@/utils/guard/guard';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import type { Settings } from '@/utils/store/schema';

// Tuesday 2026-12-01 23:40 in Berlin: after hours for the sender, 04:10 for Priya in Kolkata.
const NIGHT = new Date('2026-12-01T22:40:00Z');

function page() {
  const composer = document.createElement('div');
  composer.className = 'composer';
  const send = document.createElement('button');
  send.className = 'send';
  composer.append(send);
  document.body.append(composer);
  const sent: number[] = [];
  composer.addEventListener('click', () => sent.push(1));
  return { send, sent };
}

const adapter: SiteAdapter = {
  site: 'gmail',
  sendEvents: ['click'],
  findComposers: (root) => [...root.querySelectorAll<HTMLElement>('.composer')],
  composerOf: (node) => (node instanceof Element ? node.closest<HTMLElement>('.composer') : null),
  sendTarget: (event) => (event.target instanceof Element ? event.target.closest<HTMLElement>('.composer') : null),
  readRecipients: () => [{ email: 'priya@example.com' }],
  selfIds: () => [],
  body: () => null,
  resend: () => true,
  insertText: () => true,
  toolbarPlacement: () => null,
  notePlacement: () => null,
};

function settings(change: (s: Settings) => void): Settings {
  const s = defaultSettings('Europe/Berlin');
  s.sites.gmail = 'confirm';
  s.me.weekly = officeWeek([['00:00', '00:00']]);
  s.me.weekly.sat = [['00:00', '00:00']];
  s.me.weekly.sun = [['00:00', '00:00']];
  s.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' }];
  change(s);
  return s;
}

describe('pause and snooze in the guard', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => controller.abort());

  function run(s: Settings, now = NIGHT) {
    const { send, sent } = page();
    const holds: unknown[] = [];
    const events: GuardEvent[] = [];
    const ui: GuardUi = {
      showHold: () => {
        holds.push(1);
        return { update: () => {}, focus: () => {}, close: () => {} };
      },
      showNote: () => {},
      showMessage: () => {},
    };
    startGuard(
      { adapter, source: { current: () => ({ revision: 1, settings: s }) }, ui, doc: document, now: () => now, record: (e) => events.push(e), isUserGesture: () => true },
      controller.signal,
    );
    send.click();
    return { sent, holds, events };
  }

  it('holds the send to Priya when nothing is paused or snoozed (the baseline)', async () => {
    const { sent, holds } = run(settings(() => {}));
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
  });

  it('while paused, lets it through with no hold and no event', async () => {
    const { sent, holds, events } = run(settings((s) => (s.preferences.pause = { since: NIGHT.getTime() - 1, until: NIGHT.getTime() + 3_600_000 })));
    expect(sent).toEqual([1]);
    await new Promise((r) => setTimeout(r, 10));
    expect(holds).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it('paused until resumed: through', () => {
    const { sent } = run(settings((s) => (s.preferences.pause = { since: 0, until: null })));
    expect(sent).toEqual([1]);
  });

  it('a pause that has ended (its alarm not yet run) no longer counts', async () => {
    const { sent, holds } = run(settings((s) => (s.preferences.pause = { since: 0, until: NIGHT.getTime() })));
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
  });

  it('a snoozed recipient is not judged until the snooze date in your zone', async () => {
    const snoozed = run(settings((s) => (s.preferences.snoozes = [{ name: 'Priya', keys: ['priya@example.com'], until: '2026-12-02' }])));
    expect(snoozed.sent).toEqual([1]);
    // From Wednesday 00:00 Berlin (Tuesday 23:00 UTC) Priya is asked about again.
    document.body.replaceChildren();
    const over = run(
      settings((s) => (s.preferences.snoozes = [{ name: 'Priya', keys: ['priya@example.com'], until: '2026-12-02' }])),
      new Date('2026-12-01T23:00:00Z'),
    );
    expect(over.sent).toEqual([]);
    await vi.waitFor(() => expect(over.holds).toHaveLength(1));
  });
});
