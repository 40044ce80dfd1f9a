/**
 * `Schedule…` for Docs, which has no scheduler: the draft's text goes to the worker (the one place
 * the extension keeps message text, until posted or discarded), and only once the worker confirms it
 * is stored is the draft closed. Any doubt leaves the draft exactly as it was (the guard then says so).
 */
import { browser } from 'wxt/browser';
import { sendMessage, type HoldCommentPayload } from '@/utils/messaging';
import { postText } from '@/utils/store/held-comments';
import { docEditUrl, docIdOf } from './url';
import type { HeldCommentPart } from '@/utils/store/schema';
import { readSnapshot, SNAPSHOT_KEY } from '@/utils/store/snapshot';
import { readAssignee, readDraftParts, threadOf } from './draft';
import { closestOf } from '../selector';
import { DOCS } from './selectors';
import { countThreadReplies } from './thread';
import { closeDraft } from './post';

export interface DocsHoldDeps {
  doc: Document;
  /** Where the page is (the doc's address). */
  location: () => string;
  /** Told once the comment is stored and its box closed (or not). */
  onHeld?: (held: { id: string; dueAt: number; closed: boolean }) => void;
}

/** Names for `+address` mentions (chips carry their own), from the contacts in the snapshot. */
async function withContactNames(parts: HeldCommentPart[]): Promise<HeldCommentPart[]> {
  if (parts.every((p) => 'text' in p || p.name)) return parts;
  try {
    const stored = await browser.storage.local.get(SNAPSHOT_KEY);
    const contacts = readSnapshot(stored[SNAPSHOT_KEY])?.settings.contacts ?? [];
    const names = new Map<string, string>();
    for (const contact of contacts) for (const email of contact.emails) names.set(email.toLowerCase(), contact.name);
    return parts.map((p) => ('text' in p || p.name || !names.has(p.mention) ? p : { ...p, name: names.get(p.mention)! }));
  } catch {
    return parts;
  }
}

/** "Q3 planning notes - Google Docs" → "Q3 planning notes". */
export function docTitle(doc: Document): string {
  return doc.title.replace(/\s+[-–]\s+Google Docs\s*$/, '').trim().slice(0, 300);
}

export function createDocsHold({ doc, location, onHeld }: DocsHoldDeps) {
  return async function holdDocsComment(composer: HTMLElement, at: Date): Promise<boolean> {
    const parts = readDraftParts(composer);
    const href = location();
    const docId = docIdOf(href);
    const url = docEditUrl(href);
    if (!parts?.length || !docId || !url) return false;
    const thread = threadOf(composer);
    // The replies its thread has now (a number only): told again if more arrive before it is posted.
    const threadElement = thread ? closestOf(composer, DOCS.thread) : null;
    const assignee = readAssignee(composer);
    const payload: HoldCommentPayload = {
      docId,
      url,
      title: docTitle(doc),
      kind: thread ? 'reply' : 'comment',
      ...(thread ? { thread } : {}),
      ...(threadElement ? { repliesSeen: countThreadReplies(threadElement) } : {}),
      parts: await withContactNames(parts),
      ...(assignee ? { assignee } : {}),
      dueAt: at.getTime(),
    };
    let outcome;
    try {
      outcome = await sendMessage('holdComment', payload);
    } catch {
      return false; // The worker did not answer: nothing was stored, the draft stays.
    }
    if (!outcome.ok) {
      console.warn(`Async Etiquette: the comment could not be kept (${outcome.error}).`);
      return false;
    }
    // Stored. Close the box only if it still says what was stored (the user may have typed since).
    const now = readDraftParts(composer);
    const unchanged = now !== null && postText(now) === postText(parts);
    const closed = unchanged && (await closeDraft(composer));
    onHeld?.({ id: outcome.id, dueAt: outcome.dueAt, closed });
    return true;
  };
}
