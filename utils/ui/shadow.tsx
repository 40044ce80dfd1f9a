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

/** "rgb(32, 33, 36)" / "rgba(0, 0, 0, 0)" → [r, g, b, alpha]; null for anything else. */
function parseRgb(color: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/**
 * Whether the host page is drawn dark: the first opaque background of body or html. The OS's
 * prefers-color-scheme is not asked: Gmail in light mode on a dark OS is light, and our UI matches it.
 */
export function pageIsDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgb = parseRgb(view.getComputedStyle(element).backgroundColor);
    if (!rgb || rgb[3] < 0.5) continue;
    const [r, g, b] = rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
  }
  return false;
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
  place(host, placement, doc);
  container.classList.toggle('ae-dark', pageIsDark(doc));
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
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
