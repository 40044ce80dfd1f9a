/**
 * Abuse suite (issue 9): the page around our content scripts is hostile ground. A web page gets
 * nothing from the extension; malformed messages and settings files are refused with nothing
 * changed; names and template text with HTML in them stay text; no request leaves the machine; no
 * message text is stored. (The zero-request and no-stored-text checks also run after EVERY e2e
 * test, in harness.ts; the tests here prove those checks can see what they look for.)
 */
import { EVENTUALLY, test, expect, storedText, strayRequests, type Harness } from './harness';
import { openGmail } from './pages/gmail';
import { importSettingsFile, openOptions } from './pages/options';
import { openSlack } from './pages/slack';
import { everyDayFromNow, sampleSettings, scene } from './settings-file';

const PRIYA = 'priya@example.com';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
/** As a display name: one word, since the dialog names people by their first word. */
const HOSTILE_NAME = '<img/src=x/onerror=window.__pwned=1>';

type Answer = { res?: unknown; err?: { message?: string } };

/** A page of the extension's origin that runs none of its code: a clean place to talk to the worker. */
async function extensionOrigin(harness: Harness) {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
  return page;
}

/** Raw messages in @webext-core/messaging's wire format, answered or refused by the worker. */
async function send(harness: Harness, messages: unknown[]): Promise<Answer[]> {
  const page = await extensionOrigin(harness);
  const answers = await page.evaluate(async (list) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void; lastError?: { message?: string } } } }).chrome.runtime;
    const out: Array<{ res?: unknown; err?: { message?: string } }> = [];
    for (const message of list) {
      out.push(
        await new Promise((resolve) => {
          runtime.sendMessage(message, (response) => {
            resolve(runtime.lastError ? { err: { message: runtime.lastError.message } } : ((response ?? { err: { message: 'no answer' } }) as Answer));
          });
        }),
      );
    }
    return out;
  }, messages);
  await page.close();
  return answers;
}

const message = (type: string, data?: unknown) => ({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });

/** Everything a refusal must leave alone: the settings file, the directory and the event log. */
async function state(harness: Harness) {
  const [settings, events] = await send(harness, [message('getSettings'), message('listEvents', { offset: 0, limit: 500 })]);
  return { settings: settings!.res, events: events!.res };
}

test.describe('a web page', () => {
  test('has no way to the worker: no chrome.runtime, and posted messages in our shapes change nothing', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const before = await state(harness);
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Abuse page message body' });
    const revision = await gmail.page.locator('html').getAttribute('data-async-etiquette-revision');

    const reach = await gmail.page.evaluate(() => {
      const chrome = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      return { sendMessage: typeof chrome?.runtime?.sendMessage, connect: typeof chrome?.runtime?.connect };
    });
    expect(reach).toEqual({ sendMessage: 'undefined', connect: 'undefined' });

    const evil = JSON.stringify({ ...sampleSettings(), sites: { gmail: 'off', slack: 'off', docs: 'off' } });
    await gmail.page.evaluate((text) => {
      const shapes = [
        { id: 1, type: 'importSettings', data: { text }, timestamp: Date.now() },
        { id: 2, type: 'updateSettings', data: { sites: { gmail: 'off' } }, timestamp: Date.now() },
        { id: 3, type: 'resetSettings', data: { history: true }, timestamp: Date.now() },
        { id: 4, type: 'setPause', data: { kind: 'hour' }, timestamp: Date.now() },
        { id: 5, type: 'recordEvent', data: { at: Date.now(), site: 'gmail', verdict: 'fine', action: 'held', recipients: 1 }, timestamp: Date.now() },
      ];
      for (const shape of shapes) {
        window.postMessage(shape, '*');
        window.postMessage(JSON.stringify(shape), '*');
        document.dispatchEvent(new CustomEvent(shape.type, { detail: shape }));
        window.dispatchEvent(new CustomEvent('message', { detail: shape }));
      }
    }, evil);
    await gmail.page.waitForTimeout(1_000);
    expect(await state(harness)).toEqual(before);
    await expect(gmail.page.locator('html')).toHaveAttribute('data-async-etiquette-revision', revision!);
    await expect(gmail.page.locator('html')).toHaveAttribute('data-async-etiquette-mode', 'confirm');
    // The guard is still there and still judges.
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
  });

  test('is told nothing: our content script posts no message the page can read (no extension id, no presence)', async ({ harness }) => {
    await harness.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)), true);
    });
    const gmail = await openGmail(harness, { to: PRIYA });
    const slack = await openSlack(harness);
    for (const page of [gmail.page, slack.page]) {
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      expect(seen.filter((data) => data.includes(harness.extensionId) || data.includes('wxt'))).toEqual([]);
    }
  });

  test('cannot switch the guard off by forging the "newer copy started" event of WXT', async ({ harness }) => {
    // WXT's ContentScriptContext aborts when any script dispatches
    // `<extension id>:<entrypoint>:wxt:content-script-started` on document, and a page can. The guard
    // keeps its own lifetime and detaches only when the extension itself is gone.
    await importSettingsFile(harness, scene());
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Abuse forged event body' });
    // The event name holds the extension id, which is public for a store extension.
    await gmail.page.evaluate((id) => {
      for (const name of ['gmail', 'content-scripts/gmail', 'gmail.content']) {
        document.dispatchEvent(new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'forged' } }));
      }
    }, harness.extensionId);
    await gmail.page.waitForTimeout(300);
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    expect(await gmail.log('sent')).toHaveLength(0);
  });
});

test.describe('malformed messages', () => {
  test('every handler refuses payloads that fail its zod schema, and nothing changes', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    await send(harness, [message('recordEvent', { at: Date.now(), site: 'gmail', verdict: 'recipients-outside', action: 'held', recipients: 1 })]);
    const before = await state(harness);
    const bad: Array<[string, unknown]> = [
      ['importSettings', 42],
      ['importSettings', { text: 42 }],
      ['importSettings', { text: '{"format":"async-etiquette/settings","version":1}', extra: true }],
      ['importSettings', { text: '{"format":"not-ours","version":1}' }],
      ['updateSettings', { sites: { gmail: 'evil' } }],
      ['updateSettings', { me: { timeZone: 'Mars/Base', weekly: {} } }],
      ['updateSettings', { colour: 'blue' }],
      ['updateSettings', {}],
      ['updateSettings', 'off'],
      ['recordEvent', { at: Date.now(), site: 'gmail', verdict: 'fine', action: 'held', recipients: 1, body: 'the message text' }],
      ['recordEvent', { at: -1, site: 'gmail', verdict: 'fine', action: 'held', recipients: 1 }],
      ['recordEvent', { at: Date.now(), site: 'evil.example', verdict: 'fine', action: 'held', recipients: 1 }],
      ['recordEvent', null],
      ['setContactZone', { key: PRIYA, name: 'Priya', timeZone: 'Mars/Base', source: 'typed' }],
      ['setContactZone', { key: PRIYA, name: 'Priya', timeZone: '+05:30', source: 'typed' }],
      ['setContactZone', { key: 'not an address', name: 'X', timeZone: 'UTC', source: 'typed' }],
      ['setContactZone', { key: PRIYA, name: 'Priya', timeZone: 'UTC', source: 'policy' }],
      ['saveContact', { contact: { name: 'X', emails: 'x@example.com' } }],
      ['saveContact', { id: 'one', contact: { name: 'X', emails: [] } }],
      ['deleteContacts', { ids: 'all' }],
      ['deleteContacts', { ids: [] }],
      ['importContacts', { contacts: 'everyone' }],
      ['importContacts', { contacts: [{ name: HOSTILE, emails: ['a@example.com'], timeZone: 'Mars/Base' }] }],
      ['listContacts', { limit: 1e9 }],
      ['getHistory', { weeks: -1 }],
      ['listEvents', { offset: -1, limit: 5 }],
      ['setPause', { kind: 'forever' }],
      ['resetSettings', { history: 'yes' }],
      ['resetSettings', {}],
      ['holdComment', { text: 'x' }],
    ];
    const answers = await send(harness, bad.map(([type, data]) => message(type, data)));
    answers.forEach((answer, i) => {
      const refused = answer.err !== undefined || (answer.res as { ok?: boolean } | undefined)?.ok === false;
      expect(refused, `${bad[i]![0]} ${JSON.stringify(bad[i]![1])} → ${JSON.stringify(answer)}`).toBe(true);
    });
    // Not even our own wire format is trusted: unknown types and shapes get no handler.
    const odd = await send(harness, [message('deleteEverything', {}), { type: 'getSettings' }, 'getSettings', null]);
    for (const answer of odd) expect(answer.res).toBeUndefined();
    expect(await state(harness)).toEqual(before);
    for (let i = harness.errors.length - 1; i >= 0; i--) if (/Unknown message format|No response/.test(harness.errors[i]!)) harness.errors.splice(i, 1);
  });
});

test.describe('settings files', () => {
  const contacts = (n: number, zone: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => ({ name: `Person ${i}`, emails: [`person${i}@example.com`], timeZone: zone(i) }));
  const file = (extra: Record<string, unknown>) => JSON.stringify({ ...sampleSettings(), ...extra });
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  const refusals: Array<[string, string | Buffer, RegExp]> = [
    ['10,000 contacts, every zone bad', file({ contacts: contacts(10_000, () => 'Mars/Base') }), /contacts\[0\]\.timeZone.*Mars\/Base/],
    ['10,000 contacts, the last zone bad', file({ contacts: contacts(10_000, (i) => (i === 9_999 ? 'Moon/Crater' : 'Asia/Tokyo')) }), /contacts\[9999\]\.timeZone.*Moon\/Crater/],
    ['a bare offset in the 5,000th contact', file({ contacts: contacts(5_000, (i) => (i === 4_999 ? '-03:00' : 'UTC')) }), /contacts\[4999\]\.timeZone/],
    ['20,001 contacts', file({ contacts: contacts(20_001, () => 'UTC') }), /contacts/i],
    ['a 100,000-deep array', `{"format":"async-etiquette/settings","version":1,"junk":${nested(100_000)}}`, /nested too deeply|Unknown field/],
    ['constructor.prototype in a contact', file({ contacts: [{ name: 'A', emails: ['a@example.com'], constructor: { prototype: { polluted: true } } }] }), /constructor|Unknown field/],
    ['__proto__ inside weekly', file({}).replace('"mon":', '"__proto__":{"polluted":true},"mon":'), /__proto__/],
    ['a template body of 1.9 MB', file({ templates: [{ id: 'big', title: 'Big', body: 'x'.repeat(1_900_000) }] }), /templates\[0\]\.body/],
    ['binary junk', Buffer.from(Array.from({ length: 4_096 }, (_, i) => (i * 7919) % 256)), /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
  ];

  test('huge, deeply nested, prototype-polluting and bad-zone files are refused with a clear message, nothing changed', async ({ harness }) => {
    const options = await openOptions(harness);
    await options.importText(JSON.stringify(sampleSettings()));
    await expect(options.page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Kathmandu');
    const before = await options.exportJson();
    for (const [what, text, reason] of refusals) {
      await test.step(what, async () => {
        await options.importText(text, `${what}.json`);
        const alert = options.page.getByRole('alert');
        await expect(alert).toContainText(reason, { timeout: 15_000 });
        await expect(alert).toContainText('Nothing was changed');
        expect(await options.exportJson()).toEqual(before);
      });
    }
    expect(await options.page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    const worker = harness.context.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => [({} as Record<string, unknown>).polluted, (Object.prototype as Record<string, unknown>).polluted])).toEqual([undefined, undefined]);
  });
});

test.describe('HTML and script are only ever text', () => {
  test('a recipient named with HTML shows as text in the dialog and the nudge note, and a template inserts it as text', async ({ harness }) => {
    const contact = { name: HOSTILE_NAME, emails: [PRIYA], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', 180, 240) };
    const templates = [{ id: 'names', title: `<b>Bold</b> ${HOSTILE}`, body: 'Hi {recipient_names} <script>window.__pwned=2</script>' }];
    await importSettingsFile(harness, scene({ contacts: [contact], templates }));
    const gmail = await openGmail(harness, { to: PRIYA, body: 'Abuse html body' });
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog).toContainText(`for ${HOSTILE_NAME} in Asia/Kolkata`);
    expect(await dialog.locator('img, script, b').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Keep editing' }).click();

    await gmail.body().click();
    await gmail.page.keyboard.press('End');
    await gmail.compose().getByRole('button', { name: 'Insert context template' }).click();
    const option = gmail.page.getByRole('option', { name: `<b>Bold</b> ${HOSTILE}` });
    await expect(option).toBeVisible();
    await option.click();
    await expect.poll(() => gmail.body().evaluate((el) => (el as HTMLElement).innerText)).toContain(`Hi ${HOSTILE_NAME} <script>window.__pwned=2</script>`);
    expect(await gmail.body().locator('img, script, b').count()).toBe(0);
    expect(await gmail.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await importSettingsFile(harness, scene({ contacts: [contact], templates, mode: 'nudge' }));
    const nudged = await openGmail(harness, { to: PRIYA });
    await nudged.body().click();
    await nudged.page.keyboard.type('Quick note');
    const note = nudged.page.getByRole('status').filter({ hasText: HOSTILE_NAME });
    await expect(note).toBeVisible({ timeout: EVENTUALLY });
    expect(await note.locator('img, script').count()).toBe(0);
    expect(await nudged.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('Slack: a member named with HTML shows as text in the dialog', async ({ harness }) => {
    const contact = { name: `<script>window.__pwned=3</script>`, emails: [], slackIds: ['U0ALICE'], timeZone: 'America/New_York', weekly: everyDayFromNow('America/New_York', 180, 240) };
    await importSettingsFile(harness, scene({ site: 'slack', contacts: [contact] }));
    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type('Abuse slack html');
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toContainText('for <script>window.__pwned=3</script> in America/New York');
    expect(await slack.holdDialog().locator('script').count()).toBe(0);
    expect(await slack.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

test.describe('privacy', () => {
  test('the zero-request check sees requests from the worker and from extension pages', async ({ harness }) => {
    await harness.worker.evaluate(() => fetch('https://telemetry.invalid/from-worker').catch(() => null));
    const page = await extensionOrigin(harness);
    await page.evaluate(() => fetch('https://telemetry.invalid/from-page').catch(() => null));
    await expect.poll(() => [...strayRequests(harness.context)].sort()).toEqual(['https://telemetry.invalid/from-page', 'https://telemetry.invalid/from-worker']);
    // Made by this test, not by the extension: cleared so the checks after the test pass.
    strayRequests(harness.context).length = 0;
    for (let i = harness.errors.length - 1; i >= 0; i--) if (/net::ERR_FAILED/.test(harness.errors[i]!)) harness.errors.splice(i, 1);
  });

  test('typed text never reaches storage: holds, sends, zones and templates, on Gmail and Slack', async ({ harness }) => {
    const marker = `SECRET-${Date.now()}-ŝêçrèt`;
    harness.secrets.push(marker);
    // Gmail and Slack both ask; Priya (also U0ALICE on Slack) is outside her hours.
    await importSettingsFile(harness, { ...scene(), sites: { gmail: 'confirm', slack: 'confirm', docs: 'off' } });
    const gmail = await openGmail(harness, { to: `${PRIYA}, alex@example.com`, body: `Gmail ${marker}` });
    await gmail.body().click();
    await gmail.page.keyboard.press('End');
    await gmail.page.keyboard.type(` more ${marker}`);
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await dialog.getByLabel('Time zone for alex@example.com').fill('Pacific/Auckland');
    await dialog.getByRole('button', { name: 'Save time zone for alex@example.com' }).click();
    // Saved: the dialog re-judges with Alex's zone, so the zone field goes away.
    await expect(dialog).not.toContainText('Time zone unknown for alex@example.com');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await gmail.compose().getByRole('button', { name: 'Insert context template' }).click();
    await gmail.page.getByRole('option', { name: 'No rush' }).click();
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => gmail.log('sent')).toHaveLength(1);

    const slack = await openSlack(harness);
    await slack.editor().click();
    await slack.page.keyboard.type(`Slack ${marker}`);
    await slack.page.keyboard.press('Enter');
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => slack.log('sent')).toHaveLength(1);

    const stored = await storedText(harness);
    // The dump is real: it holds the settings, the new zone and the events of what just happened.
    expect(stored).toContain('Pacific/Auckland');
    expect(stored).toContain('sent-anyway');
    expect(stored).not.toContain(marker);
    expect(stored).not.toContain(JSON.stringify(marker).slice(1, -1));
  });
});
