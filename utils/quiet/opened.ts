/**
 * Peeks are not lost work (issue 19, item 4): what the user opened on a site during a shield peek, as
 * an id only (never a subject, name or text), and the address that opens it again. One small function
 * per site; a URL that is not one item (a list, a search, a label) is null.
 */
import type { Site } from '@/utils/store/schema';

/** At most this many items per reminder (the page stops collecting there, the worker refuses more). */
export const MAX_OPENED = 20;

/** What a stored item looks like, per site: the worker refuses anything else. */
export const ITEM_ID: Record<Site, RegExp> = {
  // Gmail's thread ids: letters and digits, 16 or more (legacy hex ids are 16, new ones ~32).
  gmail: /^[A-Za-z0-9]{16,64}$/,
  // Slack: "<team>/<conversation>", the team needed to open it again; channels C, DMs D, groups G.
  slack: /^[TE][A-Z0-9]{2,20}\/[CDG][A-Z0-9]{2,20}$/,
  // Docs: the document id.
  docs: /^[A-Za-z0-9_-]{10,200}$/,
};

/** Gmail views whose second segment is a label or a search, not a thread: the thread comes after it. */
const GMAIL_NAMED_VIEWS = new Set(['label', 'search', 'advanced-search', 'category', 'create-filter', 'app']);

function gmailItem(url: URL): string | null {
  if (url.hostname !== 'mail.google.com') return null;
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash.split('/').filter(Boolean);
  if (segments.length < 2) return null;
  if (GMAIL_NAMED_VIEWS.has(segments[0]!) && segments.length < 3) return null;
  const id = segments.at(-1)!;
  return ITEM_ID.gmail.test(id) ? id : null;
}

function slackItem(url: URL): string | null {
  if (url.hostname !== 'app.slack.com') return null;
  const [client, team, conversation] = url.pathname.split('/').filter(Boolean);
  if (client !== 'client' || !team || !conversation) return null;
  const id = `${team}/${conversation}`;
  return ITEM_ID.slack.test(id) ? id : null;
}

function docsItem(url: URL): string | null {
  if (url.hostname !== 'docs.google.com') return null;
  const match = /^\/document\/(?:u\/\d+\/)?d\/([^/]+)/.exec(url.pathname);
  const id = match?.[1];
  return id && ITEM_ID.docs.test(id) ? id : null;
}

const ITEM_OF: Record<Site, (url: URL) => string | null> = { gmail: gmailItem, slack: slackItem, docs: docsItem };

/** The item (thread, conversation, document) a site's URL shows, or null. */
export function openedItem(site: Site, href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return ITEM_OF[site](url);
}

/** Each site's home: what a reminder for several items opens. */
export const SITE_HOME: Record<Site, string> = {
  gmail: 'https://mail.google.com/mail/u/0/',
  slack: 'https://app.slack.com/client',
  docs: 'https://docs.google.com/',
};

/** The address that opens one stored item again; the site's home for an id that is not one. */
export function itemUrl(site: Site, id: string): string {
  if (!ITEM_ID[site].test(id)) return SITE_HOME[site];
  if (site === 'gmail') return `https://mail.google.com/mail/u/0/#inbox/${id}`;
  if (site === 'slack') return `https://app.slack.com/client/${id}`;
  return `https://docs.google.com/document/d/${id}/edit`;
}
