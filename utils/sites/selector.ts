/**
 * A selector with the public source that justifies it and fallbacks for when the site changes.
 * Lookups return null on a miss and report it once, so a redesign degrades to native behaviour.
 */
export interface SiteSelector {
  /** Tried in order; the first that matches wins. */
  css: readonly string[];
  /** Where this selector comes from (repository and path, or issue), so it can be re-checked. */
  source: string;
}

const reported = new Set<string>();

function reportMiss(name: string): void {
  if (reported.has(name)) return;
  reported.add(name);
  console.info(`Async Etiquette: "${name}" not found; using the site's own behaviour.`);
}

export function queryOne(root: ParentNode, selector: SiteSelector, name = selector.css[0] ?? ''): HTMLElement | null {
  for (const css of selector.css) {
    const found = root.querySelector<HTMLElement>(css);
    if (found) return found;
  }
  reportMiss(name);
  return null;
}

export function queryAll(root: ParentNode, selector: SiteSelector): HTMLElement[] {
  for (const css of selector.css) {
    const found = root.querySelectorAll<HTMLElement>(css);
    if (found.length) return [...found];
  }
  return [];
}

export function closestOf(node: Element, selector: SiteSelector): HTMLElement | null {
  for (const css of selector.css) {
    const found = node.closest<HTMLElement>(css);
    if (found) return found;
  }
  return null;
}

export function matchesAny(el: Element, selector: SiteSelector): boolean {
  return selector.css.some((css) => el.matches(css));
}
