import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';

export default defineContentScript({
  matches: ['https://docs.google.com/document/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, 'docs');
  },
});
