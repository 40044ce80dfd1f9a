/**
 * The in-page panel of a Google Docs tab listing the comments kept for later on this document:
 * each one ready to post in one click (or without its @-mentions, so no email goes out), or to
 * discard. Collapsed to a small button until one comes due.
 */
import { useLayoutEffect, useRef } from 'react';
import { t } from '@/utils/i18n';

export interface HeldPanelItem {
  id: string;
  kind: 'comment' | 'reply';
  /** "Tue 09:00" in the user's zone. */
  when: string;
  /** The slot has come (or was missed): offered for posting now. */
  due: boolean;
  /** The comment as it will be posted. */
  text: string;
  /** Names (or addresses) of the people it mentions. */
  mentions: string[];
  /** An earlier posting attempt never reported back: it may already be posted. */
  uncertain: boolean;
  busy: boolean;
  /** Its thread got this many replies since it was held: Post waits for "Read the thread" or "Post anyway". */
  newReplies?: number;
  /** The check appeared after the person's own click: focus goes to it (never otherwise). */
  focusCheck?: boolean;
}

interface Props {
  items: HeldPanelItem[];
  expanded: boolean;
  status: string | null;
  /** Bumped to pull focus into the panel (a reminder was clicked). */
  focusToken: number;
  onToggle(): void;
  onPost(id: string, withMentions: boolean): void;
  onDiscard(id: string): void;
  /** Shows the reply's thread in the document. */
  onReadThread?(id: string): void;
  /** Posts it although its thread got new replies. */
  onPostAnyway?(id: string): void;
}

/** "2 new replies since you wrote this — Read the thread / Post anyway". */
function ThreadCheck({ item, onRead, onPostAnyway }: { item: HeldPanelItem; onRead(): void; onPostAnyway(): void }) {
  const read = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (item.focusCheck) read.current?.focus();
  }, [item.focusCheck]);
  return (
    <div className="ae-held-check">
      <p className="ae-unknown">{t('page.held.newReplies', item.newReplies ?? 0)}</p>
      <div className="ae-actions">
        <button ref={read} type="button" className="ae-primary" disabled={item.busy} onClick={onRead}>
          {t('page.held.readThread')}
        </button>
        <button type="button" disabled={item.busy} onClick={onPostAnyway}>
          {t('page.held.postAnyway')}
        </button>
      </div>
    </div>
  );
}

/** "Comment for Priya Raman", "Reply". */
function summary(item: HeldPanelItem): string {
  const names = item.mentions.join(', ');
  if (item.kind === 'reply') return names ? t('page.held.replyFor', { names }) : t('page.held.reply');
  return names ? t('page.held.commentFor', { names }) : t('page.held.comment');
}

export function HeldCommentsPanel({ items, expanded, status, focusToken, onToggle, onPost, onDiscard, onReadThread, onPostAnyway }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  // Layout effect: focus moves with the render, not after a paint (Preact defers plain effects).
  useLayoutEffect(() => {
    if (focusToken > 0) first.current?.focus();
  }, [focusToken]);

  const count = items.length;
  const dueCount = items.filter((i) => i.due).length;
  if (!expanded) {
    return (
      <div className="ae-held ae-held-collapsed">
        {count > 0 && (
          <button type="button" aria-expanded="false" onClick={onToggle}>
            {dueCount ? t('page.held.readyCount', { count: dueCount }) : t('page.held.count', { count })}
          </button>
        )}
        <p role="status" className={status ? 'ae-held-status' : 'ae-held-status ae-empty'}>
          {status}
        </p>
      </div>
    );
  }

  return (
    <section className="ae-held ae-dialog" role="dialog" aria-modal="false" aria-labelledby="ae-held-title">
      <div className="ae-held-head">
        <h2 id="ae-held-title">{t('page.held.title')}</h2>
        <button type="button" aria-expanded="true" onClick={onToggle}>
          {t('page.held.hide')}
        </button>
      </div>
      {count === 0 && <p>{t('page.held.none')}</p>}
      <ul className="ae-held-list">
        {items.map((item, index) => (
          <li key={item.id} aria-label={summary(item)}>
            <p className="ae-held-when">
              <strong>{summary(item)}</strong> · {item.due ? t('page.held.due', { when: item.when }) : t('page.held.until', { when: item.when })}
            </p>
            <p className="ae-held-text">{item.text}</p>
            {item.uncertain && (
              <p className="ae-unknown">{t('page.held.uncertain')}</p>
            )}
            {item.newReplies !== undefined && (
              <ThreadCheck item={item} onRead={() => onReadThread?.(item.id)} onPostAnyway={() => onPostAnyway?.(item.id)} />
            )}
            <div className="ae-actions">
              {item.newReplies === undefined && (
              <button
                ref={index === 0 ? first : undefined}
                type="button"
                className={item.due ? 'ae-primary' : undefined}
                disabled={item.busy}
                onClick={() => onPost(item.id, true)}
              >
                {t('page.held.postNow')}
              </button>
              )}
              {item.newReplies === undefined && item.mentions.length > 0 && (
                <button type="button" disabled={item.busy} onClick={() => onPost(item.id, false)}>
                  {t('page.held.postWithoutMention')}
                </button>
              )}
              <button type="button" disabled={item.busy} onClick={() => onDiscard(item.id)}>
                {t('page.held.discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status" className={status ? 'ae-held-status' : 'ae-held-status ae-empty'}>
        {status}
      </p>
      <p className="ae-held-note">{t('page.held.note')}</p>
    </section>
  );
}
