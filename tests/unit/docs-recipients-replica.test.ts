// @vitest-environment happy-dom
/**
 * The Docs adapter read against the replica (tests/fixtures/docs/document.html, its script running) instead
 * of hand-built DOM: cases of docs-adapter.test.ts ("who a comment reaches", "the draft as kept for
 * later", "the adapter") in the states the replica draws (tests/unit/setup/replicas.ts). Each state is
 * opened once for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsAdapter } from '@/utils/sites/docs';
import { findThread, readAssignee, readDocsRecipients, readDraftParts, threadOf } from '@/utils/sites/docs/draft';
import { postText } from '@/utils/store/held-comments';
import { closeReplicas, openReplica, type ReplicaPage, type ReplicaStateDef } from './setup/replicas';

const CUSTOM = {
  /** A new comment mentioning Priya (a chip) with Docs' "Assign to" box ticked. */
  'assigned-comment': {
    drive: (p) => {
      p.click(p.byLabel('Add comment (Ctrl+Alt+M)'));
      const draft = p.byLabel('Comment draft');
      p.type(draft, 'Please check @pri');
      p.press(draft, 'Enter');
      p.click(p.$('.docos-docoview-active [role=checkbox]'));
    },
  },
} satisfies Record<string, ReplicaStateDef>;

const NAMED = ['document', 'new-comment', 'reply-box', 'mention-chip', 'mention-text', 'legacy-new-comment'] as const;
type Named = (typeof NAMED)[number] | keyof typeof CUSTOM;

const pages = new Map<Named, ReplicaPage>();
const page = (state: Named): ReplicaPage => pages.get(state)!;

beforeAll(async () => {
  const opened = await Promise.all([
    ...NAMED.map(async (state) => [state, await openReplica('docs', state)] as const),
    ...Object.entries(CUSTOM).map(async ([state, def]) => [state as keyof typeof CUSTOM, await openReplica('docs', def)] as const),
  ]);
  for (const [state, p] of opened) pages.set(state, p);
});

afterAll(() => closeReplicas(pages.values()));

/** The open new comment's box (the active thread's), as the adapter finds it. */
function newCommentBox(state: Named): HTMLElement {
  const box = docsAdapter.findComposers(page(state).document).find((c) => !threadOf(c));
  if (!box) throw new Error(`${state} has no new comment`);
  return box;
}

describe('who a comment reaches (replica)', () => {
  it('a chip picked from the suggestions, with its name', () => {
    expect(readDocsRecipients(newCommentBox('mention-chip'))).toEqual([{ email: 'priya@example.com', name: 'Priya Raman' }]);
  });

  it('a person picked as "+address" text (mentions=text)', () => {
    expect(readDocsRecipients(newCommentBox('mention-text'))).toEqual([{ email: 'priya@example.com' }]);
  });

  it('the legacy textarea\u2019s +address text', () => {
    expect(readDocsRecipients(newCommentBox('legacy-new-comment'))).toEqual([{ email: 'fox@example.com' }]);
  });

  it('a comment that mentions no one reaches no one', () => {
    const [reply] = docsAdapter.findComposers(page('reply-box').document);
    expect(readDocsRecipients(reply!)).toEqual([]);
  });
});

describe('the draft as kept for later (replica)', () => {
  it('the chip becomes an @address mention with its name, the text around it stays', () => {
    const parts = readDraftParts(newCommentBox('mention-chip'))!;
    expect(parts[0]).toEqual({ text: 'Please check ' });
    expect(parts[1]).toEqual({ mention: 'priya@example.com', prefix: '@', name: 'Priya Raman' });
    expect(postText(parts).trim()).toBe('Please check @priya@example.com');
  });

  it('reads the assignee once the Assign box is ticked, and none before', () => {
    expect(readAssignee(newCommentBox('assigned-comment'))).toBe('priya@example.com');
    expect(readAssignee(newCommentBox('mention-chip'))).toBeUndefined();
  });

  it('a reply knows its thread by the first comment\u2019s fingerprint; a new comment has none', () => {
    const [reply] = docsAdapter.findComposers(page('reply-box').document);
    const print = threadOf(reply!)!;
    expect(print).toMatch(/^[0-9a-f]{8}:\d+$/);
    expect(findThread(page('reply-box').document, print)).toBe(reply!.closest('[role=listitem]'));
    expect(threadOf(newCommentBox('new-comment'))).toBeNull();
  });
});

describe('the adapter (replica)', () => {
  it('finds the thread\u2019s reply box, and the new comment\u2019s once opened; never the body\u2019s keystroke sink', () => {
    expect(docsAdapter.findComposers(page('document').document)).toHaveLength(1);
    expect(docsAdapter.findComposers(page('new-comment').document)).toHaveLength(2);
    const frame = page('document').document.querySelector<HTMLIFrameElement>('iframe.docs-texteventtarget-iframe')!;
    const sink = frame.contentDocument!.querySelector('[contenteditable=true]')!;
    expect(docsAdapter.composerOf(sink)).toBeNull();
  });

  it('the template button goes in the box\u2019s button row, the note under the draft', () => {
    const box = newCommentBox('new-comment');
    expect(docsAdapter.toolbarPlacement(box)?.element).toBe(box.querySelector('.docos-input-buttons'));
    expect(docsAdapter.notePlacement(box)?.element).toBe(box.querySelector('[aria-label="Comment draft"]'));
  });
});
