/**
 * Seeds the event log the way the worker's Dexie stores it, from the worker's own context: raw
 * IndexedDB writes to the 'async-etiquette' database's `events` store (auto-increment keys, an index
 * on `at`). No test-only code ships in the extension.
 */
import type { Worker } from '@playwright/test';

export interface SeedPlan {
  count: number;
  /** Events are spread evenly from `from` to `to` (epoch ms). */
  from: number;
  to: number;
  /** Cycled through in order; default: a realistic mix. */
  actions?: string[];
  sites?: string[];
}

export async function seedEvents(worker: Worker, plan: SeedPlan): Promise<number> {
  return worker.evaluate(async ({ count, from, to, actions, sites }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('async-etiquette');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const verdicts = ['sender-outside', 'recipients-outside', 'day-off'];
    const step = count > 1 ? (to - from) / (count - 1) : 0;
    const chunk = 20_000;
    for (let start = 0; start < count; start += chunk) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('events', 'readwrite');
        const store = tx.objectStore('events');
        for (let i = start; i < Math.min(count, start + chunk); i++) {
          store.add({
            at: Math.round(from + i * step),
            site: sites[i % sites.length],
            verdict: verdicts[i % verdicts.length],
            action: actions[i % actions.length],
            recipients: 1 + (i % 4),
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    const total = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('events').objectStore('events').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return total;
  }, {
    count: plan.count,
    from: plan.from,
    to: plan.to,
    actions: plan.actions ?? ['held', 'nudged', 'scheduled', 'held', 'sent-anyway', 'kept-editing'],
    sites: plan.sites ?? ['gmail', 'slack', 'docs', 'gmail'],
  });
}

/** Adds these exact events (the event log's shape: at, site, verdict, action, recipients, and reason or farOutside when set), as seedEvents does. */
export async function seedEventList(worker: Worker, events: Array<Record<string, unknown>>): Promise<void> {
  await worker.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('async-etiquette');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('events', 'readwrite');
      for (const event of list) tx.objectStore('events').add(event);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, events);
}

/** Every event in the log, oldest first, read from the worker's database. */
export async function loggedEvents(worker: Worker): Promise<Array<Record<string, unknown>>> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('async-etiquette');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.sort((a, b) => Number(a.at) - Number(b.at));
  });
}

/** The parts of the worker's `chrome` namespace the tests read (typed here; the tests do not load @types/chrome). */
interface WorkerChrome {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
}

/** The badge text on the toolbar icon, read in the worker. */
export async function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({}));
}

export async function actionTitle(worker: Worker): Promise<string> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getTitle({}));
}

export async function pauseAlarm(worker: Worker): Promise<number | null> {
  return worker.evaluate(async () => (await (globalThis as unknown as { chrome: WorkerChrome }).chrome.alarms.get('pause-end'))?.scheduledTime ?? null);
}
