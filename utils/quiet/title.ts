/**
 * The tab title without the site's unread count or marker (contract §3, quiet tabs). Pure.
 *
 * Formats:
 * - Gmail: "Inbox (3) - me@example.com - Gmail", any label or view: "Work (1,234) - … - Gmail"; the
 *   count follows the view's name (camupod/chaticonnotifier reads it with /\(\d+\)/ from the title;
 *   Gmail groups thousands in the account's language: "1,234", "1.234").
 * - Slack: a leading "*" (unread), "!" (mentions) or "(3)" before "channel (Channel) - Workspace - Slack"
 *   (contract §3; levibostian/chill-web rewrites Slack's whole title to hide them).
 * - Docs: no unread marker in its title; a leading "(3)" is removed all the same, as on every site.
 */
import type { Site } from '@/utils/store/schema';

/** "(3) ", "* ", "! " and runs of them at the start. */
const LEADING_MARKERS = /^(?:\s*(?:[*!•]|\(\d[\d.,\s\u00a0\u202f]*\+?\))\s*)+/u;
/** " (3)" or " (1,234)" right before the first " - " separator. */
const GMAIL_COUNT = /^(.*?)\s\(\d[\d.,\u00a0\u202f]*\+?\)(?=\s[-–—]\s)/u;

export function calmTitle(site: Site, title: string): string {
  let calm = title.replace(LEADING_MARKERS, '');
  if (site === 'gmail') calm = calm.replace(GMAIL_COUNT, '$1');
  return calm === '' ? title : calm;
}
