// @vitest-environment happy-dom
/**
 * Counting a Docs thread's replies (utils/sites/docs/thread.ts), for the check before a held reply is
 * posted: against the replica with its script running (replies shown, folded behind "N more replies",
 * a colleague's reply arriving, in German) and against hand-drawn forms the live site may take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findThread, threadOf } from '@/utils/sites/docs/draft';
import { docsAdapter } from '@/utils/sites/docs';
import { countThreadReplies } from '@/utils/sites/docs/thread';
import { closeReplicas, openReplica, type ReplicaPage } from './setup/replicas';

type FixtureApi = { colleagueReplies(thread?: string, email?: string, text?: string): void };
const api = (p: ReplicaPage) => (p.window as unknown as { __fixture: FixtureApi }).__fixture;
const thread1 = (p: ReplicaPage) => p.$('.docos-anchoreddocoview');

describe('in the replica', () => {
  const pages: ReplicaPage[] = [];
  const open = async (query: Record<string, string>) => {
    const p = await openReplica('docs', { query });
    pages.push(p);
    return p;
  };
  afterAll(() => closeReplicas(pages));

  it('a thread without replies has none; each reply shown is one, the first comment never', async () => {
    const p = await open({});
    expect(countThreadReplies(thread1(p))).toBe(0);
    api(p).colleagueReplies('thread-1', 'fox@example.com', '12 more checks needed, 3 done');
    expect(countThreadReplies(thread1(p))).toBe(1);
    api(p).colleagueReplies('thread-1', 'priya@example.com');
    expect(countThreadReplies(thread1(p))).toBe(2);
    expect(p.log().filter((e) => e.type === 'replyReceived')).toHaveLength(2);
  });

  it('replies folded behind "N more replies" are counted from the control, and still after one more arrives', async () => {
    const p = await open({ replies: '3', fold: 'on' });
    expect(p.$$('.docos-replyview-comment:not(.docos-replyview-first)')).toHaveLength(1);
    expect(countThreadReplies(thread1(p))).toBe(3);
    api(p).colleagueReplies();
    expect(p.$('.docos-expandable-replyview').textContent).toBe('3 more replies');
    expect(countThreadReplies(thread1(p))).toBe(4);
    p.click(p.$('.docos-expandable-replyview'));
    expect(countThreadReplies(thread1(p))).toBe(4);
  });

  it('in German, and the thread is the one the reply box belongs to', async () => {
    const p = await open({ replies: '3', fold: 'on', lang: 'de' });
    expect(p.$('.docos-expandable-replyview').textContent).toBe('2 weitere Antworten');
    const box = docsAdapter.findComposers(p.document)[0]!;
    const print = threadOf(box)!;
    expect(countThreadReplies(findThread(p.document, print)!)).toBe(3);
  });
});

describe('forms the live site may take (hand-drawn)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = document.implementation.createHTMLDocument('docs');
  });

  /** A thread: first comment, `shown` replies, an optional fold control, and a reply box. */
  function thread(shown: number, fold?: HTMLElement): HTMLElement {
    const item = doc.createElement('div');
    item.className = 'docos-anchoreddocoview';
    const container = doc.createElement('div');
    container.className = 'docos-anchoreddocoview-content docos-docoview-replycontainer';
    const root = doc.createElement('div');
    root.className = 'docos-docoview-rootreply';
    const first = doc.createElement('div');
    first.className = 'docos-anchoredreplyview docos-replyview-first docos-replyview-comment';
    const more = doc.createElement('div');
    more.setAttribute('role', 'button');
    more.textContent = 'More options...';
    first.append(more, Object.assign(doc.createElement('div'), { className: 'docos-replyview-body', textContent: 'Is 42 right?' }));
    root.append(first);
    container.append(root);
    if (fold) container.append(fold);
    for (let i = 0; i < shown; i++) {
      const reply = doc.createElement('div');
      reply.className = 'docos-anchoredreplyview docos-replyview-comment';
      const options = doc.createElement('div');
      options.setAttribute('role', 'button');
      options.textContent = '2 reactions';
      reply.append(options, Object.assign(doc.createElement('div'), { className: 'docos-replyview-body', textContent: `Reply ${i} with 7 numbers` }));
      container.append(reply);
    }
    const box = doc.createElement('div');
    box.className = 'docos-input';
    const post = doc.createElement('div');
    post.setAttribute('role', 'button');
    post.textContent = 'Reply 1';
    box.append(post);
    item.append(container, box);
    return item;
  }

  const button = (tag: string, text: string, extra: Record<string, string> = {}) => {
    const el = doc.createElement(tag);
    if (tag !== 'button') el.setAttribute('role', 'button');
    for (const [k, v] of Object.entries(extra)) el.setAttribute(k, v);
    el.textContent = text;
    return el;
  };

  it('the 2020 structure (comment-navigator): reply views after the first comment', () => {
    expect(countThreadReplies(thread(0))).toBe(0);
    expect(countThreadReplies(thread(4))).toBe(4);
  });

  it('a fold control of another class is read by meaning: a button outside replies whose text is one number', () => {
    expect(countThreadReplies(thread(1, button('div', '5 more replies')))).toBe(6);
    expect(countThreadReplies(thread(1, button('button', '+2')))).toBe(3);
    expect(countThreadReplies(thread(1, button('span', '3 weitere Antworten', { 'aria-expanded': 'false' })))).toBe(4);
    // Buttons without a number (Resolve) are not folds; numbers inside replies or the box never count.
    expect(countThreadReplies(thread(2, button('div', 'Mark as resolved')))).toBe(2);
  });
});
