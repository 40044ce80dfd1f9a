// @vitest-environment happy-dom
/**
 * The page UI arrives after the content script (utils/guard/lazy-ui.ts): a send held before it is
 * there stays held and gets its dialog when it arrives, and if it never arrives the send goes through.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startGuard, type GuardEvent } from '@/utils/guard/guard';
import { createLazyPageUi, type PageUiFactory } from '@/utils/guard/lazy-ui';
import type { PageUi } from '@/utils/guard/page-ui';
import type { AfterHoursVerdict } from '@/utils/etiquette/types';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import type { Snapshot } from '@/utils/store/snapshot';
import { buildTinyPage, tinyAdapter } from './helpers/tiny-site';

const buildPage = (doc: Document) => buildTinyPage(doc, 'Draft text');
const adapter = tinyAdapter();

function snapshot(): Snapshot {
  const settings = defaultSettings('Europe/Berlin');
  settings.sites.gmail = 'confirm';
  settings.me.weekly = officeWeek([['09:00', '17:00']]);
  settings.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' }];
  return { revision: 1, settings };
}

// Tuesday 2026-12-01 23:40 in Berlin: after hours for the sender. And 10:30, in everyone's hours.
const NIGHT = new Date('2026-12-01T22:40:00Z');
const DAY = new Date('2026-12-01T09:30:00Z');

/** A page UI that records what it was asked to show. */
function recordingUi() {
  const shown: AfterHoursVerdict[] = [];
  const bound: HTMLElement[] = [];
  const ui: PageUi = {
    showHold: (_c, verdict) => {
      shown.push(verdict);
      return { update: () => {}, focus: () => {}, close: () => {} };
    },
    showNote: () => {},
    showMessage: () => {},
    bindComposer: (c) => void bound.push(c),
    insertTemplate: () => {},
    prepare: () => {},
    showHealthNote: () => {},
    openTemplatePicker: () => false,
    chooseTemplate: () => true,
    showQuietCover: () => ({ update: () => {}, remove: () => {} }),
    showPeekBar: () => ({ update: () => {}, remove: () => {} }),
  };
  return { ui, shown, bound };
}

describe('the page UI loaded lazily', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => controller.abort());

  function start(now: Date, load: () => Promise<PageUiFactory>) {
    const page = buildPage(document);
    const source = { current: snapshot };
    const events: GuardEvent[] = [];
    const ui = createLazyPageUi({ adapter, doc: document, source, recipients: () => [], signal: controller.signal }, load);
    startGuard({ adapter, source, ui, doc: document, now: () => now, record: (e) => events.push(e), isUserGesture: () => true }, controller.signal);
    return { ...page, events };
  }

  it('a send held before the UI has arrived stays held, and its dialog opens when the UI arrives', async () => {
    let arrive: (factory: PageUiFactory) => void = () => {};
    const load = vi.fn(() => new Promise<PageUiFactory>((resolve) => (arrive = resolve)));
    const { send, sent, events } = start(NIGHT, load);
    send.click();
    await Promise.resolve();
    expect(sent).toEqual([]);
    expect(events.map((e) => e.action)).toEqual(['held']);
    const recorded = recordingUi();
    arrive(() => recorded.ui);
    await vi.waitFor(() => expect(recorded.shown).toHaveLength(1));
    // The composer bound before the UI arrived gets its controls too.
    expect(recorded.bound).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('when the UI cannot load, the held send goes through once, as the user asked', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { send, sent, events } = start(NIGHT, () => Promise.reject(new Error('blocked')));
    send.click();
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(sent).toEqual(['Draft text']));
    expect(events.map((e) => e.action)).toEqual(['held', 'failed-open']);
  });

  it('an in-hours send needs no UI: it goes through at once and loads nothing', async () => {
    const load = vi.fn(() => new Promise<PageUiFactory>(() => {}));
    const page = buildPage(document);
    const source = { current: snapshot };
    const ui = createLazyPageUi({ adapter, doc: document, source, recipients: () => [], signal: controller.signal }, load);
    ui.showNote(page.composer, null, controller.signal);
    expect(load).not.toHaveBeenCalled();
    const started = start(DAY, load);
    started.send.click();
    expect(started.sent).toEqual(['Draft text']);
  });
});
