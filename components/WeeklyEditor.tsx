import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { DAYS, parseHHmm, type Day } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { weeklySchema, type Weekly } from '@/utils/store/schema';
import { useAutosave } from '@/utils/ui/use-autosave';
import { rangesToText, textToRanges } from '@/utils/ui/weekly-text';

const DAY_NAMES: Record<Day, () => string> = {
  mon: () => t('hours.days.mon'),
  tue: () => t('hours.days.tue'),
  wed: () => t('hours.days.wed'),
  thu: () => t('hours.days.thu'),
  fri: () => t('hours.days.fri'),
  sat: () => t('hours.days.sat'),
  sun: () => t('hours.days.sun'),
};

/** "Monday" / "Montag". */
export function dayName(day: Day): string {
  return DAY_NAMES[day]();
}
const WEEKDAYS: Day[] = ['tue', 'wed', 'thu', 'fri'];

export type Drafts = Record<Day, string>;
export type DayErrors = Partial<Record<Day, string>>;

/** The same hours give the same text whatever order the object's keys came in. */
function weeklyKey(weekly: Weekly): string {
  return DAYS.map((day) => JSON.stringify(weekly[day] ?? [])).join('|');
}

export function toDrafts(weekly: Weekly): Drafts {
  return Object.fromEntries(DAYS.map((d) => [d, rangesToText(weekly[d])])) as Drafts;
}

/** One day's ranges, or what is wrong with them (the schema's words: bad time, overlap, start at 24:00). */
export function validateDay(day: Day, text: string): { ranges: Array<[string, string]> } | { error: string } {
  const parsed = textToRanges(text);
  if ('error' in parsed) return parsed;
  const result = weeklySchema.shape[day].safeParse(parsed);
  if (result.success) return { ranges: result.data };
  return { error: result.error.issues[0]!.message };
}

/** Returns the weekly hours, or one message per day that is wrong. */
export function validateDrafts(drafts: Drafts): { weekly: Weekly } | { errors: DayErrors } {
  const errors: DayErrors = {};
  const weekly: Partial<Weekly> = {};
  for (const day of DAYS) {
    const result = validateDay(day, drafts[day]);
    if ('error' in result) errors[day] = result.error;
    else weekly[day] = result.ranges;
  }
  return Object.keys(errors).length ? { errors } : { weekly: weekly as Weekly };
}

/** "8 h" or "7 h 30 min". */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? t('hours.durationMinutes', { hours, minutes: rest }) : t('hours.duration', { hours });
}

/** "8 h", "night shift until Saturday 06:00", "day off": read back so a typo shows before saving. */
export function describeDay(day: Day, ranges: ReadonlyArray<readonly [string, string]>): string {
  if (ranges.length === 0) return t('hours.notWorking');
  let minutes = 0;
  const notes: string[] = [];
  const next = dayName(DAYS[(DAYS.indexOf(day) + 1) % 7]!);
  for (const [start, end] of ranges) {
    const s = parseHHmm(start) ?? 0;
    const e = parseHHmm(end) ?? 0;
    const length = e > s ? e - s : e + 1440 - s;
    minutes += length;
    if (e < s || (e === s && e !== 0)) notes.push(t('hours.pastMidnight', { start, day: next, end }));
    else if (e === s) notes.push(t('hours.allDay', { start }));
  }
  return [duration(minutes), ...notes].join('; ');
}

interface FieldsProps {
  idPrefix: string;
  drafts: Drafts;
  errors: DayErrors;
  onChange: (day: Day, text: string) => void;
  onBlur?: (day: Day) => void;
}

/** One labelled text field per day ("09:00-12:00, 13:00-17:30"), its reading and its error. */
export function WeeklyFields({ idPrefix, drafts, errors, onChange, onBlur }: FieldsProps) {
  return (
    <div className="weekly-days">
      {DAYS.map((day) => {
        const id = `${idPrefix}-${day}`;
        const error = errors[day];
        const reading = error ? null : validateDay(day, drafts[day]);
        return (
          <div key={day} className="row day-row">
            <label htmlFor={id}>{dayName(day)}</label>
            <input
              id={id}
              value={drafts[day]}
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('hours.notWorkingPlaceholder')}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : `${id}-reading`}
              onChange={(e) => onChange(day, e.currentTarget.value)}
              onBlur={() => onBlur?.(day)}
            />
            {error ? (
              <span id={`${id}-error`} className="error" role="alert">
                {error}
              </span>
            ) : (
              <span id={`${id}-reading`} className="hint">
                {reading && 'ranges' in reading ? describeDay(day, reading.ranges) : ''}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Keeps drafts and inline errors: a day is checked when you leave it, and re-checked as you fix it. */
export function useWeeklyDrafts(weekly: Weekly, sent?: MutableRefObject<Set<string>>) {
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(weekly));
  const [errors, setErrors] = useState<DayErrors>({});
  // A new snapshot brings a new object for the same hours: only a real change replaces the drafts.
  // Our own autosave coming back is not one: the person may have typed on since.
  const saved = JSON.stringify(weekly);
  useEffect(() => {
    if (sent?.current.delete(weeklyKey(JSON.parse(saved) as Weekly))) return;
    setDrafts(toDrafts(JSON.parse(saved) as Weekly));
    setErrors({});
  }, [saved]);

  function checkDay(day: Day, text: string, next: DayErrors): DayErrors {
    const result = validateDay(day, text);
    const copy = { ...next };
    if ('error' in result) copy[day] = result.error;
    else delete copy[day];
    return copy;
  }

  return {
    drafts,
    errors,
    setErrors,
    dirty: DAYS.some((d) => drafts[d] !== rangesToText(weekly[d])),
    change(day: Day, text: string) {
      setDrafts((d) => ({ ...d, [day]: text }));
      // Only a day already marked wrong is re-checked while typing, so a half-typed range is not shouted at.
      if (errors[day]) setErrors((e) => checkDay(day, text, e));
    },
    blur(day: Day) {
      setErrors((e) => checkDay(day, drafts[day], e));
    },
    copyMondayToWeekdays() {
      const monday = drafts.mon;
      setDrafts((d) => ({ ...d, ...Object.fromEntries(WEEKDAYS.map((day) => [day, monday])) }));
      setErrors((e) => WEEKDAYS.reduce((acc, day) => checkDay(day, monday, acc), e));
    },
    reset() {
      setDrafts(toDrafts(weekly));
      setErrors({});
    },
  };
}

interface Props {
  weekly: Weekly;
  onSave: (weekly: Weekly) => void;
  idPrefix?: string;
  legend?: string;
  /** Set by the organisation: shown, not editable, and says so. */
  locked?: boolean;
}

/**
 * The weekly hours editor: several ranges a day, night shifts, copy Monday. Saved by itself a moment
 * after typing or on leaving a day (issue 20: no Save button); nothing is saved while any day is wrong.
 */
export function WeeklyEditor({ weekly, onSave, idPrefix = 'weekly', legend = t('hours.legend'), locked = false }: Props) {
  // Each value this editor saved, until it comes back once in the snapshot.
  const sent = useRef(new Set<string>());
  const state = useWeeklyDrafts(weekly, sent);

  function save() {
    if (!state.dirty) return;
    const result = validateDrafts(state.drafts);
    if ('errors' in result) state.setErrors(result.errors);
    else {
      state.setErrors({});
      const next = weeklyKey(result.weekly);
      if (next === weeklyKey(weekly)) return;
      sent.current.add(next);
      onSave(result.weekly);
    }
  }
  const autosave = useAutosave(save);
  const draftsKey = JSON.stringify(state.drafts);
  useEffect(() => {
    if (state.dirty) autosave.schedule();
  }, [draftsKey]);

  return (
    <fieldset className="weekly" disabled={locked}>
      <legend>{legend}</legend>
      {locked && <p className="hint locked">{t('options.lockedWhat', { what: legend })}</p>}
      <p className="hint" id={`${idPrefix}-help`}>
        {t('hours.help')}
      </p>
      <WeeklyFields
        idPrefix={idPrefix}
        drafts={state.drafts}
        errors={state.errors}
        onChange={state.change}
        onBlur={(day) => {
          state.blur(day);
          autosave.flush();
        }}
      />
      <div className="row actions">
        <button type="button" onClick={state.copyMondayToWeekdays}>
          {t('hours.copyMonday')}
        </button>
        {state.dirty && (
          <button type="button" onClick={state.reset}>
            {t('hours.undo')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
