// @vitest-environment happy-dom
/**
 * Quiet tabs in the popup and options: the per-site radio groups, the popup's line and on-call, the
 * exceptions editor, and the popup sending the right messages.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { QuietExceptions, validateQuietExceptions } from '@/components/QuietExceptions';
import { QuietModes } from '@/components/QuietModes';
import { QuietStatus, quietLineText } from '@/components/QuietStatus';
import type { PopupSummary } from '@/utils/messaging';
import { officeWeek } from '@/utils/store/defaults';
import { nextWallClockTime } from '@/utils/store/quiet-tabs';
import type { Quiet } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';
import { popupSummary, workerAnswers } from './setup/popup';

const ZONE = 'Europe/Berlin';
/** Berlin wall clock → epoch ms (UTC+1 in early March 2026). */
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour - 1, minute);
const WED_EVENING = berlin(4, 20);
const QUIET: Quiet = { gmail: 'calm', slack: 'off', docs: 'shield' };

afterEach(cleanup);

describe('<QuietModes>', () => {
  it('is one radio group per site, named by the site, with Off, Calm and Shield', () => {
    render(<QuietModes quiet={QUIET} onChange={vi.fn()} />);
    const outer = screen.getByRole('group', { name: 'Quiet tabs' });
    for (const [name, checked] of [['Gmail', 'Calm'], ['Slack', 'Off'], ['Google Docs', 'Shield']] as const) {
      const group = within(outer).getByRole('group', { name });
      const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
      expect(radios.map((r) => r.labels?.[0]?.textContent?.trim())).toEqual(['Off', 'Calm', 'Shield']);
      expect(within(group).getByRole('radio', { name: checked })).toHaveProperty('checked', true);
      expect(radios.filter((r) => r.checked)).toHaveLength(1);
    }
  });

  it('sets one site with one click', () => {
    const onChange = vi.fn();
    render(<QuietModes quiet={QUIET} onChange={onChange} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'Slack' })).getByRole('radio', { name: 'Shield' }));
    expect(onChange.mock.calls).toEqual([['slack', 'shield']]);
    fireEvent.click(within(screen.getByRole('group', { name: 'Gmail' })).getByRole('radio', { name: 'Off' }));
    expect(onChange.mock.calls).toEqual([['slack', 'shield'], ['gmail', 'off']]);
  });

  it('greys a locked site with "set by your organisation" and leaves the others free', () => {
    const onChange = vi.fn();
    render(<QuietModes quiet={QUIET} lockedFields={['quiet.gmail', 'sites.slack']} onChange={onChange} />);
    const gmail = screen.getByRole('group', { name: 'Gmail' }) as HTMLFieldSetElement;
    expect(gmail.disabled).toBe(true);
    for (const radio of within(gmail).getAllByRole('radio') as HTMLInputElement[]) expect(radio.disabled).toBe(true);
    const note = within(gmail).getByText('set by your organisation');
    expect(gmail.getAttribute('aria-describedby')).toBe(note.id);
    fireEvent.click(within(gmail).getByRole('radio', { name: 'Shield' }));
    expect(onChange).not.toHaveBeenCalled();
    // sites.slack is the after-hours mode, not quiet: Slack's quiet radios stay free.
    const slack = screen.getByRole('group', { name: 'Slack' });
    expect((within(slack).getByRole('radio', { name: 'Calm' }) as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByText('set by your organisation')).toHaveLength(1);
  });

  it('explains Calm and Shield when asked, and speaks German', async () => {
    render(<QuietModes quiet={QUIET} hint onChange={vi.fn()} />);
    expect(screen.getByRole('group', { name: 'Quiet tabs' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Calm hides unread counts in the tab title/)).toBeTruthy();
    cleanup();
    await useLanguage('de');
    render(<QuietModes quiet={QUIET} onChange={vi.fn()} />);
    const docs = screen.getByRole('group', { name: 'Google Docs' });
    expect(within(docs).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim())).toEqual(['Aus', 'Ruhig', 'Abschirmen']);
    expect(screen.getByRole('group', { name: 'Ruhige Tabs' })).toBeTruthy();
  });
});

describe('the popup line', () => {
  it('words each state in the user’s zone', () => {
    const thu9 = berlin(5, 9);
    expect(quietLineText({ kind: 'quiet', until: thu9, sites: ['gmail', 'slack'] }, ZONE, WED_EVENING)).toBe('Quiet until Thu 09:00: Gmail, Slack');
    expect(quietLineText({ kind: 'quiet', until: null, sites: ['docs'] }, ZONE, WED_EVENING)).toBe('Quiet now: Google Docs');
    expect(quietLineText({ kind: 'later', from: berlin(4, 17), sites: ['gmail', 'slack'] }, ZONE, berlin(4, 11))).toBe('Quiet from 17:00: Gmail, Slack');
    expect(quietLineText({ kind: 'later', from: berlin(5, 2), sites: ['gmail'] }, ZONE, berlin(4, 23))).toBe('Quiet from Thu 02:00: Gmail');
    expect(quietLineText({ kind: 'later', from: null, sites: ['gmail'] }, ZONE, berlin(4, 11))).toBe('Quiet outside your working hours: Gmail');
    expect(quietLineText({ kind: 'on-call', until: berlin(4, 22) }, ZONE, WED_EVENING)).toBe('On call until 22:00: quiet tabs are off');
    expect(quietLineText({ kind: 'on-call', until: berlin(5, 1) }, ZONE, WED_EVENING)).toBe('On call until Thu 01:00: quiet tabs are off');
  });

  it('in German', async () => {
    await useLanguage('de');
    expect(quietLineText({ kind: 'quiet', until: berlin(5, 9), sites: ['gmail', 'docs'] }, ZONE, WED_EVENING)).toMatch(/^Ruhig bis Do\.? 09:00: Gmail, Google Docs$/);
    expect(quietLineText({ kind: 'on-call', until: berlin(4, 22) }, ZONE, WED_EVENING)).toBe('Bereitschaft bis 22:00: ruhige Tabs sind aus');
    expect(validateQuietExceptions(`a\n${'x'.repeat(101)}`)).toEqual({ error: 'Zeile 2 ist länger als 100 Zeichen.' });
  });

  it('on call: says until when, and End on-call ends it', () => {
    const onEnd = vi.fn();
    render(<QuietStatus line={{ kind: 'on-call', until: berlin(4, 22) }} timeZone={ZONE} now={WED_EVENING} canStartOnCall={false} onStartOnCall={vi.fn()} onEndOnCall={onEnd} />);
    expect(screen.getByRole('status').textContent).toBe('On call until 22:00: quiet tabs are off');
    fireEvent.click(screen.getByRole('button', { name: 'End on-call' }));
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText('On call until')).toBeNull();
  });

  it('starts on-call at the next time of day typed, and shows a refusal', () => {
    const onStart = vi.fn();
    const { rerender } = render(
      <QuietStatus line={{ kind: 'quiet', until: berlin(5, 9), sites: ['gmail'] }} timeZone={ZONE} now={WED_EVENING} canStartOnCall onStartOnCall={onStart} onEndOnCall={vi.fn()} />,
    );
    const input = screen.getByLabelText('On call until') as HTMLInputElement;
    expect(input.value).toBe('23:00');
    fireEvent.change(input, { target: { value: '22:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start on-call' }));
    fireEvent.change(input, { target: { value: '07:15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start on-call' }));
    expect(onStart.mock.calls).toEqual([[berlin(4, 22, 30)], [berlin(5, 7, 15)]]);
    fireEvent.change(input, { target: { value: '' } });
    expect((screen.getByRole('button', { name: 'Start on-call' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(
      <QuietStatus line={null} timeZone={ZONE} now={WED_EVENING} canStartOnCall error="On call can last at most 7 days." onStartOnCall={onStart} onEndOnCall={vi.fn()} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('On call can last at most 7 days.');
  });

  it('says nothing when no site is quiet and no one is on call', () => {
    const { container } = render(<QuietStatus line={null} timeZone={ZONE} now={WED_EVENING} canStartOnCall={false} onStartOnCall={vi.fn()} onEndOnCall={vi.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('nextWallClockTime: today while ahead, else tomorrow; across a clock change; null for junk', () => {
    expect(nextWallClockTime('22:00', ZONE, WED_EVENING)).toBe(berlin(4, 22));
    expect(nextWallClockTime('20:00', ZONE, WED_EVENING)).toBe(berlin(5, 20));
    expect(nextWallClockTime('nope', ZONE, WED_EVENING)).toBeNull();
    expect(nextWallClockTime('24:00', ZONE, WED_EVENING)).toBeNull();
    // Saturday 28 March 2026, 23:00 CET: 02:30 does not exist on Sunday; it reads as 03:30 CEST (01:30 UTC).
    expect(nextWallClockTime('02:30', ZONE, Date.UTC(2026, 2, 28, 22))).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // Sunday 29 March (23 hours) at 23:30 CEST: 23:00 is tomorrow's, Monday 23:00 CEST.
    expect(nextWallClockTime('23:00', ZONE, Date.UTC(2026, 2, 29, 21, 30))).toBe(Date.UTC(2026, 2, 30, 21, 0));
  });
});

describe('<QuietExceptions>', () => {
  it('validateQuietExceptions: one per line, trimmed, blank lines and repeats dropped', () => {
    expect(validateQuietExceptions(' Priya Raman \n\nboss@example.com\r\n#incidents\nPriya Raman\n')).toEqual({
      value: ['Priya Raman', 'boss@example.com', '#incidents'],
    });
    expect(validateQuietExceptions('')).toEqual({ value: [] });
  });

  it('refuses a line over 100 characters (naming it as typed) and more than 50 entries', () => {
    expect(validateQuietExceptions(`a\n\n${'x'.repeat(101)}`)).toEqual({ error: 'Line 3 is longer than 100 characters.' });
    const many = Array.from({ length: 51 }, (_, i) => `person ${i}`).join('\n');
    expect(validateQuietExceptions(many)).toEqual({ error: 'At most 50 entries (this list has 51).' });
  });

  it('saves the list; shows a problem in an alert tied to the field and saves nothing', () => {
    const onSave = vi.fn();
    render(<QuietExceptions exceptions={['Priya']} onSave={onSave} />);
    const field = screen.getByLabelText('Notifications that still show') as HTMLTextAreaElement;
    expect(field.value).toBe('Priya');
    fireEvent.change(field, { target: { value: `Priya\n${'y'.repeat(120)}` } });
    fireEvent.focusOut(field);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Line 2 is longer than 100 characters.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: 'Priya\n#incidents' } });
    fireEvent.focusOut(field);
    expect(onSave).toHaveBeenCalledWith(['Priya', '#incidents']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is read-only when the organisation sets it', () => {
    render(<QuietExceptions exceptions={['#incidents']} locked onSave={vi.fn()} />);
    expect((screen.getByLabelText('Notifications that still show') as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.getByText('set by your organisation')).toBeTruthy();
  });
});

describe('popup <App>: quiet tabs', () => {
  const answer = workerAnswers();
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WED_EVENING);
  });
  afterEach(() => {
    cleanup();
    fakeBrowser.reset();
    vi.useRealTimers();
  });

  function summary(over: Partial<PopupSummary> = {}): PopupSummary {
    return popupSummary({ me: { timeZone: ZONE, weekly: officeWeek(), daysOff: [] }, quiet: { gmail: 'calm', slack: 'shield', docs: 'off' }, ...over });
  }

  it('says which tabs are quiet until when, and one click sends that site’s new mode', async () => {
    let current = summary();
    answer('getPopupSummary', () => current);
    const update = vi.fn((data: { quiet?: Partial<Quiet> }) => {
      current = { ...current, quiet: { ...current.quiet, ...data.quiet } };
      return { ok: true as const };
    });
    answer('updateSettings', ({ data }) => update(data as { quiet?: Partial<Quiet> }));
    render(<App />);
    expect((await screen.findByText(/^Quiet until/)).textContent).toBe('Quiet until Thu 09:00: Gmail, Slack');
    fireEvent.click(within(screen.getByRole('group', { name: 'Google Docs' })).getByRole('radio', { name: 'Calm' }));
    // The click shows at once, and in the line.
    expect(within(screen.getByRole('group', { name: 'Google Docs' })).getByRole('radio', { name: 'Calm' })).toHaveProperty('checked', true);
    expect(screen.getByText(/^Quiet until/).textContent).toBe('Quiet until Thu 09:00: Gmail, Slack, Google Docs');
    await waitFor(() => expect(update).toHaveBeenCalledWith({ quiet: { docs: 'calm' } }));
    expect(update).toHaveBeenCalledTimes(1);
    // The after-hours mode select is still the one named "Gmail".
    expect((screen.getByLabelText('Gmail') as HTMLSelectElement).value).toBe('confirm');
  });

  it('greys a site the organisation locked', async () => {
    answer('getPopupSummary', () => summary({ locked: ['quiet.slack'] }));
    render(<App />);
    const slack = (await screen.findByRole('group', { name: 'Slack' })) as HTMLFieldSetElement;
    expect(slack.disabled).toBe(true);
    expect(within(slack).getByText('set by your organisation')).toBeTruthy();
    expect((screen.getByRole('group', { name: 'Gmail' }) as HTMLFieldSetElement).disabled).toBe(false);
  });

  it('on call: says so, and End on-call asks the worker to end it', async () => {
    answer('getPopupSummary', () => summary({ onCallUntil: berlin(4, 22) }));
    const setOnCall = vi.fn((_data: unknown) => ({ ok: true as const }));
    answer('setOnCall', ({ data }) => setOnCall(data));
    render(<App />);
    expect((await screen.findByText(/^On call until/)).textContent).toBe('On call until 22:00: quiet tabs are off');
    fireEvent.click(screen.getByRole('button', { name: 'End on-call' }));
    await waitFor(() => expect(setOnCall).toHaveBeenCalledWith({ until: null }));
  });

  it('starts on-call, and shows the worker’s refusal in an alert', async () => {
    answer('getPopupSummary', () => summary());
    const setOnCall = vi.fn((_data: unknown) => ({ ok: false as const, error: 'On call can last at most 7 days.' }));
    answer('setOnCall', ({ data }) => setOnCall(data));
    render(<App />);
    fireEvent.change(await screen.findByLabelText('On call until'), { target: { value: '21:45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start on-call' }));
    await waitFor(() => expect(setOnCall).toHaveBeenCalledWith({ until: berlin(4, 21, 45) }));
    expect((await screen.findByRole('alert')).textContent).toBe('On call can last at most 7 days.');
  });

  it('an on-call end that has passed reads as not on call; with every site off there is no line', async () => {
    let next = summary({ onCallUntil: berlin(4, 19) });
    answer('getPopupSummary', () => next);
    render(<App />);
    expect((await screen.findByText(/^Quiet until/)).textContent).toBe('Quiet until Thu 09:00: Gmail, Slack');
    cleanup();
    next = summary({ quiet: { gmail: 'off', slack: 'off', docs: 'off' } });
    render(<App />);
    await screen.findByRole('group', { name: 'Quiet tabs' });
    expect(screen.queryByText(/^Quiet (until|from|now)/)).toBeNull();
    expect(screen.queryByLabelText('On call until')).toBeNull();
    await act(async () => {});
  });
});

describe('<PeekBar>', () => {
  it('a named region with the peek’s end; one click sets the reminder and the status says so; an error shows', async () => {
    const { PeekBar } = await import('@/components/PeekBar');
    const onRemind = vi.fn<() => Promise<string | null>>().mockResolvedValueOnce('That time has passed; no reminder was set.').mockResolvedValue(null);
    const view = render(<PeekBar until="23:55" remindAt="Mon 09:00" opened={2} reminded={0} onRemind={onRemind} />);
    const region = screen.getByRole('region', { name: 'Opened anyway' });
    expect(region.textContent).toContain('Opened anyway until 23:55');
    fireEvent.click(within(region).getByRole('button', { name: 'Remind me at Mon 09:00' }));
    expect(await within(region).findByRole('alert')).toHaveProperty('textContent', 'That time has passed; no reminder was set.');
    fireEvent.click(within(region).getByRole('button', { name: 'Remind me at Mon 09:00' }));
    await waitFor(() => expect(onRemind).toHaveBeenCalledTimes(2));
    view.rerender(<PeekBar until="23:55" remindAt="Mon 09:00" opened={2} reminded={2} onRemind={onRemind} />);
    expect(within(region).getByRole('status').textContent).toBe('Reminder set for Mon 09:00: 2 opened');
    expect(within(region).queryByRole('button')).toBeNull();
  });

  it('in German, and without a next start no reminder is offered', async () => {
    await useLanguage('de');
    const { PeekBar } = await import('@/components/PeekBar');
    render(<PeekBar until="23:55" remindAt={null} opened={2} reminded={0} onRemind={vi.fn()} />);
    const region = screen.getByRole('region', { name: 'Trotzdem geöffnet' });
    expect(region.textContent).toContain('Trotzdem geöffnet bis 23:55');
    expect(within(region).queryByRole('button')).toBeNull();
  });
});
