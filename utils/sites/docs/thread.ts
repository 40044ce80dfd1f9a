/**
 * How many replies a Docs comment thread has, read from the page (issue 21: a held reply is checked
 * before it is posted). Only a number is ever kept; no reply's text or author leaves this module.
 * Pure: takes the thread element.
 */
import { queryAll } from '../selector';
import { DOCS } from './selectors';

const ONE_NUMBER = /^\D*(\d{1,5})\D*$/;

/** Inside a reply or the reply box: never a fold control. */
function isInsideReplyOrBox(el: Element): boolean {
  return Boolean(el.closest([...DOCS.threadReply.css, ...DOCS.threadFirstComment.css, ...DOCS.inputPane.css].join(',')));
}

/**
 * Replies folded out of the DOM behind "N more replies": the known control, else (by meaning) any
 * button in the thread, outside replies and the reply box, whose text is one number and words.
 */
function foldedReplies(thread: Element): number {
  const known = queryAll(thread, DOCS.threadMoreReplies);
  const controls = known.length ? known : [...thread.querySelectorAll('[role=button], button')].filter((b) => !isInsideReplyOrBox(b));
  let folded = 0;
  for (const control of controls) {
    const match = ONE_NUMBER.exec((control.textContent ?? '').trim());
    if (match) folded += Number(match[1]);
  }
  return folded;
}

/** The thread's replies (its first comment aside): those shown plus those folded. */
export function countThreadReplies(thread: Element): number {
  const shown = queryAll(thread, DOCS.threadReply).filter((r) => !r.closest(DOCS.inputPane.css.join(','))).length;
  return shown + foldedReplies(thread);
}

/** Shows the thread to the person: unfolds its folded replies, brings it into view and focuses it. */
export function revealThread(thread: HTMLElement, press: (el: Element) => void): void {
  for (const control of queryAll(thread, DOCS.threadMoreReplies)) press(control);
  thread.scrollIntoView({ block: 'center' });
  thread.focus({ preventScroll: true });
}
