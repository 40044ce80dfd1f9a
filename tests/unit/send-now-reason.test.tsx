// @vitest-environment happy-dom
/**
 * Send now with a reason (issue 21): the recipients' line (language, wording, time), what the dialog
 * is told to ask, the dialog's limit and reason steps, the guard's one send with the line put first,
 * the worker's count of today's presses, and older files and policies that say `askReasonOnSendNow`.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoldDialog } from '@/components/HoldDialog';
import { createService } from '@/utils/background/service';
import type { SendNowView } from '@/utils/etiquette/hold-view';
import type { AfterHoursVerdict, PersonState } from '@/utils/etiquette/types';
import { messageLanguageOf, ownWordsLine, theirNextStart, urgentLabel } from '@/utils/etiquette/urgent-label';
import type { SiteAdapter } from '@/utils/guard/adapter';
import { startGuard, type GuardEvent, type GuardUi, type HoldHandlers, type HoldView, type SendNowChoice } from '@/utils/guard/guard';
import { sendNowView } from '@/utils/guard/views';
import { AppDb } from '@/utils/store/db';
import { defaultSettings, officeWeek } from '@/utils/store/defaults';
import { fileFieldIds, lockedFieldIds, mergePolicy, parsePolicy } from '@/utils/store/policy';
import type { Settings } from '@/utils/store/schema';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';
import type { Snapshot } from '@/utils/store/snapshot';
import { useLanguage } from './setup/i18n';
import { buildTinyPage, tinyAdapter } from './helpers/tiny-site';
import { databasesClosedAfterEach } from './setup/databases';

afterEach(cleanup);

// Tuesday 2026-12-01 23:40 in Berlin (22:40 UTC); 04:10 on Wednesday for Priya in Kolkata.
const NIGHT = new Date('2026-12-01T22:40:00Z');
// Priya's next start: Wednesday 09:00 in Kolkata (03:30 UTC).
const PRIYA_START = Date.UTC(2026, 11, 2, 3, 30);

function person(name: string, nextStart: { at: number; timeZone: string } | null): PersonState {
  return { key: `${name.toLowerCase()}@example.com`, name, local: { at: NIGHT.getTime(), timeZone: nextStart?.timeZone ?? 'UTC' }, outside: true, dayOff: false, nextStart };
}

function verdict(outside: PersonState[], extra: Partial<AfterHoursVerdict> = {}): AfterHoursVerdict {
  return {
    kind: 'after-hours',
    action: 'hold',
    sender: person('Me', null),
    outside,
    unknown: [],
    counts: { outside: outside.length, known: outside.length, total: outside.length, farOutside: outside.length },
    summarised: false,
    slot: null,
    ...extra,
  };
}

const PRIYA = person('Priya', { at: PRIYA_START, timeZone: 'Asia/Kolkata' });

describe('the line for the recipients', () => {
  it.each([
    ['Hi Priya, can you check the deploy? Thanks', 'de', 'en'],
    ['Hallo Priya, kannst du bitte das Deployment prüfen? Danke', 'en', 'de'],
    ['Deploy 🚀', 'de', 'de'],
    ['', 'en', 'en'],
  ] as const)('the draft %j (fallback %s) is in %s', (text, fallback, expected) => {
    expect(messageLanguageOf(text, fallback)).toBe(expected);
  });

  it('names the reason and their next working start in their wall clock, in English and in German', () => {
    const now = NIGHT.getTime();
    expect(urgentLabel({ verdict: verdict([PRIYA]), language: 'en', reason: 'incident', now })).toBe(
      'Urgent (incident): sent outside your hours, no need to reply until Wed 09:00 your time.',
    );
    expect(urgentLabel({ verdict: verdict([PRIYA]), language: 'de', reason: 'customer', now })).toBe(
      'Dringend (Kunde wartet): außerhalb Ihrer Arbeitszeit gesendet, eine Antwort hat Zeit bis Mi. 09:00 Ihrer Zeit.',
    );
    expect(urgentLabel({ verdict: verdict([PRIYA]), language: 'en', reason: null, now })).toBe(
      'Urgent: sent outside your hours, no need to reply until Wed 09:00 your time.',
    );
  });

  it('own words are one trimmed line of at most 80 characters, and stay plain text (braces and markup as typed)', () => {
    const now = NIGHT.getTime();
    expect(ownWordsLine('  pager\n woke   me  ')).toBe('pager woke me');
    expect(ownWordsLine('x'.repeat(200))).toHaveLength(80);
    expect(urgentLabel({ verdict: verdict([PRIYA]), language: 'en', reason: 'own-words', ownWords: '<b>{deadline}</b>', now })).toBe(
      'Urgent (<b>{deadline}</b>): sent outside your hours, no need to reply until Wed 09:00 your time.',
    );
  });

  it('without one shared start (two zones, a summarised list) it says "before your working hours"', () => {
    const ana = person('Ana', { at: PRIYA_START + 3_600_000, timeZone: 'Europe/London' });
    expect(theirNextStart(verdict([PRIYA, ana]))).toBeNull();
    expect(theirNextStart(verdict([PRIYA, PRIYA]))).toEqual({ at: PRIYA_START, timeZone: 'Asia/Kolkata' });
    expect(theirNextStart(verdict([], { summarised: true, counts: { outside: 30, known: 30, total: 30, farOutside: 30 } }))).toBeNull();
    expect(urgentLabel({ verdict: verdict([PRIYA, ana]), language: 'en', reason: 'asked', now: NIGHT.getTime() })).toBe(
      'Urgent (as you asked): sent outside your hours, no need to reply before your working hours.',
    );
  });
});

function snapshotWith(preferences: Partial<Settings['preferences']>, locked: string[] = []): Snapshot {
  const settings = defaultSettings('Europe/Berlin');
  settings.preferences = { ...settings.preferences, ...preferences };
  return { revision: 1, settings, locked };
}

describe('what Send now asks (the dialog view)', () => {
  const composer = () => buildTinyPage(document, 'Hallo Priya, kannst du bitte schauen?').composer;
  const withLine: SiteAdapter = { ...tinyAdapter(), insertAtStart: () => true };
  beforeEach(() => document.body.replaceChildren());

  it("is nothing with 'off' and no limit (as before issue 21), and with no snapshot", () => {
    expect(sendNowView({ adapter: withLine, source: { current: () => snapshotWith({}) } }, composer(), verdict([PRIYA]))).toBeUndefined();
    expect(sendNowView({ adapter: withLine, source: { current: () => null } }, composer(), verdict([PRIYA]))).toBeUndefined();
  });

  it("offers the line in the draft's language where someone is outside their hours and the site can put it first", () => {
    const view = sendNowView({ adapter: withLine, source: { current: () => snapshotWith({ sendNowReason: 'ask', sendNowLabel: true }) } }, composer(), verdict([PRIYA]))!;
    expect(view).toMatchObject({ reason: 'ask', limit: null, limitLocked: false, label: { checked: true } });
    expect(view.label!.line('incident', '')).toMatch(/^Dringend \(Störung\): /);
    // Only the sender is outside their hours: nothing to tell the recipients.
    const senderOnly = verdict([], { counts: { outside: 0, known: 1, total: 1, farOutside: 0 } });
    expect(sendNowView({ adapter: withLine, source: { current: () => snapshotWith({ sendNowReason: 'ask' }) } }, composer(), senderOnly)?.label).toBeNull();
    // A site that cannot put text first (Docs) is not offered the line.
    expect(sendNowView({ adapter: tinyAdapter(), source: { current: () => snapshotWith({ sendNowReason: 'ask' }) } }, composer(), verdict([PRIYA]))?.label).toBeNull();
  });

  it("knows a limit the organisation locked from the user's own", () => {
    const own = sendNowView({ adapter: withLine, source: { current: () => snapshotWith({ sendNowDailyLimit: 2 }) } }, composer(), verdict([PRIYA]));
    expect(own).toMatchObject({ reason: 'off', limit: 2, limitLocked: false });
    const locked = snapshotWith({ sendNowDailyLimit: 2 }, ['preferences.sendNowDailyLimit']);
    expect(sendNowView({ adapter: withLine, source: { current: () => locked } }, composer(), verdict([PRIYA]))).toMatchObject({ limitLocked: true });
  });
});

function handlers(count: number | null = 0) {
  return {
    sendNow: vi.fn<(choice?: SendNowChoice) => void>(),
    schedule: vi.fn(),
    keepEditing: vi.fn(),
    setZone: vi.fn(async () => null),
    sentAnywayToday: vi.fn(async (): Promise<number | null> => count),
  } satisfies HoldHandlers;
}

function dialogView(sendNow?: Partial<SendNowView>): HoldView {
  return {
    headline: 'headline',
    detail: 'detail',
    unknown: null,
    slot: null,
    scheduleLabel: 'Schedule for Wed 04:30',
    unknownRecipients: [],
    sendNow: sendNow && { reason: 'off', limit: null, limitLocked: false, label: null, ...sendNow },
  };
}

const LINE = { checked: false, line: (reason: string | null, own: string) => `Urgent (${reason === 'own-words' ? own : reason}): line` };

describe('<HoldDialog> Send now steps', () => {
  it("'off' with no limit sends at the first press, exactly as before", () => {
    const h = handlers();
    render(<HoldDialog view={dialogView()} handlers={h} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(h.sendNow).toHaveBeenCalledTimes(1);
    expect(h.sendNow).toHaveBeenCalledWith();
    expect(h.sentAnywayToday).not.toHaveBeenCalled();
  });

  it("'ask': one tap on a reason sends once with that reason; Send without a reason sends with none", async () => {
    const h = handlers();
    render(<HoldDialog view={dialogView({ reason: 'ask' })} handlers={h} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByRole('heading', { name: 'Why does this need to go now?' })).toBeTruthy();
    expect(h.sendNow).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Why does this need to go now?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'They asked for it' }));
    expect(h.sendNow).toHaveBeenCalledWith({ reason: 'asked' });
    cleanup();
    const skip = handlers();
    render(<HoldDialog view={dialogView({ reason: 'ask' })} handlers={skip} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send without a reason' }));
    expect(skip.sendNow).toHaveBeenCalledWith({});
  });

  it("'require': no skip; own words need text, go only into the line, and Escape keeps editing", async () => {
    const h = handlers();
    render(<HoldDialog view={dialogView({ reason: 'require', label: LINE })} handlers={h} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await screen.findByText('Choose a reason to send now.');
    expect(screen.queryByRole('button', { name: 'Send without a reason' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'In my own words' }));
    const send = screen.getByRole('button', { name: 'Send with this reason' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Your reason (never saved)'), { target: { value: '  db is down ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Start the message with a line for them, like “Urgent \(incident\): line”$/ }));
    fireEvent.click(send);
    expect(h.sendNow).toHaveBeenCalledWith({ reason: 'own-words', labelChecked: true, label: 'Urgent (  db is down ): line' });
    cleanup();
    const esc = handlers();
    render(<HoldDialog view={dialogView({ reason: 'require' })} handlers={esc} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await screen.findByText('Choose a reason to send now.');
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(esc.keepEditing).toHaveBeenCalled();
    expect(esc.sendNow).not.toHaveBeenCalled();
  });

  it('past your own limit: explains, offers Schedule, and Send anyway goes on (to the reason step when one is asked)', async () => {
    const h = handlers(2);
    render(<HoldDialog view={dialogView({ reason: 'ask', limit: 2 })} handlers={h} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByText('You have used Send now 2 times today; your limit is 2. Scheduling it is kinder, but you can still send.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Schedule for Wed 04:30' }));
    expect(h.schedule).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Incident' }));
    expect(h.sendNow).toHaveBeenCalledWith({ reason: 'incident' });
  });

  it('under the limit, or when the worker cannot say, Send now goes on; a locked limit offers no Send anyway', async () => {
    const under = handlers(1);
    render(<HoldDialog view={dialogView({ limit: 2 })} handlers={under} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await vi.waitFor(() => expect(under.sendNow).toHaveBeenCalledWith());
    cleanup();
    const silent = handlers(null);
    render(<HoldDialog view={dialogView({ limit: 1, limitLocked: true })} handlers={silent} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await vi.waitFor(() => expect(silent.sendNow).toHaveBeenCalledWith());
    cleanup();
    const locked = handlers(1);
    render(<HoldDialog view={dialogView({ limit: 1, limitLocked: true })} handlers={locked} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByText(/^Your organisation's Send now limit is 1 a day/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(locked.keepEditing).toHaveBeenCalled();
    expect(locked.sendNow).not.toHaveBeenCalled();
  });

  it('a dialog closed while the count is on its way sends nothing', async () => {
    let answer: (n: number) => void = () => {};
    const h = { ...handlers(), sentAnywayToday: vi.fn(() => new Promise<number | null>((resolve) => (answer = resolve))) };
    const { unmount } = render(<HoldDialog view={dialogView({ limit: 3 })} handlers={h} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    unmount();
    await act(async () => answer(0));
    expect(h.sendNow).not.toHaveBeenCalled();
  });

  it('speaks German in a German browser', async () => {
    await useLanguage('de');
    render(<HoldDialog view={dialogView({ reason: 'ask' })} handlers={handlers()} focusToken={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Jetzt senden' }));
    expect(await screen.findByRole('heading', { name: 'Warum muss das jetzt raus?' })).toBeTruthy();
    for (const name of ['Störung', 'Wurde so erbeten', 'Kunde wartet', 'In eigenen Worten', 'Ohne Grund senden', 'Weiter bearbeiten']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });
});

describe('the guard sends once, with the reason counted and the line first', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => controller.abort());

  function settings(): Settings {
    const s = defaultSettings('Europe/Berlin');
    s.me.weekly = officeWeek([['09:00', '17:00']]);
    s.contacts = [{ name: 'Priya Raman', emails: ['priya@example.com'], timeZone: 'Asia/Kolkata' }];
    s.preferences.sendNowReason = 'ask';
    return s;
  }

  function start(insertAtStart: SiteAdapter['insertAtStart']) {
    const page = buildTinyPage(document);
    const siteAdapter: SiteAdapter = { ...tinyAdapter(), insertAtStart };
    const snapshot: Snapshot = { revision: 1, settings: settings() };
    const holds: HoldHandlers[] = [];
    const messages: string[] = [];
    const events: GuardEvent[] = [];
    const remembered: boolean[] = [];
    const ui: GuardUi = {
      showHold: (_c, _v, h) => (holds.push(h), { update: () => {}, focus: () => {}, close: () => {} }),
      showNote: () => {},
      showMessage: (_c, text) => messages.push(text),
    };
    startGuard(
      {
        adapter: siteAdapter,
        source: { current: () => snapshot },
        ui,
        doc: document,
        now: () => NIGHT,
        record: (e) => events.push(e),
        isUserGesture: () => true,
        rememberLabelChoice: (checked) => remembered.push(checked),
      },
      controller.signal,
    );
    return { ...page, holds, messages, events, remembered };
  }

  const prepend = (composer: HTMLElement, text: string) => {
    const body = composer.querySelector('.body')!;
    body.textContent = text + (body.textContent ?? '');
    return true;
  };

  it('puts the line at the start once, sends once, counts the reason (not the words), and remembers the box', async () => {
    const { send, sent, holds, events, remembered } = start(prepend);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.sendNow({ reason: 'own-words', label: 'Urgent (db down): line', labelChecked: true });
    holds[0]!.sendNow({ reason: 'own-words', label: 'Urgent (db down): line', labelChecked: true });
    expect(sent).toEqual(['Urgent (db down): line\n\nHello 👋 שלום']);
    expect(events).toEqual([
      { verdict: 'recipients-outside', action: 'held', recipients: 1 },
      // Priya at 04:10, over an hour before her 09:00 start: one recipient reached far outside (the footprint).
      { verdict: 'recipients-outside', action: 'sent-anyway', recipients: 1, reason: 'own-words', farOutside: 1 },
    ]);
    expect(JSON.stringify(events)).not.toContain('db down');
    expect(remembered).toEqual([true]);
  });

  it('a line the site would not take: the message goes as written, and the page says so', async () => {
    const { send, sent, holds, messages, events } = start(() => false);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.sendNow({ reason: 'incident', label: 'Urgent (incident): line', labelChecked: true });
    expect(sent).toEqual(['Hello 👋 שלום']);
    expect(messages).toEqual(["The line for the recipients couldn't be added; the message was sent as you wrote it."]);
    expect(events.at(-1)).toMatchObject({ action: 'sent-anyway', reason: 'incident' });
  });

  it('a line that landed somewhere else: nothing is sent, the page says to check, and the next press goes through', async () => {
    const elsewhere = (composer: HTMLElement, text: string) => {
      composer.querySelector('.body')!.append(text);
      return true;
    };
    const { send, sent, holds, messages } = start(elsewhere);
    send.click();
    await vi.waitFor(() => expect(holds).toHaveLength(1));
    holds[0]!.sendNow({ reason: 'incident', label: 'Urgent (incident): line', labelChecked: true });
    expect(sent).toEqual([]);
    expect(messages).toEqual(['The line for the recipients may not have been added cleanly. Check the message, then press Send again.']);
    send.click();
    expect(sent).toHaveLength(1);
    expect(holds).toHaveLength(1);
  });
});

describe("the worker's count of today's Send-now presses", () => {
  const dbs = databasesClosedAfterEach();

  it("counts sent-anyway events since midnight in the user's zone, nothing else", async () => {
    const db = new AppDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    // Wednesday 4 March 2026, 10:00 in Tokyo; midnight there was 15:00 UTC the day before.
    const now = Date.UTC(2026, 2, 4, 1, 0);
    const midnight = Date.UTC(2026, 2, 3, 15, 0);
    const service = createService({ db, publish: async () => undefined, timeZone: () => 'Asia/Tokyo', now: () => now });
    await service.ready;
    const base = { site: 'gmail', verdict: 'recipients-outside', recipients: 1 } as const;
    await service.recordEvent({ ...base, at: midnight - 1, action: 'sent-anyway' });
    await service.recordEvent({ ...base, at: midnight, action: 'sent-anyway', reason: 'incident' });
    await service.recordEvent({ ...base, at: now - 5, action: 'sent-anyway' });
    await service.recordEvent({ ...base, at: now - 4, action: 'held' });
    expect(await service.countSentAnywayToday(undefined)).toBe(2);
    // In the user's own zone (Berlin: midnight is 23:00 UTC), the 15:00 UTC one is yesterday's.
    await service.updateSettings({ me: { timeZone: 'Europe/Berlin' } });
    expect(await service.countSentAnywayToday(undefined)).toBe(1);
  });
});

describe('older files and policies that say askReasonOnSendNow', () => {
  const header = { format: 'async-etiquette/settings', version: 1 };

  it('a file with true imports as ask, false as off; sendNowReason wins when both are given; export writes only the new field', () => {
    const read = (preferences: object) => {
      const result = parseSettingsText(JSON.stringify({ ...header, preferences }), 'UTC');
      if (!result.ok) throw new Error(result.error);
      return result.settings;
    };
    expect(read({ askReasonOnSendNow: true }).preferences).toMatchObject({ sendNowReason: 'ask', sendNowDailyLimit: null });
    expect(read({ askReasonOnSendNow: false }).preferences.sendNowReason).toBe('off');
    expect(read({ askReasonOnSendNow: true, sendNowReason: 'require' }).preferences.sendNowReason).toBe('require');
    const exported = toSettingsFile(read({ askReasonOnSendNow: true, sendNowDailyLimit: 4 }));
    expect(exported.preferences).toEqual({ graceMinutes: 30, largeListThreshold: 15, sendNowReason: 'ask', sendNowDailyLimit: 4 });
    expect(fileFieldIds({ ...header, preferences: { askReasonOnSendNow: true } })).toEqual(['preferences.sendNowReason']);
  });

  it('a bad value is refused naming the field, and a bad limit names its bounds', () => {
    const refuse = (preferences: object) => {
      const result = parseSettingsText(JSON.stringify({ ...header, preferences }), 'UTC');
      return result.ok ? null : result.error;
    };
    expect(refuse({ askReasonOnSendNow: 'yes' })).toMatch(/^preferences\.askReasonOnSendNow \("yes"\): /);
    expect(refuse({ sendNowReason: 'sometimes' })).toMatch(/^preferences\.sendNowReason \("sometimes"\): /);
    expect(refuse({ sendNowDailyLimit: 0 })).toMatch(/^preferences\.sendNowDailyLimit \(0\): /);
  });

  it('a managed policy saying askReasonOnSendNow locks sendNowReason; a locked limit applies over the user', () => {
    const parsed = parsePolicy({ locked: { preferences: { askReasonOnSendNow: true, sendNowDailyLimit: 3 } } });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(lockedFieldIds(parsed.policy)).toEqual(['preferences.sendNowReason', 'preferences.sendNowDailyLimit']);
    const user = defaultSettings('UTC');
    user.preferences.sendNowDailyLimit = 10;
    expect(mergePolicy(user, new Set(['preferences.sendNowDailyLimit']), parsed.policy).settings.preferences).toMatchObject({ sendNowReason: 'ask', sendNowDailyLimit: 3 });
    expect(parsePolicy({ recommended: { preferences: { sendNowReason: 'never' } } }).ok).toBe(false);
  });
});
