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
import { watchSnapshot, type SnapshotSource } from '@/utils/guard/snapshot-client';
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
import { pressButton } from '../dom';
import { findThread } from './draft';
import { postComment, postStepText } from './post';
import { countThreadReplies, revealThread } from './thread';
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

/** The panel's state, shared by the functions below. */
interface PanelState {
  doc: Document;
  location: () => string;
  signal: AbortSignal;
  now: () => number;
  snapshot: SnapshotSource;
  rows: HeldComment[];
  expanded: boolean;
  status: string | null;
  focusToken: number;
  mount: ShadowMount | null;
  statusTimer: ReturnType<typeof setTimeout> | undefined;
  busy: Set<string>;
  autoTried: Set<string>;
  seenDue: Set<string>;
  /** Replies whose thread got new replies since they were held: waiting for "Read the thread" or "Post anyway". */
  checks: Map<string, ThreadCheck>;
}

interface ThreadCheck {
  newReplies: number;
  withMentions: boolean;
  /** Shown after the person's click (focus goes to it), not after "Post now" from the popup. */
  byClick: boolean;
}

export function startHeldPanel({ doc, location, signal, now = Date.now }: HeldPanelDeps): HeldPanel {
  const panel: PanelState = {
    doc,
    location,
    signal,
    now,
    snapshot: watchSnapshot(signal, () => render(panel)),
    rows: [],
    expanded: false,
    status: null,
    focusToken: 0,
    mount: null,
    statusTimer: undefined,
    busy: new Set(),
    autoTried: new Set(),
    seenDue: new Set(),
    checks: new Map(),
  };
  watchIndex(panel);
  return {
    announce: (text) => say(panel, text),
    kept: (dueAt, closed) => {
      const when = formatWallClock({ at: dueAt, timeZone: zone(panel) });
      say(panel, closed ? t('page.held.keptClosed', { when }) : t('page.held.keptOpen', { when }));
    },
    refresh: () => refresh(panel),
  };
}

function zone({ snapshot }: PanelState): string {
  return snapshot.current()?.settings.me.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

function items(panel: PanelState): HeldPanelItem[] {
  const at = panel.now();
  return panel.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    when: formatWallClock({ at: row.dueAt, timeZone: zone(panel) }),
    due: row.notifiedAt !== undefined || row.dueAt <= at,
    text: postText(row.parts),
    mentions: mentionsOf(row.parts).map((m) => m.name ?? m.email),
    uncertain: claimExpired(row, at),
    busy: panel.busy.has(row.id) || (row.claimedAt !== undefined && !claimExpired(row, at)),
    ...checkFields(panel.checks.get(row.id)),
  }));
}

function checkFields(check: ThreadCheck | undefined): Pick<HeldPanelItem, 'newReplies' | 'focusCheck'> {
  return check ? { newReplies: check.newReplies, focusCheck: check.byClick } : {};
}

/** How many replies the held reply's thread got since it was held; 0 when unknown (thread not found, older row). */
function newRepliesSince(doc: Document, row: HeldComment): number {
  if (row.kind !== 'reply' || !row.thread || row.repliesSeen === undefined) return 0;
  const thread = findThread(doc, row.thread);
  return thread ? Math.max(0, countThreadReplies(thread) - row.repliesSeen) : 0;
}

function render(panel: PanelState): void {
  if (panel.signal.aborted) return;
  if (!panel.rows.length && !panel.status) {
    panel.mount?.remove();
    panel.mount = null;
    return;
  }
  panel.mount ??= mountShadow(null, panel.doc, 'held-comments');
  panel.mount.render(
    <div style={{ position: 'fixed', top: 64, right: 16, zIndex: 2147483646, maxWidth: 'min(420px, calc(100vw - 32px))' }}>
      <HeldCommentsPanel
        items={items(panel)}
        expanded={panel.expanded && panel.rows.length > 0}
        status={panel.status}
        focusToken={panel.focusToken}
        onToggle={() => {
          panel.expanded = !panel.expanded;
          // Opened by the user's click: focus goes to its first button. Never otherwise, so a
          // reminder arriving while they type in the document cannot catch a key press.
          if (panel.expanded) panel.focusToken += 1;
          render(panel);
        }}
        onPost={(id, withMentions) => void post(panel, id, withMentions, { byClick: true })}
        onDiscard={(id) => void discard(panel, id)}
        onReadThread={(id) => readThread(panel, id)}
        onPostAnyway={(id) => postAnyway(panel, id)}
      />
    </div>,
  );
}

function say(panel: PanelState, text: string): void {
  panel.status = text;
  clearTimeout(panel.statusTimer);
  panel.statusTimer = setTimeout(() => {
    panel.status = null;
    render(panel);
  }, 15_000);
  render(panel);
}

async function refresh(panel: PanelState): Promise<void> {
  const docId = docIdOf(panel.location());
  if (!docId || panel.signal.aborted) return;
  try {
    panel.rows = await sendMessage('listHeldComments', { docId });
  } catch {
    return; // The extension is reloading: keep what is shown.
  }
  const at = panel.now();
  // A comment coming due (or found due when the doc opens) opens the panel, once.
  for (const row of panel.rows) {
    const due = row.notifiedAt !== undefined || row.dueAt <= at;
    if (due && !panel.seenDue.has(row.id)) {
      panel.seenDue.add(row.id);
      panel.expanded = true;
    }
  }
  render(panel);
  postRequested(panel, at);
}

/** "Post now" clicked in the popup: carried out once per row, unless another tab has claimed it. */
function postRequested(panel: PanelState, at: number): void {
  for (const row of panel.rows) {
    const requested = row.postRequestedAt !== undefined && at - row.postRequestedAt < POST_REQUEST_TTL_MS;
    if (requested && row.claimedAt === undefined && !panel.autoTried.has(row.id)) {
      panel.autoTried.add(row.id);
      panel.expanded = true;
      void post(panel, row.id, true);
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

/** Shows the thread in the document, its folded replies unfolded; the check stays until Post anyway or Discard. */
function readThread(panel: PanelState, id: string): void {
  const row = panel.rows.find((r) => r.id === id);
  const thread = row?.thread ? findThread(panel.doc, row.thread) : null;
  if (thread) revealThread(thread, pressButton);
  const check = panel.checks.get(id);
  if (check) panel.checks.set(id, { ...check, byClick: false });
  say(panel, t('page.held.threadShown'));
}

function postAnyway(panel: PanelState, id: string): void {
  const check = panel.checks.get(id);
  panel.checks.delete(id);
  void post(panel, id, check?.withMentions ?? true, { byClick: true, checked: true });
}

/**
 * A held reply whose thread got replies since it was held is not posted at once: the panel says how
 * many and offers to read the thread first. Counted in the page, just before posting.
 */
function holdForThreadCheck(panel: PanelState, id: string, withMentions: boolean, byClick: boolean): boolean {
  const row = panel.rows.find((r) => r.id === id);
  const newReplies = row ? newRepliesSince(panel.doc, row) : 0;
  if (newReplies === 0) return false;
  panel.checks.set(id, { newReplies, withMentions, byClick });
  panel.expanded = true;
  render(panel);
  return true;
}

async function post(panel: PanelState, id: string, withMentions: boolean, how: { byClick?: boolean; checked?: boolean } = {}): Promise<void> {
  if (panel.busy.has(id)) return;
  if (!how.checked && holdForThreadCheck(panel, id, withMentions, how.byClick ?? false)) return;
  panel.checks.delete(id);
  panel.busy.add(id);
  render(panel);
  try {
    const claim = await sendMessage('claimHeldComment', { id });
    if (!claim.ok) {
      say(panel, claim.error);
      return;
    }
    await postClaimed(panel, id, claim.comment, withMentions);
  } catch {
    say(panel, t('page.held.notAnswering'));
  } finally {
    panel.busy.delete(id);
    await refresh(panel);
  }
}

/** Types the claimed row into Docs and presses Post; the worker deletes it only once that is confirmed. */
async function postClaimed(panel: PanelState, id: string, row: HeldComment, withMentions: boolean): Promise<void> {
  const text = withMentions ? postText(row.parts) : textWithoutMentions(row.parts);
  const outcome = await postComment(
    panel.doc,
    { text, kind: row.kind, ...(row.thread ? { thread: row.thread } : {}), ...(withMentions && row.assignee ? { assignee: row.assignee } : {}) },
    panel.signal,
  );
  if (outcome.ok) {
    const reported = await reportPosted(id);
    say(
      panel,
      !reported
        ? t('page.held.postedNotConfirmed')
        : row.kind === 'reply' && outcome.asNewComment
          ? t('page.held.postedAsNew')
          : t('page.held.posted'),
    );
  } else if (outcome.step === 'posting') {
    // Post was pressed but Docs did not confirm: never offer it again as if nothing happened.
    say(panel, t('page.held.notConfirmed', CLAIM_LEASE_MS / 60_000));
  } else {
    await sendMessage('releaseHeldComment', { id }).catch(() => undefined);
    say(panel, t('page.held.postFailed', { step: postStepText(outcome.step) }));
  }
}

async function discard(panel: PanelState, id: string): Promise<void> {
  panel.checks.delete(id);
  try {
    const outcome = await sendMessage('discardHeldComment', { id });
    say(panel, outcome.ok ? t('page.held.discarded') : outcome.error);
  } catch {
    say(panel, t('page.held.notAnswering'));
  }
  await refresh(panel);
}

/** A new index refreshes the panel when it lists this document, or when the panel shows rows. */
function accept(panel: PanelState, value: unknown): void {
  const index: HeldIndex | null = readHeldIndex(value);
  const docId = docIdOf(panel.location());
  if (!index || !docId) return;
  const mine = index.items.some((item) => item.docId === docId);
  if (mine || panel.rows.length) void refresh(panel);
}

function watchIndex(panel: PanelState): void {
  const { doc, signal } = panel;
  const unwatch = heldIndexItem.watch((value) => accept(panel, value));
  // Back to the tab (a reminder was clicked): the panel is open if something is ready.
  const onVisible = () => {
    if (doc.visibilityState === 'visible' && panel.rows.some((r) => r.notifiedAt !== undefined) && !panel.expanded) {
      panel.expanded = true;
      render(panel);
    }
  };
  doc.addEventListener('visibilitychange', onVisible, { signal });
  signal.addEventListener(
    'abort',
    () => {
      unwatch();
      clearTimeout(panel.statusTimer);
      panel.mount?.remove();
      panel.mount = null;
    },
    { once: true },
  );
  heldIndexItem
    .getValue()
    .then((value) => accept(panel, value))
    .catch(() => undefined);
}
