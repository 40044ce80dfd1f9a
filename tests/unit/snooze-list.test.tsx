// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveSnooze, SnoozeList, type Person } from '@/components/SnoozeList';
import { nextFriday } from '@/utils/hours';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

const ANA: Person = { name: 'Ana Souza', keys: ['ana@example.com', 'U0ANA1'], detail: 'ana@example.com' };
const ANA2: Person = { name: 'Ana Lima', keys: ['lima@example.com'], detail: 'lima@example.com' };
const find = (people: Person[]) => async (q: string) => people.filter((p) => p.name.toLowerCase().includes(q.toLowerCase()) || p.keys.includes(q));

describe('resolveSnooze', () => {
  it('"until Friday" is the coming Friday (a week on, on a Friday)', () => {
    expect(nextFriday('2026-06-10')).toBe('2026-06-12');
    expect(nextFriday('2026-06-12')).toBe('2026-06-19');
  });

  it('finds one contact by name and snoozes all their addresses and ids', async () => {
    expect(await resolveSnooze('ana souza', '2026-06-12', '2026-06-10', find([ANA]))).toEqual({ snooze: { name: 'Ana Souza', keys: ['ana@example.com', 'U0ANA1'], until: '2026-06-12' } });
  });

  it('asks which one when several match, and takes a typed address as it is', async () => {
    expect(await resolveSnooze('ana', '2026-06-12', '2026-06-10', find([ANA, ANA2]))).toEqual({ choose: [ANA, ANA2] });
    expect(await resolveSnooze('Bo@Example.com', '2026-06-12', '2026-06-10', find([]))).toEqual({ snooze: { name: 'Bo@Example.com', keys: ['bo@example.com'], until: '2026-06-12' } });
    expect(await resolveSnooze('ana@example.com', '2026-06-12', '2026-06-10', find([ANA]))).toEqual({ snooze: { name: 'Ana Souza', keys: ANA.keys, until: '2026-06-12' } });
  });

  it.each([
    ['', '2026-06-12', 'Type a name, an email address or a Slack id.'],
    ['ana', '', 'Pick the date to ask again from.'],
    ['ana', '2026-06-10', 'Pick a date after today.'],
    ['zed', '2026-06-12', 'No contact matches “zed”. Type their email address or Slack id instead.'],
  ])('refuses %j until %j', async (who, until, error) => {
    expect(await resolveSnooze(who, until, '2026-06-10', find([ANA]))).toEqual({ error });
  });
});

describe('<SnoozeList>', () => {
  it('lists active snoozes with their end, removes one, and clears ended ones', () => {
    const onChange = vi.fn();
    const active = { name: 'Ana Souza', keys: ['ana@example.com'], until: '2026-06-12' };
    const ended = { name: 'Bo', keys: ['bo@example.com'], until: '2026-06-01' };
    render(<SnoozeList snoozes={[active, ended]} today="2026-06-10" onChange={onChange} findPeople={find([])} />);
    expect(screen.getByRole('list', { name: 'Snoozed people' }).textContent).toContain('Ana Souza until Fri, 12 Jun 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Stop snoozing Ana Souza' }));
    expect(onChange).toHaveBeenLastCalledWith([ended]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove ended snoozes' }));
    expect(onChange).toHaveBeenLastCalledWith([active]);
  });

  it('adds by name, replacing an older snooze of the same person; errors are inline', async () => {
    const onChange = vi.fn();
    const older = { name: 'Ana Souza', keys: ['ana@example.com'], until: '2026-06-11' };
    render(<SnoozeList snoozes={[older]} today="2026-06-10" onChange={onChange} findPeople={find([ANA, ANA2])} />);
    expect((screen.getByLabelText('Ask again from') as HTMLInputElement).value).toBe('2026-06-12');
    fireEvent.click(screen.getByRole('button', { name: 'Snooze' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Type a name, an email address or a Slack id.'));
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Snooze' }));
    await waitFor(() => screen.getByRole('group', { name: 'Which one?' }));
    fireEvent.click(screen.getByRole('button', { name: 'Snooze Ana Souza (ana@example.com)' }));
    expect(onChange).toHaveBeenCalledWith([{ name: 'Ana Souza', keys: ANA.keys, until: '2026-06-12' }]);
  });
});

describe('<SnoozeList> in German', () => {
  it('speaks German, with German dates and plurals', async () => {
    await useLanguage('de');
    const onChange = vi.fn();
    const active = { name: 'Ana Souza', keys: ['ana@example.com'], until: '2026-06-12' };
    const ended = [
      { name: 'Bo', keys: ['bo@example.com'], until: '2026-06-01' },
      { name: 'Cy', keys: ['cy@example.com'], until: '2026-06-02' },
    ];
    render(<SnoozeList snoozes={[active, ...ended]} today="2026-06-10" onChange={onChange} findPeople={find([])} />);
    expect(screen.getByRole('group', { name: 'Nicht nachfragen bei…' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Stummgeschaltete Personen' }).textContent).toContain('Ana Souza bis Fr., 12. Juni 2026');
    expect(screen.getByText(/2 abgelaufene Stummschaltungen\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stummschalten' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Geben Sie einen Namen, eine E-Mail-Adresse oder eine Slack-ID ein.'));
  });
});
