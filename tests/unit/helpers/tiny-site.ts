/** A tiny site for guard tests: `.composer` holds `.body` and a `button.send`; the "site" sends on click in the bubble phase. */
import type { SiteAdapter } from '@/utils/guard/adapter';

export function buildTinyPage(doc: Document, text = 'Hello 👋 שלום') {
  const composer = doc.createElement('div');
  composer.className = 'composer';
  const body = doc.createElement('div');
  body.className = 'body';
  body.contentEditable = 'true';
  body.textContent = text;
  const send = doc.createElement('button');
  send.className = 'send';
  composer.append(body, send);
  doc.body.append(composer);
  const sent: string[] = [];
  composer.addEventListener('click', (e) => {
    if ((e.target as Element).closest('.send')) sent.push(body.textContent ?? '');
  });
  return { composer, body, send, sent };
}

/** The tiny site's adapter: its recipients are `recipients`, the user is me@example.com. */
export const tinyAdapter = (recipients: Array<{ email: string }> = [{ email: 'priya@example.com' }]): SiteAdapter => ({
  site: 'gmail',
  sendEvents: ['click'],
  findComposers: (root) => [...root.querySelectorAll<HTMLElement>('.composer')],
  composerOf: (node) => (node instanceof Element ? node.closest<HTMLElement>('.composer') : null),
  sendTarget: (event) => {
    const el = event.target instanceof Element ? event.target : null;
    return el?.closest('.send') ? el.closest<HTMLElement>('.composer') : null;
  },
  readRecipients: () => recipients,
  selfIds: () => ['me@example.com'],
  body: (c) => c.querySelector<HTMLElement>('.body'),
  resend: (c) => {
    const button = c.querySelector<HTMLElement>('.send');
    button?.click();
    return Boolean(button);
  },
  insertText: () => true,
  toolbarPlacement: () => null,
  notePlacement: () => null,
});
