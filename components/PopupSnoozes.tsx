import { useState } from 'react';
import { localDate } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { calendarDate } from '@/utils/i18n/dates';
import { isSnoozeActive } from '@/utils/store/quiet';
import type { Snooze } from '@/utils/store/schema';
import { updateSettings } from '@/utils/ui/actions';
import { useSnapshot } from '@/utils/ui/use-snapshot';

/**
 * People not asked about right now (a snooze set in the options or from the in-page ⋯ menu, issue 20),
 * each with a button that undoes it. Nothing when nobody is snoozed.
 */
export function PopupSnoozes({ now }: { now: number }) {
  const snapshot = useSnapshot();
  const [error, setError] = useState<string | null>(null);
  if (!snapshot) return null;
  const all: Snooze[] = snapshot.settings.preferences.snoozes ?? [];
  const today = localDate(snapshot.settings.me.timeZone, now);
  const active = all.filter((s) => isSnoozeActive(s, today));
  if (active.length === 0) return null;

  async function askAgain(snooze: Snooze) {
    setError(await updateSettings({ preferences: { snoozes: all.filter((s) => s !== snooze) } }));
  }

  return (
    <section className="popup-snoozes" aria-labelledby="popup-snoozes-heading">
      <h2 id="popup-snoozes-heading">{t('popup.snoozes.heading')}</h2>
      <ul className="plain-list">
        {active.map((s) => (
          <li key={s.keys.join(' ')}>
            {t('popup.snoozes.until', { name: s.name, date: calendarDate(s.until) })}{' '}
            <button type="button" onClick={() => void askAgain(s)}>
              {t('popup.snoozes.askAgain', { name: s.name })}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
