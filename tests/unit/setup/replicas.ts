/**
 * The site replicas (tests/fixtures/gmail/inbox.html, slack/client.html, docs/document.html) opened in
 * happy-dom with their scripts running, at the URLs the e2e suites serve them at (tests/fixtures/serve.mjs),
 * and driven the way a person would: real events (mousedown, mouseup, click, focus, input, keydown) on
 * controls found by what a person sees (a label, a text), never by the selectors under test.
 *
 * Each named state is defined once here; utils/sites/<site>/selector-counts.ts names them (the tables
 * below must cover every name) and says what each selector finds there. Adapter tests open the same
 * states (`openReplica('gmail', 'legacy')`) to read what a replica draws instead of hand-built DOM.
 *
 * Every replica runs on a fixed clock, Wednesday 15 April 2026 12:00 in the runner's own zone, so that
 * day-dependent drawing (Gmail's date grid, Slack's presets) is the same on every run. Timers run as in a
 * browser, except that Slack's 5-second clock redraw (setInterval) runs once at once and then stops, so
 * the page can settle. A replica that reports an error (a script exception) fails the open.
 *
 * Not a vitest setup file (vitest.config.ts does not list it): import it from a test.
 */
import { VirtualConsoleLogLevelEnum, Window, type ICanvasAdapter, type ICanvasRenderingContext2D } from 'happy-dom';
// @ts-expect-error plain ESM shared with the Firefox suite
import { FIXTURE_URLS, fixtureFor } from '../../fixtures/serve.mjs';
import type { DocsReplicaState } from '@/utils/sites/docs/selector-counts';
import type { GmailReplicaState } from '@/utils/sites/gmail/selector-counts';
import type { SlackReplicaState } from '@/utils/sites/slack/selector-counts';

export type ReplicaSite = 'gmail' | 'slack' | 'docs';

/** The named states of each site. */
export interface ReplicaStateNames {
  gmail: GmailReplicaState;
  slack: SlackReplicaState;
  docs: DocsReplicaState;
}

/** One entry of the replica's `window.__fixtureLog` (what the "site" did). */
export interface FixtureEntry {
  type: string;
  [key: string]: unknown;
}

export interface ReplicaStateDef {
  /** A path replacing the served URL's (Slack's conversations: '/client/T0TEST/C0TEST'). */
  readonly path?: string;
  /** The replica's query parameters (see the comment at the top of each replica). */
  readonly query?: Readonly<Record<string, string>>;
  /** What a person does once the page has loaded. */
  readonly drive?: (page: ReplicaPage) => void | Promise<void>;
}

const SERVED = {
  urls: FIXTURE_URLS as Record<ReplicaSite, string>,
  fixtureFor: fixtureFor as (url: string) => { body: string } | null,
};

/** The clock every replica runs on (local wall time, so the same day in every zone). */
export const REPLICA_CLOCK = { year: 2026, monthIndex: 3, day: 15, hour: 12 } as const;

/** Runs before the replica's own script: `new Date()` and `Date.now()` read the fixed clock. */
const CLOCK_SCRIPT = `<script>(() => {
  const Real = Date;
  const at = new Real(${REPLICA_CLOCK.year}, ${REPLICA_CLOCK.monthIndex}, ${REPLICA_CLOCK.day}, ${REPLICA_CLOCK.hour}, 0).getTime();
  class FixedClockDate extends Real {
    constructor(...args) { if (args.length === 0) super(at); else super(...args); }
    static now() { return at; }
  }
  Date = FixedClockDate;
})();</script>`;

/** A 2D context that draws nothing: the Docs replica paints its page on a canvas, which happy-dom lacks. */
function drawingThatDrawsNothing(): ICanvasRenderingContext2D {
  // Any method is a no-op returning empty text metrics (measureText is the only one whose result is read).
  const noop = () => ({ width: 0 });
  const context = new Proxy<Record<PropertyKey, unknown>>({}, { get: (target, key) => (key in target ? target[key] : noop) });
  return context as unknown as ICanvasRenderingContext2D;
}

const NO_CANVAS: ICanvasAdapter = {
  getContext: () => drawingThatDrawsNothing(),
  toDataURL: () => 'data:,',
  toBlob: (_caller, callback) => callback(null),
};

/** The page's own realm, typed as the DOM the extension's code sees. */
interface Realm {
  readonly document: Document;
  readonly location: Location;
  readonly MouseEvent: typeof MouseEvent;
  readonly KeyboardEvent: typeof KeyboardEvent;
  readonly InputEvent: typeof InputEvent;
  getSelection(): Selection | null;
  __fixtureLog?: FixtureEntry[];
}

const KEY_CODES: Readonly<Record<string, number>> = { Enter: 13, Escape: 27, Tab: 9, ' ': 32, ArrowDown: 40, ArrowUp: 38 };

/** One replica tab: its document, and what a person can do in it. */
export class ReplicaPage {
  readonly #realm: Realm;

  constructor(
    readonly site: ReplicaSite,
    /** The state's name, or 'custom' (for messages). */
    readonly state: string,
    /** happy-dom's window: close it with close(). */
    readonly window: Window,
  ) {
    this.#realm = window as unknown as Realm;
  }

  get document(): Document {
    return this.#realm.document;
  }

  get location(): Location {
    return this.#realm.location;
  }

  /** What the "site" did, in order (window.__fixtureLog). */
  log(): readonly FixtureEntry[] {
    return this.#realm.__fixtureLog ?? [];
  }

  /** Every element `css` finds, in document order. */
  $$(css: string, within: ParentNode = this.document): HTMLElement[] {
    return [...within.querySelectorAll<HTMLElement>(css)];
  }

  /** The first element `css` finds; a driving step that finds nothing fails, naming the state. */
  $(css: string, within: ParentNode = this.document): HTMLElement {
    const found = within.querySelector<HTMLElement>(css);
    if (!found) throw new Error(`${this.site} › ${this.state}: nothing matches ${css}`);
    return found;
  }

  /** The first element `css` finds whose text (trimmed) is `text`, or matches it. */
  byText(css: string, text: string | RegExp): HTMLElement {
    const found = this.$$(css).find((el) => {
      const shown = (el.textContent ?? '').trim();
      return typeof text === 'string' ? shown === text : text.test(shown);
    });
    if (!found) throw new Error(`${this.site} › ${this.state}: no ${css} reads ${String(text)}`);
    return found;
  }

  /** The first element labelled `label` (aria-label), optionally of one tag. */
  byLabel(label: string, tag = ''): HTMLElement {
    return this.$(`${tag}[aria-label=${JSON.stringify(label)}]`);
  }

  /** A left click as a person makes it: mousedown, mouseup, click (Gmail's menus and Docs' buttons act on the mouseup). */
  click(target: Element): void {
    const init: MouseEventInit = { bubbles: true, cancelable: true, composed: true, button: 0, buttons: 1 };
    target.dispatchEvent(new this.#realm.MouseEvent('mousedown', init));
    target.dispatchEvent(new this.#realm.MouseEvent('mouseup', { ...init, buttons: 0 }));
    target.dispatchEvent(new this.#realm.MouseEvent('click', { ...init, buttons: 0 }));
  }

  focus(target: HTMLElement): void {
    target.focus();
  }

  /**
   * Types `text` at the end of a field or an editor, with the caret after it, and fires one input event.
   * In an editor the text goes into its last paragraph (Slack's <p> lines), joining the text before it.
   */
  type(target: HTMLElement, text: string): void {
    this.focus(target);
    if (target.localName === 'input' || target.localName === 'textarea') {
      const field = target as HTMLInputElement | HTMLTextAreaElement;
      field.value += text;
      field.setSelectionRange(field.value.length, field.value.length);
    } else {
      const last = target.lastElementChild;
      const block = last && (last.localName === 'p' || last.localName === 'div') ? last : target;
      if (block.childNodes.length === 1 && block.firstChild?.nodeName === 'BR') block.firstChild.remove();
      const tail = block.lastChild;
      let node: Text;
      if (tail && tail.nodeType === tail.TEXT_NODE) {
        node = tail as Text;
        node.appendData(text);
      } else {
        node = this.document.createTextNode(text);
        block.append(node);
      }
      this.#realm.getSelection()?.collapse(node, node.data.length);
    }
    target.dispatchEvent(new this.#realm.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  }

  /** A key press: keydown, then keyup. */
  press(target: Element, key: string, init: KeyboardEventInit = {}): void {
    const full: KeyboardEventInit = { key, code: key === ' ' ? 'Space' : key, keyCode: KEY_CODES[key] ?? 0, bubbles: true, cancelable: true, composed: true, ...init };
    target.dispatchEvent(new this.#realm.KeyboardEvent('keydown', full));
    target.dispatchEvent(new this.#realm.KeyboardEvent('keyup', full));
  }

  /** Lets the page finish what it started (timers, focus moves) and fails on any error it reported. */
  async settle(): Promise<void> {
    await this.window.happyDOM.waitUntilComplete();
    const errors = this.window.happyDOM.virtualConsolePrinter.readAsString(VirtualConsoleLogLevelEnum.error);
    if (errors) throw new Error(`${this.site} › ${this.state}: the replica reported an error:\n${errors}`);
  }

  async close(): Promise<void> {
    await this.window.happyDOM.close();
  }
}

// ------------------------------------------------------------------------------------------------ Gmail

/** The steps to the "Pick date & time" picker, in the replica's English or German. */
function gmailToPicker(labels: { more: string; schedule: string; pick: string }) {
  return (p: ReplicaPage) => {
    p.click(p.byLabel(labels.more));
    p.click(p.byText('[role=menuitem]', labels.schedule));
    p.click(p.byText('[role=menuitem]', labels.pick));
  };
}
const GMAIL_EN = { more: 'More send options', schedule: 'Schedule send', pick: 'Pick date & time' };
const GMAIL_DE = { more: 'Weitere Sendeoptionen', schedule: 'Senden planen', pick: 'Datum und Uhrzeit auswählen' };

export const GMAIL_STATES = {
  inbox: { query: { composes: '0' } },
  compose: {
    query: { composes: '0' },
    drive: (p) => p.click(p.byText('[role=button]', /Compose$/)),
  },
  recipients: { query: { to: 'priya@example.com,bob@example.com', cc: 'kenji@example.jp', bcc: 'ana@example.es', toText: 'dana@example.org' } },
  suggestions: {
    query: { to: 'bob@example.com' },
    drive: (p) => p.type(p.byLabel('To recipients', 'input'), 'Pri'),
  },
  'two-composes': { query: { variant: 'two-composes' } },
  'inline-reply': { query: { variant: 'inline-reply' } },
  legacy: { query: { variant: 'legacy', to: 'priya@example.com', cc: 'Bob Chen <bob@example.com>', toText: 'fox@example.net' } },
  de: { query: { variant: 'de', to: 'priya@example.com' } },
  'schedule-menu': {
    query: { to: 'priya@example.com' },
    drive: (p) => p.click(p.byLabel(GMAIL_EN.more)),
  },
  'no-schedule-menu': {
    query: { variant: 'no-schedule', to: 'priya@example.com' },
    drive: (p) => p.click(p.byLabel(GMAIL_EN.more)),
  },
  'schedule-dialog': {
    query: { to: 'priya@example.com' },
    drive: (p) => {
      p.click(p.byLabel(GMAIL_EN.more));
      p.click(p.byText('[role=menuitem]', GMAIL_EN.schedule));
    },
  },
  'pick-date': { query: { date: 'grid', to: 'priya@example.com' }, drive: gmailToPicker(GMAIL_EN) },
  'pick-time-listbox': { query: { time: 'listbox', to: 'priya@example.com' }, drive: gmailToPicker(GMAIL_EN) },
  'de-pick-date': { query: { variant: 'de', date: 'grid', to: 'priya@example.com' }, drive: gmailToPicker(GMAIL_DE) },
  'send-refused': { drive: (p) => p.click(p.byText('[role=button]', 'Send')) },
  'bare-send': { query: { variant: 'bare-send' } },
  'no-send-button': { query: { variant: 'no-send-button' } },
} satisfies Record<GmailReplicaState, ReplicaStateDef>;

// ------------------------------------------------------------------------------------------------ Slack

const SLACK_CLIENT = '/client/T0TEST';

/** Types into a conversation's composer (found by its label, "Message Alice Example"). */
function slackWrite(p: ReplicaPage, composerLabel: string, text: string): HTMLElement {
  const editor = p.byLabel(composerLabel);
  p.click(editor);
  p.type(editor, text);
  return editor;
}

function slackOpenSendOptions(p: ReplicaPage): void {
  slackWrite(p, 'Message Alice Example', 'Running late');
  p.click(p.byLabel('Schedule for later'));
}

export const SLACK_STATES = {
  dm: { path: `${SLACK_CLIENT}/D0TEST` },
  'group-dm': { path: `${SLACK_CLIENT}/G0GROUP` },
  channel: { path: `${SLACK_CLIENT}/C0TEST` },
  thread: {
    path: `${SLACK_CLIENT}/C0TEST`,
    drive: (p) => p.click(p.byText('button', '2 replies')),
  },
  profile: {
    path: `${SLACK_CLIENT}/D0TEST`,
    drive: (p) => p.click(p.byText('.c-message__sender button', 'Alice Example')),
  },
  'send-options': { path: `${SLACK_CLIENT}/D0TEST`, drive: slackOpenSendOptions },
  'custom-time': {
    path: `${SLACK_CLIENT}/D0TEST`,
    drive: (p) => {
      slackOpenSendOptions(p);
      p.click(p.byText('[role=menuitem]', 'Custom time'));
    },
  },
  de: { path: `${SLACK_CLIENT}/D0TEST`, query: { lang: 'de' } },
  'mention-typeahead': {
    path: `${SLACK_CLIENT}/D0TEST`,
    drive: (p) => void slackWrite(p, 'Message Alice Example', 'Hi @ali'),
  },
  'mention-chip': {
    path: `${SLACK_CLIENT}/D0TEST`,
    drive: (p) => p.press(slackWrite(p, 'Message Alice Example', 'Hi @ali'), 'Enter'),
  },
  'channel-mentions': {
    path: `${SLACK_CLIENT}/C0TEST`,
    drive: (p) => {
      const editor = slackWrite(p, 'Message #general', 'Ping @bob');
      p.press(editor, 'Enter');
      p.type(editor, '@her');
      p.press(editor, 'Enter');
    },
  },
  edit: {
    path: `${SLACK_CLIENT}/D0TEST`,
    drive: (p) => p.click(p.byLabel('Edit message', 'button')),
  },
  later: { path: `${SLACK_CLIENT}/later` },
} satisfies Record<SlackReplicaState, ReplicaStateDef>;

// ------------------------------------------------------------------------------------------------ Docs

function docsNewComment(p: ReplicaPage): HTMLElement {
  p.click(p.byLabel('Add comment (Ctrl+Alt+M)'));
  return p.byLabel('Comment draft');
}

export const DOCS_STATES = {
  document: {},
  'new-comment': { drive: (p) => void docsNewComment(p) },
  'reply-box': {
    drive: (p) => {
      const reply = p.byLabel('Reply');
      p.click(reply);
      p.type(reply, 'Checked, they match.');
    },
  },
  'mention-chip': {
    drive: (p) => {
      const draft = docsNewComment(p);
      p.type(draft, 'Please check @pri');
      p.press(draft, 'Enter');
    },
  },
  'mention-text': {
    query: { mentions: 'text' },
    drive: (p) => {
      const draft = docsNewComment(p);
      p.type(draft, 'Please check @pri');
      p.press(draft, 'Enter');
    },
  },
  'posted-comment': {
    drive: (p) => {
      p.type(docsNewComment(p), 'Looks good');
      p.click(p.byLabel('Post Comment'));
    },
  },
  legacy: { query: { variant: 'legacy' } },
  'legacy-new-comment': {
    query: { variant: 'legacy' },
    drive: (p) => {
      const draft = docsNewComment(p);
      p.type(draft, 'Please look @fo');
      p.press(draft, 'Enter');
    },
  },
  'thread-replies': { query: { replies: '3' } },
  'thread-folded': { query: { replies: '3', fold: 'on' } },
} satisfies Record<DocsReplicaState, ReplicaStateDef>;

// ------------------------------------------------------------------------------------------------ opening

export const REPLICA_STATES: { readonly [S in ReplicaSite]: Readonly<Record<ReplicaStateNames[S], ReplicaStateDef>> } = {
  gmail: GMAIL_STATES,
  slack: SLACK_STATES,
  docs: DOCS_STATES,
};

/** The state names of a site, in the order they are defined above. */
export function replicaStateNames<S extends ReplicaSite>(site: S): Array<ReplicaStateNames[S]> {
  return Object.keys(REPLICA_STATES[site]) as Array<ReplicaStateNames[S]>;
}

/** The URL a state is served at: the e2e suites' URL for the site, with the state's path and query. */
export function replicaUrl(site: ReplicaSite, def: ReplicaStateDef): string {
  const url = new URL(SERVED.urls[site]);
  if (def.path) url.pathname = def.path;
  for (const [key, value] of Object.entries(def.query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * Opens a replica in a new happy-dom window, in a named state or a state given here, and drives it there.
 * Close it with `page.close()`.
 */
export async function openReplica<S extends ReplicaSite>(site: S, state: ReplicaStateNames[S] | ReplicaStateDef): Promise<ReplicaPage> {
  const table: Readonly<Record<string, ReplicaStateDef>> = REPLICA_STATES[site];
  const def = typeof state === 'string' ? table[state] : state;
  if (!def) throw new Error(`${site}: no replica state "${String(state)}"`);
  const url = replicaUrl(site, def);
  const served = SERVED.fixtureFor(url);
  if (!served) throw new Error(`${site}: serve.mjs serves nothing at ${url}`);
  if (!/<head>/i.test(served.body)) throw new Error(`${site}: the replica has no <head> for the clock`);

  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      canvasAdapter: NO_CANVAS,
      timer: { maxIntervalIterations: 0, maxIntervalTime: 0 },
    },
  });
  const page = new ReplicaPage(site, typeof state === 'string' ? state : 'custom', window);
  try {
    window.document.write(served.body.replace(/<head>/i, (head) => head + CLOCK_SCRIPT));
    await page.settle();
    if (def.drive) {
      await def.drive(page);
      await page.settle();
    }
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}

/** Opens every named state of a site (at once), keyed by name. */
export async function openReplicaStates<S extends ReplicaSite>(site: S): Promise<Map<ReplicaStateNames[S], ReplicaPage>> {
  const names = replicaStateNames(site);
  const settled = await Promise.allSettled(names.map((name) => openReplica(site, name)));
  const pages = new Map<ReplicaStateNames[S], ReplicaPage>();
  const failures: unknown[] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') pages.set(names[i]!, result.value);
    else failures.push(result.reason);
  });
  if (failures.length) {
    await closeReplicas(pages.values());
    throw new AggregateError(failures, `${site}: ${failures.length} replica state(s) failed to open: ${failures.map(String).join('; ')}`);
  }
  return pages;
}

export async function closeReplicas(pages: Iterable<ReplicaPage>): Promise<void> {
  await Promise.all([...pages].map((page) => page.close()));
}
