import { useId } from 'react';
import { t } from '@/utils/i18n';
import { siteName } from '@/utils/i18n/sites';
import { QUIET_SITES } from '@/utils/store/quiet-tabs';
import type { Quiet, QuietMode, Site } from '@/utils/store/schema';

/** Literal keys, one call per label: the key test scans the source for them. */
const MODE_LABELS: Record<QuietMode, () => string> = {
  off: () => t('quiet.mode.off'),
  calm: () => t('quiet.mode.calm'),
  shield: () => t('quiet.mode.shield'),
};
const MODES = Object.keys(MODE_LABELS) as QuietMode[];

/** "Gmail", "Slack", "Google Docs": as the site controls name them. */
export const siteLabel = siteName;

interface Props {
  quiet: Quiet;
  disabled?: boolean;
  /** Field ids set by the organisation ('quiet.gmail'): those radios are disabled and say so. */
  lockedFields?: readonly string[];
  /** Under the legend, one line on what Calm and Shield do (the options page). */
  hint?: boolean;
  onChange: (site: Site, mode: QuietMode) => void;
}

/**
 * Quiet tabs: per site one radio group (a fieldset named by the site) of Off, Calm and Shield; one
 * click sets that site's mode.
 */
export function QuietModes({ quiet, disabled, lockedFields = [], hint, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="quiet-modes" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{t('quiet.legend')}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {t('quiet.hint')}
        </p>
      )}
      {QUIET_SITES.map((site) => {
        const locked = lockedFields.includes(`quiet.${site}`);
        const off = disabled || locked;
        const noteId = `${id}-${site}-locked`;
        // The note is outside the legend, so the group's accessible name stays the site's name.
        return (
          <fieldset key={site} className="quiet-site" disabled={off} aria-describedby={locked ? noteId : undefined}>
            <legend>{siteName(site)}</legend>
            {MODES.map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name={`${id}-${site}`}
                  value={mode}
                  checked={quiet[site] === mode}
                  disabled={off}
                  onChange={() => onChange(site, mode)}
                />{' '}
                {MODE_LABELS[mode]()}
              </label>
            ))}
            {locked && (
              <span id={noteId} className="hint locked">
                {t('sites.lockedNote')}
              </span>
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
