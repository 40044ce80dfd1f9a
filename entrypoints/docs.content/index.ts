import { defineContentScript } from '#imports';
import { startSite } from '@/utils/guard/start';
import { docsAdapter } from '@/utils/sites/docs';
import { createDocsHold } from '@/utils/sites/docs/hold';
import { startHeldPanel } from '@/utils/sites/docs/held-panel';

export default defineContentScript({
  matches: ['https://docs.google.com/document/*'],
  runAt: 'document_idle',
  // WXT would also window.postMessage its "script started" note, telling every page our extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const where = () => location.href;
    const panel = startHeldPanel({ doc: document, location: where, signal: ctx.signal });
    const holdForLater = createDocsHold({ doc: document, location: where, onHeld: ({ dueAt, closed }) => panel.kept(dueAt, closed) });
    startSite(ctx, 'docs', docsAdapter, { holdForLater });
  },
});
