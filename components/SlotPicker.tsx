import { useId, useState } from 'react';
import { pickedTimes } from '@/utils/etiquette/hold-view';
import type { KnownPerson } from '@/utils/etiquette/types';
import { fromLocalInput, toLocalInput } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { weekdayTime } from '@/utils/i18n/dates';

interface Props {
  senderZone: string;
  people: KnownPerson[];
  /** Where the picker starts, epoch ms. */
  initial: number;
  onUse: (at: number) => void;
  onCancel: () => void;
}

/** "Pick a time…" (issue 20): a time in the sender's zone, and every recipient's wall clock at it. */
export function SlotPicker({ senderZone, people, initial, onUse, onCancel }: Props) {
  const [text, setText] = useState(() => toLocalInput(initial, senderZone));
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const at = fromLocalInput(text, senderZone);

  function use() {
    if (at === null) setError(t('page.hold.picker.invalid'));
    else if (at <= Date.now()) setError(t('page.hold.picker.past'));
    else onUse(at);
  }

  return (
    <div className="ae-picker" role="group" aria-label={t('page.hold.picker.title')}>
      <label htmlFor={fieldId}>{t('page.hold.picker.field', { zone: senderZone })}</label>
      <input
        id={fieldId}
        type="datetime-local"
        value={text}
        aria-invalid={error !== null}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setError(null);
        }}
      />
      {at !== null && (
        <ul className="ae-picker-times" aria-label={t('page.hold.picker.people')}>
          <li>
            <span className="ae-row-name">{t('page.hold.picker.you')}</span> <span className="ae-row-time">{weekdayTime(at, senderZone)}</span>
          </li>
          {pickedTimes(people, at).map((p) => (
            <li key={p.key}>
              <span className="ae-row-name">{p.name}</span> <span className="ae-row-time">{p.time}</span>{' '}
              <span className={p.inHours ? 'ae-in' : 'ae-out'}>{p.inHours ? t('page.hold.picker.inHours') : t('page.hold.picker.outside')}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="ae-picker-error" role="alert">
          {error}
        </p>
      )}
      <div className="ae-picker-actions">
        <button type="button" onClick={use}>
          {t('page.hold.picker.use')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('page.hold.picker.cancel')}
        </button>
      </div>
    </div>
  );
}
