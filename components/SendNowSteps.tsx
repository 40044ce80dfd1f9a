/**
 * The hold dialog's steps after `Send now` (issue 21): the daily limit's explanation, and the reason
 * step. Both keep `Keep editing` (Escape too, handled by the dialog). Own words stay in this
 * component's state: they reach only the line put into the message, never storage or an event.
 */
import { useState } from 'react';
import type { HoldView, SendNowView } from '@/utils/etiquette/hold-view';
import { OWN_WORDS_MAX, ownWordsLine } from '@/utils/etiquette/urgent-label';
import type { HoldHandlers } from '@/utils/guard/guard';
import { t } from '@/utils/i18n';
import type { SendNowReason } from '@/utils/store/schema';

interface LimitStepProps {
  view: HoldView;
  sendNow: SendNowView;
  /** Send-now presses today. */
  used: number;
  handlers: HoldHandlers;
  onSendAnyway: () => void;
}

/**
 * Past the daily limit: says so and offers Schedule first. The user's own limit still lets them send
 * (`Send anyway`); the organisation's locked limit does not.
 */
export function LimitStep({ view, sendNow, used, handlers, onSendAnyway }: LimitStepProps) {
  const limit = sendNow.limit ?? 0;
  return (
    <>
      <h2 id="ae-hold-title">{t('page.hold.limit.title')}</h2>
      <p id="ae-hold-detail">
        {sendNow.limitLocked ? t('page.hold.limit.policy', { limit: String(limit) }) : t('page.hold.limit.own', used, { limit: String(limit) })}
      </p>
      <div className="ae-actions">
        {view.scheduleLabel && (
          <button type="button" className="ae-primary" onClick={() => handlers.schedule()}>
            {view.scheduleLabel}
          </button>
        )}
        {!sendNow.limitLocked && (
          <button type="button" onClick={onSendAnyway}>
            {t('page.hold.limit.sendAnyway')}
          </button>
        )}
        <button type="button" onClick={handlers.keepEditing}>
          {t('page.hold.keepEditing')}
        </button>
      </div>
    </>
  );
}

const ONE_TAP: ReadonlyArray<{ reason: Exclude<SendNowReason, 'own-words'>; text: () => string }> = [
  { reason: 'incident', text: () => t('page.hold.reason.incident') },
  { reason: 'asked', text: () => t('page.hold.reason.asked') },
  { reason: 'customer', text: () => t('page.hold.reason.customer') },
];

interface ReasonStepProps {
  sendNow: SendNowView;
  handlers: HoldHandlers;
}

/** One tap on a reason sends; own words open a one-line field first. 'ask' also offers to skip. */
export function ReasonStep({ sendNow, handlers }: ReasonStepProps) {
  const [labelChecked, setLabelChecked] = useState(sendNow.label?.checked ?? false);
  const [ownOpen, setOwnOpen] = useState(false);
  const [ownWords, setOwnWords] = useState('');
  const label = sendNow.label;

  const send = (reason: SendNowReason | null) => {
    if (reason === 'own-words' && !ownWordsLine(ownWords)) return;
    handlers.sendNow({
      ...(reason ? { reason } : {}),
      ...(label ? { labelChecked } : {}),
      ...(label && labelChecked ? { label: label.line(reason, ownWords) } : {}),
    });
  };

  return (
    <>
      <h2 id="ae-hold-title">{t('page.hold.reason.title')}</h2>
      <p id="ae-hold-detail">{sendNow.reason === 'require' ? t('page.hold.reason.required') : t('page.hold.reason.counted')}</p>
      <div className="ae-actions ae-reasons" role="group" aria-labelledby="ae-hold-title">
        {ONE_TAP.map(({ reason, text }) => (
          <button key={reason} type="button" onClick={() => send(reason)}>
            {text()}
          </button>
        ))}
        <button type="button" aria-expanded={ownOpen} onClick={() => setOwnOpen(!ownOpen)}>
          {t('page.hold.reason.ownWords')}
        </button>
      </div>
      {ownOpen && (
        <div className="ae-own-words">
          <label htmlFor="ae-own-words">{t('page.hold.reason.ownWordsField')}</label>
          <input
            id="ae-own-words"
            type="text"
            maxLength={OWN_WORDS_MAX}
            autoComplete="off"
            value={ownWords}
            onChange={(e) => setOwnWords(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                send('own-words');
              }
            }}
          />
          <button type="button" disabled={!ownWordsLine(ownWords)} onClick={() => send('own-words')}>
            {t('page.hold.reason.sendOwnWords')}
          </button>
        </div>
      )}
      {label && (
        <label className="ae-label-choice">
          <input type="checkbox" checked={labelChecked} onChange={(e) => setLabelChecked(e.currentTarget.checked)} />{' '}
          {t('page.hold.reason.label', { line: label.line('incident', '') })}
        </label>
      )}
      <div className="ae-actions">
        {sendNow.reason === 'ask' && (
          <button type="button" onClick={() => send(null)}>
            {t('page.hold.reason.skip')}
          </button>
        )}
        <button type="button" onClick={handlers.keepEditing}>
          {t('page.hold.keepEditing')}
        </button>
      </div>
    </>
  );
}
