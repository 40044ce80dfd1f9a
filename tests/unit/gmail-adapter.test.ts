// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gmailAdapter } from '@/utils/sites/gmail';
import { gmailSelfIds, readGmailRecipients } from '@/utils/sites/gmail/recipients';
import { roundUpToQuarter } from '@/utils/sites/gmail/schedule';
import { sendTargetOf } from './helpers/send-target';

/*
 * Builds Gmail's DOM the way the replica (tests/fixtures/gmail/inbox.html) does and sites.md §1 / §6
 * documents: popup moles under `.dw .nH > .nH > .no`, the inline reply in `.ip.adB` under `.AO`, the
 * `.GS .anm[name=to|cc|bcc]` rows with a chip listbox and a peoplekit combobox, the legacy
 * `textarea.vO` rows, and the `.IZ .Up` send bar.
 */

type Lang = 'en' | 'es';
type Field = 'to' | 'cc' | 'bcc';
type Address = readonly [email: string, name?: string];

const LABELS = {
  en: { send: 'Send', sendAria: 'Send \u202a(Ctrl-Enter)\u202c', archive: 'Send + Archive', more: 'More send options', body: 'Message Body', title: 'Inbox - fixture@example.com - Gmail' },
  es: { send: 'Enviar', sendAria: 'Enviar \u202a(Ctrl-Enter)\u202c', archive: 'Enviar y archivar', more: 'Más opciones de envío', body: 'Cuerpo del mensaje', title: 'Recibidos - fixture@example.com - Gmail' },
} as const;

/** h('div.a.b', { attr: value }, [children]), like the replica's own helper (no HTML strings). */
function h(spec: string, attrs: Record<string, string> = {}, children: Array<Node | string> = []): HTMLElement {
  const [tag, ...classes] = spec.split('.');
  const node = document.createElement(tag || 'div');
  if (classes.length) node.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

interface Row {
  listbox: HTMLElement;
  input: HTMLInputElement;
}

interface LegacyRow {
  box: HTMLElement;
  textarea: HTMLTextAreaElement;
}

interface Compose {
  root: HTMLElement;
  body: HTMLElement;
  send: HTMLElement;
  archive: HTMLElement | null;
  more: HTMLElement;
  discard: HTMLElement;
  rows: Partial<Record<Field, Row>>;
  legacyRows: Partial<Record<Field, LegacyRow>>;
}

interface ComposeOptions {
  lang?: Lang;
  legacy?: boolean;
  to?: Address[];
  cc?: Address[];
  bcc?: Address[];
  toText?: string;
}

const FIELDS: readonly Field[] = ['to', 'cc', 'bcc'];

function chip(email: string, name: string): HTMLElement {
  return h('div.afV', { role: 'option', 'data-name': name, 'data-hovercard-id': email, 'aria-selected': 'false', tabindex: '-1', 'aria-label': name }, [
    h('div.akl', {}, [name]),
    h('div.afX', { role: 'button', tabindex: '-1', 'aria-label': `Remove ${name}` }, ['×']),
  ]);
}

function legacyChip(field: Field, email: string, name?: string): HTMLElement {
  const hidden = h('input', { type: 'hidden', name: field }) as HTMLInputElement;
  hidden.value = name ? `${name} <${email}>` : email;
  return h('div.vR', {}, [h('span.vN.bfK.a3q', { email, name: name ?? email }, [h('div.vT', {}, [name ?? email]), h('div.vM', { role: 'button' }, ['×'])]), hidden]);
}

function createCompose(kind: 'popup' | 'inline', options: ComposeOptions = {}): Compose {
  const L = LABELS[options.lang ?? 'en'];
  const rows: Compose['rows'] = {};
  const legacyRows: Compose['legacyRows'] = {};
  const form = h('form.bAs', { method: 'post' }, [
    h('input', { type: 'hidden', name: 'composeid', value: `compose-${kind}` }),
    h('input', { type: 'hidden', name: 'draft', value: 'undefined' }),
  ]);
  if (kind === 'inline') form.append(h('input', { type: 'hidden', name: 'subject', value: 'Re: Q4 planning notes' }));

  if (options.legacy) {
    const tbody = h('tbody');
    for (const field of FIELDS) {
      const textarea = h('textarea.vO', { name: field, rows: '1', 'aria-label': `${field} recipients` }) as HTMLTextAreaElement;
      const box = h('div.wO.nr.l1', {}, [textarea]);
      for (const [email, name] of options[field] ?? []) box.insertBefore(legacyChip(field, email, name), textarea);
      tbody.append(h('tr', {}, [h('td.eV', {}, [h('div.oL.aDm', {}, [field])]), h('td', {}, [box])]));
      legacyRows[field] = { box, textarea };
    }
    form.append(h('div.aoD.hl', {}, [h('table.GS', { role: 'presentation' }, [tbody])]));
  } else {
    const gs = h('div.GS');
    for (const field of FIELDS) {
      const listbox = h('div.afZ', { role: 'listbox', 'aria-orientation': 'horizontal', 'aria-multiselectable': 'true' });
      for (const [email, name] of options[field] ?? []) listbox.append(chip(email, name ?? email));
      const input = h('input.agP.aFw', {
        type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-haspopup': 'listbox', 'aria-expanded': 'false', 'peoplekit-id': 'BbVjBd', tabindex: '1',
      }) as HTMLInputElement;
      const row = h('div.anm.fX', { name: field }, [h('div.aGb', {}, [h('span.aBa', {}, [field])]), h('div.afW', {}, [listbox, input])]);
      gs.append(h('div.bzf', field === 'to' ? {} : { style: 'display:none' }, [row]));
      rows[field] = { listbox, input };
    }
    form.append(h('div.aoD.hl', {}, [gs]));
  }
  if (kind === 'popup') form.append(h('div.aoD.az6', {}, [h('input.aoT', { type: 'text', name: 'subjectbox', 'aria-label': 'Subject' })]));

  const body = h('div.Am.Al.editable.LW-avf.tS-tW', {
    role: 'textbox', 'aria-label': L.body, 'aria-multiline': 'true', g_editable: 'true', contenteditable: 'true', tabindex: '1',
  });

  const group = h('div.dC');
  const archive = kind === 'inline'
    ? h('div.T-I.J-J5-Ji.Uo.T-I-atl.L3', { role: 'button', tabindex: '0', 'aria-label': L.archive, 'data-tooltip': L.archive }, [h('span.asa', {}, ['⇥'])])
    : null;
  if (archive) group.append(archive);
  const send = h('div.T-I.J-J5-Ji.aoO.v7.T-I-atl.L3', { role: 'button', tabindex: '0', 'aria-label': L.sendAria, 'data-tooltip': L.sendAria }, [L.send]);
  const more = h('div.T-I.J-J5-Ji.hG.T-I-atl.L3', { role: 'button', tabindex: '0', 'aria-expanded': 'false', 'aria-haspopup': 'true', 'aria-label': L.more }, [
    h('div.G-asx.T-I-J3.J-J5-Ji'),
  ]);
  group.append(send, more);
  const discard = h('div.og.T-I-J3', { role: 'button', tabindex: '1', 'aria-label': 'Discard draft' }, [h('div.asE')]);
  const sendBar = h('table.IZ', { role: 'presentation' }, [h('tbody', {}, [h('tr.btC', {}, [
    h('td.gU.Up', {}, [h('div.J-J5-Ji.btA', {}, [group])]),
    h('td.gU.a0z', { 'aria-hidden': 'true' }, ['A B I U']),
    h('td.gU.az5', {}, [discard]),
  ])])]);

  const root = h('div.M9', {}, [h('div.aoI', {}, [form, h('div.iN', {}, [h('div.Ap', {}, [body])]), sendBar])]);
  if (options.toText !== undefined) {
    const to = options.legacy ? legacyRows.to?.textarea : rows.to?.input;
    if (to) to.value = options.toText;
  }
  return { root, body, send, archive, more, discard, rows, legacyRows };
}

interface Page {
  popups: Compose[];
  reply: Compose | null;
  search: HTMLInputElement;
  chat: HTMLElement;
  scheduleDialog: HTMLElement;
  scheduleButton: HTMLElement;
  decoy: HTMLElement;
}

/** The page around the composes: search, the chat box, the thread with its `.ip`, the moles, Gmail's dialogs. */
function buildPage(options: { popups?: ComposeOptions[]; reply?: ComposeOptions | null; lang?: Lang } = {}): Page {
  const lang = options.lang ?? 'en';
  document.documentElement.lang = lang;
  document.title = LABELS[lang].title;
  const search = h('input', { type: 'text', name: 'q', 'aria-label': 'Search mail' }) as HTMLInputElement;
  const chat = h('div', { contenteditable: 'true', role: 'textbox', 'aria-label': 'Chat message' });
  const replyCompose = options.reply ? createCompose('inline', { lang, ...options.reply }) : null;
  const ip = replyCompose
    ? h('div.ip.adB', {}, [h('div.gA.gt', {}, [replyCompose.root])])
    : h('div.ip.iq', {}, [h('div.amn', {}, [h('span.ams.bkH', { role: 'link', tabindex: '0' }, ['Reply'])])]);
  const popups = (options.popups ?? [{}]).map((o) => createCompose('popup', { lang, ...o }));
  const moles = h('div.no', {}, popups.map((c) => h('div.nH.nn', {}, [h('div.AD', {}, [h('div.nH.Hd', { role: 'dialog', 'aria-label': 'New Message' }, [c.root])])])));

  const scheduleButton = h('button.uW2Fw-LgbsSe.uW2Fw-LgbsSe-OWXEXe-k8QpJ', { type: 'button', 'aria-disabled': 'false' }, ['Schedule send']);
  const scheduleDialog = h('div.uW2Fw-P5QLlc', { role: 'dialog', 'aria-modal': 'true' }, [h('div.uW2Fw-bHj', {}, [
    h('div.aF0', {}, [h('input.aF2', { type: 'text', 'aria-label': 'Date' }), h('input.aF3', { type: 'text', 'aria-label': 'Time' })]),
    h('div.uW2Fw-IE', {}, [h('button.uW2Fw-LgbsSe', { type: 'button' }, ['Cancel']), scheduleButton]),
  ])]);
  const decoy = h('div.uW2Fw-P5QLlc', { role: 'dialog', 'aria-hidden': 'true', style: 'display:none' }, [
    h('button.uW2Fw-LgbsSe', { type: 'button' }, ['Save draft']),
  ]);

  document.body.append(
    decoy,
    h('div.nH.w-asV', {}, [
      h('header.gb', { role: 'banner' }, [h('form.aJf', { role: 'search' }, [search])]),
      h('div.nH.bkL', {}, [
        h('div.aeN.WR', { role: 'navigation' }, [h('div.ajl', { role: 'complementary' }, [chat])]),
        h('div.nH.bkK', {}, [h('div.nH.AO', { role: 'main' }, [h('div.nH.if', { role: 'list' }, [ip])])]),
      ]),
    ]),
    h('div.dw', {}, [h('div.nH', {}, [h('div.nH', {}, [moles])])]),
    h('div.uW2Fw-Sx', { role: 'presentation' }),
    scheduleDialog,
  );
  return { popups, reply: replyCompose, search, chat, scheduleDialog, scheduleButton, decoy };
}

/** What the guard sees: the event as a window capture listener gets it while it is dispatched on `target`. */
const judge = (target: Element, event: Event): HTMLElement | null => sendTargetOf(gmailAdapter, target, event);

const click = (): MouseEvent => new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
const key = (k: string, init: KeyboardEventInit = {}): KeyboardEvent =>
  new KeyboardEvent('keydown', { key: k, code: k === ' ' ? 'Space' : k, keyCode: k === 'Enter' ? 13 : k === ' ' ? 32 : 0, bubbles: true, cancelable: true, composed: true, ...init });

beforeEach(() => {
  document.body.replaceChildren();
  document.title = '';
});

describe('which composes are guarded', () => {
  it('finds the popup compose and the inline reply, and nothing else on the page', () => {
    const page = buildPage({ popups: [{}], reply: {} });
    const found = gmailAdapter.findComposers(document);
    expect(found).toHaveLength(2);
    expect(found).toContain(page.popups[0]!.root);
    expect(found).toContain(page.reply!.root);
  });

  it('finds every compose when several are open at once', () => {
    const page = buildPage({ popups: [{}, {}], reply: {} });
    const found = gmailAdapter.findComposers(document);
    expect(found).toHaveLength(3);
    for (const c of [...page.popups, page.reply!]) expect(found).toContain(c.root);
  });

  it('a compose root Gmail has emptied (no editable body) is not a compose', () => {
    const page = buildPage({ popups: [{}, {}] });
    page.popups[1]!.root.replaceChildren(h('div.aaZ'));
    const found = gmailAdapter.findComposers(document);
    expect(found).toHaveLength(1);
    expect(found[0]).toBe(page.popups[0]!.root);
    expect(gmailAdapter.composerOf(page.popups[1]!.root)).toBeNull();
  });

  it('anything inside a compose (body text, the To field, the send bar) belongs to that compose', () => {
    const page = buildPage({ popups: [{}], reply: {} });
    const popup = page.popups[0]!;
    popup.body.append('Hello there');
    expect(gmailAdapter.composerOf(popup.body.firstChild!)).toBe(popup.root);
    expect(gmailAdapter.composerOf(popup.rows.to!.input)).toBe(popup.root);
    expect(gmailAdapter.composerOf(popup.send)).toBe(popup.root);
    expect(gmailAdapter.composerOf(page.reply!.body)).toBe(page.reply!.root);
  });

  it('the search box, the chat box and Gmail\u2019s own dialogs are not composes', () => {
    const page = buildPage({ popups: [{}] });
    expect(gmailAdapter.composerOf(page.search)).toBeNull();
    expect(gmailAdapter.composerOf(page.chat)).toBeNull();
    expect(gmailAdapter.composerOf(page.scheduleButton)).toBeNull();
    expect(gmailAdapter.composerOf(page.decoy)).toBeNull();
    // The mole's own dialog frame (title bar) is not the compose root either.
    expect(gmailAdapter.composerOf(page.popups[0]!.root.parentElement!)).toBeNull();
  });
});

describe('what counts as sending', () => {
  it('a click on Send (or on Send + Archive in a reply) is a send of that compose', () => {
    const page = buildPage({ popups: [{}], reply: {} });
    const popup = page.popups[0]!;
    const reply = page.reply!;
    expect(judge(popup.send, click())).toBe(popup.root);
    expect(judge(reply.send, click())).toBe(reply.root);
    expect(judge(reply.archive!.firstElementChild!, click())).toBe(reply.root);
  });

  it('a click on a Send button Gmail has disabled sends nothing, so it is not held', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    popup.send.setAttribute('aria-disabled', 'true');
    expect(judge(popup.send, click())).toBeNull();
    expect(judge(popup.send, key('Enter'))).toBeNull();
  });

  it('Ctrl+Enter or Cmd+Enter in the body, or in the To field, sends', () => {
    const page = buildPage({ popups: [{}] });
    const popup = page.popups[0]!;
    expect(judge(popup.body, key('Enter', { ctrlKey: true }))).toBe(popup.root);
    expect(judge(popup.body, key('Enter', { metaKey: true }))).toBe(popup.root);
    expect(judge(popup.rows.to!.input, key('Enter', { ctrlKey: true }))).toBe(popup.root);
  });

  it('Enter or Space on a focused Send button sends', () => {
    const page = buildPage({ popups: [{}], reply: {} });
    const popup = page.popups[0]!;
    expect(judge(popup.send, key('Enter'))).toBe(popup.root);
    expect(judge(popup.send, key(' '))).toBe(popup.root);
    expect(judge(page.reply!.archive!, key('Enter'))).toBe(page.reply!.root);
  });

  it('typing in the body is not sending: plain Enter, Shift+Enter, Space, Ctrl+Shift+Enter, Ctrl+Alt+Enter', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    expect(judge(popup.body, key('Enter'))).toBeNull();
    expect(judge(popup.body, key('Enter', { shiftKey: true }))).toBeNull();
    expect(judge(popup.body, key(' '))).toBeNull();
    expect(judge(popup.body, key('Enter', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(judge(popup.body, key('Enter', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(judge(popup.body, key('s', { ctrlKey: true }))).toBeNull();
  });

  it('Enter that confirms an IME composition is never a send, even with Ctrl or on Send', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    expect(judge(popup.body, key('Enter', { ctrlKey: true, isComposing: true }))).toBeNull();
    expect(judge(popup.send, key('Enter', { isComposing: true }))).toBeNull();
    // The same key without the composition does send: the flag alone made the difference.
    expect(judge(popup.body, key('Enter', { ctrlKey: true }))).toBe(popup.root);
  });

  it('clicks elsewhere are not sends: More send options, Discard, the body, a chip\u2019s remove button, the picker\u2019s Schedule send', () => {
    const page = buildPage({ popups: [{ to: [['priya@example.com', 'Priya Raman']] }] });
    const popup = page.popups[0]!;
    expect(judge(popup.more, click())).toBeNull();
    expect(judge(popup.more.firstElementChild!, click())).toBeNull();
    expect(judge(popup.discard, click())).toBeNull();
    expect(judge(popup.body, click())).toBeNull();
    expect(judge(popup.rows.to!.listbox.querySelector('.afX')!, click())).toBeNull();
    expect(judge(page.scheduleButton, click())).toBeNull();
  });

  it('Enter on More send options opens the menu, it does not send', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    expect(judge(popup.more, key('Enter'))).toBeNull();
    expect(judge(popup.more, key(' '))).toBeNull();
  });

  it('Ctrl+Enter outside any compose (search box, chat) is left alone', () => {
    const page = buildPage({ popups: [{}] });
    expect(judge(page.search, key('Enter', { ctrlKey: true }))).toBeNull();
    expect(judge(page.chat, key('Enter', { ctrlKey: true }))).toBeNull();
  });

  it('with two composes open, the send is attributed to the one it happened in', () => {
    const page = buildPage({ popups: [{}, {}] });
    const [first, second] = page.popups as [Compose, Compose];
    expect(judge(second.send, click())).toBe(second.root);
    expect(judge(second.body, key('Enter', { ctrlKey: true }))).toBe(second.root);
    expect(judge(first.send, click())).toBe(first.root);
  });

  it('the Spanish UI is recognised by structure alone (no English label is needed)', () => {
    const page = buildPage({ lang: 'es', popups: [{ to: [['ana@example.es', 'Ana García']] }], reply: {} });
    const popup = page.popups[0]!;
    expect(gmailAdapter.findComposers(document)).toHaveLength(2);
    expect(judge(popup.send, click())).toBe(popup.root);
    expect(judge(page.reply!.archive!, click())).toBe(page.reply!.root);
    expect(judge(popup.body, key('Enter', { ctrlKey: true }))).toBe(popup.root);
    expect(judge(popup.more, click())).toBeNull();
    expect(readGmailRecipients(popup.root)).toEqual([{ email: 'ana@example.es', name: 'Ana García' }]);
  });

  it('listens to exactly the events Gmail sends on', () => {
    expect([...gmailAdapter.sendEvents].sort()).toEqual(['click', 'keydown']);
  });
});

describe('who a compose reaches', () => {
  it('reads To, Cc and Bcc chips with their address and name, in that order', () => {
    const popup = buildPage({
      popups: [{
        to: [['priya@example.com', 'Priya Raman'], ['bob@example.com', 'Bob Chen']],
        cc: [['kenji@example.jp', 'Kenji Sato']],
        bcc: [['ana@example.es', 'Ana García']],
      }],
    }).popups[0]!;
    expect(readGmailRecipients(popup.root)).toEqual([
      { email: 'priya@example.com', name: 'Priya Raman' },
      { email: 'bob@example.com', name: 'Bob Chen' },
      { email: 'kenji@example.jp', name: 'Kenji Sato' },
      { email: 'ana@example.es', name: 'Ana García' },
    ]);
  });

  it('an address typed but not yet turned into a chip still counts', () => {
    const popup = buildPage({ popups: [{ to: [['priya@example.com', 'Priya Raman']], toText: 'Dana <Dana@Example.org>, fox@example.net' }] }).popups[0]!;
    popup.rows.cc!.input.value = 'kenji@example.jp';
    expect(readGmailRecipients(popup.root)).toEqual([
      { email: 'priya@example.com', name: 'Priya Raman' },
      { email: 'dana@example.org' },
      { email: 'fox@example.net' },
      { email: 'kenji@example.jp' },
    ]);
  });

  it('half-typed text that is no address yet adds no one', () => {
    const popup = buildPage({ popups: [{ toText: 'Priya' }] }).popups[0]!;
    expect(readGmailRecipients(popup.root)).toEqual([]);
  });

  it('addresses are compared without case: one person in To, Cc and typed again reads as one address', () => {
    const popup = buildPage({
      popups: [{ to: [['Priya@Example.com', 'Priya Raman']], cc: [['priya@example.com', 'Priya Raman']], toText: 'PRIYA@EXAMPLE.COM' }],
    }).popups[0]!;
    const refs = readGmailRecipients(popup.root);
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs.map((r) => r.email))).toEqual(new Set(['priya@example.com']));
  });

  it('reads the inline reply\u2019s own recipients, not the popup\u2019s', () => {
    const page = buildPage({ popups: [{ to: [['bob@example.com', 'Bob Chen']] }], reply: { to: [['priya@example.com', 'Priya Raman']] } });
    expect(readGmailRecipients(page.reply!.root)).toEqual([{ email: 'priya@example.com', name: 'Priya Raman' }]);
    expect(readGmailRecipients(page.popups[0]!.root)).toEqual([{ email: 'bob@example.com', name: 'Bob Chen' }]);
  });

  it('contact suggestions shown while typing are not recipients', () => {
    const popup = buildPage({ popups: [{ to: [['bob@example.com', 'Bob Chen']], toText: 'Pri' }] }).popups[0]!;
    // The replica renders suggestions in the compose but outside the rows, as options with the same attributes as chips.
    popup.root.append(h('div.aXjCH', { role: 'presentation' }, [h('div', { role: 'listbox', 'aria-label': 'Suggestions' }, [
      h('div.XsqX', { role: 'option', 'data-name': 'Priya Raman', 'data-hovercard-id': 'priya@example.com' }, [h('div.aAh', {}, ['Priya Raman'])]),
    ])]));
    expect(readGmailRecipients(popup.root)).toEqual([{ email: 'bob@example.com', name: 'Bob Chen' }]);
  });

  it('a hostile display name comes back as the plain text it is, and adds no address', () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> ceo@evil.example';
    const popup = buildPage({ popups: [{ to: [['bob@example.com', hostile]] }] }).popups[0]!;
    const before = document.title;
    expect(readGmailRecipients(popup.root)).toEqual([{ email: 'bob@example.com', name: hostile }]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.title).toBe(before);
  });

  it('a compose with no recipients reaches no one', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    expect(readGmailRecipients(popup.root)).toEqual([]);
  });

  it('the legacy recipient UI (before Oct 2021): hidden "Name <email>" chips and typed textarea text', () => {
    const popup = buildPage({
      popups: [{ legacy: true, to: [['priya@example.com', 'Priya Raman']], cc: [['kenji@example.jp', 'Kenji Sato']], toText: 'Bob <BOB@example.com>, fox@example.net' }],
    }).popups[0]!;
    const found = gmailAdapter.findComposers(document);
    expect(found).toHaveLength(1);
    expect(found[0]).toBe(popup.root);
    expect(readGmailRecipients(popup.root)).toEqual([
      { email: 'priya@example.com', name: 'Priya Raman' },
      { email: 'bob@example.com' },
      { email: 'fox@example.net' },
      { email: 'kenji@example.jp', name: 'Kenji Sato' },
    ]);
  });

  it('a legacy chip names one address: an address inside the name, quotes or markup do not add or rename anyone', () => {
    const popup = buildPage({ popups: [{ legacy: true }] }).popups[0]!;
    const box = popup.legacyRows.to!.box;
    const hidden = (value: string): HTMLElement => {
      const input = h('input', { type: 'hidden', name: 'to' }) as HTMLInputElement;
      input.value = value;
      return h('div.vR', {}, [input]);
    };
    box.insertBefore(hidden('Support (help@acme.example) <support@acme.example>'), popup.legacyRows.to!.textarea);
    box.insertBefore(hidden('<img src=x onerror=alert(1)> <bob@example.com>'), popup.legacyRows.to!.textarea);
    box.insertBefore(hidden('"Chen, Bob" <bob2@example.com>'), popup.legacyRows.to!.textarea);
    box.insertBefore(hidden('kenji@example.jp'), popup.legacyRows.to!.textarea);
    expect(readGmailRecipients(popup.root)).toEqual([
      { email: 'support@acme.example', name: 'Support (help@acme.example)' },
      { email: 'bob@example.com', name: '<img src=x onerror=alert(1)>' },
      { email: 'bob2@example.com', name: 'Chen, Bob' },
      { email: 'kenji@example.jp' },
    ]);
  });

  it('the legacy UI\u2019s Bcc is read too', () => {
    const popup = buildPage({ popups: [{ legacy: true, bcc: [['ana@example.es', 'Ana García']] }] }).popups[0]!;
    popup.legacyRows.bcc!.textarea.value = 'kenji@example.jp';
    expect(readGmailRecipients(popup.root)).toEqual([{ email: 'ana@example.es', name: 'Ana García' }, { email: 'kenji@example.jp' }]);
  });
});

describe('the signed-in user', () => {
  it('is read from the tab title Gmail keeps', () => {
    document.title = 'Inbox - fixture@example.com - Gmail';
    expect(gmailSelfIds(document)).toEqual(['fixture@example.com']);
  });

  it('in other UI languages, with an unread count, and in any case', () => {
    document.title = 'Recibidos (3) - Fixture@Example.com - Gmail';
    expect(gmailSelfIds(document)).toEqual(['fixture@example.com']);
  });

  it('an address in the subject of an open conversation is not the user', () => {
    document.title = 'Invoice from billing@acme.example - me@example.com - Gmail';
    expect(gmailSelfIds(document)).toEqual(['me@example.com']);
  });

  it('no address in the title (still loading) means no self address', () => {
    document.title = 'Gmail';
    expect(gmailSelfIds(document)).toEqual([]);
  });

  it('is what the adapter reports as self', () => {
    document.title = 'Inbox - me@example.org - Gmail';
    expect(gmailAdapter.selfIds(document)).toEqual(['me@example.org']);
  });
});

describe('Gmail\u2019s 15-minute schedule step', () => {
  const at = (hh: number, mm: number, ss = 0, ms = 0) => new Date(Date.UTC(2026, 10, 26, hh, mm, ss, ms));

  it('a time exactly on a quarter hour stays as it is', () => {
    for (const t of [at(10, 0), at(10, 15), at(10, 30), at(10, 45), at(0, 0)]) expect(roundUpToQuarter(t).getTime()).toBe(t.getTime());
  });

  it('any later time goes up to the next quarter, never down', () => {
    expect(roundUpToQuarter(at(10, 1)).getTime()).toBe(at(10, 15).getTime());
    expect(roundUpToQuarter(at(10, 14, 59, 999)).getTime()).toBe(at(10, 15).getTime());
    expect(roundUpToQuarter(at(10, 44)).getTime()).toBe(at(10, 45).getTime());
    expect(roundUpToQuarter(at(23, 50)).getTime()).toBe(at(24, 0).getTime());
  });

  it('seconds and milliseconds past a quarter count: 10:15:00.001 and 10:15:30 become 10:30', () => {
    expect(roundUpToQuarter(at(10, 15, 0, 1)).getTime()).toBe(at(10, 30).getTime());
    expect(roundUpToQuarter(at(10, 15, 30)).getTime()).toBe(at(10, 30).getTime());
  });

  it('the adapter declares that step to the guard', () => {
    expect(gmailAdapter.scheduleStepMinutes).toBe(15);
  });
});

describe('the body and inserted text', () => {
  /** happy-dom has no execCommand: this one does what a browser's insertText does (a text node at the selection). */
  function fakeExecCommand() {
    const exec = vi.fn((command: string, _showUi?: boolean, value?: string): boolean => {
      if (command !== 'insertText' || value === undefined) return false;
      const selection = document.getSelection();
      if (!selection?.rangeCount) return false;
      const range = selection.getRangeAt(0);
      range.deleteContents();
      const text = document.createTextNode(value);
      range.insertNode(text);
      range.setStartAfter(text);
      range.collapse(true);
      return true;
    });
    Object.defineProperty(document, 'execCommand', { configurable: true, writable: true, value: exec });
    return exec;
  }

  afterEach(() => {
    Reflect.deleteProperty(document, 'execCommand');
  });

  it('the body is the compose\u2019s editable message body, not another editable', () => {
    const page = buildPage({ popups: [{}], reply: {} });
    expect(gmailAdapter.body(page.popups[0]!.root)).toBe(page.popups[0]!.body);
    expect(gmailAdapter.body(page.reply!.root)).toBe(page.reply!.body);
  });

  it('a template is inserted as text, never as HTML: markup stays visible characters', () => {
    const exec = fakeExecCommand();
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    popup.body.append('Hi Priya,');
    const hostile = ' <img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
    expect(gmailAdapter.insertText(popup.root, hostile)).toBe(true);
    expect(exec).toHaveBeenCalledWith('insertText', false, hostile);
    expect(exec.mock.calls.every(([command]) => command === 'insertText')).toBe(true);
    expect(popup.body.querySelector('img, b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(popup.body.textContent).toBe(`Hi Priya,${hostile}`);
  });

  it('without a remembered caret, the text goes at the end of the body', () => {
    fakeExecCommand();
    const page = buildPage({ popups: [{}] });
    const popup = page.popups[0]!;
    popup.body.append('First line', h('br'), 'Second line');
    page.search.focus();
    expect(gmailAdapter.insertText(popup.root, ' (sent from the train)')).toBe(true);
    expect(popup.body.textContent).toBe('First lineSecond line (sent from the train)');
  });

  it('goes where the user left the caret, even after focus moved elsewhere', () => {
    fakeExecCommand();
    const page = buildPage({ popups: [{}] });
    const popup = page.popups[0]!;
    const controller = new AbortController();
    gmailAdapter.bind?.(popup.root, controller.signal);
    const text = document.createTextNode('Hello world');
    popup.body.append(text);
    popup.body.focus();
    const caret = document.createRange();
    caret.setStart(text, 5);
    caret.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(caret);
    popup.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowLeft', bubbles: true }));
    // The user then clicks into the search box.
    page.search.focus();
    const elsewhere = document.createRange();
    elsewhere.selectNodeContents(page.search.parentElement!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(elsewhere);

    expect(gmailAdapter.insertText(popup.root, ', dear')).toBe(true);
    expect(popup.body.textContent).toBe('Hello, dear world');
    controller.abort();
  });

  it('asks Gmail to save the draft with a keypress one task later, not during the insertion', async () => {
    fakeExecCommand();
    const reply = buildPage({ popups: [], reply: {} }).reply!;
    const keypresses: KeyboardEvent[] = [];
    reply.body.addEventListener('keypress', (e) => keypresses.push(e));
    gmailAdapter.insertText(reply.root, 'Thanks!');
    // Synchronously on a fresh inline reply, Gmail would type "¾" (sites.md §1.6).
    expect(keypresses).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(keypresses).toHaveLength(1);
    expect(keypresses[0]!.keyCode).toBe(190);
    expect(keypresses[0]!.bubbles).toBe(true);
  });

  it('a compose whose body is gone takes no text and reports it', () => {
    const exec = fakeExecCommand();
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    popup.body.remove();
    expect(gmailAdapter.body(popup.root)).toBeNull();
    expect(gmailAdapter.insertText(popup.root, 'Hi')).toBe(false);
    expect(exec).not.toHaveBeenCalled();
  });
});

describe('re-sending and placing our controls', () => {
  it('Send now presses the Send button that is there at that moment (Gmail re-renders the bar)', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    const fresh = popup.send.cloneNode(true) as HTMLElement;
    popup.send.replaceWith(fresh);
    const stale: string[] = [];
    const pressed: string[] = [];
    popup.send.addEventListener('click', (e) => stale.push(e.type));
    for (const type of ['mousedown', 'mouseup', 'click']) fresh.addEventListener(type, (e) => pressed.push(e.type));
    expect(gmailAdapter.resend(popup.root)).toBe(true);
    expect(pressed).toEqual(['mousedown', 'mouseup', 'click']);
    expect(stale).toEqual([]);
  });

  it('Send now never presses More send options or Send + Archive', () => {
    const reply = buildPage({ popups: [], reply: {} }).reply!;
    const wrong: string[] = [];
    const right: string[] = [];
    for (const other of [reply.more, reply.archive!]) other.addEventListener('click', () => wrong.push(other.className));
    reply.send.addEventListener('click', () => right.push('send'));
    expect(gmailAdapter.resend(reply.root)).toBe(true);
    expect(right).toEqual(['send']);
    expect(wrong).toEqual([]);
  });

  it('with no recognisable Send button, Send now falls back to Ctrl+Enter in the body', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    popup.send.remove();
    const keys: KeyboardEvent[] = [];
    popup.body.addEventListener('keydown', (e) => keys.push(e));
    expect(gmailAdapter.resend(popup.root)).toBe(true);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.key).toBe('Enter');
    expect(keys[0]!.ctrlKey).toBe(true);
  });

  it('the template button goes after the send group, the note after the body area', () => {
    const popup = buildPage({ popups: [{}] }).popups[0]!;
    const toolbar = gmailAdapter.toolbarPlacement(popup.root);
    const note = gmailAdapter.notePlacement(popup.root);
    expect(toolbar?.element).toBe(popup.more.parentElement);
    expect(toolbar?.where).toBe('after');
    expect(note?.element).toBe(popup.body.parentElement);
    expect(note?.element.className).toBe('Ap');
    expect(note?.where).toBe('after');
  });
});
