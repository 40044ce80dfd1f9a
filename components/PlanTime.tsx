/**
 * Plan a time (issue 22): the user and the people ticked in the team clock, their working hours over the
 * next 48 hours as strips on one timeline, each scaled in that person's local time; the slot to offer
 * marked across them (the next common one, else the one reaching the most); and the line to copy.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { localTicks, PLAN_SPAN_MS, planSlot, workingIntervals, type PlanSlot } from '@/utils/etiquette/plan';
import type { Hours } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { clockTime, weekdayTime } from '@/utils/i18n/dates';
import { planLine, stripDescription, tickLabel } from '@/utils/ui/plan-text';
import { cityOf } from '@/utils/ui/zone-city';

export interface PlanPerson {
  name: string;
  hours: Hours;
}

interface Props {
  me: Hours;
  people: readonly PlanPerson[];
  now: number;
  onClose: () => void;
}

/** Where an instant lies on the strips, in percent of their width. */
function position(at: number, now: number): number {
  return Math.min(100, Math.max(0, ((at - now) / PLAN_SPAN_MS) * 100));
}

/** "Next common slot: Tue 09:00–11:00, your time", or why there is none. */
export function slotText(slot: PlanSlot | null, me: Hours, now: number): string {
  if (!slot) return t('plan.none');
  const start = weekdayTime(slot.at, me.timeZone);
  const time = slot.until === null ? start : `${start}–${clockTime(slot.until, me.timeZone)}`;
  if (slot.basis === 'most') return t('plan.most', { time, reaches: slot.working.filter(Boolean).length, of: slot.working.length });
  return slot.at - now > PLAN_SPAN_MS ? t('plan.commonLater', { time }) : t('plan.common', { time });
}

/** The scale's marks, less those so near an end that their label would stick out of the popup. */
function scaleTicks(zone: string, now: number, end: number) {
  return localTicks(zone, now, end).filter((tick) => position(tick.at, now) > 4 && position(tick.at, now) < 96);
}

export function PlanTime({ me, people, now, onClose }: Props) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const everyone = useMemo(() => [{ name: t('plan.you'), hours: me }, ...people], [me, people]);
  const slot = useMemo(() => planSlot(everyone.map((person) => person.hours), now), [everyone, now]);
  const line = slot ? planLine(everyone.map((person) => person.hours), slot.at) : '';
  const end = now + PLAN_SPAN_MS;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => setCopied(null), [line]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(line);
      setCopied({ ok: true, text: t('plan.copied') });
    } catch {
      setCopied({ ok: false, text: t('plan.copyFailed') });
    }
  }

  return (
    <section className="plan-time" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('plan.heading')}
      </h2>
      <p className="hint">{t('plan.intro')}</p>
      <ul className="plain-list plan-strips">
        {everyone.map((person, index) => {
          const zone = person.hours.timeZone;
          const intervals = workingIntervals(person.hours, now, end);
          const slotWorking = slot?.working[index];
          return (
            <li key={`${index}-${person.name}`} className="plan-person">
              <p className="plan-who">
                <span className="plan-name">{person.name}</span>{' '}
                <span className="hint">
                  {cityOf(zone)} · {clockTime(now, zone)}
                </span>
              </p>
              <div className="plan-strip" role="img" aria-label={stripDescription(person.name, zone, intervals)}>
                {intervals.map(({ start, end: stop }) => (
                  <span key={start} className="plan-work" style={{ left: `${position(start, now)}%`, width: `${position(stop, now) - position(start, now)}%` }} />
                ))}
                {slot && slot.at < end && (
                  <span className={`plan-mark ${slotWorking ? 'in' : 'out'}`} data-slot-at={slot.at} style={{ left: `${position(slot.at, now)}%` }} />
                )}
                {scaleTicks(zone, now, end).map((tick) => (
                  <span key={tick.at} className={tick.date ? 'plan-tick day' : 'plan-tick'} style={{ left: `${position(tick.at, now)}%` }}>
                    {tickLabel(tick, zone)}
                  </span>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="plan-slot">{slotText(slot, me, now)}</p>
      {slot && (
        <div className="plan-copy">
          <label className="small-heading" htmlFor={`${headingId}-line`}>
            {t('plan.line')}
          </label>
          <div className="row">
            <input id={`${headingId}-line`} className="plan-line" readOnly value={line} onFocus={(event) => event.currentTarget.select()} />
            <button type="button" className="primary" onClick={() => void copy()}>
              {t('plan.copy')}
            </button>
          </div>
          <p className={copied?.ok === false ? 'error' : 'hint'} role="status">
            {copied?.text ?? ''}
          </p>
        </div>
      )}
      <button type="button" onClick={onClose}>
        {t('plan.close')}
      </button>
    </section>
  );
}
