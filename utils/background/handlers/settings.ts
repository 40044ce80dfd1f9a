/** The settings file and partial updates: import, export, update, reset, a contact's zone. */
import type { Context } from '@/utils/background/context';
import type { Handlers } from '@/utils/background/handle';
import type { Outcome } from '@/utils/messaging';
import { defaultSettings } from '@/utils/store/defaults';
import { fileFieldIds, mergePolicy, planUpdate } from '@/utils/store/policy';
import { clearEvents, patchSettings, readSettings, replaceSettings, setContactZone, writeUserSet } from '@/utils/store/repository';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';

type SettingsMessages = 'getSettings' | 'importSettings' | 'updateSettings' | 'setContactZone' | 'resetSettings';

export function settingsHandlers(ctx: Context): Handlers<SettingsMessages> {
  const { db, now, timeZone } = ctx;
  return {
    getSettings: async () => toSettingsFile(await ctx.current()),

    async importSettings({ text }) {
      const parsed = parseSettingsText(text, timeZone());
      if (!parsed.ok) return parsed;
      await db.transaction('rw', db.settings, db.contacts, async () => {
        await replaceSettings(db, parsed.settings, now());
        await writeUserSet(db, fileFieldIds(JSON.parse(text)), now());
      });
      await ctx.republish();
      return { ok: true };
    },

    async updateSettings(update) {
      const managed = await ctx.policy();
      // Read, merge and write in one transaction: two partial updates at once must not overwrite each other.
      // The page sends values built from the effective settings: only what differs from them is the user's
      // change (stored and marked as set by the user); a change to a locked field is refused.
      const outcome = await db.transaction('rw', db.settings, db.contacts, async (): Promise<Outcome> => {
        const existing = await readSettings(db, timeZone());
        const marked = await ctx.userSet(existing);
        const plan = planUpdate(existing, mergePolicy(existing, marked, managed).settings, managed, update);
        if (!plan.ok) return plan;
        await patchSettings(db, plan.write, now());
        if (plan.userSet.length) await writeUserSet(db, [...marked, ...plan.userSet], now());
        return { ok: true };
      });
      if (!outcome.ok) return outcome;
      await ctx.republish();
      return { ok: true };
    },

    async setContactZone(zone) {
      if (await setContactZone(db, zone)) await ctx.republish();
      return { ok: true };
    },

    async resetSettings({ history }) {
      await db.transaction('rw', db.settings, db.contacts, async () => {
        await replaceSettings(db, defaultSettings(timeZone()), now());
        await writeUserSet(db, [], now());
      });
      if (history) await clearEvents(db);
      await ctx.republish();
      return { ok: true };
    },
  };
}
