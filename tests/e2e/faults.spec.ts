/**
 * Fault suite (issue 9): whatever fails on our side, the draft stays byte-identical, the user can
 * still send natively, and nothing is sent twice. Each test breaks one thing for real
 * (the worker, IndexedDB, quota, the extension's own context, the site's DOM) in the built extension.
 */
import type { Page } from '@playwright/test';
import { EVENTUALLY, test, expect, stopServiceWorker, type Harness } from './harness';
import { openGmail, type GmailPage } from './pages/gmail';
import { importSettingsFile } from './pages/options';
import { openSlack } from './pages/slack';
import { ALWAYS, everyDayFromNow, scene } from './settings-file';

const PRIYA = 'priya@example.com';
const KENJI = 'kenji@example.jp';
/** Emoji, RTL, a combining accent and a marker: byte-identical or it fails; never in our storage. */
const body = (tag: string) => `Fault ${tag} ✓ 👋🏽\nשלום — مرحبا\nCafe\u0301 ${tag}-${Date.now()}`;
const SEND_WITHIN = EVENTUALLY;

const priyaInHours = { name: 'Priya Raman', emails: [PRIYA], slackIds: ['U0ALICE'], timeZone: 'Asia/Kolkata', weekly: ALWAYS };
/** Kenji (Tokyo) starts work three hours from now. */
const kenjiOutside = () => ({ name: 'Kenji Sato', emails: [KENJI], timeZone: 'Asia/Tokyo', weekly: everyDayFromNow('Asia/Tokyo', 180, 240) });

async function draftOf(gmail: GmailPage, index = 0): Promise<string> {
  return gmail.body(index).evaluate((el) => (el as HTMLElement).innerText);
}

/** Exactly one send of exactly this text reaches the site, and no second one follows. */
async function expectSentOnce(gmail: GmailPage, text: string): Promise<void> {
  await expect.poll(() => gmail.log('sent'), { timeout: SEND_WITHIN }).toHaveLength(1);
  await gmail.page.waitForTimeout(400);
  const sent = await gmail.log('sent');
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body).toBe(text);
}

/** Raw read of the extension's event log from a page of its origin that runs none of its code. */
async function eventCount(harness: Harness): Promise<number> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('async-etiquette');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return resolve(-1);
          const req = db.transaction('events').objectStore('events').count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
        };
      }),
  );
  await page.close();
  return count;
}

/** The worker's own errors that a fault is expected to cause are not failures of this test. */
function allowWorkerErrors(harness: Harness, pattern: RegExp): void {
  for (let i = harness.errors.length - 1; i >= 0; i--) {
    const error = harness.errors[i]!;
    if (error.startsWith('worker:') && pattern.test(error)) harness.errors.splice(i, 1);
  }
}

async function holdAndSendNow(gmail: GmailPage, text: string): Promise<void> {
  await gmail.send().click();
  await expect(gmail.holdDialog()).toBeVisible();
  expect(await gmail.log('sent')).toHaveLength(0);
  await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
  await expectSentOnce(gmail, text);
}

test.describe('the worker', () => {
  test('stopped before the send: the dialog still opens from the page\u2019s snapshot; Send now sends once, unchanged', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('stopped');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    const before = await eventCount(harness);
    await stopServiceWorker(gmail.page);
    await holdAndSendNow(gmail, text);
    // The fire-and-forget events woke the worker and were kept (metadata only).
    await expect.poll(() => eventCount(harness)).toBe(before + 2);
  });

  test('stopped while the dialog is open: Schedule hands the draft to Gmail once; Keep editing keeps it', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('mid-dialog');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    await stopServiceWorker(gmail.page);
    await gmail.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
    expect(await draftOf(gmail)).toBe(text);
    await gmail.send().click();
    await stopServiceWorker(gmail.page);
    await gmail.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
    await expect.poll(() => gmail.log('scheduled'), { timeout: 10_000 }).toHaveLength(1);
    expect((await gmail.log('scheduled'))[0]).toMatchObject({ body: text, to: [PRIYA] });
    await gmail.page.waitForTimeout(400);
    expect(await gmail.log('sent')).toHaveLength(0);
    expect(await gmail.log('scheduled')).toHaveLength(1);
  });

  test('stopped, everyone in hours: the send goes at once, in the click itself', async ({ harness }) => {
    await importSettingsFile(harness, scene({ contacts: [priyaInHours] }));
    const text = body('in-hours');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    await stopServiceWorker(gmail.page);
    await gmail.send().click();
    expect(await gmail.log('sent')).toHaveLength(1);
    await expectSentOnce(gmail, text);
  });

  test('not answering (busy): holds, Send now and Keep editing work; a zone save that hangs blocks nothing', async ({ harness }) => {
    await importSettingsFile(harness, scene({ me: everyDayFromNow('Europe/Berlin', 120, 60), contacts: [] }));
    const text = body('hung');
    const gmail = await openGmail(harness, { to: 'alex@example.com', body: text });
    // The worker's thread is stuck for 6 s: every message to it goes unanswered meanwhile.
    const stuck = harness.worker
      .evaluate(() => {
        const end = Date.now() + 6_000;
        while (Date.now() < end) {
          /* busy */
        }
      })
      .catch(() => undefined);
    await gmail.page.waitForTimeout(200);
    await gmail.send().click();
    const dialog = gmail.holdDialog();
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Time zone for alex@example.com').fill('Pacific/Auckland');
    await dialog.getByRole('button', { name: 'Save time zone for alex@example.com' }).click();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await draftOf(gmail)).toBe(text);
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expectSentOnce(gmail, text);
    await stuck;
  });

  test('Slack, stopped: Enter is held from the snapshot and Send now sends once', async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack' }));
    const slack = await openSlack(harness);
    const text = `Slack fault ${Date.now()} 🚀`;
    harness.secrets.push(text);
    await slack.editor().click();
    await slack.page.keyboard.type(text);
    await stopServiceWorker(slack.page);
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toBeVisible();
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => slack.log('sent'), { timeout: SEND_WITHIN }).toHaveLength(1);
    await slack.page.waitForTimeout(400);
    expect(await slack.log('sent')).toEqual([expect.objectContaining({ text })]);
  });
});

/** One raw message to the worker in @webext-core/messaging's format, from a page of the extension's origin. */
async function ask(harness: Harness, type: string, data?: unknown): Promise<{ res?: unknown; err?: { message?: string } }> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
  const answer = await page.evaluate(
    ([t, d]) =>
      new Promise<{ res?: unknown; err?: { message?: string } }>((resolve) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void; lastError?: { message?: string } } } }).chrome.runtime;
        runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }, (response) => {
          resolve(runtime.lastError ? { err: { message: runtime.lastError.message } } : ((response ?? {}) as { res?: unknown }));
        });
      }),
    [type, data] as const,
  );
  await page.close();
  return answer;
}

test.describe('storage', () => {
  /**
   * IndexedDB refuses to open in the worker from now on (as in Firefox's "never remember history"),
   * and the worker's open connection is closed (as when another copy upgrades the database), so its
   * next query has to open the database again and fails.
   */
  async function breakDatabase(harness: Harness): Promise<void> {
    await harness.worker.evaluate(() => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
      };
    });
    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
    await page.evaluate(async () => {
      const current = (await indexedDB.databases()).find((d) => d.name === 'async-etiquette')?.version ?? 1;
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('async-etiquette', current + 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
      });
    });
    await page.close();
    // The worker now fails every request that needs the database.
    expect((await ask(harness, 'getSnapshot')).err?.message).toBeTruthy();
  }

  test('IndexedDB fails to open: the page judges from its snapshot, Send now sends once, the page stays clean', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    await breakDatabase(harness);
    const text = body('no-db');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    await gmail.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
    expect(await draftOf(gmail)).toBe(text);
    await holdAndSendNow(gmail, text);
    allowWorkerErrors(harness, /VersionError|could not|DatabaseClosed|version/i);
  });

  test('IndexedDB fails and no snapshot yet: nothing is judged, the send goes natively at once', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    // The database first: a publish still under way from the import (or the worker's start) cannot then
    // put a snapshot back after it is cleared, as it reads the settings from the database.
    await breakDatabase(harness);
    const control = await harness.context.newPage();
    await control.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
    await control.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
    await control.close();
    const text = body('no-snapshot');
    const page = await harness.context.newPage();
    const url = new URL('https://mail.google.com/mail/u/0/#inbox');
    url.searchParams.set('to', PRIYA);
    url.searchParams.set('body', text);
    harness.secrets.push(text);
    await page.goto(url.toString());
    // The content script ran (its template button is there) but has no settings to judge with.
    await expect(page.locator('async-etiquette-ui').first()).toBeAttached();
    await page.waitForTimeout(500);
    await expect(page.locator('html')).not.toHaveAttribute('data-async-etiquette-revision', /.*/);
    await page.locator('div.M9 .IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])').click();
    const log = () => page.evaluate(() => (window as unknown as { __fixtureLog: Array<{ type: string; body?: string }> }).__fixtureLog.filter((e) => e.type === 'sent'));
    expect(await log()).toEqual([expect.objectContaining({ body: text, trusted: true })]);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    allowWorkerErrors(harness, /VersionError|could not|DatabaseClosed|version/i);
  });

  test('quota exceeded while logging: holds and sends are untouched, and no event is half-written', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('quota');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    const before = await eventCount(harness);
    await harness.worker.evaluate(() => {
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
          if (this.name === 'events') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    await gmail.send().click();
    await gmail.holdDialog().getByRole('button', { name: 'Keep editing' }).click();
    expect(await draftOf(gmail)).toBe(text);
    await holdAndSendNow(gmail, text);
    await gmail.page.waitForTimeout(300);
    expect(await eventCount(harness)).toBe(before);
    allowWorkerErrors(harness, /quota/i);
  });
});

test.describe('the extension reloaded while a compose is open', () => {
  /**
   * `runtime.reload()` invalidates every content script already in a page, exactly as an update does.
   * (Chromium driven by Playwright does not bring a --load-extension extension back after it, so
   * these tests cover the old scripts; the storage check after the test has nothing left to read.)
   */
  async function reload(harness: Harness, page: Page): Promise<void> {
    await harness.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => harness.context.serviceWorkers().length).toBe(0);
    await page.waitForTimeout(300);
    harness.secrets.length = 0;
  }

  test('the old script detaches: the send goes natively, no dialog from a dead script, no page errors; new pages are guarded', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('reload');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    await expect(gmail.compose().getByRole('button', { name: 'Insert context template' })).toHaveCount(1);
    await reload(harness, gmail.page);
    await gmail.send().click();
    await expectSentOnce(gmail, text);
    expect((await gmail.log('sent'))[0]).toMatchObject({ trusted: true });
    await gmail.page.waitForTimeout(300);
    await expect(gmail.page.getByRole('alertdialog')).toHaveCount(0);
    // Detached cleanly: our UI and marks are gone from the page.
    await expect(gmail.page.locator('async-etiquette-ui')).toHaveCount(0);
    await expect(gmail.page.locator('html')).not.toHaveAttribute('data-async-etiquette-revision', /.*/);
    // The page keeps working as Gmail: the next compose sends natively too.
    const next = body('reload-next');
    await gmail.page.evaluate((text) => (window as unknown as { __fixture: { openCompose(o: object): string } }).__fixture.openCompose({ to: 'priya@example.com', body: text }), next);
    await gmail.body().click();
    await gmail.page.keyboard.press('Control+Enter');
    await expect.poll(() => gmail.log('sent'), { timeout: SEND_WITHIN }).toHaveLength(2);
    expect((await gmail.log('sent'))[1]).toMatchObject({ body: next });
    await expect(gmail.page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('a dialog opened before the reload still does what it says: Send now sends once', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('reload-dialog');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    await reload(harness, gmail.page);
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expectSentOnce(gmail, text);
  });

  test('Slack: after a reload Enter sends natively, once', async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack' }));
    const slack = await openSlack(harness);
    const text = `Slack reload ${Date.now()}`;
    await reload(harness, slack.page);
    await slack.editor().click();
    await slack.page.keyboard.type(text);
    await slack.page.keyboard.press('Enter');
    await expect.poll(() => slack.log('sent'), { timeout: SEND_WITHIN }).toHaveLength(1);
    await slack.page.waitForTimeout(300);
    expect(await slack.log('sent')).toEqual([expect.objectContaining({ text })]);
    await expect(slack.page.getByRole('alertdialog')).toHaveCount(0);
  });
});

test.describe('the site\u2019s DOM is not what we expect', () => {
  test('the Send button\u2019s selector is not found: a click goes to Gmail at once, unjudged', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('no-button');
    const gmail = await openGmail(harness, { to: PRIYA, body: text, variant: 'no-send-button' });
    await gmail.compose().locator('button[data-tooltip="Send"]').click();
    expect(await gmail.log('sent')).toHaveLength(1);
    await expectSentOnce(gmail, text);
    await expect(gmail.holdDialog()).toHaveCount(0);
  });

  test('the Send button\u2019s selector is not found: Ctrl+Enter is still held, and Send now goes through the shortcut once', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('no-button-key');
    const gmail = await openGmail(harness, { to: PRIYA, body: text, variant: 'no-send-button' });
    await gmail.body().click();
    await gmail.page.keyboard.press('Control+Enter');
    await expect(gmail.holdDialog()).toBeVisible();
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).click();
    await expectSentOnce(gmail, text);
  });

  for (const [variant, step] of [
    ['no-schedule', /Schedule send in the menu/],
    ['no-pick', /Pick date & time/],
    ['no-time-input', /time field/],
  ] as const) {
    test(`a Schedule step missing (${variant}): nothing is scheduled or sent, the draft is unchanged, Send still works`, async ({ harness }) => {
      await importSettingsFile(harness, scene());
      const text = body(variant);
      const gmail = await openGmail(harness, { to: PRIYA, body: text, variant });
      await gmail.send().click();
      await gmail.holdDialog().getByRole('button', { name: /^Schedule for / }).click();
      await expect(gmail.page.getByRole('status').filter({ hasText: "Couldn't finish scheduling" })).toContainText(step, { timeout: 15_000 });
      expect(await gmail.log('scheduled')).toHaveLength(0);
      expect(await gmail.log('sent')).toHaveLength(0);
      expect(await draftOf(gmail)).toBe(text);
      // Gmail's own dialog may be left open for the user to finish; closing it is the user's move.
      const gmailDialog = gmail.page.locator('div[role=dialog][aria-modal=true]');
      if (await gmailDialog.count()) {
        await gmailDialog.press('Escape');
        await expect(gmailDialog).toHaveCount(0);
      }
      await holdAndSendNow(gmail, text);
      expect(await gmail.log('scheduled')).toHaveLength(0);
    });
  }
});

test.describe('the user', () => {
  test('two composes sending at once: each is held on its own, and each Send now sends its own draft once', async ({ harness }) => {
    await importSettingsFile(harness, scene({ contacts: [scene().contacts[0]!, kenjiOutside()] }));
    const gmail = await openGmail(harness, { composes: '0' });
    const texts = [body('first'), body('second')];
    harness.secrets.push(...texts);
    const ids = await gmail.page.evaluate(
      ([a, b]) => {
        const fixture = (window as unknown as { __fixture: { openCompose(o: object): string } }).__fixture;
        return [fixture.openCompose({ to: 'priya@example.com', body: a }), fixture.openCompose({ to: 'kenji@example.jp', body: b })];
      },
      texts,
    );
    await expect(gmail.page.getByRole('button', { name: 'Insert context template' })).toHaveCount(2);
    await gmail.send(0).click();
    await gmail.body(1).click();
    await gmail.page.keyboard.press('Control+Enter');
    const dialogs = gmail.holdDialog();
    await expect(dialogs).toHaveCount(2);
    expect(await gmail.log('sent')).toHaveLength(0);
    await dialogs.filter({ hasText: 'Kenji' }).getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => gmail.log('sent'), { timeout: SEND_WITHIN }).toEqual([expect.objectContaining({ composeId: ids[1], body: texts[1], to: [KENJI] })]);
    await expect(dialogs).toHaveCount(1);
    await dialogs.filter({ hasText: 'Priya' }).getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => gmail.log('sent'), { timeout: SEND_WITHIN }).toHaveLength(2);
    await gmail.page.waitForTimeout(400);
    const sent = await gmail.log('sent');
    expect(sent).toEqual([
      expect.objectContaining({ composeId: ids[1], body: texts[1] }),
      expect.objectContaining({ composeId: ids[0], body: texts[0], to: [PRIYA] }),
    ]);
  });

  test('Send pressed again and again while the dialog is open, then Send now double-clicked: one send', async ({ harness }) => {
    await importSettingsFile(harness, scene());
    const text = body('again');
    const gmail = await openGmail(harness, { to: PRIYA, body: text });
    await gmail.send().click();
    await expect(gmail.holdDialog()).toBeVisible();
    for (let i = 0; i < 3; i++) await gmail.send().click({ force: true });
    await gmail.body().press('Control+Enter');
    // Enter on the focused Send again: held, and focus goes back into the dialog (a further key
    // press belongs to the dialog, whose first button is the suggested Schedule, never a send).
    await gmail.send().focus();
    await gmail.page.keyboard.press('Enter');
    await expect(gmail.holdDialog()).toHaveCount(1);
    expect(await gmail.log('sent')).toHaveLength(0);
    expect(await draftOf(gmail)).toBe(text);
    await gmail.holdDialog().getByRole('button', { name: 'Send now' }).dblclick();
    await expectSentOnce(gmail, text);
  });

  test('Slack: Enter and the send button again while the dialog is open send nothing; Send now sends once', async ({ harness }) => {
    await importSettingsFile(harness, scene({ site: 'slack' }));
    const slack = await openSlack(harness);
    const text = `Slack again ${Date.now()}`;
    harness.secrets.push(text);
    await slack.editor().click();
    await slack.page.keyboard.type(text);
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toBeVisible();
    await slack.sendButton().click({ force: true });
    await slack.editor().focus();
    await slack.page.keyboard.press('Enter');
    await expect(slack.holdDialog()).toHaveCount(1);
    expect(await slack.log('sent')).toHaveLength(0);
    await expect(slack.editor()).toHaveText(text);
    await slack.holdDialog().getByRole('button', { name: 'Send now' }).dblclick();
    await expect.poll(() => slack.log('sent'), { timeout: SEND_WITHIN }).toHaveLength(1);
    await slack.page.waitForTimeout(400);
    expect(await slack.log('sent')).toEqual([expect.objectContaining({ text })]);
  });
});
