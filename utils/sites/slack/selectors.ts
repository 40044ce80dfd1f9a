/**
 * Slack web's DOM, as public extensions read it (see ../shared/reference/sites.md §2). Only data-qa
 * attributes, BEM c-/p- classes and roles: Slack's CSS-module hashes change every build.
 * Source keys: BS = AirOne-dev/BetterSlack; SX = imranbarbhuiya/slack-extended util/shared.ts;
 * slacky = kirankunigiri/slacky src/entrypoints/slack.content/submit-message.ts.
 */
import type { SiteSelector } from '../selector';

export const SLACK = {
  messageInput: {
    css: ['[data-qa="message_input"]'],
    source: 'BS src/runtime/slack-api.ts; slacky submit-message.ts; SX',
  },
  editor: {
    css: ['.ql-editor[contenteditable=true][role=textbox]', '[data-qa="texty_input"][contenteditable=true]'],
    source: 'BS; Automattic/harper packages/chrome-plugin/src/contentScript/index.ts',
  },
  send: {
    css: ['button[data-qa="texty_send_button"]', 'button.c-wysiwyg_container__button--send'],
    source: 'slacky submit-message.ts; SX; BetterSlack docs',
  },
  sendOptions: {
    css: ['button[data-qa="texty_send_options_button"]', 'button.c-wysiwyg_container__button--send_options'],
    source: 'public copies of Slack markup (sites.md §2.1, confidence M)',
  },
  editInPlace: {
    css: ['[data-qa="message_editor"]'],
    source: 'extension code, not attributable (sites.md §2.1); an edit of an old message is not a send',
  },
  messageSender: {
    css: ['[data-qa="message_sender_name"][data-message-sender]'],
    source: 'SX (message_sender_name, data-message-sender)',
  },
  headerName: {
    css: ['[data-qa="channel_name"]', '.p-view_header__channel_title', '.p-view_header__text'],
    source: 'BetterSlack mods/plugins/channel-notes, redaction.js',
  },
  memberMention: {
    css: ['[data-member-id]', 'ts-mention[data-id]'],
    source:
      'Slack rich-text member slugs (c-member_slug) in messages; the composer\'s <ts-mention data-id="U…" data-label="@Jas" class="c-member_slug">: hrai/auto-capitalise-sentence test/slack-mention-fastpath.test.js',
  },
  broadcastMention: {
    css: ['[data-broadcast-id]', '.c-mrkdwn__broadcast'],
    source: 'Slack rich-text broadcast slugs; unconfirmed for the composer',
  },
  typeahead: {
    css: ['.c-typeahead__popper', '.ql-autocomplete__list', '[role=listbox].c-typeahead'],
    source: 'SX findTypeaheadOption',
  },
  profilePane: {
    css: ['[data-qa="member_profile_pane"]'],
    source: 'BS (member_profile_pane; not .p-r_member_profile__container)',
  },
  localTime: {
    css: ['.p-local_time__text'],
    source: 'several scrapers, not attributable (sites.md §2.1, confidence M)',
  },
  profileName: {
    css: ['[data-qa="member_profile_full_name"]', '.p-r_member_profile__name__text', '.p-r_member_profile__name'],
    source: 'not confirmed; falls back to the pane heading',
  },
} satisfies Record<string, SiteSelector>;

/**
 * Visible labels, used only to break a tie: when none matches (another UI language, a renamed item),
 * the structural choice stands (the menu's last item; the dialog's primary, else last, button). English
 * from sites.md §2.6 ("Custom time", "Schedule message"; usecarly.com guide, 2026). German
 * ("Benutzerdefinierte Zeit", "Nachricht planen") is our best knowledge of Slack's German UI, not
 * confirmed against the live site; the German replica (tests/fixtures/slack/client.html?lang=de) uses it.
 */
export const SLACK_LABELS = {
  customTime: /custom|benutzerdefiniert/i,
  scheduleMessage: /^(schedule|nachricht planen)/i,
};
