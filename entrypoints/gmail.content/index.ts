import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';
import { gmailAdapter } from '@/utils/sites/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, 'gmail', gmailAdapter);
  },
});
