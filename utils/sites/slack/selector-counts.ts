/**
 * How many elements each SLACK selector finds in the Slack replica (tests/fixtures/slack/client.html),
 * state by state. TEST DATA ONLY: see ../selector-counts.ts; never imported by the extension.
 *
 * States (tests/unit/setup/replicas.ts opens and drives them; the clock is Wed 15 April 2026, 12:00):
 *   dm                  /D0TEST: the DM with Alice (3 messages) and its composer
 *   group-dm            /G0GROUP: the group DM with Alice, Bob and Chen (4 messages)
 *   channel             /C0TEST: #general (3 messages)
 *   thread              from `channel`, a click on "2 replies": the thread pane with its own composer
 *   profile             from `dm`, a click on Alice's name in a message: her profile pane
 *   send-options        from `dm`, "Running late" typed, the schedule arrow clicked: the send-options menu
 *   custom-time         from `send-options`, "Custom time" clicked: the Schedule message dialog
 *   de                  /D0TEST?lang=de
 *   mention-typeahead   from `dm`, "Hi @ali" typed: the @-mention list is open
 *   mention-chip        from `mention-typeahead`, Enter: Alice becomes a <ts-mention> chip
 *   channel-mentions    from `channel`, "Ping @bob" + Enter and "@her" + Enter: a member chip and an @here broadcast chip
 *   edit                from `dm`, "Edit message" on my own message: an edit in place
 *   later               /later: a page without composer, its header only a .p-view_header__text
 */
import { countsIn, type SelectorExpectation, type UndrawnAlternative } from '../selector-counts';
import type { SLACK } from './selectors';

export type SlackReplicaState =
  | 'dm'
  | 'group-dm'
  | 'channel'
  | 'thread'
  | 'profile'
  | 'send-options'
  | 'custom-time'
  | 'de'
  | 'mention-typeahead'
  | 'mention-chip'
  | 'channel-mentions'
  | 'edit'
  | 'later';

const at = countsIn<SlackReplicaState>;

/** A conversation view: one composer (two with the thread pane); the send-options menu and dialog change nothing here. */
const perComposer = {
  dm: 1,
  'group-dm': 1,
  channel: 1,
  thread: 2,
  profile: 1,
  'send-options': 1,
  'custom-time': 1,
  de: 1,
  'mention-chip': 1,
  edit: 1,
  later: 0,
} as const;

export const SLACK_COUNTS = {
  // An edit in place holds a message_input too (index.ts skips it by editInPlace).
  messageInput: at({ ...perComposer, edit: 2 }),
  // Document-wide, the top bar's search box is a .ql-editor textbox as well: composers + 1 (+ 1 for an
  // edit). The adapter only looks inside a composer's message_input.
  editor: at({ dm: 2, thread: 3, profile: 2, 'custom-time': 2, de: 2, edit: 3, later: 1 }),
  send: at(perComposer),
  sendOptions: at(perComposer),
  editInPlace: at({ dm: 0, edit: 1 }),
  // Every message on screen; with the thread pane open, #general's 3 + the thread's parent and 2 replies.
  messageSender: at({ dm: 3, 'group-dm': 4, channel: 3, thread: 6, profile: 3, de: 3, later: 0 }),
  // `later` has no channel_name: the third alternative finds its heading.
  headerName: at({ dm: 1, 'group-dm': 1, channel: 1, thread: 1, de: 1, later: 1 }),
  memberMention: at({ dm: 0, 'mention-typeahead': 0, 'mention-chip': 1, 'channel-mentions': 1 }),
  broadcastMention: at({ dm: 0, 'mention-chip': 0, 'channel-mentions': 1 }),
  // Open only while a mention is being typed; picking a name closes it.
  typeahead: at({ dm: 0, 'mention-typeahead': 1, 'mention-chip': 0, 'channel-mentions': 0 }),
  profilePane: at({ dm: 0, thread: 0, profile: 1 }),
  localTime: at({ dm: 0, profile: 1 }),
  profileName: at({ dm: 0, profile: 1 }),
} as const satisfies Record<keyof typeof SLACK, readonly SelectorExpectation<SlackReplicaState>[]>;

export const SLACK_UNDRAWN: readonly UndrawnAlternative<keyof typeof SLACK>[] = [
  {
    selector: 'memberMention',
    css: '[data-member-id]',
    // The replica's messages are plain text, and its composer writes <ts-mention data-id>.
    why: 'the member slugs of rendered messages (c-member_slug with data-member-id); the replica draws messages as plain text',
  },
];
