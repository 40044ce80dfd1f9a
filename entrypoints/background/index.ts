import { defineBackground } from '#imports';
import { isOwnSender, publishSnapshot } from '@/utils/background/publish';
import { createService } from '@/utils/background/service';
import { onMessage, type ProtocolMap } from '@/utils/messaging';
import { AppDb } from '@/utils/store/db';
import { runtimeTimeZone } from '@/utils/store/defaults';

export default defineBackground(() => {
  const service = createService({
    db: new AppDb(),
    publish: async (settings) => {
      await publishSnapshot(settings);
    },
    timeZone: runtimeTimeZone,
  });

  /** Every listener is registered in this first turn, so a message that woke the worker is not lost. */
  function handle<K extends keyof ProtocolMap>(
    type: K,
    run: (data: unknown) => Promise<ReturnType<ProtocolMap[K]>>,
  ): void {
    onMessage(type, (message) => {
      if (!isOwnSender(message.sender)) throw new Error('Refused: unknown sender');
      return run(message.data);
    });
  }

  handle('getSettings', () => service.getSettings());
  handle('importSettings', (data) => service.importSettings(data));
  handle('updateSettings', (data) => service.updateSettings(data));
  handle('recordEvent', (data) => service.recordEvent(data));
  handle('setContactZone', (data) => service.setContactZone(data));
  handle('getWeekSummary', () => service.getWeekSummary());
  handle('getSnapshot', async () => publishSnapshot(await service.current()));

  // A fresh install or a new browser session publishes the snapshot before any page asks.
  service.republish().catch((error: unknown) => console.error('Async Etiquette: could not publish settings', error));
});
