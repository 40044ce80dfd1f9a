/**
 * The settings, contacts, history and popup handlers over one shared context, as the worker runs
 * them and as tests call them (raw input in, the message's answer out). Free of wiring, so it runs
 * on fake-indexeddb.
 */
import { createContext, type Context, type ServiceDeps } from './context';
import { answerers } from './handle';
import { contactHandlers } from './handlers/contacts';
import { historyHandlers } from './handlers/history';
import { endPauseIfDue, pauseAlarmFired, popupHandlers } from './handlers/popup';
import { settingsHandlers } from './handlers/settings';
import { teamClockHandlers } from './handlers/team-clock';

export type { ServiceDeps } from './context';

export function serviceHandlers(ctx: Context) {
  return { ...settingsHandlers(ctx), ...contactHandlers(ctx), ...historyHandlers(ctx), ...popupHandlers(ctx), ...teamClockHandlers(ctx) };
}

export function createService(deps: ServiceDeps) {
  const ctx = createContext(deps);
  const handlers = serviceHandlers(ctx);
  return {
    ...answerers(handlers, ctx.ready),
    context: ctx,
    handlers,
    ready: ctx.ready,
    current: ctx.current,
    effective: ctx.effective,
    republish: ctx.republish,
    core: ctx.core,
    endPauseIfDue: () => endPauseIfDue(ctx),
    pauseAlarmFired: () => pauseAlarmFired(ctx),
  };
}

export type Service = ReturnType<typeof createService>;
