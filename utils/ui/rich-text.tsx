/**
 * Elements inside a translated sentence ("This browser is set to <strong>{zone}</strong> …"): the word
 * order belongs to the message, so the element is not glued around it. t() fills each such placeholder
 * with slot(name); withElements() then splits the text and puts the elements in.
 */
import { Fragment, type ReactNode } from 'react';

const MARK = '\u0001';

/** The stand-in t() writes for an element placeholder. */
export function slot(name: string): string {
  return `${MARK}${name}${MARK}`;
}

export function withElements(text: string, elements: Record<string, ReactNode>): ReactNode[] {
  return text.split(MARK).map((piece, i) => (i % 2 ? <Fragment key={i}>{elements[piece] ?? piece}</Fragment> : piece));
}
