import { defineContentScript } from '#imports';
import { installNotificationGuard } from '@/utils/quiet/notifications';
import { installTitleGuard, siteForHost } from '@/utils/quiet/title-main';

/**
 * Quiet tabs' notification and title guards, in the page's own world and before the site's scripts
 * (Gmail and Slack create their desktop notifications and write their titles there). They do nothing
 * until the site's isolated content script marks the page quiet (utils/quiet/start.ts), and they hold
 * no settings and keep no text.
 */
export default defineContentScript({
  matches: ['https://mail.google.com/*', 'https://app.slack.com/*', 'https://docs.google.com/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    installNotificationGuard(window);
    const site = siteForHost(location.hostname);
    if (site) installTitleGuard(window, site);
  },
});
