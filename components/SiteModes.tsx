import type { Site, SiteMode, Sites } from '@/utils/store/schema';

const SITE_LABELS: Record<Site, string> = { gmail: 'Gmail', slack: 'Slack', docs: 'Google Docs' };
const MODE_LABELS: Record<SiteMode, string> = {
  off: 'Off',
  nudge: 'Nudge (note only)',
  confirm: 'Confirm (hold and ask)',
};

interface Props {
  sites: Sites;
  disabled?: boolean;
  onChange: (site: Site, mode: SiteMode) => void;
}

/** One labelled select per site; the accessible name is the site's name. */
export function SiteModes({ sites, disabled, onChange }: Props) {
  return (
    <fieldset className="site-modes">
      <legend>After-hours sends</legend>
      {(Object.keys(SITE_LABELS) as Site[]).map((site) => (
        <label key={site} className="row">
          <span>{SITE_LABELS[site]}</span>
          <select
            value={sites[site]}
            disabled={disabled}
            onChange={(e) => onChange(site, e.currentTarget.value as SiteMode)}
          >
            {(Object.keys(MODE_LABELS) as SiteMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
