/** Held Docs comments' messages (issue 5): hold, list, claim, posted, release, discard, post now. */
import { quietly } from '@/utils/background/quietly';
import type { Handlers } from '@/utils/background/handle';
import { t } from '@/utils/i18n';
import type { ClaimHeldCommentOutcome } from '@/utils/messaging';
import type { AppDb } from '@/utils/store/db';
import { CLAIM_LEASE_MS } from '@/utils/store/held-comments';
import type { HeldComment } from '@/utils/store/schema';

type HeldMessage =
  | 'holdComment'
  | 'listHeldComments'
  | 'claimHeldComment'
  | 'heldCommentPosted'
  | 'releaseHeldComment'
  | 'discardHeldComment'
  | 'postHeldComment';

/** What the handlers need of the held-comments store (./held-comments.ts). */
export interface HeldStore {
  db: AppDb;
  now: () => number;
  newId: () => string;
  ensureAlarm: () => Promise<void>;
  publishIndex: () => Promise<void>;
  removeRow: (id: string) => Promise<boolean>;
  openDoc: (row: HeldComment) => Promise<void>;
}

export function heldCommentHandlers({ db, now, newId, ensureAlarm, publishIndex, removeRow, openDoc }: HeldStore): Handlers<HeldMessage> {
  return {
    async holdComment(fields) {
      const row: HeldComment = { ...fields, id: newId(), createdAt: now() };
      await db.heldComments.add(row);
      // Stored: from here the page may close the draft. A failure to arm is caught up at the next start.
      await ensureAlarm().catch(quietly('could not arm the reminder.'));
      await publishIndex().catch(quietly('could not publish held comments.'));
      return { ok: true, id: row.id, dueAt: row.dueAt };
    },

    async listHeldComments({ docId }) {
      const rows = docId ? await db.heldComments.where('docId').equals(docId).toArray() : await db.heldComments.toArray();
      return rows.sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt);
    },

    /**
     * A tab takes the row to post it. Refused while another tab's claim is fresh; an expired claim
     * (its tab never reported back) may be taken again by a click, and the page warns about it.
     */
    async claimHeldComment({ id }) {
      const at = now();
      const outcome = await db.transaction('rw', db.heldComments, async (): Promise<ClaimHeldCommentOutcome> => {
        const row = await db.heldComments.get(id);
        if (!row) return { ok: false, error: t('worker.held.alreadyGone') };
        if (row.claimedAt !== undefined && at - row.claimedAt < CLAIM_LEASE_MS) {
          return { ok: false, error: t('worker.held.postingElsewhere') };
        }
        const claimed: HeldComment = { ...row, claimedAt: at };
        delete claimed.postRequestedAt;
        await db.heldComments.put(claimed);
        return { ok: true, comment: claimed };
      });
      if (outcome.ok) await publishIndex();
      return outcome;
    },

    async heldCommentPosted({ id }) {
      await removeRow(id);
      return { ok: true };
    },

    async releaseHeldComment({ id }) {
      await db.transaction('rw', db.heldComments, async () => {
        const row = await db.heldComments.get(id);
        if (row?.claimedAt === undefined) return;
        const released: HeldComment = { ...row };
        delete released.claimedAt;
        await db.heldComments.put(released);
      });
      await publishIndex();
      return { ok: true };
    },

    async discardHeldComment({ id }) {
      await removeRow(id);
      return { ok: true };
    },

    /** The popup's "Post now": mark the request, then bring up the doc, whose tab posts it. */
    async postHeldComment({ id }) {
      const at = now();
      const row = await db.transaction('rw', db.heldComments, async () => {
        const found = await db.heldComments.get(id);
        if (found) await db.heldComments.update(found.id, { postRequestedAt: at });
        return found;
      });
      if (!row) return { ok: false, error: t('worker.held.alreadyGone') };
      await publishIndex();
      await openDoc(row);
      return { ok: true };
    },
  };
}
