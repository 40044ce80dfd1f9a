// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { slackAdapter } from '@/utils/sites/slack';
import { profileMemberId, slackConversation } from '@/utils/sites/slack/conversation';
import { offsetFromWallClock, zoneForOffset, zoneFromLocalTime } from '@/utils/sites/slack/learn';
import { mentionsIn, readSlackRecipients } from '@/utils/sites/slack/recipients';
import { SLACK } from '@/utils/sites/slack/selectors';
import { queryAll } from '@/utils/sites/selector';
import { sendTargetOf } from './helpers/send-target';

/*
 * DOM built the way the Slack replica (tests/fixtures/slack/client.html) and sites.md §2 show it:
 * data-qa values, BEM c-/p- classes and roles, plus a CSS-module hash class here and there.
 */
type Child = Node | string | null;

function el(tag: string, attrs: Record<string, string> = {}, children: Child[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/** One `<p>` per line, as Quill keeps it; an empty draft is `<p><br></p>`. */
function lines(content: Child[][]): HTMLElement[] {
  const rows = content.length ? content : [[]];
  return rows.map((line) => el('p', {}, line.length ? line : [el('br')]));
}

/** The replica's `makeQlEditor`: the texty input shared by composers, the search box, ⌘K and edits. */
function qlEditor(label: string, content: Child[][] = [], extra: Record<string, string> = {}): HTMLElement {
  const blank = content.every((line) => line.length === 0);
  return el(
    'div',
    {
      class: `ql-editor${blank ? ' ql-blank' : ''}`,
      contenteditable: 'true',
      role: 'textbox',
      'data-qa': 'texty_input',
      spellcheck: 'false',
      'aria-multiline': 'true',
      tabindex: '0',
      dir: 'auto',
      'aria-label': label,
      ...extra,
    },
    lines(content),
  );
}

function memberChip(id: string, name: string, label: string | null = `@${name}`): HTMLElement {
  const attrs: Record<string, string> = { class: 'c-member_slug c-member_slug--link', 'data-member-id': id, contenteditable: 'false', spellcheck: 'false' };
  if (label !== null) attrs['data-member-label'] = label;
  return el('span', attrs, [`@${name}`]);
}

function broadcastChip(id: string): HTMLElement {
  return el(
    'span',
    { class: 'c-mrkdwn__broadcast c-mrkdwn__broadcast--link c-mrkdwn__broadcast--mention', 'data-broadcast-id': id, 'data-broadcast-label': `@${id}`, contenteditable: 'false', spellcheck: 'false' },
    [`@${id}`],
  );
}

interface Composer {
  root: HTMLElement;
  editor: HTMLElement;
  send: HTMLElement;
  sendIcon: HTMLElement;
  options: HTMLElement;
  bold: HTMLElement;
}

/** The replica's `makeComposer`: toolbar, `message_input` around the editor, footer with Send and the schedule arrow. */
function composer(label: string, content: Child[][] = []): Composer {
  const editor = qlEditor(label, content, { 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-haspopup': 'listbox' });
  const blank = content.every((line) => line.length === 0);
  const disabled = blank ? 'true' : 'false';
  const input = el('div', { class: 'c-texty_input_unstyled', 'data-qa': 'message_input' }, [
    el('div', { class: 'ql-container' }, [
      editor,
      el('div', { class: 'ql-clipboard', contenteditable: 'true', tabindex: '-1', 'aria-hidden': 'true' }),
      el('div', { class: 'ql-placeholder', 'aria-hidden': 'true' }, [label]),
    ]),
  ]);
  const sendIcon = el('span', { class: 'c-icon c-icon--paperplane-filled', 'aria-hidden': 'true' }, ['➤']);
  const send = el(
    'button',
    { type: 'button', class: 'c-button-unstyled c-icon_button c-wysiwyg_container__button c-wysiwyg_container__button--send', 'data-qa': 'texty_send_button', 'aria-label': 'Send now', 'aria-disabled': disabled },
    [sendIcon],
  );
  const options = el(
    'button',
    { type: 'button', class: 'c-button-unstyled c-icon_button c-wysiwyg_container__button c-wysiwyg_container__button--send_options', 'data-qa': 'texty_send_options_button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-label': 'Schedule for later', 'aria-disabled': disabled },
    [el('span', { class: 'c-icon c-icon--chevron-down', 'aria-hidden': 'true' }, ['⌄'])],
  );
  const bold = el('button', { type: 'button', class: 'c-button-unstyled', 'aria-label': 'Bold', 'data-qa': 'bold-composer-button' }, [el('b', {}, ['B'])]);
  const root = el('div', { class: 'c-wysiwyg_container c-wysiwyg_container--theme_light' }, [
    el('div', { class: 'c-wysiwyg_container__formatting', role: 'toolbar', 'aria-label': 'Formatting' }, [bold]),
    input,
    el('div', { class: 'c-wysiwyg_container__footer' }, [
      el('div', { class: 'c-wysiwyg_container__footer_actions' }, [el('span', { class: 'labelContent__ND43C' }, ['Shift+Enter for a new line'])]),
      el('span', { class: 'c-wysiwyg_container__send_button--with_options mBgaT' }, [send, options]),
    ]),
  ]);
  return { root, editor, send, sendIcon, options, bold };
}

interface Said {
  user: string;
  name: string;
  text: string;
}

/** A message as the replica's `messageEl` draws it, with its sender button. */
function message(channel: string, said: Said, ts: string, blocks?: HTMLElement): HTMLElement {
  const sender = el('button', { type: 'button', class: 'c-button-unstyled c-message__sender_button', 'data-qa': 'message_sender_name', 'data-message-sender': said.user, 'aria-haspopup': 'true' }, [said.name]);
  const body = blocks ?? el('div', { class: 'c-message_kit__blocks c-message_kit__blocks--rich_text' }, [el('div', { class: 'p-rich_text_section', 'data-qa': 'message-text' }, [said.text])]);
  return el('div', { class: 'c-virtual_list__item', role: 'listitem', 'data-item-key': ts, tabindex: '-1' }, [
    el('div', { class: 'c-message_kit__background' }, [
      el('div', { class: 'c-message_kit__message', role: 'presentation', 'data-qa': 'message_container', 'data-msg-ts': ts, 'data-msg-channel-id': channel }, [
        el('div', { class: 'c-message_kit__actions c-message_kit__actions--default' }, [
          el('div', { class: 'c-message_kit__gutter__left', role: 'presentation' }, [el('span', { class: 'c-base_icon c-avatar', 'aria-hidden': 'true' }, [said.name.slice(0, 2)])]),
          el('div', { class: 'c-message_kit__gutter__right', role: 'presentation' }, [el('span', { class: 'c-message__sender c-message_kit__sender' }, [sender]), body]),
        ]),
      ]),
    ]),
  ]);
}

const ALICE: Said = { user: 'U0ALICE', name: 'Alice Example', text: 'Morning! Did you get a chance to look at the draft?' };
const BOB: Said = { user: 'U0BOB', name: 'Bob Builder', text: 'Thanks, reviewing now.' };
const CHEN: Said = { user: 'U0CHEN', name: 'Chen Wei', text: 'I will add the Shanghai numbers tomorrow.' };
const ME: Said = { user: 'U0ME', name: 'Me Myself', text: 'Not yet, I will today.' };

interface Page {
  search: HTMLElement;
  main: Composer;
  thread: Composer | null;
  list: HTMLElement;
}

interface PageOptions {
  conv: string;
  header: string | null;
  channel?: boolean;
  said?: Said[];
  draft?: Child[][];
  thread?: { said: Said[]; draft?: Child[][] };
}

/** The replica's shell: search box in the top bar, the conversation with its composer, and maybe the thread pane. */
function page(options: PageOptions): Page {
  const search = qlEditor('Query');
  const topNav = el('div', { class: 'p-top_nav', role: 'banner' }, [
    el('div', { class: 'p-top_nav__search c-search_input_box', role: 'search' }, [
      el('div', { class: 'c-texty_input_unstyled c-search__input_box__input' }, [el('div', { class: 'ql-container' }, [search])]),
    ]),
  ]);
  const main = composer(`Message ${options.channel ? '#' : ''}${options.header ?? ''}`, options.draft);
  const list = el('div', { class: 'c-virtual_list__scroll_container', role: 'list' }, (options.said ?? []).map((s, i) => message(options.conv, s, `1699990${i}00.000100`)));
  const header = options.header === null
    ? null
    : el('div', { class: 'p-view_header p-view_header--tiles' }, [
        el('button', { type: 'button', class: 'c-button-unstyled p-view_header__big_button', 'data-qa': 'channel_name_button', 'aria-haspopup': 'dialog' }, [
          options.channel ? el('span', { class: 'p-view_header__channel_prefix', 'aria-hidden': 'true' }, ['#']) : null,
          el('span', { class: 'p-view_header__channel_title p-view_header__text', 'data-qa': 'channel_name' }, [options.header]),
        ]),
      ]);
  const primary = el('div', { class: 'p-workspace__primary_view', role: 'main' }, [
    header,
    el('div', { class: 'p-message_pane c-virtual_list c-scrollbar', 'data-qa': 'message_pane' }, [list]),
    el('div', { class: 'p-message_pane_input p-workspace__input' }, [main.root]),
  ]);
  let thread: Composer | null = null;
  const secondary = el('div', { class: 'p-workspace__secondary_view' });
  if (options.thread) {
    thread = composer('Reply to thread', options.thread.draft);
    const replies = el('div', { class: 'c-virtual_list__scroll_container', role: 'list', 'aria-label': 'Thread' }, options.thread.said.map((s, i) => message(options.conv, s, `1700000${i}00.000400`)));
    secondary.append(
      el('div', { class: 'p-flexpane p-threads_flexpane', 'data-qa': 'threads_flexpane', role: 'complementary', 'aria-label': 'Thread' }, [
        el('div', { class: 'p-flexpane_header' }, [el('span', { class: 'p-flexpane_header__title' }, ['Thread'])]),
        el('div', { class: 'p-flexpane__body p-threads_flexpane__body c-scrollbar' }, [replies]),
        el('div', { class: 'p-threads_flexpane__input p-workspace__input' }, [
          thread.root,
          el('label', { class: 'p-threads_flexpane__broadcast' }, [el('input', { type: 'checkbox', 'data-qa': 'threads_flexpane_broadcast_checkbox' }), 'Also send to #general']),
        ]),
      ]),
    );
  }
  const sidebar = el('nav', { class: 'p-channel_sidebar', 'aria-label': 'Sidebar' }, [el('div', { class: 'p-channel_sidebar__workspace' }, ['Test Workspace'])]);
  document.body.append(el('div', { id: 'react-root', class: 'p-client_container' }, [topNav, sidebar, primary, secondary]));
  return { search, main, thread, list };
}

/** Opens the replica's edit-in-place on one of the user's messages: a `message_editor` around the same texty input. */
function editInPlace(list: HTMLElement, text: string, save: HTMLElement = el('button', { type: 'button', class: 'c-button c-button--primary', 'data-qa': 'save_edit_button' }, ['Save'])): HTMLElement {
  const editor = qlEditor('Edit message', [[text]]);
  const wrapper = el('div', { class: 'c-message_kit__editor', 'data-qa': 'message_editor' }, [
    el('div', { class: 'c-wysiwyg_container c-wysiwyg_container--edit' }, [
      el('div', { class: 'c-texty_input_unstyled', 'data-qa': 'message_input' }, [el('div', { class: 'ql-container' }, [editor])]),
    ]),
    el('div', { class: 'c-message_kit__editor__buttons' }, [el('button', { type: 'button', class: 'c-button c-button--outline', 'data-qa': 'cancel_edit_button' }, ['Cancel']), save]),
  ]);
  list.append(message('C0TEST', { ...ME, text }, '1700000360.000300', wrapper));
  return editor;
}

/** The replica's ⌘K "Jump to…" switcher: a texty input in a `[role=dialog]`, portalled to the body. */
function jumper(inner: (editor: HTMLElement) => HTMLElement = (editor) => el('div', { class: 'c-texty_input_unstyled p-jumper__input' }, [el('div', { class: 'ql-container' }, [editor])])): HTMLElement {
  const editor = qlEditor('Query', [['gen']]);
  const dialog = el('div', { class: 'ReactModal__Content ReactModal__Content--after-open p-jumper', role: 'dialog', 'aria-label': 'Jump to a conversation', 'aria-modal': 'true' }, [
    inner(editor),
    el('div', { class: 'p-jumper__results', role: 'presentation' }, [el('button', { type: 'button', class: 'c-button-unstyled p-jumper__result' }, ['# general'])]),
  ]);
  document.body.append(el('div', { class: 'ReactModalPortal' }, [el('div', { class: 'ReactModal__Overlay ReactModal__Overlay--after-open p-jumper__overlay' }, [dialog])]));
  return editor;
}

/** The replica's @-mention typeahead, portalled to the body, with the editor pointing at the selected option. */
function openTypeahead(editor: HTMLElement): HTMLElement {
  const listbox = el('div', { class: 'ql-autocomplete__list c-typeahead', role: 'listbox', id: 'typeahead-list-1', 'aria-label': 'Suggestions' }, [
    el('div', { class: 'c-typeahead__item c-typeahead__item--selected', role: 'option', id: 'typeahead-list-1-opt-0', 'aria-selected': 'true' }, ['Alice Example']),
  ]);
  const popper = el('div', { class: 'c-typeahead__popper', role: 'presentation' }, [listbox]);
  document.body.append(popper);
  editor.setAttribute('aria-expanded', 'true');
  editor.setAttribute('aria-controls', listbox.id);
  editor.setAttribute('aria-activedescendant', 'typeahead-list-1-opt-0');
  return popper;
}

/** What the adapter says about an event while it is dispatched, seen from a capture listener on window as the guard listens. */
const judged = (target: Element, event: Event): HTMLElement | null => sendTargetOf(slackAdapter, target, event);

function enter(target: Element, init: KeyboardEventInit = {}): HTMLElement | null {
  return judged(target, new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true, composed: true, ...init }));
}

function click(target: Element): HTMLElement | null {
  return judged(target, new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
}

const at = (iso: string): Date => new Date(iso);

beforeEach(() => {
  document.body.replaceChildren();
});

describe('which conversation the URL opens', () => {
  it('reads a DM, a channel and a legacy group from /client/T…/<id>', () => {
    expect(slackConversation({ pathname: '/client/T0TEST/D0TEST' })).toEqual({ id: 'D0TEST', kind: 'D', thread: null });
    expect(slackConversation({ pathname: '/client/T0TEST/C0TEST' })).toEqual({ id: 'C0TEST', kind: 'C', thread: null });
    expect(slackConversation({ pathname: '/client/T0TEST/G0GROUP' })).toEqual({ id: 'G0GROUP', kind: 'G', thread: null });
  });

  it('an open thread keeps its channel and adds the parent message\u2019s timestamp', () => {
    expect(slackConversation({ pathname: '/client/T0TEST/C0TEST/thread/C0TEST-1700000000.000100' })).toEqual({ id: 'C0TEST', kind: 'C', thread: '1700000000.000100' });
    expect(slackConversation({ pathname: '/client/T0TEST/D0TEST/thread/D0TEST-1699990000.000100' })).toEqual({ id: 'D0TEST', kind: 'D', thread: '1699990000.000100' });
  });

  it('a thread segment without a timestamp still names the channel, not a thread', () => {
    expect(slackConversation({ pathname: '/client/T0TEST/C0TEST/thread/C0TEST-latest' })).toEqual({ id: 'C0TEST', kind: 'C', thread: null });
  });

  it('an open profile pane does not change the conversation', () => {
    expect(slackConversation({ pathname: '/client/T0TEST/D0TEST/user_profile/U0ALICE' })).toEqual({ id: 'D0TEST', kind: 'D', thread: null });
  });

  it('lower-case pages, other sites\u2019 paths and a bare workspace are no conversation', () => {
    for (const pathname of [
      '/client/T0TEST/later',
      '/client/T0TEST/dms',
      '/client/T0TEST/activity',
      '/client/T0TEST/browse-channels',
      '/client/T0TEST',
      '/client/T0TEST/',
      '/client/t0test/C0TEST',
      '/client/T0TEST/c0test',
      '/client/T0TEST/U0ALICE',
      '/archives/C0TEST/p1700000000000100',
      '/messages/C0TEST',
      '/',
      '',
    ]) {
      expect(slackConversation({ pathname }), pathname).toBeNull();
    }
  });
});

describe('whose profile the URL opens', () => {
  it('reads the member id of /user_profile/U\u2026 and enterprise W\u2026 ids', () => {
    expect(profileMemberId({ pathname: '/client/T0TEST/D0TEST/user_profile/U0ALICE' })).toBe('U0ALICE');
    expect(profileMemberId({ pathname: '/client/T0TEST/C0TEST/user_profile/W0GRIDUSER' })).toBe('W0GRIDUSER');
  });

  it('no profile pane, an empty segment, a bot or a lower-case id is no member', () => {
    for (const pathname of [
      '/client/T0TEST/D0TEST',
      '/client/T0TEST/C0TEST/thread/C0TEST-1700000000.000100',
      '/client/T0TEST/D0TEST/user_profile/',
      '/client/T0TEST/D0TEST/user_profile/B0BOT',
      '/client/T0TEST/D0TEST/user_profile/u0alice',
      '/client/T0TEST/later',
    ]) {
      expect(profileMemberId({ pathname }), pathname).toBeNull();
    }
  });
});

describe('a member\u2019s zone from the profile pane\u2019s local time', () => {
  it('a New Zealand morning is a day ahead (+13 in summer, +12 in winter), not a Pacific island a day behind', () => {
    expect(zoneFromLocalTime('9:00 AM local time', at('2025-01-14T20:00:00Z'))).toBe('Pacific/Auckland');
    expect(zoneFromLocalTime('9:00 AM local time', at('2025-07-14T21:00:00Z'))).toBe('Pacific/Auckland');
  });

  it('"3:15 PM local time" read at 19:15 UTC in July is four hours behind: New York', () => {
    const now = at('2025-07-15T19:15:00Z');
    expect(offsetFromWallClock('3:15 PM local time', now)).toBe(-240);
    expect(zoneFromLocalTime('3:15 PM local time', now)).toBe('America/New_York');
  });

  it('the seconds of the reading do not matter, only the minute Slack shows', () => {
    expect(offsetFromWallClock('3:15 PM local time', at('2025-07-15T19:15:59Z'))).toBe(-240);
    expect(offsetFromWallClock('3:15 PM local time', at('2025-07-15T19:15:00.001Z'))).toBe(-240);
  });

  it('a clock Slack has not redrawn yet (a minute or two behind) still gives the zone; a clock off by more does not', () => {
    expect(zoneFromLocalTime('3:15 PM local time', at('2025-07-15T19:16:30Z'))).toBe('America/New_York');
    expect(zoneFromLocalTime('3:15 PM local time', at('2025-07-15T19:17:10Z'))).toBe('America/New_York');
    expect(offsetFromWallClock('3:15 PM local time', at('2025-07-15T19:22:00Z'))).toBe(-247);
    expect(zoneFromLocalTime('3:15 PM local time', at('2025-07-15T19:22:00Z'))).toBeNull();
  });

  it('the reader\u2019s own zone makes no difference, only UTC and the shown clock', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kolkata';
      // The process zone really changed: 19:15 UTC is 00:45 the next day in India.
      expect(at('2025-07-15T19:15:00Z').getHours()).toBe(0);
      expect(offsetFromWallClock('3:15 PM local time', at('2025-07-15T19:15:00Z'))).toBe(-240);
      expect(zoneFromLocalTime('3:15 PM local time', at('2025-07-15T19:15:00Z'))).toBe('America/New_York');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('the German 24-hour clock ("15:15 Ortszeit") reads the same way', () => {
    expect(offsetFromWallClock('15:15 Ortszeit', at('2025-07-15T13:15:00Z'))).toBe(120);
    expect(zoneFromLocalTime('15:15 Ortszeit', at('2025-07-15T13:15:00Z'))).toBe('Europe/Berlin');
    expect(zoneFromLocalTime('15:15 Ortszeit', at('2025-01-15T14:15:00Z'))).toBe('Europe/Berlin');
  });

  it('12 AM is midnight and 12 PM is noon', () => {
    expect(offsetFromWallClock('12:05 AM local time', at('2025-01-15T05:05:00Z'))).toBe(-300);
    expect(offsetFromWallClock('12:30 PM local time', at('2025-01-15T17:30:00Z'))).toBe(-300);
  });

  it('half-hour and 45-minute zones: India, Nepal, Newfoundland', () => {
    const now = at('2025-03-03T09:00:00Z');
    expect(offsetFromWallClock('2:30 PM local time', now)).toBe(330);
    expect(zoneFromLocalTime('2:30 PM local time', now)).toBe('Asia/Kolkata');
    expect(offsetFromWallClock('2:45 PM local time', now)).toBe(345);
    expect(zoneFromLocalTime('2:45 PM local time', now)).toBe('Asia/Kathmandu');
    expect(offsetFromWallClock('5:30 AM local time', now)).toBe(-210);
    expect(zoneFromLocalTime('5:30 AM local time', now)).toBe('America/St_Johns');
  });

  it('a clock already in tomorrow is ahead, not 15 hours behind (Tokyo, India after midnight)', () => {
    expect(offsetFromWallClock('5:30 AM local time', at('2025-01-15T20:30:00Z'))).toBe(540);
    expect(zoneFromLocalTime('5:30 AM local time', at('2025-01-15T20:30:00Z'))).toBe('Asia/Tokyo');
    expect(zoneFromLocalTime('12:10 AM local time', at('2025-01-15T18:40:00Z'))).toBe('Asia/Kolkata');
    expect(zoneFromLocalTime('00:30 Ortszeit', at('2025-01-15T23:30:00Z'))).toBe('Europe/Berlin');
  });

  it('a clock still in yesterday is behind, not 16 hours ahead (Los Angeles after UTC midnight)', () => {
    expect(offsetFromWallClock('6:00 PM local time', at('2025-01-16T02:00:00Z'))).toBe(-480);
    expect(zoneFromLocalTime('6:00 PM local time', at('2025-01-16T02:00:00Z'))).toBe('America/Los_Angeles');
    expect(zoneFromLocalTime('11:30 PM local time', at('2025-07-16T03:30:00Z'))).toBe('America/New_York');
  });

  it('a New Yorker is recognised on both sides of the March clock change', () => {
    expect(offsetFromWallClock('9:00 AM local time', at('2025-03-07T14:00:00Z'))).toBe(-300);
    expect(zoneFromLocalTime('9:00 AM local time', at('2025-03-07T14:00:00Z'))).toBe('America/New_York');
    expect(offsetFromWallClock('9:00 AM local time', at('2025-03-11T13:00:00Z'))).toBe(-240);
    expect(zoneFromLocalTime('9:00 AM local time', at('2025-03-11T13:00:00Z'))).toBe('America/New_York');
  });

  it('in the weeks when the US has changed clocks and Europe has not, London is UTC and Berlin one hour ahead', () => {
    for (const now of [at('2025-03-20T14:00:00Z'), at('2025-10-29T14:00:00Z')]) {
      expect(zoneFromLocalTime('10:00 AM local time', now)).toBe('America/New_York');
      expect(zoneFromLocalTime('2:00 PM local time', now)).toBe('Europe/London');
      expect(zoneFromLocalTime('15:00 Ortszeit', now)).toBe('Europe/Berlin');
    }
    // A week later Europe has changed too: one hour ahead of UTC is London's summer time again.
    expect(zoneFromLocalTime('3:00 PM local time', at('2025-04-02T14:00:00Z'))).toBe('Europe/London');
    expect(zoneFromLocalTime('4:00 PM local time', at('2025-04-02T14:00:00Z'))).toBe('Europe/Berlin');
  });

  it('the zone is one that has that offset on the day it is read (Halifax before US summer time, Sydney in January)', () => {
    expect(zoneForOffset(-240, at('2025-03-05T12:00:00Z'))).toBe('America/Halifax');
    expect(zoneForOffset(-240, at('2025-03-20T12:00:00Z'))).toBe('America/New_York');
    expect(zoneForOffset(660, at('2025-01-15T12:00:00Z'))).toBe('Australia/Sydney');
    expect(zoneForOffset(0, at('2025-01-15T12:00:00Z'))).toBe('Europe/London');
  });

  it('an offset no well-known zone has falls back to the full list, in its order', () => {
    const now = at('2025-01-15T12:00:00Z');
    expect(zoneForOffset(-660, now, ['Europe/Paris', 'Pacific/Pago_Pago', 'Pacific/Niue'])).toBe('Pacific/Pago_Pago');
    expect(zoneForOffset(345, now, [])).toBe('Asia/Kathmandu');
  });

  it('an offset no zone has right now gives no zone rather than a wrong one', () => {
    const now = at('2025-01-15T12:00:00Z');
    expect(zoneForOffset(-241, now)).toBeNull();
    expect(zoneForOffset(17, now)).toBeNull();
    expect(zoneForOffset(-660, now, [])).toBeNull();
  });

  it('text without a clock gives no offset and no zone', () => {
    const now = at('2025-07-15T19:15:00Z');
    for (const shown of ['', 'local time', 'Ortszeit', 'Away', 'In a meeting', '3 PM local time', '—']) {
      expect(offsetFromWallClock(shown, now), shown).toBeNull();
      expect(zoneFromLocalTime(shown, now), shown).toBeNull();
    }
  });
});

describe('who a draft mentions', () => {
  it('reads each mention chip\u2019s member id and name, without the @', () => {
    const editor = qlEditor('Message #general', [['Hi ', memberChip('U0ALICE', 'Alice Example'), ' and ', memberChip('U0BOB', 'Bob Builder'), ' ']]);
    expect(mentionsIn(editor)).toEqual([
      { slackId: 'U0ALICE', name: 'Alice Example' },
      { slackId: 'U0BOB', name: 'Bob Builder' },
    ]);
  });

  it('reads the composer\u2019s own mention elements (<ts-mention data-id data-label>), not user groups', () => {
    const mention = (id: string, label: string): HTMLElement =>
      el('ts-mention', { 'data-id': id, 'data-label': label, spellcheck: 'false', class: 'c-member_slug', dir: 'ltr' }, [label]);
    const editor = qlEditor('Message #general', [['cc ', mention('U07SWBAQP3Q', '@Jas'), ' ', mention('W0GRID', '@Kai'), ' ', mention('S0DESIGN', '@design-team')]]);
    expect(mentionsIn(editor)).toEqual([
      { slackId: 'U07SWBAQP3Q', name: 'Jas' },
      { slackId: 'W0GRID', name: 'Kai' },
    ]);
  });

  it('a chip without a label is named by its text', () => {
    const editor = qlEditor('Message #general', [['cc ', memberChip('U0CHEN', 'Chen Wei', null)]]);
    expect(mentionsIn(editor)).toEqual([{ slackId: 'U0CHEN', name: 'Chen Wei' }]);
  });

  it('mentions on later lines count too', () => {
    const editor = qlEditor('Message #general', [['First line'], [], ['then ', memberChip('U0BOB', 'Bob Builder')]]);
    expect(mentionsIn(editor).map((r) => r.slackId)).toEqual(['U0BOB']);
  });

  it('typed text that only looks like a mention, and broadcasts, are no member', () => {
    const editor = qlEditor('Message #general', [['ask @Alice or alice@example.com ', broadcastChip('here')]]);
    expect(mentionsIn(editor)).toEqual([]);
  });
});

describe('whether a draft notifies everyone (the broadcastMention selector)', () => {
  const hasBroadcast = (editor: Element) => queryAll(editor, SLACK.broadcastMention).length > 0;

  it('@here, @channel and @everyone chips are broadcasts', () => {
    for (const id of ['here', 'channel', 'everyone']) {
      expect(hasBroadcast(qlEditor('Message #general', [['Heads up ', broadcastChip(id)]])), id).toBe(true);
    }
  });

  it('a broadcast is found by its data-broadcast-id alone (the message list writes "BKhere") or by its class alone', () => {
    const classOnly = qlEditor('Message #general', [[el('span', { class: 'c-mrkdwn__broadcast' }, ['@channel'])]]);
    const listForm = qlEditor('Message #general', [[el('span', { 'data-broadcast-id': 'BKhere' }, ['@here'])]]);
    expect(hasBroadcast(classOnly)).toBe(true);
    expect(hasBroadcast(listForm)).toBe(true);
  });

  it('member mentions and plain text are not broadcasts', () => {
    expect(hasBroadcast(qlEditor('Message #general', [['Hi ', memberChip('U0ALICE', 'Alice Example'), ' see the channel topic']]))).toBe(false);
    expect(hasBroadcast(qlEditor('Message #general', []))).toBe(false);
  });
});

describe('who a Slack message reaches', () => {
  it('a DM reaches its partner, named by the header and identified by their messages', () => {
    const p = page({ conv: 'D0TEST', header: 'Alice Example', said: [ALICE, ME], draft: [['Sounds good']] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/D0TEST' })).toEqual([{ name: 'Alice Example', slackId: 'U0ALICE' }]);
  });

  it('a DM whose partner has not written on screen still names them, without an id', () => {
    const p = page({ conv: 'D0TEST', header: 'Alice Example', said: [ME], draft: [['Hello?']] });
    const read = readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/D0TEST' });
    expect(read).toHaveLength(1);
    expect(read[0]?.name).toBe('Alice Example');
    expect(read[0]?.slackId).toBeUndefined();
  });

  it('a DM adds anyone mentioned in the draft after the partner', () => {
    const p = page({ conv: 'D0TEST', header: 'Alice Example', said: [ALICE], draft: [['Looping in ', memberChip('U0BOB', 'Bob Builder')]] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/D0TEST' })).toEqual([
      { name: 'Alice Example', slackId: 'U0ALICE' },
      { name: 'Bob Builder', slackId: 'U0BOB' },
    ]);
  });

  it('a private channel from before 2020 (a G\u2026 id) reaches whom the draft mentions, not a person named after it', () => {
    const p = page({ conv: 'G01ABCDEF', header: 'secret-project', channel: true, said: [ALICE], draft: [['Update for ', memberChip('U0BOB', 'Bob Builder')]] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/G01ABCDEF' })).toEqual([{ slackId: 'U0BOB', name: 'Bob Builder' }]);
  });

  it('a group DM reaches every member listed in its header, in header order', () => {
    const p = page({ conv: 'G0GROUP', header: 'Alice Example, Bob Builder, Chen Wei', said: [CHEN, ALICE, BOB, ME], draft: [['Great, thanks all.']] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/G0GROUP' })).toEqual([
      { name: 'Alice Example', slackId: 'U0ALICE' },
      { name: 'Bob Builder', slackId: 'U0BOB' },
      { name: 'Chen Wei', slackId: 'U0CHEN' },
    ]);
  });

  it('a newer group DM with a C\u2026 id is told from a channel by its header listing people', () => {
    const p = page({ conv: 'C0MPIM', header: 'Alice Example, Bob Builder', said: [ALICE, BOB], draft: [['Hi both']] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/C0MPIM' })).toEqual([
      { name: 'Alice Example', slackId: 'U0ALICE' },
      { name: 'Bob Builder', slackId: 'U0BOB' },
    ]);
  });

  it('a channel message without mentions reaches no one in particular, not the people who wrote there', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, said: [ALICE, BOB, ME], draft: [['Lunch at noon?']] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/C0TEST' })).toEqual([]);
  });

  it('a channel message reaches the people it mentions', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, said: [ALICE, BOB], draft: [[memberChip('U0CHEN', 'Chen Wei'), ' can you check?']] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/C0TEST' })).toEqual([{ slackId: 'U0CHEN', name: 'Chen Wei' }]);
  });

  it('a thread reply reaches whom the reply mentions, not whom the channel draft mentions', () => {
    const p = page({
      conv: 'C0TEST',
      header: 'general',
      channel: true,
      said: [ALICE, BOB],
      draft: [['Channel draft for ', memberChip('U0ALICE', 'Alice Example')]],
      thread: { said: [BOB, ME], draft: [['Thanks ', memberChip('U0BOB', 'Bob Builder')]] },
    });
    const path = { pathname: '/client/T0TEST/C0TEST/thread/C0TEST-1700000000.000100' };
    expect(readSlackRecipients(p.thread!.root, document, path)).toEqual([{ slackId: 'U0BOB', name: 'Bob Builder' }]);
    expect(readSlackRecipients(p.main.root, document, path)).toEqual([{ slackId: 'U0ALICE', name: 'Alice Example' }]);
  });

  it('a thread reply in a DM reaches the partner', () => {
    const p = page({ conv: 'D0TEST', header: 'Alice Example', said: [ALICE], thread: { said: [ALICE], draft: [['Done']] } });
    expect(readSlackRecipients(p.thread!.root, document, { pathname: '/client/T0TEST/D0TEST/thread/D0TEST-1699990000.000100' })).toEqual([{ name: 'Alice Example', slackId: 'U0ALICE' }]);
  });

  it('without a conversation in the URL or a header, only mentions are known', () => {
    const p = page({ conv: 'D0TEST', header: null, said: [ALICE], draft: [['cc ', memberChip('U0BOB', 'Bob Builder')]] });
    expect(readSlackRecipients(p.main.root, document, { pathname: '/client/T0TEST/D0TEST' })).toEqual([{ slackId: 'U0BOB', name: 'Bob Builder' }]);
    document.body.replaceChildren();
    const q = page({ conv: 'D0TEST', header: 'Alice Example', said: [ALICE], draft: [['Hi']] });
    expect(readSlackRecipients(q.main.root, document, { pathname: '/client/T0TEST/later' })).toEqual([]);
  });
});

describe('which inputs are composers', () => {
  it('the message composer and the thread composer are composers; the search box, \u2318K and an edit are not', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, said: [ALICE], draft: [['Hi']], thread: { said: [BOB], draft: [['Reply']] } });
    const edit = editInPlace(p.list, 'Count me in.');
    const jump = jumper();
    expect(slackAdapter.findComposers(document)).toEqual([p.main.root, p.thread!.root]);
    expect(slackAdapter.composerOf(p.main.editor)).toBe(p.main.root);
    expect(slackAdapter.composerOf(p.thread!.editor)).toBe(p.thread!.root);
    expect(slackAdapter.composerOf(p.search)).toBeNull();
    expect(slackAdapter.composerOf(jump)).toBeNull();
    expect(slackAdapter.composerOf(edit)).toBeNull();
  });

  it('each pane\u2019s Send button belongs to its own composer', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Hi']], thread: { said: [], draft: [['Reply']] } });
    expect(slackAdapter.composerOf(p.main.send)).toBe(p.main.root);
    expect(slackAdapter.composerOf(p.thread!.send)).toBe(p.thread!.root);
    expect(slackAdapter.composerOf(p.thread!.options)).toBe(p.thread!.root);
  });

  it('a texty input inside a dialog is never a composer, even when wrapped like one with a Send button', () => {
    const jump = jumper((editor) =>
      el('div', { class: 'c-wysiwyg_container' }, [
        el('div', { class: 'c-texty_input_unstyled', 'data-qa': 'message_input' }, [el('div', { class: 'ql-container' }, [editor])]),
        el('button', { type: 'button', class: 'c-wysiwyg_container__button--send', 'data-qa': 'texty_send_button', 'aria-disabled': 'false' }, ['Send']),
      ]),
    );
    expect(slackAdapter.findComposers(document)).toEqual([]);
    expect(slackAdapter.composerOf(jump)).toBeNull();
  });

  it('an edit in place is never a composer, even if its Save button looks like Send', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, said: [ME] });
    const save = el('button', { type: 'button', class: 'c-button c-wysiwyg_container__button--send', 'data-qa': 'texty_send_button', 'aria-disabled': 'false' }, ['Save']);
    const edit = editInPlace(p.list, 'Count me in.', save);
    // Put the edit right next to its Save button, as a compact build might.
    edit.closest('.c-wysiwyg_container')!.append(save);
    expect(slackAdapter.findComposers(document)).toEqual([p.main.root]);
    expect(slackAdapter.composerOf(edit)).toBeNull();
    expect(enter(edit)).toBeNull();
    expect(click(save)).toBeNull();
  });

  it('the body is the composer\u2019s own editor and the template button goes before Send', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, thread: { said: [] } });
    expect(slackAdapter.body(p.main.root)).toBe(p.main.editor);
    expect(slackAdapter.body(p.thread!.root)).toBe(p.thread!.editor);
    expect(slackAdapter.toolbarPlacement(p.main.root)).toEqual({ element: p.main.send.parentElement, where: 'before' });
  });
});

describe('what is a send', () => {
  it('Enter in a composer with text sends from that composer', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Lunch at noon?']], thread: { said: [], draft: [['Build is green.']] } });
    expect(enter(p.main.editor)).toBe(p.main.root);
    expect(enter(p.thread!.editor)).toBe(p.thread!.root);
  });

  it('Ctrl/Cmd+Enter also sends until Slack shows it makes a new line', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Lunch at noon?']] });
    expect(enter(p.main.editor, { ctrlKey: true })).toBe(p.main.root);
    expect(enter(p.main.editor, { metaKey: true })).toBe(p.main.root);
  });

  it('where Slack puts message_input on the editor itself, Enter there is a send and the editor takes templates', () => {
    const editor = qlEditor('Message #general', [['Lunch at noon?']], { 'data-qa': 'message_input' });
    const send = el('button', { type: 'button', class: 'c-wysiwyg_container__button--send', 'data-qa': 'texty_send_button', 'aria-label': 'Send now', 'aria-disabled': 'false' }, ['➤']);
    const root = el('div', { class: 'c-wysiwyg_container' }, [el('div', { class: 'ql-container' }, [editor]), el('div', { class: 'c-wysiwyg_container__footer' }, [send])]);
    document.body.append(el('div', { class: 'p-message_pane_input' }, [root]));
    const found = slackAdapter.findComposers(document);
    expect(found).toHaveLength(1);
    expect(found[0]).toBe(root);
    expect(slackAdapter.body(root)).toBe(editor);
    expect(enter(editor)).toBe(root);
  });

  it('a draft that is only a mention chip is not empty', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [[memberChip('U0ALICE', 'Alice Example')]] });
    expect(enter(p.main.editor)).toBe(p.main.root);
  });

  it('Shift+Enter and Alt+Enter make a new line, not a send', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Line one']] });
    expect(enter(p.main.editor, { shiftKey: true })).toBeNull();
    expect(enter(p.main.editor, { altKey: true })).toBeNull();
  });

  it('Enter that ends an IME composition is not a send (isComposing, or keyCode 229 as Safari reports it)', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['にほんご']] });
    expect(enter(p.main.editor, { isComposing: true })).toBeNull();
    expect(enter(p.main.editor, { keyCode: 229 })).toBeNull();
    expect(enter(p.main.editor)).toBe(p.main.root);
  });

  it('Enter while the @-mention list is open picks a name, and sends again once it closes', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Thanks @Al']] });
    const popper = openTypeahead(p.main.editor);
    expect(enter(p.main.editor)).toBeNull();
    popper.remove();
    p.main.editor.setAttribute('aria-expanded', 'false');
    p.main.editor.removeAttribute('aria-activedescendant');
    expect(enter(p.main.editor)).toBe(p.main.root);
  });

  it('each sign of an open list is enough on its own: aria-expanded, aria-activedescendant, or the list in the page', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Thanks @Al']] });
    p.main.editor.setAttribute('aria-expanded', 'true');
    expect(enter(p.main.editor)).toBeNull();
    p.main.editor.setAttribute('aria-expanded', 'false');
    p.main.editor.setAttribute('aria-activedescendant', 'typeahead-list-1-opt-0');
    expect(enter(p.main.editor)).toBeNull();
    p.main.editor.removeAttribute('aria-activedescendant');
    const popper = openTypeahead(el('div'));
    expect(enter(p.main.editor)).toBeNull();
    popper.remove();
    expect(enter(p.main.editor)).toBe(p.main.root);
  });

  it('Enter in an empty or blank composer is not a send', () => {
    const empty = page({ conv: 'C0TEST', header: 'general', channel: true });
    expect(enter(empty.main.editor)).toBeNull();
    document.body.replaceChildren();
    const blank = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['   '], ['\u00a0']] });
    expect(enter(blank.main.editor)).toBeNull();
  });

  it('other keys are not a send', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Hi']] });
    expect(judged(p.main.editor, new KeyboardEvent('keydown', { key: 'a', bubbles: true }))).toBeNull();
    expect(judged(p.main.editor, new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }))).toBeNull();
  });

  it('Enter on a focused toolbar or Send button is left to that button (its click is what counts)', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Hi']] });
    expect(enter(p.main.bold)).toBeNull();
    expect(enter(p.main.send)).toBeNull();
  });

  it('Enter in the search box, the \u2318K switcher or an edit is not a send', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, said: [ME], draft: [['Hi']] });
    p.search.replaceChildren(el('p', {}, ['release checklist']));
    const edit = editInPlace(p.list, 'Count me in!');
    const jump = jumper();
    expect(enter(p.search)).toBeNull();
    expect(enter(jump)).toBeNull();
    expect(enter(edit)).toBeNull();
  });

  it('a click on an enabled Send, or on its icon, sends from its own pane', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, draft: [['Hi']], thread: { said: [], draft: [['Reply']] } });
    expect(click(p.main.send)).toBe(p.main.root);
    expect(click(p.main.sendIcon)).toBe(p.main.root);
    expect(click(p.thread!.send)).toBe(p.thread!.root);
  });

  it('a click on a disabled Send, the schedule arrow, the editor, the toolbar or a message is not a send', () => {
    const p = page({ conv: 'C0TEST', header: 'general', channel: true, said: [ALICE], draft: [['Hi']], thread: { said: [] } });
    expect(click(p.thread!.send)).toBeNull();
    expect(click(p.main.options)).toBeNull();
    expect(click(p.main.editor)).toBeNull();
    expect(click(p.main.bold)).toBeNull();
    expect(click(p.list.querySelector('[data-qa="message_sender_name"]')!)).toBeNull();
    expect(click(p.search)).toBeNull();
  });

  it('listens for clicks and key presses', () => {
    expect([...slackAdapter.sendEvents].sort()).toEqual(['click', 'keydown']);
  });
});
