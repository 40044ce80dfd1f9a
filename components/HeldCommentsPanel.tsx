/**
 * The in-page panel of a Google Docs tab listing the comments kept for later on this document:
 * each one ready to post in one click (or without its @-mentions, so no email goes out), or to
 * discard. Collapsed to a small button until one comes due.
 */
import { useEffect, useRef } from 'react';

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
}

function summary(item: HeldPanelItem): string {
  const what = item.kind === 'reply' ? 'Reply' : 'Comment';
  const who = item.mentions.length ? ` for ${item.mentions.join(', ')}` : '';
  return `${what}${who}`;
}

export function HeldCommentsPanel({ items, expanded, status, focusToken, onToggle, onPost, onDiscard }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusToken > 0) first.current?.focus();
  }, [focusToken]);

  const count = items.length;
  const dueCount = items.filter((i) => i.due).length;
  if (!expanded) {
    return (
      <div className="ae-held ae-held-collapsed">
        {count > 0 && (
          <button type="button" aria-expanded="false" onClick={onToggle}>
            {dueCount ? `Held comments ready to post (${dueCount})` : `Held comments (${count})`}
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
        <h2 id="ae-held-title">Held comments</h2>
        <button type="button" aria-expanded="true" onClick={onToggle}>
          Hide
        </button>
      </div>
      {count === 0 && <p>No comments are held for this document.</p>}
      <ul className="ae-held-list">
        {items.map((item, index) => (
          <li key={item.id} aria-label={summary(item)}>
            <p className="ae-held-when">
              <strong>{summary(item)}</strong> · {item.due ? `due ${item.when}, ready to post` : `held until ${item.when}`}
            </p>
            <p className="ae-held-text">{item.text}</p>
            {item.uncertain && (
              <p className="ae-unknown">
                An earlier attempt to post this did not finish: check the comments before posting it again.
              </p>
            )}
            <div className="ae-actions">
              <button
                ref={index === 0 ? first : undefined}
                type="button"
                className={item.due ? 'ae-primary' : undefined}
                disabled={item.busy}
                onClick={() => onPost(item.id, true)}
              >
                Post now
              </button>
              {item.mentions.length > 0 && (
                <button type="button" disabled={item.busy} onClick={() => onPost(item.id, false)}>
                  Post without the @-mention
                </button>
              )}
              <button type="button" disabled={item.busy} onClick={() => onDiscard(item.id)}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status" className={status ? 'ae-held-status' : 'ae-held-status ae-empty'}>
        {status}
      </p>
      <p className="ae-held-note">
        Kept only by the extension in this browser, until posted or discarded. &ldquo;Post without the @-mention&rdquo;
        writes the names as plain text, so no one gets an email. A new comment is anchored at your current selection.
      </p>
    </section>
  );
}
