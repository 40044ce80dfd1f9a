/** The event log: recorded by the pages, summarised per week, paged, cleared. */
import type { Context } from '@/utils/background/context';
import type { Handlers } from '@/utils/background/handle';
import { footprintBounds, summariseFootprint } from '@/utils/store/footprint';
import { historyBounds, summariseHistory } from '@/utils/store/history';
import { startOf } from '@/utils/hours';
import { addEvent, clearEvents, countActionSince, eventsSince, pageEvents, readCoreSettings } from '@/utils/store/repository';
import { storePopupSummary } from './popup';

type HistoryMessages = 'recordEvent' | 'countSentAnywayToday' | 'getHistory' | 'getFootprint' | 'listEvents' | 'clearHistory';

export function historyHandlers(ctx: Context): Handlers<HistoryMessages> {
  const { db } = ctx;
  return {
    async recordEvent(event) {
      await addEvent(db, event);
      // This week's numbers changed: the popup's stored copy follows (not awaited by the page).
      void storePopupSummary(ctx);
    },

    async countSentAnywayToday() {
      const { me } = await readCoreSettings(db, ctx.timeZone());
      return countActionSince(db, 'sent-anyway', startOf('day', ctx.now(), me.timeZone));
    },

    async getHistory({ weeks }) {
      const { me } = await readCoreSettings(db, ctx.timeZone());
      const bounds = historyBounds(weeks, me.timeZone, ctx.now());
      const [events, total] = await Promise.all([eventsSince(db, bounds[0]!), db.events.count()]);
      return { weeks: summariseHistory(events, bounds, me.timeZone), total };
    },

    async getFootprint() {
      const { me } = await readCoreSettings(db, ctx.timeZone());
      const bounds = footprintBounds(me.timeZone, ctx.now());
      return summariseFootprint(await eventsSince(db, bounds[0]!), bounds, me.timeZone);
    },

    listEvents: ({ offset, limit }) => pageEvents(db, offset, limit),

    async clearHistory() {
      await clearEvents(db);
      await storePopupSummary(ctx);
      return { ok: true };
    },
  };
}
