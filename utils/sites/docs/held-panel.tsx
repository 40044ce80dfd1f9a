/**
 * The Docs tab's side of held comments: it watches the worker's index (metadata in storage.local,
 * so a tab without held comments never wakes the worker), lists this document's held comments in a
 * panel, and posts one on the user's click: claim it (so no other tab can), type it into a fresh
 * draft, press Post, and only then have the worker delete it. "Post now" clicked in the popup is
 * carried out here as soon as the doc is open. Nothing is ever posted without a click.
 */
import { formatWallClock } from '@/utils/etiquette';
import { HeldCommentsPanel, type HeldPanelItem } from '@/components/HeldCommentsPanel';
import { t } from '@/utils/i18n';
import { watchSnapshot } from '@/utils/guard/snapshot-client';
import { sendMessage } from '@/utils/messaging';
import {
  claimExpired,
  CLAIM_LEASE_MS,
  mentionsOf,
  POST_REQUEST_TTL_MS,
  postText,
  readHeldIndex,
  textWithoutMentions,
  type HeldIndex,
} from '@/utils/store/held-comments';
import { heldIndexItem } from '@/utils/store/items';
import type { HeldComment } from '@/utils/store/schema';
import { mountShadow, type ShadowMount } from '@/utils/ui/shadow';
import { postComment, postStepText } from './post';
import { docIdOf } from './url';

export interface HeldPanelDeps {
  doc: Document;
  location: () => string;
  signal: AbortSignal;
  now?: () => number;
}

export interface HeldPanel {
  /** A short message in the panel's status line. */
  announce(text: string): void;
  /** Says that a comment was just kept for `dueAt`, and whether its box was closed. */
  kept(dueAt: number, closed: boolean): void;
  /** Re-reads the held comments for this document. */
  refresh(): Promise<void>;
}


export function startHeldPanel({ doc, location, signal, now = Date.now }: HeldPanelDeps): HeldPanel {
  let rows: HeldComment[] = [];
  let expanded = false;
  let status: string | null = null;
  let focusToken = 0;
  let mount: ShadowMount | null = null;
  const busy = new Set<string>();
  const autoTried = new Set<string>();
  const seenDue = new Set<string>();
  const snapshot = watchSnapshot(signal, () => render());

  function zone(): string {
    return snapshot.current()?.settings.me.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  }

  function items(): HeldPanelItem[] {
    const at = now();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      when: formatWallClock({ at: row.dueAt, timeZone: zone() }),
      due: row.notifiedAt !== undefined || row.dueAt <= at,
      text: postText(row.parts),
      mentions: mentionsOf(row.parts).map((m) => m.name ?? m.email),
      uncertain: claimExpired(row, at),
      busy: busy.has(row.id) || (row.claimedAt !== undefined && !claimExpired(row, at)),
    }));
  }

  function render(): void {
    if (signal.aborted) return;
    if (!rows.length && !status) {
      mount?.remove();
      mount = null;
      return;
    }
    mount ??= mountShadow(null, doc, 'held-comments');
    mount.render(
      <div style={{ position: 'fixed', top: 64, right: 16, zIndex: 2147483646, maxWidth: 'min(420px, calc(100vw - 32px))' }}>
        <HeldCommentsPanel
          items={items()}
          expanded={expanded && rows.length > 0}
          status={status}
          focusToken={focusToken}
          onToggle={() => {
            expanded = !expanded;
            // Opened by the user's click: focus goes to its first button. Never otherwise, so a
            // reminder arriving while they type in the document cannot catch a key press.
            if (expanded) focusToken += 1;
            render();
          }}
          onPost={(id, withMentions) => void post(id, withMentions)}
          onDiscard={(id) => void discard(id)}
        />
      </div>,
    );
  }

  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  function say(text: string): void {
    status = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      status = null;
      render();
    }, 15_000);
    render();
  }

  async function refresh(): Promise<void> {
    const docId = docIdOf(location());
    if (!docId || signal.aborted) return;
    try {
      rows = await sendMessage('listHeldComments', { docId });
    } catch {
      return; // The extension is reloading: keep what is shown.
    }
    const at = now();
    // A comment coming due (or found due when the doc opens) opens the panel, once.
    for (const row of rows) {
      const due = row.notifiedAt !== undefined || row.dueAt <= at;
      if (due && !seenDue.has(row.id)) {
        seenDue.add(row.id);
        expanded = true;
      }
    }
    render();
    for (const row of rows) {
      const requested = row.postRequestedAt !== undefined && at - row.postRequestedAt < POST_REQUEST_TTL_MS;
      if (requested && row.claimedAt === undefined && !autoTried.has(row.id)) {
        autoTried.add(row.id);
        expanded = true;
        void post(row.id, true);
      }
    }
  }

  async function reportPosted(id: string): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const outcome = await sendMessage('heldCommentPosted', { id });
        if (outcome.ok) return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    return false;
  }

  async function post(id: string, withMentions: boolean): Promise<void> {
    if (busy.has(id)) return;
    busy.add(id);
    render();
    try {
      const claim = await sendMessage('claimHeldComment', { id });
      if (!claim.ok) {
        say(claim.error);
        return;
      }
      const row = claim.comment;
      const text = withMentions ? postText(row.parts) : textWithoutMentions(row.parts);
      const outcome = await postComment(
        doc,
        { text, kind: row.kind, ...(row.thread ? { thread: row.thread } : {}), ...(withMentions && row.assignee ? { assignee: row.assignee } : {}) },
        signal,
      );
      if (outcome.ok) {
        const reported = await reportPosted(id);
        say(
          !reported
            ? t('page.held.postedNotConfirmed')
            : row.kind === 'reply' && outcome.asNewComment
              ? t('page.held.postedAsNew')
              : t('page.held.posted'),
        );
      } else if (outcome.step === 'posting') {
        // Post was pressed but Docs did not confirm: never offer it again as if nothing happened.
        say(t('page.held.notConfirmed', CLAIM_LEASE_MS / 60_000));
      } else {
        await sendMessage('releaseHeldComment', { id }).catch(() => undefined);
        say(t('page.held.postFailed', { step: postStepText(outcome.step) }));
      }
    } catch {
      say(t('page.held.notAnswering'));
    } finally {
      busy.delete(id);
      await refresh();
    }
  }

  async function discard(id: string): Promise<void> {
    try {
      const outcome = await sendMessage('discardHeldComment', { id });
      say(outcome.ok ? t('page.held.discarded') : outcome.error);
    } catch {
      say(t('page.held.notAnswering'));
    }
    await refresh();
  }

  function accept(value: unknown): void {
    const index: HeldIndex | null = readHeldIndex(value);
    const docId = docIdOf(location());
    if (!index || !docId) return;
    const mine = index.items.some((item) => item.docId === docId);
    if (mine || rows.length) void refresh();
  }

  const unwatch = heldIndexItem.watch(accept);
  // Back to the tab (a reminder was clicked): the panel is open if something is ready.
  const onVisible = () => {
    if (doc.visibilityState === 'visible' && rows.some((r) => r.notifiedAt !== undefined) && !expanded) {
      expanded = true;
      render();
    }
  };
  doc.addEventListener('visibilitychange', onVisible, { signal });
  signal.addEventListener(
    'abort',
    () => {
      unwatch();
      clearTimeout(statusTimer);
      mount?.remove();
      mount = null;
    },
    { once: true },
  );
  heldIndexItem
    .getValue()
    .then(accept)
    .catch(() => undefined);

  function kept(dueAt: number, closed: boolean): void {
    const when = formatWallClock({ at: dueAt, timeZone: zone() });
    say(closed ? t('page.held.keptClosed', { when }) : t('page.held.keptOpen', { when }));
  }

  return { announce: say, kept, refresh };
}
