// @vitest-environment happy-dom
/**
 * The Slack adapter read against the replica (tests/fixtures/slack/client.html, its script running) instead
 * of hand-built DOM: cases of slack-adapter.test.ts ("who a Slack message reaches", "which inputs are
 * composers", "what is a send") in the states the replica draws (tests/unit/setup/replicas.ts). Each
 * state is opened once for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackAdapter } from '@/utils/sites/slack';
import { readSlackRecipients } from '@/utils/sites/slack/recipients';
import { closeReplicas, openReplica, type ReplicaPage, type ReplicaStateDef } from './setup/replicas';

const CUSTOM = {
  /** The DM with Alice, "Looping in @chen" typed and Chen picked from the list. */
  'dm-mentions-chen': {
    path: '/client/T0TEST/D0TEST',
    drive: (p) => {
      const editor = p.byLabel('Message Alice Example');
      p.type(editor, 'Looping in @chen');
      p.press(editor, 'Enter');
    },
  },
  /** #general with its thread open: Bob mentioned in the channel's draft, Chen in the thread reply. */
  'thread-and-channel-drafts': {
    path: '/client/T0TEST/C0TEST',
    drive: (p) => {
      p.click(p.byText('button', '2 replies'));
      const channel = p.byLabel('Message #general');
      p.type(channel, 'Ping @bob');
      p.press(channel, 'Enter');
      const thread = p.byLabel('Reply to thread');
      p.type(thread, 'Thanks @chen');
      p.press(thread, 'Enter');
    },
  },
} satisfies Record<string, ReplicaStateDef>;

const NAMED = ['dm', 'group-dm', 'channel', 'channel-mentions', 'mention-typeahead', 'edit', 'custom-time', 'later'] as const;
type Named = (typeof NAMED)[number] | keyof typeof CUSTOM;

const pages = new Map<Named, ReplicaPage>();
const page = (state: Named): ReplicaPage => pages.get(state)!;

beforeAll(async () => {
  const opened = await Promise.all([
    ...NAMED.map(async (state) => [state, await openReplica('slack', state)] as const),
    ...Object.entries(CUSTOM).map(async ([state, def]) => [state as keyof typeof CUSTOM, await openReplica('slack', def)] as const),
  ]);
  for (const [state, p] of opened) pages.set(state, p);
});

afterAll(() => closeReplicas(pages.values()));

function composers(state: Named): HTMLElement[] {
  return slackAdapter.findComposers(page(state).document);
}

function recipients(state: Named, composer = composers(state)[0]!) {
  return readSlackRecipients(composer, page(state).document, page(state).location);
}

/** What `sendTarget` says of a key press on `target`, read at the page's window (and stopped there, as a held send is). */
function judgeKey(target: Element, key: string, init: KeyboardEventInit = {}): HTMLElement | null {
  const view = target.ownerDocument.defaultView!;
  const event = new view.KeyboardEvent('keydown', { key, keyCode: key === 'Enter' ? 13 : 0, bubbles: true, cancelable: true, composed: true, ...init });
  let seen: HTMLElement | null | undefined;
  const listener = (e: Event): void => {
    seen = slackAdapter.sendTarget(e);
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  view.addEventListener('keydown', listener, { capture: true });
  try {
    target.dispatchEvent(event);
  } finally {
    view.removeEventListener('keydown', listener, { capture: true });
  }
  if (seen === undefined) throw new Error('the keydown never reached the window');
  return seen;
}

describe('who a Slack message reaches (replica)', () => {
  it('a DM reaches its partner, named by the header and identified by her messages', () => {
    expect(recipients('dm')).toEqual([{ name: 'Alice Example', slackId: 'U0ALICE' }]);
  });

  it('a DM adds anyone mentioned in the draft after the partner', () => {
    expect(recipients('dm-mentions-chen')).toEqual([
      { name: 'Alice Example', slackId: 'U0ALICE' },
      { slackId: 'U0CHEN', name: 'Chen Wei' },
    ]);
  });

  it('a group DM reaches every member listed in its header, in header order', () => {
    expect(recipients('group-dm')).toEqual([
      { name: 'Alice Example', slackId: 'U0ALICE' },
      { name: 'Bob Builder', slackId: 'U0BOB' },
      { name: 'Chen Wei', slackId: 'U0CHEN' },
    ]);
  });

  it('a channel message without mentions reaches no one in particular, not the people who wrote there', () => {
    expect(recipients('channel')).toEqual([]);
  });

  it('a channel message reaches the member it mentions; an @here broadcast is no member', () => {
    expect(recipients('channel-mentions')).toEqual([{ slackId: 'U0BOB', name: 'Bob Builder' }]);
  });

  it('a thread reply reaches whom the reply mentions, not whom the channel draft mentions', () => {
    const [channel, thread] = composers('thread-and-channel-drafts');
    expect(thread!.closest('[data-qa="threads_flexpane"]')).not.toBeNull();
    expect(recipients('thread-and-channel-drafts', thread)).toEqual([{ slackId: 'U0CHEN', name: 'Chen Wei' }]);
    expect(recipients('thread-and-channel-drafts', channel)).toEqual([{ slackId: 'U0BOB', name: 'Bob Builder' }]);
  });
});

describe('which inputs are composers (replica)', () => {
  it('the conversation\u2019s composer, and the thread pane\u2019s too; not the search box', () => {
    expect(composers('dm')).toHaveLength(1);
    expect(composers('thread-and-channel-drafts')).toHaveLength(2);
    expect(composers('later')).toEqual([]);
  });

  it('an edit in place is not a composer, nor is the Schedule message dialog', () => {
    expect(composers('edit')).toHaveLength(1);
    expect(composers('edit')[0]!.querySelector('[data-qa="message_editor"]')).toBeNull();
    expect(composers('custom-time')).toHaveLength(1);
  });
});

describe('what is a send (replica)', () => {
  it('Enter in a composer with a draft sends from it; Shift+Enter does not', () => {
    const [composer] = composers('dm-mentions-chen');
    const editor = slackAdapter.body(composer!)!;
    expect(judgeKey(editor, 'Enter')).toBe(composer);
    expect(judgeKey(editor, 'Enter', { shiftKey: true })).toBeNull();
  });

  it('Enter while the @-mention list is open picks a name: no send', () => {
    const [composer] = composers('mention-typeahead');
    expect(judgeKey(slackAdapter.body(composer!)!, 'Enter')).toBeNull();
  });

  it('Enter in an empty composer is not a send', () => {
    const [composer] = composers('dm');
    expect(judgeKey(slackAdapter.body(composer!)!, 'Enter')).toBeNull();
  });
});
