import { useEffect, useState } from 'react';
import { DAYS, type Day } from '@/utils/hours';
import { weeklySchema, type Weekly } from '@/utils/store/schema';
import { rangesToText, textToRanges } from '@/utils/ui/weekly-text';

const DAY_NAMES: Record<Day, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

type Drafts = Record<Day, string>;

function toDrafts(weekly: Weekly): Drafts {
  return Object.fromEntries(DAYS.map((d) => [d, rangesToText(weekly[d])])) as Drafts;
}

/** Returns the weekly hours, or one message per day that is wrong. */
export function validateDrafts(drafts: Drafts): { weekly: Weekly } | { errors: Partial<Record<Day, string>> } {
  const errors: Partial<Record<Day, string>> = {};
  const candidate: Partial<Record<Day, Array<[string, string]>>> = {};
  for (const day of DAYS) {
    const parsed = textToRanges(drafts[day]);
    if ('error' in parsed) errors[day] = parsed.error;
    else candidate[day] = parsed;
  }
  if (Object.keys(errors).length) return { errors };
  const result = weeklySchema.safeParse(candidate);
  if (result.success) return { weekly: result.data };
  for (const issue of result.error.issues) {
    const day = issue.path[0] as Day;
    errors[day] ??= issue.message;
  }
  return { errors };
}

interface Props {
  weekly: Weekly;
  onSave: (weekly: Weekly) => void;
}

/** A minimal editor: one text field per day ("09:00-12:00, 13:00-17:30"); nothing is saved while any day is wrong. */
export function WeeklyEditor({ weekly, onSave }: Props) {
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(weekly));
  const [errors, setErrors] = useState<Partial<Record<Day, string>>>({});
  useEffect(() => setDrafts(toDrafts(weekly)), [weekly]);

  function save() {
    const result = validateDrafts(drafts);
    if ('errors' in result) setErrors(result.errors);
    else {
      setErrors({});
      onSave(result.weekly);
    }
  }

  return (
    <fieldset className="weekly">
      <legend>Working hours</legend>
      <p className="hint">Ranges like 09:00-12:00, 13:00-17:30. A range that ends before it starts crosses midnight. Leave empty for a day off.</p>
      {DAYS.map((day) => (
        <div key={day} className="row">
          <label htmlFor={`weekly-${day}`}>{DAY_NAMES[day]}</label>
          <input
            id={`weekly-${day}`}
            value={drafts[day]}
            aria-invalid={errors[day] ? true : undefined}
            aria-describedby={errors[day] ? `weekly-${day}-error` : undefined}
            onChange={(e) => setDrafts({ ...drafts, [day]: e.currentTarget.value })}
          />
          {errors[day] && (
            <span id={`weekly-${day}-error`} className="error" role="alert">
              {errors[day]}
            </span>
          )}
        </div>
      ))}
      <button type="button" onClick={save}>
        Save working hours
      </button>
    </fieldset>
  );
}
