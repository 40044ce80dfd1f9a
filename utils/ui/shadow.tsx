/**
 * Our in-page UI lives in open shadow roots (contract §3: tests find it by role) with its own CSS,
 * mounted synchronously so the hold dialog shows in the same frame as the Send click. No HTML string
 * is ever assigned: Gmail enforces Trusted Types.
 */
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import css from '@/components/inpage.css?inline';
import type { Placement } from '@/utils/guard/adapter';
import { HOST_TAG } from './host-tag';

export { HOST_TAG };

export interface ShadowMount {
  host: HTMLElement;
  render(node: ReactNode): void;
  remove(): void;
}

function place(host: HTMLElement, placement: Placement | null, doc: Document): void {
  if (!placement) doc.body.append(host);
  else if (placement.where === 'before') placement.element.before(host);
  else if (placement.where === 'after') placement.element.after(host);
  else placement.element.append(host);
}

/** Keys typed in our UI must not trigger the site's shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function mountShadow(placement: Placement | null, doc: Document, kind: string): ShadowMount {
  const host = doc.createElement(HOST_TAG);
  host.dataset.kind = kind;
  host.style.display = placement ? 'inline-block' : 'contents';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'ae-wrap';
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  place(host, placement, doc);
  const root: Root = createRoot(container);
  return {
    host,
    render: (node) => flushSync(() => root.render(node)),
    remove: () => {
      root.unmount();
      host.remove();
    },
  };
}
