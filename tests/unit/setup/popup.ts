import { afterEach } from 'vitest';
import { onMessage, type PopupSummary } from '@/utils/messaging';
import { officeWeek } from '@/utils/store/defaults';

/**
 * The worker's side, stood in for by a test: `answer(type, handler)` listens in this context (one
 * listener per message type), and every listener is removed after each test of the calling scope.
 */
export function workerAnswers(): typeof onMessage {
  const removers: Array<() => void> = [];
  afterEach(() => {
    for (const remove of removers.splice(0)) remove();
  });
  return (type, handler) => {
    const remove = onMessage(type, handler);
    removers.push(remove);
    return remove;
  };
}

/** A popup summary: Berlin office hours, every site's quiet tabs off, nothing counted yet. */
export function popupSummary(over: Partial<PopupSummary> = {}): PopupSummary {
  return {
    me: { timeZone: 'Europe/Berlin', weekly: officeWeek(), daysOff: [] },
    sites: { gmail: 'confirm', slack: 'nudge', docs: 'off' },
    quiet: { gmail: 'off', slack: 'off', docs: 'off' },
    onCallUntil: null,
    pause: null,
    snoozed: 0,
    contacts: 0,
    week: { since: 0, held: 0, scheduled: 0, sentAnyway: 0, nudged: 0, quietEvenings: 0, peeks: 0, days: [] },
    ...over,
  };
}
