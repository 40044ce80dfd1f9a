// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startGuard, type GuardEvent, type GuardUi, type HoldHandlers, type HoldView } from '@/utils/guard/guard';
import { describeHold } from '@/utils/guard/views';
import { docsAdapter, holdForLaterNote } from '@/utils/sites/docs';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import type { Settings } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';

/**
 * A Docs comment box that behaves like Docs' Closure buttons: Post acts on a mouseup that follows a
 * mousedown on it (a click alone does nothing), on Ctrl+Enter in the draft, and on Space's keyup.
 */
function buildBox(text: Array<Node | string>) {
  const draft = document.createElement('div');
  draft.className = 'docos-input-textarea docos-input-contenteditable';
  draft.setAttribute('contenteditable', 'true');
  draft.append(...text);
  const post = document.createElement('div');
  post.className = 'jfk-button docos-input-post';
  post.setAttribute('role', 'button');
  post.setAttribute('aria-disabled', 'false');
  const buttons = document.createElement('div');
  buttons.className = 'docos-input-buttons';
  buttons.append(post);
  const pane = document.createElement('div');
  pane.className = 'docos-input';
  pane.append(draft, buttons);
  document.body.append(pane);
  const posted: string[] = [];
  let pressed = false;
  document.addEventListener('mouseup', () => (pressed = false));
  post.addEventListener('mousedown', () => (pressed = true));
  post.addEventListener('mouseup', () => {
    if (pressed) posted.push(draft.textContent ?? '');
    pressed = false;
  });
  post.addEventListener('keyup', (e) => {
    if (e.key === ' ') posted.push(draft.textContent ?? '');
  });
  draft.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) posted.push(draft.textContent ?? '');
  });
  return { pane, draft, post, posted };
}

/** Events a person made (happy-dom's are all untrusted): only these are judged. */
const userEvents = new WeakSet<Event>();
function user<E extends Event>(target: Element, event: E): E {
  userEvents.add(event);
  target.dispatchEvent(event);
  return event;
}
const press = (target: Element) => {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  return ['mousedown', 'mouseup', 'click'].map((type) => user(target, new MouseEvent(type, init)));
};

function chip(email: string, name: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'docos-mention-chip';
  span.setAttribute('contenteditable', 'false');
  span.setAttribute('data-email', email);
  span.setAttribute('data-name', name);
  span.textContent = `@${name}`;
  return span;
}

function settings(mode: 'off' | 'nudge' | 'confirm'): Settings {
  const s = defaultSettings('Europe/Berlin');
  s.sites.docs = mode;
  s.me.weekly = officeWeek([['09:00', '17:00']]);
  s.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' }];
  return s;
}

// Tuesday 2026-12-01 23:40 in Berlin: after hours for the sender; 04:10 for Priya.
const NIGHT = new Date('2026-12-01T22:40:00Z');
// 10:30 in Berlin, 15:00 in Kolkata.
const DAY = new Date('2026-12-01T09:30:00Z');

describe('the guard on Docs', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => controller.abort());

  function start(mode: 'off' | 'nudge' | 'confirm', now: Date, holdForLater?: (c: HTMLElement, at: Date) => Promise<boolean>) {
    const holds: Array<{ view: HoldView; handlers: HoldHandlers; closed: boolean; focused: number }> = [];
    const messages: string[] = [];
    const events: GuardEvent[] = [];
    const snapshot: Snapshot = { revision: 1, settings: settings(mode) };
    // What the page UI shows for the verdict it is given (utils/guard/views.ts).
    const views = { adapter: docsAdapter, source: { current: () => snapshot } };
    const ui: GuardUi = {
      showHold: (c, verdict, handlers) => {
        const hold = { view: describeHold(views, c, verdict), handlers, closed: false, focused: 0 };
        holds.push(hold);
        return { update: (v) => (hold.view = describeHold(views, c, v)), focus: () => (hold.focused += 1), close: () => (hold.closed = true) };
      },
      showNote: () => {},
      showMessage: (_c, text) => messages.push(text),
    };
    startGuard(
      {
        adapter: docsAdapter,
        source: { current: () => snapshot },
        ui,
        doc: document,
        now: () => now,
        record: (e) => events.push(e),
        isUserGesture: (e) => userEvents.has(e),
        ...(holdForLater ? { holdForLater } : {}),
      },
      controller.signal,
    );
    return { holds, messages, events };
  }

  it('a held mousedown also keeps its mouseup and click from Docs: nothing posts, one dialog', async () => {
    const box = buildBox(['Please check ', chip('priya@example.com', 'Priya Raman')]);
    const { holds, events } = start('confirm', NIGHT);
    const [down, up, click] = press(box.post);
    expect(down!.defaultPrevented && up!.defaultPrevented && click!.defaultPrevented).toBe(true);
    expect(box.posted).toEqual([]);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    expect(events.map((e) => e.action)).toEqual(['held']);
    expect(holds[0]!.view.scheduleNote).toBe(holdForLaterNote());
    expect(holds[0]!.view.scheduleNote).toContain('keeps this comment\u2019s text in the extension');
    // Pressed again while the dialog is open: the whole gesture is swallowed, the dialog refocused.
    press(box.post);
    expect(box.posted).toEqual([]);
    expect(holds).toHaveLength(1);
    expect(holds[0]!.focused).toBe(1);
  });

  it('Send now presses Post once with the full mouse sequence, text unchanged', async () => {
    const box = buildBox(['Café 👋🏽 ', chip('priya@example.com', 'Priya Raman')]);
    const { holds, events } = start('confirm', NIGHT);
    press(box.post);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.sendNow();
    expect(box.posted).toEqual(['Café 👋🏽 @Priya Raman']);
    expect(events.map((e) => e.action)).toEqual(['held', 'sent-anyway']);
  });

  it('in hours the whole press reaches Docs, judged once', () => {
    const box = buildBox(['Hi ', chip('priya@example.com', 'Priya Raman')]);
    const { holds } = start('confirm', DAY);
    const [down, up, click] = press(box.post);
    expect([down, up, click].some((e) => e!.defaultPrevented)).toBe(false);
    expect(box.posted).toHaveLength(1);
    expect(holds).toHaveLength(0);
  });

  it('a comment that mentions no one is not held, even outside the sender\u2019s hours', () => {
    const box = buildBox(['Typo in paragraph 2, see priya@example.com']);
    const { holds, events } = start('confirm', NIGHT);
    press(box.post);
    expect(box.posted).toHaveLength(1);
    expect(holds).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it('nudge mode lets the press through and records it once, not once per event', () => {
    const box = buildBox(['Hi +priya@example.com']);
    const { holds, events } = start('nudge', NIGHT);
    press(box.post);
    expect(box.posted).toHaveLength(1);
    expect(holds).toHaveLength(0);
    expect(events.map((e) => e.action)).toEqual(['nudged']);
  });

  it('Ctrl+Enter in the draft and Space on Post are held; Space\u2019s keyup does not reach Docs', async () => {
    const box = buildBox(['Hi +priya@example.com']);
    const { holds } = start('confirm', NIGHT);
    user(box.draft, new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(box.posted).toEqual([]);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.keepEditing();
    const down = user(box.post, new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    const up = user(box.post, new KeyboardEvent('keyup', { key: ' ', bubbles: true, cancelable: true }));
    expect(down.defaultPrevented && up.defaultPrevented).toBe(true);
    expect(box.posted).toEqual([]);
    await vi.waitFor(() => expect(holds).toHaveLength(2));
    // A later, unrelated keyup is not swallowed.
    const later = user(box.draft, new KeyboardEvent('keyup', { key: 'a', bubbles: true, cancelable: true }));
    expect(later.defaultPrevented).toBe(false);
  });

  it('the swallowing ends with the gesture: the next press in the box reaches Docs', async () => {
    const box = buildBox(['Hi +priya@example.com']);
    const { holds } = start('confirm', NIGHT);
    const init = { bubbles: true, cancelable: true, button: 0 };
    // Pressed on Post, released over the draft (no click on Post follows).
    user(box.post, new MouseEvent('mousedown', init));
    expect(user(box.draft, new MouseEvent('mouseup', init)).defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.keepEditing();
    // A new press in the draft is a new gesture: none of it is swallowed.
    const events = ['mousedown', 'mouseup', 'click'].map((type) => user(box.draft, new MouseEvent(type, init)));
    expect(events.map((e) => e.defaultPrevented)).toEqual([false, false, false]);
  });

  it('a mouseup or click without a held mousedown is never judged on its own', () => {
    const box = buildBox(['Hi +priya@example.com']);
    const { holds } = start('confirm', NIGHT);
    const up = user(box.post, new MouseEvent('mouseup', { bubbles: true, cancelable: true, button: 0 }));
    const click = user(box.post, new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(up.defaultPrevented || click.defaultPrevented).toBe(false);
    expect(holds).toHaveLength(0);
  });

  it('Schedule hands the comment and the slot to holdForLater; a failure leaves the draft and says so', async () => {
    const box = buildBox(['Hi +priya@example.com']);
    const kept = vi.fn(async () => true);
    const { holds, events } = start('confirm', NIGHT, kept);
    press(box.post);
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.handlers.schedule();
    await vi.waitFor(() => expect(kept).toHaveBeenCalledTimes(1));
    const [composer, at] = kept.mock.calls[0] as unknown as [HTMLElement, Date];
    expect(composer).toBe(box.pane);
    // Priya (default hours, Kolkata) starts Wednesday 09:00 her time: 03:30 UTC.
    expect(at.toISOString()).toBe('2026-12-02T03:30:00.000Z');
    await vi.waitFor(() => expect(events.map((e) => e.action)).toEqual(['held', 'scheduled']));
    expect(box.posted).toEqual([]);

    const failing = vi.fn(async () => false);
    controller.abort();
    controller = new AbortController();
    document.body.replaceChildren();
    const again = buildBox(['Hi +priya@example.com']);
    const second = start('confirm', NIGHT, failing);
    press(again.post);
    await vi.waitFor(() => expect(second.holds).toHaveLength(1));
    second.holds[0]!.handlers.schedule();
    await vi.waitFor(() => expect(second.messages[0]).toMatch(/^Couldn't schedule. Your text is unchanged/));
    expect(again.posted).toEqual([]);
  });
});
