import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';
import { slackAdapter } from '@/utils/sites/slack';

export default defineContentScript({
  matches: ['https://app.slack.com/*'],
  runAt: 'document_idle',
  // WXT would also window.postMessage its "script started" note, telling every page our extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startSite(ctx, 'slack', slackAdapter);
  },
});
