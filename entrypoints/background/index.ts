import { defineBackground } from '#imports';
import { createWorker, listen, start } from '@/utils/background/worker';

export default defineBackground(() => {
  // Bench (e) reads this mark: how much of a cold start is loading this script, and how much the answer.
  performance.mark('ae-worker-main');
  const worker = createWorker();
  // Every handler and listener is registered in this first turn, so an event that woke the worker is not lost.
  listen(worker);
  start(worker);
});
