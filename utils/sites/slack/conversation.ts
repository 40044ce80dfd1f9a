/** What the URL says about the open conversation (BetterSlack's CONVERSATION_ROUTE). */
export interface SlackConversation {
  id: string;
  /** D = direct message, C = channel (or a newer group DM), G = legacy private/group. */
  kind: 'D' | 'C' | 'G';
  thread: string | null;
}

export function slackConversation(loc: Pick<Location, 'pathname'>): SlackConversation | null {
  const m = /^\/client\/T[A-Z0-9]+\/([CDG][A-Z0-9]+)(?:\/thread\/[CDG][A-Z0-9]+-(\d+\.\d+))?/.exec(loc.pathname);
  return m ? { id: m[1]!, kind: m[1]![0] as SlackConversation['kind'], thread: m[2] ?? null } : null;
}

/** The member whose profile pane the URL opens (`…/user_profile/U…`), if any. */
export function profileMemberId(loc: Pick<Location, 'pathname'>): string | null {
  return /\/user_profile\/([UW][A-Z0-9]+)/.exec(loc.pathname)?.[1] ?? null;
}
