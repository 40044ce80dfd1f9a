// @vitest-environment happy-dom
/** Issue 20: the popup counts this week's holds that met a recipient with no time zone (a count only). */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ZonelessHolds } from '@/components/ZonelessHolds';
import { eventSchema } from '@/utils/store/schema';
import { summariseWeek } from '@/utils/store/history';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

/** Wed 9 Dec 2026, 12:00 UTC; the week in Berlin started Mon 7 Dec 00:00 (UTC+1). */
const NOW = Date.UTC(2026, 11, 9, 12);
const DAY = 86_400_000;

describe('holds that met someone with no time zone', () => {
  it('counts this week\u2019s held sends with unknownZones, not older ones nor other actions', () => {
    const events = [
      { at: NOW - DAY, action: 'held' as const, unknownZones: 2 },
      { at: NOW - 2 * DAY, action: 'held' as const, unknownZones: 1 },
      { at: NOW - DAY, action: 'held' as const },
      { at: NOW - DAY, action: 'sent-anyway' as const, unknownZones: 1 },
      { at: NOW - 8 * DAY, action: 'held' as const, unknownZones: 3 },
    ];
    const week = summariseWeek(events, 'Europe/Berlin', NOW);
    expect(week.held).toBe(3);
    expect(week.unknownZoneHolds).toBe(2);
    expect(summariseWeek([], 'Europe/Berlin', NOW).unknownZoneHolds).toBe(0);
  });

  it('the event keeps a count only, and an older event without it still parses', () => {
    const base = { at: NOW, site: 'gmail', verdict: 'recipients-outside', action: 'held', recipients: 3 };
    expect(eventSchema.parse({ ...base, unknownZones: 1 }).unknownZones).toBe(1);
    expect(eventSchema.parse(base).unknownZones).toBeUndefined();
    expect(eventSchema.safeParse({ ...base, unknownZones: -1 }).success).toBe(false);
    expect(eventSchema.safeParse({ ...base, unknownZones: 1, addresses: ['a@example.com'] }).success).toBe(false);
  });

  it('the popup line says how many, links to the contacts section, and is absent at zero (English and German)', async () => {
    await useLanguage('en');
    const { rerender } = render(<ZonelessHolds count={2} />);
    expect(screen.getByText(/2 holds this week met someone with no time zone\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add their time zones in Contacts' }).getAttribute('href')).toMatch(/options\.html#contacts$/);
    rerender(<ZonelessHolds count={0} />);
    expect(screen.queryByRole('link')).toBeNull();
    await useLanguage('de');
    rerender(<ZonelessHolds count={1} />);
    expect(screen.getByRole('link', { name: 'Zeitzonen unter Kontakte ergänzen' })).toBeTruthy();
  });
});
