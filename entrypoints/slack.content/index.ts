import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';
import { slackAdapter } from '@/utils/sites/slack';

export default defineContentScript({
  matches: ['https://app.slack.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, 'slack', slackAdapter);
  },
});
