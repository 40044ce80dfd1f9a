/**
 * Who a Slack message reaches: the partner of a DM, the members of a group DM, the people
 * @-mentioned in a channel. Read at send time from the page; nothing calls Slack's API.
 */
import type { RecipientRef } from '@/utils/guard/adapter';
import { queryAll, queryOne } from '../selector';
import { slackConversation } from './conversation';
import { SLACK } from './selectors';

/** Slack channel names: lower case, digits, hyphens, underscores and periods, no spaces. */
const CHANNEL_NAME = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}._-]*$/u;

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

/** A member's id (U… or, in Enterprise Grid, W…); user groups (S…) and broadcasts are not members. */
const MEMBER_ID = /^[UW][A-Z0-9]+$/;

/** Members @-mentioned in the draft (mention chips carry the member id). */
export function mentionsIn(editor: Element): RecipientRef[] {
  return queryAll(editor, SLACK.memberMention).flatMap((el) => {
    const slackId = el.getAttribute('data-member-id') ?? el.getAttribute('data-id') ?? undefined;
    if (el.localName === 'ts-mention' && !MEMBER_ID.test(slackId ?? '')) return [];
    const name = (el.getAttribute('data-member-label') ?? el.getAttribute('data-label') ?? text(el)).replace(/^@/, '');
    return [{ slackId, name }];
  });
}

export function readSlackRecipients(composer: HTMLElement, doc: Document, loc: Pick<Location, 'pathname'>): RecipientRef[] {
  const editor = queryOne(composer, SLACK.editor, 'slack editor');
  const mentions = editor ? mentionsIn(editor) : [];
  const conversation = slackConversation(loc);
  const header = text(queryOne(doc, SLACK.headerName, 'slack header'));
  if (!conversation || !header) return mentions;
  // Channel names have no spaces or commas; a group DM's header lists its members. A G… id is a
  // group DM or, from before 2020, a private channel, which its header's channel name gives away.
  const isGroup = header.includes(', ') || (conversation.kind === 'G' && !CHANNEL_NAME.test(header));
  if (conversation.kind === 'D') return [...byName([header], doc), ...mentions];
  if (isGroup) return [...byName(header.split(/,\s*/), doc), ...mentions];
  return mentions;
}
