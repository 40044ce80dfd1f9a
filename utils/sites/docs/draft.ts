/**
 * What a Docs comment draft says and whom it reaches, read at the moment of posting: the @/+ mentions
 * (chips, or `+address`/`@address` text, or the legacy textarea's text), and the text itself as
 * parts (plain text and mentions) for `Schedule…`, which keeps the comment until it is posted.
 */
import type { RecipientRef } from '@/utils/guard/adapter';
import type { HeldCommentPart } from '@/utils/store/schema';
import { queryAll, queryOne } from '../selector';
import { DOCS } from './selectors';

/** `+priya@example.com` or `@priya@example.com` after a start, space or opening punctuation. */
const MENTION_TOKEN = /(^|[\s\u00a0(,;])([+@])([A-Za-z0-9._%'+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export type DraftElement = HTMLElement | HTMLTextAreaElement;

export function draftOf(composer: ParentNode): DraftElement | null {
  return queryOne(composer, DOCS.draft, 'docs comment draft');
}

/** The text Docs posts: the textarea's value, or the contenteditable's rendered text. */
export function draftText(draft: DraftElement): string {
  if (draft instanceof HTMLTextAreaElement) return draft.value;
  return draft.innerText;
}

interface Chip {
  email: string;
  name?: string;
  label: string;
}

function chipsOf(draft: DraftElement): Chip[] {
  if (draft instanceof HTMLTextAreaElement) return [];
  const chips: Chip[] = [];
  for (const chip of queryAll(draft, DOCS.mentionChip)) {
    const raw = chip.getAttribute('data-email') ?? chip.getAttribute('data-hovercard-id') ?? '';
    const email = raw.trim().toLowerCase();
    if (!EMAIL.test(email)) continue;
    const name = chip.getAttribute('data-name')?.trim() || undefined;
    chips.push({ email, label: chip.innerText || chip.textContent || '', ...(name ? { name } : {}) });
  }
  return chips;
}

/** Splits plain text at its `+address`/`@address` tokens. */
function splitTokens(text: string): HeldCommentPart[] {
  const parts: HeldCommentPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_TOKEN)) {
    const start = match.index + match[1]!.length;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ mention: match[3]!.toLowerCase(), prefix: match[2] === '+' ? '+' : '@' });
    last = start + 1 + match[3]!.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Adjacent text parts joined, empty ones dropped. */
function tidy(parts: HeldCommentPart[]): HeldCommentPart[] {
  const out: HeldCommentPart[] = [];
  for (const part of parts) {
    if ('text' in part) {
      if (!part.text) continue;
      const previous = out[out.length - 1];
      if (previous && 'text' in previous) {
        out[out.length - 1] = { text: previous.text + part.text };
        continue;
      }
    }
    out.push(part);
  }
  return out;
}

/**
 * The draft as parts. A chip becomes a mention token (`@address`): text is all `insertText` can put
 * back, and Docs reads `@address`/`+address` typed in a comment as a mention. Everything else is
 * kept character for character.
 */
export function readDraftParts(composer: ParentNode): HeldCommentPart[] | null {
  const draft = draftOf(composer);
  if (!draft) return null;
  const text = draftText(draft);
  const parts: HeldCommentPart[] = [];
  let cursor = 0;
  const unplaced: Chip[] = [];
  for (const chip of chipsOf(draft)) {
    // Chips appear in the rendered text in document order, as their label ("@Priya Raman").
    const at = chip.label ? text.indexOf(chip.label, cursor) : -1;
    if (at < 0) {
      unplaced.push(chip);
      continue;
    }
    parts.push(...splitTokens(text.slice(cursor, at)));
    parts.push({ mention: chip.email, prefix: '@', ...(chip.name ? { name: chip.name } : {}) });
    cursor = at + chip.label.length;
  }
  parts.push(...splitTokens(text.slice(cursor)));
  for (const chip of unplaced) parts.push({ text: ' ' }, { mention: chip.email, prefix: '@', ...(chip.name ? { name: chip.name } : {}) });
  return tidy(parts);
}

/** Who the comment notifies: every mentioned address once, chips first (they carry names). */
export function readDocsRecipients(composer: HTMLElement): RecipientRef[] {
  const draft = draftOf(composer);
  if (!draft) return [];
  const seen = new Set<string>();
  const refs: RecipientRef[] = [];
  const add = (email: string, name?: string) => {
    if (seen.has(email)) return;
    seen.add(email);
    refs.push(name ? { email, name } : { email });
  };
  for (const chip of chipsOf(draft)) add(chip.email, chip.name);
  for (const part of splitTokens(draftText(draft))) if ('mention' in part) add(part.mention);
  return refs;
}

/** The address the comment is assigned to, when Docs' "Assign to" box is ticked. */
export function readAssignee(composer: ParentNode): string | undefined {
  const box = queryAll(composer, DOCS.assignmentBox)[0];
  if (box?.getAttribute('aria-checked') !== 'true') return undefined;
  const caption = queryAll(composer, DOCS.assigneeCaption)[0]?.textContent?.trim().toLowerCase() ?? '';
  if (EMAIL.test(caption)) return caption;
  const first = readDocsRecipients(composer as HTMLElement)[0];
  return first?.email;
}

/** FNV-1a, 32 bits, as 8 hex digits: identifies a thread without keeping its text. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function fingerprint(text: string): string {
  const normalised = text.replace(/\s+/g, ' ').trim();
  return `${fnv1a(normalised)}:${Math.min(normalised.length, 999_999)}`;
}

/** The thread a reply box belongs to, as a fingerprint of its first comment; null for a new comment. */
export function threadOf(composer: HTMLElement): string | null {
  const thread = composer.closest(DOCS.thread.css.join(','));
  const root = thread ? queryAll(thread, DOCS.threadRootBody)[0] : undefined;
  return root ? fingerprint(root.textContent ?? '') : null;
}

/** The thread element whose first comment has this fingerprint. */
export function findThread(doc: Document, print: string): HTMLElement | null {
  for (const thread of queryAll(doc, DOCS.thread)) {
    const root = queryAll(thread, DOCS.threadRootBody)[0];
    if (root && fingerprint(root.textContent ?? '') === print) return thread;
  }
  return null;
}
