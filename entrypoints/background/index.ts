import { defineBackground } from '#imports';
import { createWorker, listen, start } from '@/utils/background/worker';

export default defineBackground(() => {
  const worker = createWorker();
  // Every handler and listener is registered in this first turn, so an event that woke the worker is not lost.
  listen(worker);
  start(worker);
});
