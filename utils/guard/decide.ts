/**
 * The synchronous verdict on a Send gesture: the recipients read from the page at that moment,
 * matched to the cached snapshot's contacts, judged by utils/etiquette. No message round trip.
 */
import { sendVerdict } from '@/utils/etiquette/verdict';
import { holidayInfo, withOwnHolidays } from '@/utils/holidays/apply';
import type { Verdict, VerdictRecipient } from '@/utils/etiquette/types';
import type { Snapshot } from '@/utils/store/snapshot';
import { activeSnoozeKeys, isPaused } from '@/utils/store/quiet';
import type { SiteAdapter } from './adapter';
import { indexContacts, toVerdictRecipients, type ContactIndex } from './recipients';
import type { SnapshotSource } from './snapshot-client';

export interface Decider {
  /** The verdict for a send from `composer` now; null (send natively) without a snapshot or on any error. */
  decide(composer: HTMLElement): Verdict | null;
  /** The composer's recipients as the verdict sees them. */
  recipientsOf(composer: HTMLElement, snapshot: Snapshot): VerdictRecipient[];
}

export function createDecider(adapter: SiteAdapter, source: SnapshotSource, doc: Document, now: () => Date): Decider {
  let cachedIndex: { revision: number; index: ContactIndex } | null = null;

  function contactIndex(snapshot: Snapshot): ContactIndex {
    if (cachedIndex?.revision !== snapshot.revision) {
      cachedIndex = { revision: snapshot.revision, index: indexContacts(snapshot.settings, snapshot.holidays) };
    }
    return cachedIndex.index;
  }

  function recipientsOf(composer: HTMLElement, snapshot: Snapshot): VerdictRecipient[] {
    const selfIds = new Set(adapter.selfIds(doc).map((id) => id.toLowerCase()));
    return toVerdictRecipients(adapter.readRecipients(composer), contactIndex(snapshot), selfIds);
  }

  function judge(composer: HTMLElement): Verdict | null {
    const snapshot = source.current();
    if (!snapshot) return null;
    // The user's public holidays are days off like any other (contract §1).
    const settings = withOwnHolidays(snapshot.settings, snapshot.holidays);
    const mode = settings.sites[adapter.site];
    if (mode === 'off') return { kind: 'off' };
    const at = now();
    // Paused from the popup: no holds and no notes until the pause ends (checked here too, not only by the alarm).
    if (isPaused(settings.preferences.pause, at.getTime())) return { kind: 'off' };
    const recipients = recipientsOf(composer, snapshot);
    // A Docs comment that mentions no one (but the user) notifies no one new: nothing to ask.
    if (adapter.reachesOnlyRecipients && recipients.every((r) => r.isSelf)) return { kind: 'fine', reason: 'self' };
    return sendVerdict({
      me: settings.me,
      meHoliday: holidayInfo(settings.me.holidays, snapshot.holidays),
      recipients,
      mode,
      now: at,
      graceMinutes: settings.preferences.graceMinutes,
      largeListThreshold: settings.preferences.largeListThreshold,
      snoozedKeys: activeSnoozeKeys(settings.preferences.snoozes, settings.me.timeZone, at.getTime()),
    });
  }

  return {
    decide(composer) {
      try {
        return judge(composer);
      } catch (error) {
        console.warn('Async Etiquette: could not judge this send; letting it through.', error);
        return null;
      }
    },
    recipientsOf,
  };
}
