/**
 * One gesture, one decision. Docs presses Post on the mouseup that follows a mousedown, so when the
 * mousedown is held its mouseup and click must not reach the site either (nor a held key's keyup,
 * which would also press the dialog's focused button). They are never judged on their own.
 */
import type { SiteAdapter } from './adapter';

type Starter = 'mousedown' | 'keydown';

const STARTED_BY: Record<string, Starter | undefined> = { mouseup: 'mousedown', click: 'mousedown', keyup: 'keydown' };
const GESTURE_MS = 5_000;

export function block(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
  event.stopImmediatePropagation();
}

export interface GestureSwallower {
  /**
   * The event is the rest of a gesture this adapter listens to the start of (a mouseup or click after
   * a mousedown, a keyup after a keydown): swallowed when that start was held, and never judged.
   */
  isContinuation(event: Event): boolean;
  /** A send gesture was held for `composer`: the rest of it must not reach the site. */
  held(event: Event, composer: HTMLElement): void;
}

export function swallowGestures(adapter: SiteAdapter): GestureSwallower {
  const listened = new Set<string>(adapter.sendEvents);
  let heldGesture: { composer: HTMLElement; starter: Starter; key: string | null; at: number } | null = null;

  function finish(event: Event, starter: Starter): void {
    const gesture = heldGesture;
    if (!gesture || gesture.starter !== starter || Date.now() - gesture.at > GESTURE_MS) return;
    if (event instanceof KeyboardEvent) {
      if (event.key !== gesture.key) return;
    } else {
      const target = event.composedPath()[0];
      if (!(target instanceof Node) || adapter.composerOf(target) !== gesture.composer) return;
    }
    block(event);
    if (event.type !== 'mouseup') heldGesture = null;
  }

  return {
    isContinuation(event) {
      const starter = STARTED_BY[event.type];
      if (starter && listened.has(starter)) {
        finish(event, starter);
        return true;
      }
      // A new press (or another key) starts a new gesture: the held one has no more events to swallow.
      if (heldGesture?.starter === event.type && (!(event instanceof KeyboardEvent) || event.key !== heldGesture.key)) heldGesture = null;
      return false;
    },
    held(event, composer) {
      if (event.type !== 'mousedown' && event.type !== 'keydown') return;
      const key = event instanceof KeyboardEvent ? event.key : null;
      heldGesture = { composer, starter: event.type, key, at: Date.now() };
    },
  };
}
