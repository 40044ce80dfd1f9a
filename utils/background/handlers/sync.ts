/** Settings sync (issue 10): its status and the switch, answered once the database is ready. */
import type { Handlers } from '@/utils/background/handle';
import type { Sync } from '@/utils/background/sync';

export function syncHandlers(sync: Pick<Sync, 'getStatus' | 'setEnabled'>): Handlers<'getSyncStatus' | 'setSyncEnabled'> {
  return {
    getSyncStatus: () => sync.getStatus(),
    async setSyncEnabled({ enabled }) {
      await sync.setEnabled(enabled);
      return { ok: true };
    },
  };
}
