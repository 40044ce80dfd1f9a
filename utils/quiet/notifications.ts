/**
 * The page's own desktop notifications, kept back while quiet is on (contract §1 `quiet`: calm and
 * shield). Runs in the page's world (entrypoints/quiet.content.ts), before the site's scripts, because
 * that is where Gmail and Slack web call `new Notification(…)` and
 * `ServiceWorkerRegistration.prototype.showNotification(…)`.
 *
 * The isolated content script says whether quiet is on with an attribute on <html> (read at each
 * notification, so a script that is gone leaves nothing quiet) and sends the exceptions in an event.
 * Notification text is matched here and never leaves the page.
 */
export const QUIET_ATTRIBUTE = 'data-async-etiquette-quiet';
export const EXCEPTIONS_EVENT = 'async-etiquette:quiet-exceptions';

/** A window with its globals (the page's, or a test's). */
export type PageWindow = Window & typeof globalThis;

/** The notification shown to nobody: what the site gets back instead, so its own code runs on. */
function silentNotification(win: PageWindow, title: string, options: NotificationOptions | undefined): EventTarget {
  const silent = new win.EventTarget();
  const fields = { title, body: options?.body ?? '', tag: options?.tag ?? '', data: options?.data ?? null, icon: options?.icon ?? '' };
  for (const [name, value] of Object.entries(fields)) Object.defineProperty(silent, name, { value, enumerable: true });
  for (const handler of ['onclick', 'onshow', 'onerror', 'onclose']) Object.defineProperty(silent, handler, { value: null, writable: true });
  Object.defineProperty(silent, 'close', { value: () => {} });
  return silent;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An exception names a whole word run ("#incidents" is not "#incidents-old"), in any case, with or without #/@. */
export function matchesException(exceptions: readonly string[], title: string, body: string): boolean {
  const text = `${title}\n${body}`;
  return exceptions.some((exception) => {
    const needle = exception.trim().replace(/^[#@]/, '');
    if (needle === '') return false;
    return new RegExp(`(?:^|[^\\p{L}\\p{N}_-])${escapeRegExp(needle)}(?:$|[^\\p{L}\\p{N}_-])`, 'iu').test(text);
  });
}

/** Wraps the page's notification paths; returns a function that puts the originals back. */
export function installNotificationGuard(win: PageWindow): () => void {
  const doc = win.document;
  let exceptions: string[] = [];
  const onExceptions = (event: Event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    try {
      const parsed: unknown = JSON.parse(detail);
      if (Array.isArray(parsed)) exceptions = parsed.filter((item): item is string => typeof item === 'string');
    } catch {
      // Not ours: ignored.
    }
  };
  doc.addEventListener(EXCEPTIONS_EVENT, onExceptions);

  const keepBack = (title: unknown, options: NotificationOptions | undefined) =>
    doc.documentElement.hasAttribute(QUIET_ATTRIBUTE) && !matchesException(exceptions, String(title), String(options?.body ?? ''));

  const restores: Array<() => void> = [() => doc.removeEventListener(EXCEPTIONS_EVENT, onExceptions)];
  const Native = win.Notification as typeof Notification | undefined;
  if (typeof Native === 'function') {
    const Guarded = new Proxy(Native, {
      construct(target, args: [string, NotificationOptions?], newTarget) {
        const [title, options] = args;
        if (keepBack(title, options)) return silentNotification(win, String(title), options);
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
    win.Notification = Guarded;
    restores.push(() => {
      if (win.Notification === Guarded) win.Notification = Native;
    });
  }
  const registration = win.ServiceWorkerRegistration?.prototype;
  const show = registration?.showNotification;
  if (registration && typeof show === 'function') {
    const guardedShow = function (this: ServiceWorkerRegistration, title: string, options?: NotificationOptions): Promise<void> {
      if (keepBack(title, options)) return Promise.resolve();
      return show.call(this, title, options);
    };
    registration.showNotification = guardedShow;
    restores.push(() => {
      if (registration.showNotification === guardedShow) registration.showNotification = show;
    });
  }
  return () => restores.forEach((restore) => restore());
}
