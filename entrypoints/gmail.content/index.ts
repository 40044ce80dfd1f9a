import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';
import { gmailAdapter } from '@/utils/sites/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  // WXT would also window.postMessage its "script started" note, telling every page our extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startSite(ctx, 'gmail', gmailAdapter);
  },
});
