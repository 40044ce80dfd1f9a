/**
 * Held Docs comments as every context sees them, without zod (content scripts import this):
 * the metadata index the worker publishes in `storage.local`, and the text a held comment posts.
 * The rows themselves (with their text) live only in the worker's Dexie table `heldComments`.
 */
import type { HeldComment, HeldCommentPart } from './schema';

/** `storage.local` key of the index. Metadata only (ids, documents, times): never text. */
export const HELD_INDEX_KEY = 'heldComments';

/** A held comment whose earlier posting attempt never reported back may already be posted. */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** "Post now" from the popup is acted on by the doc's tab only this long after the click. */
export const POST_REQUEST_TTL_MS = 10 * 60_000;

export interface HeldIndexEntry {
  id: string;
  docId: string;
  dueAt: number;
  /** The reminder was shown: the slot has come (or was missed while the browser was closed). */
  notified: boolean;
  claimedAt?: number;
  postRequestedAt?: number;
}

export interface HeldIndex {
  revision: number;
  items: HeldIndexEntry[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shallow by design, like the snapshot: only our worker writes this key. */
export function readHeldIndex(value: unknown): HeldIndex | null {
  if (!isObject(value) || !Number.isSafeInteger(value.revision) || !Array.isArray(value.items)) return null;
  const items = value.items.filter(
    (item): item is HeldIndexEntry =>
      isObject(item) && typeof item.id === 'string' && typeof item.docId === 'string' && typeof item.dueAt === 'number',
  );
  return { revision: value.revision as number, items };
}

export function indexEntry(row: HeldComment): HeldIndexEntry {
  return {
    id: row.id,
    docId: row.docId,
    dueAt: row.dueAt,
    notified: row.notifiedAt !== undefined,
    ...(row.claimedAt !== undefined ? { claimedAt: row.claimedAt } : {}),
    ...(row.postRequestedAt !== undefined ? { postRequestedAt: row.postRequestedAt } : {}),
  };
}

/** The comment as it was written, each mention as its `+address`/`@address` token. */
export function postText(parts: readonly HeldCommentPart[]): string {
  return parts.map((p) => ('text' in p ? p.text : `${p.prefix}${p.mention}`)).join('');
}

/** A mention's stand-in when posting without it: the name, never anything Docs could read as an address. */
function plainName(part: Extract<HeldCommentPart, { mention: string }>): string {
  const name = part.name?.replace(/^[@+]/, '').trim();
  if (name && !name.includes('@')) return name;
  return part.mention.split('@')[0] ?? '';
}

/** The comment with every mention replaced by the person's plain name: nobody is notified. */
export function textWithoutMentions(parts: readonly HeldCommentPart[]): string {
  return parts.map((p) => ('text' in p ? p.text : plainName(p))).join('');
}

export function mentionsOf(parts: readonly HeldCommentPart[]): Array<{ email: string; name?: string }> {
  const seen = new Set<string>();
  const out: Array<{ email: string; name?: string }> = [];
  for (const p of parts) {
    if ('text' in p || seen.has(p.mention)) continue;
    seen.add(p.mention);
    out.push(p.name ? { email: p.mention, name: p.name } : { email: p.mention });
  }
  return out;
}

/** Whether an earlier attempt to post it was started and never reported back. */
export function claimExpired(row: Pick<HeldComment, 'claimedAt'>, now: number): boolean {
  return row.claimedAt !== undefined && now - row.claimedAt >= CLAIM_LEASE_MS;
}
