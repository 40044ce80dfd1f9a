import { t } from '@/utils/i18n';
import { siteName, SITE_ORDER } from '@/utils/i18n/sites';
import type { Site, SiteMode, Sites } from '@/utils/store/schema';

/** Literal keys, one call per label: the key test scans the source for them. */
const MODE_LABELS: Record<SiteMode, () => string> = {
  off: () => t('sites.mode.off'),
  nudge: () => t('sites.mode.nudge'),
  confirm: () => t('sites.mode.confirm'),
};

interface Props {
  sites: Sites;
  disabled?: boolean;
  /** Field ids set by the organisation ('sites.gmail'): those selects are disabled and say so. */
  lockedFields?: readonly string[];
  onChange: (site: Site, mode: SiteMode) => void;
}

/** One labelled select per site; the accessible name is the site's name. */
export function SiteModes({ sites, disabled, lockedFields = [], onChange }: Props) {
  return (
    <fieldset className="site-modes">
      <legend>{t('sites.legend')}</legend>
      {SITE_ORDER.map((site) => {
        const locked = lockedFields.includes(`sites.${site}`);
        // The note sits outside the label, so the select's accessible name stays the site's name.
        return (
          <div key={site} className="row">
            <label className="row">
              <span>{siteName(site)}</span>
              <select
                value={sites[site]}
                disabled={disabled || locked}
                aria-describedby={locked ? `site-locked-${site}` : undefined}
                onChange={(e) => onChange(site, e.currentTarget.value as SiteMode)}
              >
                {(Object.keys(MODE_LABELS) as SiteMode[]).map((mode) => (
                  <option key={mode} value={mode}>
                    {MODE_LABELS[mode]()}
                  </option>
                ))}
              </select>
            </label>
            {locked && (
              <span id={`site-locked-${site}`} className="hint locked">
                {t('sites.lockedNote')}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
