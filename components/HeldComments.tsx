/**
 * The popup's list of Docs comments kept for later: post now (the doc's tab opens and posts it) or
 * discard. Renders nothing when none are held. Refreshes itself when the worker's index changes.
 */
import { useCallback, useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
import { weekdayTime } from '@/utils/i18n/dates';
import { sendMessage } from '@/utils/messaging';
import { mentionsOf, postText } from '@/utils/store/held-comments';
import { heldIndexItem } from '@/utils/store/items';
import type { HeldComment } from '@/utils/store/schema';

interface Props {
  /** The user's zone, for the due times. */
  timeZone: string;
}

const PREVIEW = 140;

function preview(row: HeldComment): string {
  const text = postText(row.parts).replace(/\s+/g, ' ').trim();
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

/** The item's accessible name: "Comment on Q3 planning notes". */
function itemLabel(row: HeldComment): string {
  const title = row.title || t('popup.held.aDocument');
  return row.kind === 'reply' ? t('popup.held.replyOn', { title }) : t('popup.held.commentOn', { title });
}

function dueText(row: HeldComment, timeZone: string): string {
  return row.notifiedAt !== undefined ? t('popup.held.ready') : t('popup.held.until', { time: weekdayTime(row.dueAt, timeZone) });
}

export function HeldComments({ timeZone }: Props) {
  const [rows, setRows] = useState<HeldComment[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await sendMessage('listHeldComments', {}));
    } catch {
      setRows([]);
    }
  }, []);

  useEffect(() => {
    void load();
    return heldIndexItem.watch(() => void load());
  }, [load]);

  async function act(kind: 'postHeldComment' | 'discardHeldComment', id: string) {
    try {
      const outcome = await sendMessage(kind, { id });
      setMessage(outcome.ok ? (kind === 'postHeldComment' ? t('popup.held.opening') : t('popup.held.discarded')) : outcome.error);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    await load();
  }

  if (!rows?.length && !message) return null;
  return (
    <section className="held-comments" aria-labelledby="held-comments-title">
      <h2 id="held-comments-title">{t('popup.held.heading')}</h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {(rows ?? []).map((row) => {
          const who = mentionsOf(row.parts).map((m) => m.name ?? m.email);
          return (
            <li key={row.id} aria-label={itemLabel(row)}>
              <p>
                <strong>{row.title || t('popup.held.untitled')}</strong>
                {who.length > 0 && <> · {t('popup.held.forNames', { names: who.join(', ') })}</>} · {dueText(row, timeZone)}
              </p>
              <p className="note">{preview(row)}</p>
              <div className="row">
                <button type="button" onClick={() => void act('postHeldComment', row.id)}>
                  {t('popup.held.postNow')}
                </button>
                <button type="button" onClick={() => void act('discardHeldComment', row.id)}>
                  {t('popup.held.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
