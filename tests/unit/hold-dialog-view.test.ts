import { describe, expect, it } from 'vitest';
import type { Weekly } from '../../utils/hours';
import { sendVerdict, type AfterHoursVerdict, type VerdictRecipient } from '../../utils/etiquette';
import { bothClocks, holdView, noteText, pickedTimes, placeOfZone, recipientRows, slotChoices } from '../../utils/etiquette/hold-view';
import { besideComposer } from '../../utils/ui/placement';
import { useLanguage } from './setup/i18n';

useLanguage('en');

const range: Array<[string, string]> = [['09:00', '17:00']];
const weekdays: Weekly = { mon: range, tue: range, wed: range, thu: range, fri: range, sat: [], sun: [] };
const person = (key: string, name: string, timeZone?: string): VerdictRecipient => ({ key, name, ...(timeZone ? { hours: { timeZone, weekly: weekdays } } : {}) });
const priya = person('priya@example.com', 'Priya Raman', 'Asia/Kolkata');
const lee = person('lee@example.com', 'Lee Park', 'America/Los_Angeles');
const alex = person('alex@example.com', 'alex@example.com');

// Tue 2026-01-13 02:00 UTC: Berlin 03:00, Kolkata 07:30, Los Angeles Mon 18:00. Kolkata's and Los Angeles'
// 09:00-17:00 never meet, so there is no common time.
const NOW = Date.parse('2026-01-13T02:00:00Z');
function held(recipients: VerdictRecipient[]): AfterHoursVerdict {
  const v = sendVerdict({ me: { timeZone: 'Europe/Berlin', weekly: weekdays }, recipients, mode: 'confirm', now: new Date(NOW) });
  if (v.kind !== 'after-hours') throw new Error('expected after-hours');
  return v;
}

describe('the hold dialog view (issue 20)', () => {
  it('has one row per recipient: outside first, with the city and their time, unknown zones last', () => {
    const rows = recipientRows(held([alex, lee, priya]));
    expect(rows.map((r) => [r.name, r.place, r.state])).toEqual([
      ['Lee', 'Los Angeles', 'outside'],
      ['Priya', 'Kolkata', 'outside'],
      ['alex@example.com', null, 'unknown'],
    ]);
    // Los Angeles is still on Monday while Berlin is on Tuesday: the weekday is said.
    expect(rows[0]!.time).toMatch(/^Mon /);
    expect(rows[1]!.time).not.toMatch(/^Tue /);
  });

  it('offers each person\u2019s morning when no time suits everyone, the suggested one among them', () => {
    const v = held([priya, lee]);
    expect(v.slot?.basis).toBe('most');
    const choices = slotChoices(v, 15);
    expect(choices.map((c) => [new Date(c.at).toISOString(), c.label])).toEqual([
      ['2026-01-13T03:30:00.000Z', "Priya's morning"],
      ['2026-01-13T17:00:00.000Z', "Lee's morning"],
    ]);
    expect(choices[1]!.when).toMatch(/for Lee · .* for you$/);
    expect(choices[0]!.scheduleLabel).toBe(holdView(v, 15).scheduleLabel);
  });

  it('offers no choices when there is a common time', () => {
    expect(slotChoices(held([priya]), 15)).toEqual([]);
  });

  it('says the slot in both clocks, the sender\u2019s weekday only when the date differs', () => {
    const v = held([priya]);
    expect(bothClocks(v, Date.parse('2026-01-13T03:30:00Z'))).toMatch(/^Tue \S+( AM)? for Priya · \S+( AM)? for you$/);
    expect(bothClocks(v, Date.parse('2026-01-13T22:30:00Z'))).toMatch(/^Wed .* for Priya · Tue .* for you$/);
    expect(bothClocks(v, Date.parse('2026-01-13T23:00:00Z'))).toMatch(/^Wed .* for Priya · [^A-Z]* for you$/);
  });

  it('shows every recipient\u2019s wall clock at a picked time and whether they work then', () => {
    const times = pickedTimes(held([priya, lee]).people ?? [], Date.parse('2026-01-13T17:30:00Z'));
    expect(times.map((p) => [p.name, p.inHours])).toEqual([
      ['Priya', false],
      ['Lee', true],
    ]);
  });

  it('writes the nudge note like the dialog: who, their time and place, then the suggestion in both clocks', () => {
    // Kolkata 07:30 Tue: outside her 09:00 start, which is the common time (Tue 09:00 Kolkata = 04:30 Berlin).
    expect(noteText(held([priya]), 15)).toBe("It's outside working hours for you and Priya (07:30 in Kolkata). Suggested: Tue 09:00 for Priya · 04:30 for you");
    const two = noteText(held([priya, lee, alex]), 15);
    expect(two).toMatch(/^It's outside working hours for you and 2 recipients: Priya 07:30 in Kolkata, Lee Mon 18:00 in Los Angeles\. Suggested: /);
    expect(two).toMatch(/\. Time zone unknown for alex@example\.com$/);
    // No raw zone ids, no semicolon-joined log line.
    expect(two).not.toMatch(/Asia\/|America\/|;/);
  });

  it('names at most three people in the note, and says how many more', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((n) => person(`${n}@example.com`, n.toUpperCase(), 'Asia/Kolkata'));
    expect(noteText(held(many), 15)).toMatch(/: A 07:30 in Kolkata, B 07:30 in Kolkata, C 07:30 in Kolkata, 2 more\. Suggested: /);
  });

  it('names a place from a zone id', () => {
    expect(['Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'UTC'].map(placeOfZone)).toEqual(['Kolkata', 'Buenos Aires', 'UTC']);
  });
});

describe('besideComposer', () => {
  const view = { width: 1280, height: 800 };
  const size = { width: 460, height: 340 };
  const inside = (a: { left: number; top: number }, b: { left: number; top: number; width: number; height: number }) =>
    a.left < b.left + b.width && b.left < a.left + size.width && a.top < b.top + b.height && b.top < a.top + size.height;

  it('goes left of a compose window at the bottom right, level with its lower edge', () => {
    const composer = { left: 764, top: 360, width: 500, height: 440 };
    const at = besideComposer(composer, size, view);
    expect(at).toEqual({ left: 764 - 8 - 460, top: 800 - 340 - 8, clear: true });
    expect(inside(at, composer)).toBe(false);
  });

  it('goes right of a composer at the left, or above a wide one', () => {
    expect(besideComposer({ left: 10, top: 100, width: 500, height: 400 }, size, view)).toMatchObject({ left: 518, clear: true });
    const wide = { left: 200, top: 420, width: 1000, height: 300 };
    const above = besideComposer(wide, size, view);
    expect(above).toEqual({ left: 200, top: 420 - 8 - 340, clear: true });
    expect(inside(above, wide)).toBe(false);
  });

  it('says when no side has room, and stays in the viewport', () => {
    const at = besideComposer({ left: 0, top: 0, width: 1280, height: 800 }, size, view);
    expect(at.clear).toBe(false);
    expect(at.top + size.height).toBeLessThanOrEqual(800);
    expect(at.left).toBeGreaterThanOrEqual(8);
  });
});
