/**
 * Posting a held comment, as a person would: open a draft (the thread's reply box, or a new comment
 * through the toolbar's Add comment button), type the text with `execCommand('insertText')`, check
 * that the draft says exactly that, press Post with the full mouse sequence, and wait until the draft
 * is gone or empty. Closing a draft (after `Schedule…` stored it) goes through Cancel the same way.
 */
import { t } from '@/utils/i18n';
import { pressButton, waitFor } from '../dom';
import { queryAll, queryOne } from '../selector';
import { draftOf, draftText, findThread, type DraftElement } from './draft';
import { insertIntoDraft, isDisabled } from './index';
import { DOCS } from './selectors';

export interface PostRequest {
  text: string;
  kind: 'comment' | 'reply';
  thread?: string;
  assignee?: string;
}

/** Where posting stopped; 'posting' means Post was pressed but Docs did not confirm. */
export type PostStep = 'opening' | 'typing' | 'findingBox' | 'findingButton' | 'posting';

export type PostOutcome = { ok: true; asNewComment: boolean } | { ok: false; step: PostStep };

const STEP_TEXT: Record<Exclude<PostStep, 'posting'>, () => string> = {
  opening: () => t('siteSteps.docs.openBox'),
  typing: () => t('siteSteps.docs.typing'),
  findingBox: () => t('siteSteps.docs.findBox'),
  findingButton: () => t('siteSteps.docs.findButton'),
};

/** The step, for people ("opening a comment box"). */
export function postStepText(step: Exclude<PostStep, 'posting'>): string {
  return STEP_TEXT[step]();
}

const OPEN_MS = 5_000;
const POST_MS = 5_000;

/** Docs' own line endings aside, the draft must say exactly what was kept. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return norm(a) === norm(b);
}

function isEmpty(draft: DraftElement): boolean {
  return draftText(draft).trim() === '' && queryAll(draft, DOCS.mentionChip).length === 0;
}

function allDrafts(doc: Document): DraftElement[] {
  return queryAll(doc, DOCS.draft);
}

/** A thread's reply box, expanded by focusing it (Docs opens it on focus). */
async function replyDraft(doc: Document, thread: string, signal?: AbortSignal): Promise<DraftElement | null> {
  const element = findThread(doc, thread);
  const pane = element ? queryAll(element, DOCS.inputPane).find((p) => draftOf(p)) : undefined;
  const draft = pane ? draftOf(pane) : null;
  if (!draft || !isEmpty(draft)) return null;
  draft.focus();
  return waitFor(() => (draft.isConnected ? draft : null), 500, signal);
}

/** A new comment's draft, opened with the toolbar button; it is the one that was not there before. */
async function newCommentDraft(doc: Document, signal?: AbortSignal): Promise<DraftElement | null> {
  const before = new Set(allDrafts(doc));
  const button = queryOne(doc, DOCS.insertComment, 'docs add comment');
  if (!button) return null;
  pressButton(button);
  // Docs focuses the draft it opens (an unposted one it reopens, if it had one).
  return waitFor(
    () => allDrafts(doc).find((d) => isEmpty(d) && (!before.has(d) || d === doc.activeElement)) ?? null,
    OPEN_MS,
    signal,
  );
}

/** Clears a draft the extension typed into (the kept comment stays the one copy). */
function clearDraft(draft: DraftElement): void {
  draft.focus();
  if (draft instanceof HTMLTextAreaElement) draft.select();
  else {
    const range = draft.ownerDocument.createRange();
    range.selectNodeContents(draft);
    const selection = draft.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  draft.ownerDocument.execCommand('delete');
}

function composerOfDraft(draft: DraftElement): HTMLElement | null {
  return draft.closest<HTMLElement>(DOCS.inputPane.css.join(','));
}

/** Ticks Docs' "Assign to" box and picks the assignee when the held comment was assigned. */
function assign(composer: HTMLElement, assignee: string): void {
  const box = queryAll(composer, DOCS.assignmentBox)[0];
  if (!box) return;
  if (box.getAttribute('aria-checked') !== 'true') pressButton(box);
  const select = queryAll(composer, DOCS.assigneeSelect)[0];
  for (let i = 0; i < 10 && select; i++) {
    const caption = queryAll(composer, DOCS.assigneeCaption)[0]?.textContent?.trim().toLowerCase();
    if (!caption || caption === assignee) break;
    pressButton(select);
  }
}

export async function postComment(doc: Document, request: PostRequest, signal?: AbortSignal): Promise<PostOutcome> {
  let draft: DraftElement | null = null;
  let asNewComment = true;
  if (request.kind === 'reply' && request.thread) {
    draft = await replyDraft(doc, request.thread, signal);
    asNewComment = draft === null;
  }
  draft ??= await newCommentDraft(doc, signal);
  if (!draft) return { ok: false, step: 'opening' };

  if (!insertIntoDraft(draft, request.text) || !sameText(draftText(draft), request.text)) {
    clearDraft(draft);
    return { ok: false, step: 'typing' };
  }
  const composer = composerOfDraft(draft);
  if (!composer) return { ok: false, step: 'findingBox' };
  if (request.assignee) assign(composer, request.assignee);

  const post = await waitFor(() => {
    const button = queryOne(composer, DOCS.post, 'docs post');
    return button && !isDisabled(button) ? button : null;
  }, 1_000, signal);
  if (!post) {
    clearDraft(draft);
    return { ok: false, step: 'findingButton' };
  }
  pressButton(post);
  const posted = await waitFor(() => (!draft.isConnected || isEmpty(draft) ? true : null), POST_MS, signal);
  return posted ? { ok: true, asNewComment } : { ok: false, step: 'posting' };
}

/**
 * Closes the draft after its text was stored: Cancel, as a person would; when the box stays (a
 * confirmation, a changed button), its text is deleted so it cannot also be posted by hand.
 */
export async function closeDraft(composer: HTMLElement, signal?: AbortSignal): Promise<boolean> {
  const draft = draftOf(composer);
  if (!draft) return true;
  const gone = () => (!draft.isConnected || isEmpty(draft) ? true : null);
  const cancel = queryOne(composer, DOCS.cancel, 'docs cancel');
  if (cancel) {
    pressButton(cancel);
    if (await waitFor(gone, 1_500, signal)) return true;
  }
  if (draft.isConnected) clearDraft(draft);
  if (cancel?.isConnected) pressButton(cancel);
  return Boolean(await waitFor(gone, 1_000, signal));
}
