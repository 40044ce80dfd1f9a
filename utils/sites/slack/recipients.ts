/**
 * Who a Slack message reaches: the partner of a DM, the members of a group DM, the people
 * @-mentioned in a channel. Read at send time from the page; nothing calls Slack's API.
 */
import type { RecipientRef } from '@/utils/guard/adapter';
import { queryAll, queryOne } from '../selector';
import { slackConversation } from './conversation';
import { SLACK } from './selectors';

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Display name → member id, from the senders of messages on screen. */
function senderIds(doc: Document): Map<string, string> {
  const ids = new Map<string, string>();
  for (const sender of queryAll(doc, SLACK.messageSender)) {
    const id = sender.getAttribute('data-message-sender');
    const name = text(sender);
    if (id && name && !ids.has(name)) ids.set(name, id);
  }
  return ids;
}

function byName(names: string[], doc: Document): RecipientRef[] {
  const ids = senderIds(doc);
  return names.filter(Boolean).map((name) => ({ name, slackId: ids.get(name) }));
}

/** Members @-mentioned in the draft (mention chips carry the member id). */
export function mentionsIn(editor: Element): RecipientRef[] {
  return queryAll(editor, SLACK.memberMention).map((el) => ({
    slackId: el.getAttribute('data-member-id') ?? undefined,
    name: (el.getAttribute('data-member-label') ?? text(el)).replace(/^@/, ''),
  }));
}

export function hasBroadcast(editor: Element): boolean {
  return queryAll(editor, SLACK.broadcastMention).length > 0;
}

export function readSlackRecipients(composer: HTMLElement, doc: Document, loc: Pick<Location, 'pathname'>): RecipientRef[] {
  const editor = queryOne(composer, SLACK.editor, 'slack editor');
  const mentions = editor ? mentionsIn(editor) : [];
  const conversation = slackConversation(loc);
  const header = text(queryOne(doc, SLACK.headerName, 'slack header'));
  if (!conversation || !header) return mentions;
  // Channel names have no spaces or commas; a group DM's header lists its members.
  const isGroup = conversation.kind === 'G' || header.includes(', ');
  if (conversation.kind === 'D') return [...byName([header], doc), ...mentions];
  if (isGroup) return [...byName(header.split(/,\s*/), doc), ...mentions];
  return mentions;
}
