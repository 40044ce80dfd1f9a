/** The sites as people call them ("Gmail", "Slack", "Google Docs"), in the UI's language. */
import type { Site } from '@/utils/store/schema';
import { t } from './index';

/** Literal keys, one call per name: the key test scans the source for them. */
const SITE_NAMES: Record<Site, () => string> = {
  gmail: () => t('sites.gmail'),
  slack: () => t('sites.slack'),
  docs: () => t('sites.docs'),
};

/** The sites in the order every page lists them. */
export const SITE_ORDER = Object.keys(SITE_NAMES) as Site[];

export function siteName(site: Site): string {
  return SITE_NAMES[site]();
}
