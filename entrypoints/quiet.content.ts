import { defineContentScript } from '#imports';
import { installNotificationGuard } from '@/utils/quiet/notifications';

/**
 * Quiet tabs' notification guard, in the page's own world and before the site's scripts (Gmail and
 * Slack create their desktop notifications there). It does nothing until the site's isolated content
 * script marks the page quiet (utils/quiet/start.ts), and it holds no settings and no text.
 */
export default defineContentScript({
  matches: ['https://mail.google.com/*', 'https://app.slack.com/*', 'https://docs.google.com/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    installNotificationGuard(window);
  },
});
