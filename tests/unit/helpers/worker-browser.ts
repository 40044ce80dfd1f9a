/**
 * The worker as the browser runs it, on WXT's fake browser: a fixed clock, listeners registered by
 * main(), and messages that carry the extension's id as a browser's do. Call in a test file's top level.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME } from '@/utils/store/db';

export function useWorkerBrowser(startAt: number): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(startAt);
    fakeBrowser.reset();
    // fake-browser has no commands.onCommand (keyboard commands, issue 8): the worker's listener is tested in keyboard-commands.test.tsx.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    // fake-browser delivers messages with an empty sender; ours carry the extension's id, as in a browser.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown, callback?: (response: unknown) => void) => {
      const answer = (async () => {
        let respond: (value: unknown) => void = () => {};
        const response = new Promise((resolve) => (respond = resolve));
        const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, respond);
        return results.some((r) => r === true) ? response : undefined;
      })();
      if (!callback) return answer;
      void answer.then(callback);
    }) as never);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await Dexie.delete(DB_NAME);
  });
}
