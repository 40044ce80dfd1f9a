import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/utils/i18n';

/** How long "I'm on call" turns quiet tabs off, in hours (the choices offered). */
export const ON_CALL_HOURS = [1, 2, 4, 8] as const;

interface Props {
  /** The site as people call it ("Gmail"). */
  siteName: string;
  /** The user's next working start ("Mon 09:00"), or null when none is known. */
  until: string | null;
  onOpenAnyway: () => void;
  /** Resolves to an error to show, or null once quiet is off for `hours`. */
  onOnCall: (hours: number) => Promise<string | null>;
}

/**
 * Shield (contract §3): covers the site until the user chooses to open it. The page underneath is not
 * touched; keys pressed here stay here, so the site's own shortcuts do not act behind the cover.
 */
export function QuietCover({ siteName, until, onOpenAnyway, onOnCall }: Props) {
  const titleId = useId();
  const textId = useId();
  const openRef = useRef<HTMLButtonElement>(null);
  const [hours, setHours] = useState<number>(ON_CALL_HOURS[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => openRef.current?.focus(), []);

  function keepKeysHere(event: KeyboardEvent<HTMLDivElement>): void {
    event.stopPropagation();
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button, select')].filter((el) => !el.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (event.currentTarget.getRootNode() as ShadowRoot | Document).activeElement;
    if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    }
  }

  async function onCall(): Promise<void> {
    setBusy(true);
    setError(await onOnCall(hours));
    setBusy(false);
  }

  return (
    <div className="ae-cover" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId} onKeyDown={keepKeysHere}>
      <div className="ae-cover-card">
        <h2 id={titleId}>{t('quietTab.cover.title')}</h2>
        <p id={textId}>{until ? t('quietTab.cover.until', { site: siteName, until }) : t('quietTab.cover.noEnd', { site: siteName })}</p>
        <p className="ae-cover-hint">{t('quietTab.cover.hint')}</p>
        <div className="ae-cover-actions">
          <button type="button" ref={openRef} onClick={onOpenAnyway}>
            {t('quietTab.cover.openAnyway')}
          </button>
          <span className="ae-cover-oncall">
            <select aria-label={t('quietTab.cover.onCallFor')} value={hours} onChange={(event) => setHours(Number(event.currentTarget.value))}>
              {ON_CALL_HOURS.map((h) => (
                <option key={h} value={h}>
                  {t('quietTab.cover.hours', { hours: String(h) })}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy} onClick={() => void onCall()}>
              {t('quietTab.cover.onCall')}
            </button>
          </span>
        </div>
        {error && (
          <p role="alert" className="ae-cover-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
