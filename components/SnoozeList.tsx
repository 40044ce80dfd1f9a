import { useId, useState } from 'react';
import { nextFriday } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { calendarDate } from '@/utils/i18n/dates';
import type { Snooze } from '@/utils/store/schema';
import { slot, withElements } from '@/utils/ui/rich-text';

export interface Person {
  name: string;
  keys: string[];
  /** Shown to tell two Anas apart. */
  detail: string;
}

interface Props {
  snoozes: readonly Snooze[];
  /** Today in your zone ("YYYY-MM-DD"). */
  today: string;
  onChange: (snoozes: Snooze[]) => void;
  /** Contacts matching a name (a few at most). */
  findPeople: (query: string) => Promise<Person[]>;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const SLACK_ID = /^[UW][A-Z0-9]{2,20}$/;

/** Checks what was typed; returns the snooze, or why not, or the people to choose between. */
export async function resolveSnooze(
  who: string,
  until: string,
  today: string,
  findPeople: Props['findPeople'],
): Promise<{ snooze: Snooze } | { error: string } | { choose: Person[] }> {
  const typed = who.trim();
  if (!typed) return { error: t('snooze.typeSomeone') };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return { error: t('snooze.pickDate') };
  if (until <= today) return { error: t('snooze.dateAfterToday') };
  if (EMAIL.test(typed) || SLACK_ID.test(typed)) {
    const key = typed.includes('@') ? typed.toLowerCase() : typed;
    const [match] = (await findPeople(key)).filter((p) => p.keys.includes(key));
    return { snooze: { name: match?.name ?? typed, keys: match?.keys ?? [key], until } };
  }
  const people = await findPeople(typed);
  if (people.length === 0) return { error: t('snooze.noMatch', { typed }) };
  if (people.length > 1) return { choose: people };
  return { snooze: { name: people[0]!.name, keys: people[0]!.keys, until } };
}

/** "Don't ask me about Ana until Friday": a list of snoozed people, each with the date asking resumes. */
export function SnoozeList({ snoozes, today, onChange, findPeople }: Props) {
  const id = useId();
  const [who, setWho] = useState('');
  const [until, setUntil] = useState(() => nextFriday(today));
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Person[]>([]);
  const active = snoozes.filter((s) => s.until > today);
  const ended = snoozes.length - active.length;

  function add(snooze: Snooze) {
    const others = snoozes.filter((s) => !s.keys.some((k) => snooze.keys.includes(k)));
    onChange([...others, snooze]);
    setWho('');
    setChoices([]);
    setError(null);
  }

  async function submit() {
    setChoices([]);
    const result = await resolveSnooze(who, until, today, findPeople);
    if ('error' in result) setError(result.error);
    else if ('choose' in result) {
      setError(null);
      setChoices(result.choose);
    } else add(result.snooze);
  }

  return (
    <fieldset className="snoozes">
      <legend>{t('snooze.legend')}</legend>
      {active.length === 0 ? (
        <p className="hint">{t('snooze.nobody')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('snooze.list')}>
          {active.map((s) => (
            <li key={s.keys.join(' ')}>
              <span>
                {withElements(t('snooze.until', { name: slot('name'), date: calendarDate(s.until) }), { name: <strong>{s.name}</strong> })}
              </span>{' '}
              <button
                type="button"
                className="link"
                aria-label={t('snooze.stop', { name: s.name })}
                onClick={() => onChange(snoozes.filter((x) => x !== s))}
              >
                {t('snooze.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {ended > 0 && (
        <p className="hint">
          {t('snooze.ended', ended)}{' '}
          <button type="button" className="link" onClick={() => onChange(active)}>
            {t('snooze.removeEnded')}
          </button>
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${id}-who`}>{t('snooze.person')}</label>
        <input
          id={`${id}-who`}
          value={who}
          placeholder={t('snooze.personPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setWho(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-until`}>{t('snooze.askAgainFrom')}</label>
        <input id={`${id}-until`} type="date" value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
        <button type="submit">{t('snooze.snooze')}</button>
      </form>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      {choices.length > 0 && (
        <div role="group" aria-label={t('snooze.whichOne')}>
          <p>{t('snooze.several')}</p>
          <ul className="plain-list">
            {choices.map((p) => (
              <li key={p.keys.join(' ')}>
                <button type="button" onClick={() => add({ name: p.name, keys: p.keys, until })}>
                  {t('snooze.choose', { name: p.name, detail: p.detail })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
