// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HeldComments } from '@/components/HeldComments';
import { HeldCommentsPanel, type HeldPanelItem } from '@/components/HeldCommentsPanel';
import type { HeldComment } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';
import { workerAnswers } from './setup/popup';

const ROW: HeldComment = {
  id: 'held-0001',
  docId: 'FIXTURE',
  url: 'https://docs.google.com/document/d/FIXTURE/edit',
  title: 'Q3 planning notes',
  kind: 'comment',
  parts: [{ text: 'Please check the figures, ' }, { mention: 'priya@example.com', prefix: '+', name: 'Priya Raman' }],
  dueAt: Date.UTC(2026, 11, 2, 3, 30),
  createdAt: Date.UTC(2026, 11, 1, 22, 40),
};

/** The worker's side, stood in for by each test; one listener per message per context. */
const answer = workerAnswers();
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('popup: held Docs comments', () => {
  it('lists each held comment with when and for whom; Post now and Discard go to the worker', async () => {
    let rows = [ROW];
    const posted = vi.fn();
    answer('listHeldComments', () => rows);
    answer('postHeldComment', ({ data }) => {
      posted(data.id);
      return { ok: true };
    });
    answer('discardHeldComment', ({ data }) => {
      rows = rows.filter((r) => r.id !== data.id);
      return { ok: true };
    });
    render(<HeldComments timeZone="Europe/Berlin" />);
    const item = await screen.findByRole('listitem', { name: 'Comment on Q3 planning notes' });
    expect(item.textContent).toContain('for Priya Raman');
    expect(item.textContent).toContain('until Wed 04:30');
    expect(item.textContent).toContain('Please check the figures, +priya@example.com');

    fireEvent.click(screen.getByRole('button', { name: 'Post now' }));
    await waitFor(() => expect(posted).toHaveBeenCalledWith('held-0001'));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Opening the document to post it…');

    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('listitem')).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('Discarded.');
  });

  it('renders nothing when nothing is held', async () => {
    answer('listHeldComments', () => []);
    const { container } = render(<HeldComments timeZone="UTC" />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });
});

describe('in-page panel', () => {
  const item: HeldPanelItem = {
    id: 'held-0001',
    kind: 'comment',
    when: 'Wed 04:30',
    due: true,
    text: 'Please check the figures, +priya@example.com',
    mentions: ['Priya Raman'],
    uncertain: false,
    busy: false,
  };

  it('offers Post now, Post without the @-mention and Discard for a due comment', () => {
    const onPost = vi.fn();
    const onDiscard = vi.fn();
    render(<HeldCommentsPanel items={[item]} expanded status={null} focusToken={1} onToggle={() => {}} onPost={onPost} onDiscard={onDiscard} />);
    const dialog = screen.getByRole('dialog', { name: 'Held comments' });
    expect(dialog.textContent).toContain('due Wed 04:30, ready to post');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Post now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Post now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Post without the @-mention' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onPost.mock.calls).toEqual([['held-0001', true], ['held-0001', false]]);
    expect(onDiscard).toHaveBeenCalledWith('held-0001');
  });

  it('collapses to a button until something is due, and warns about an unfinished attempt', () => {
    const onToggle = vi.fn();
    const { rerender } = render(
      <HeldCommentsPanel items={[{ ...item, due: false }]} expanded={false} status={null} focusToken={0} onToggle={onToggle} onPost={() => {}} onDiscard={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Held comments (1)' }));
    expect(onToggle).toHaveBeenCalled();
    rerender(
      <HeldCommentsPanel items={[{ ...item, uncertain: true, mentions: [] }]} expanded status="Posted." focusToken={0} onToggle={onToggle} onPost={() => {}} onDiscard={() => {}} />,
    );
    expect(screen.getByRole('dialog').textContent).toContain('An earlier attempt to post this did not finish');
    expect(screen.queryByRole('button', { name: 'Post without the @-mention' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Posted.');
  });

  it('speaks German in a German browser', async () => {
    await useLanguage('de');
    const { rerender } = render(
      <HeldCommentsPanel items={[item]} expanded={false} status={null} focusToken={0} onToggle={() => {}} onPost={() => {}} onDiscard={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Angehaltene Kommentare bereit zum Posten (1)' })).toBeTruthy();
    rerender(<HeldCommentsPanel items={[{ ...item, when: 'Mi. 04:30' }]} expanded status={null} focusToken={0} onToggle={() => {}} onPost={() => {}} onDiscard={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Angehaltene Kommentare' });
    expect(screen.getByRole('listitem', { name: 'Kommentar für Priya Raman' }).textContent).toContain('fällig Mi. 04:30, bereit zum Posten');
    for (const name of ['Jetzt posten', 'Ohne @-Erwähnung posten', 'Verwerfen', 'Ausblenden']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(dialog.textContent).toContain('Die Erweiterung bewahrt die Kommentare nur in diesem Browser auf');
  });
});

describe('in-page panel: a reply whose thread got new replies', () => {
  const reply: HeldPanelItem = {
    id: 'held-0002',
    kind: 'reply',
    when: 'Wed 04:30',
    due: true,
    text: 'Agreed, +priya@example.com',
    mentions: ['Priya Raman'],
    uncertain: false,
    busy: false,
    newReplies: 2,
    focusCheck: true,
  };

  it('says how many and offers Read the thread (focused after the click) or Post anyway instead of Post now', () => {
    const onRead = vi.fn();
    const onPostAnyway = vi.fn();
    const onDiscard = vi.fn();
    render(
      <HeldCommentsPanel items={[reply]} expanded status={null} focusToken={0} onToggle={() => {}} onPost={() => {}} onDiscard={onDiscard} onReadThread={onRead} onPostAnyway={onPostAnyway} />,
    );
    const li = screen.getByRole('listitem', { name: 'Reply for Priya Raman' });
    expect(li.textContent).toContain('2 new replies in its thread since you wrote this.');
    expect(screen.queryByRole('button', { name: 'Post now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Post without the @-mention' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Read the thread' }));
    fireEvent.click(screen.getByRole('button', { name: 'Read the thread' }));
    fireEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onRead).toHaveBeenCalledWith('held-0002');
    expect(onPostAnyway).toHaveBeenCalledWith('held-0002');
    expect(onDiscard).toHaveBeenCalledWith('held-0002');
  });

  it('one reply, in German; not focused when it was not the person’s click', async () => {
    await useLanguage('de');
    render(
      <HeldCommentsPanel items={[{ ...reply, newReplies: 1, focusCheck: false }]} expanded status={null} focusToken={0} onToggle={() => {}} onPost={() => {}} onDiscard={() => {}} />,
    );
    expect(screen.getByRole('listitem', { name: 'Antwort für Priya Raman' }).textContent).toContain('1 neue Antwort im Thread, seit Sie dies geschrieben haben.');
    expect(screen.getByRole('button', { name: 'Thread lesen' })).not.toBe(document.activeElement);
    expect(screen.getByRole('button', { name: 'Trotzdem posten' })).toBeTruthy();
  });
});
