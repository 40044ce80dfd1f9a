import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';

export default defineContentScript({
  matches: ['https://app.slack.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, 'slack');
  },
});
