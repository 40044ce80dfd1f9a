import type { ContentScriptContext } from '#imports';
import type { Site } from '@/utils/store/schema';
import { watchSnapshot } from './snapshot-client';

/**
 * The attribute lets tests (and a curious user in devtools) see which settings revision the page
 * holds. It carries no personal data, only a number.
 */
export const REVISION_ATTRIBUTE = 'data-async-etiquette-revision';

export function startSite(ctx: ContentScriptContext, site: Site): void {
  const root = document.documentElement;
  const source = watchSnapshot(ctx.signal, (snapshot) => {
    root.setAttribute(REVISION_ATTRIBUTE, `${snapshot.revision}`);
    root.setAttribute('data-async-etiquette-mode', snapshot.settings.sites[site]);
  });
  ctx.onInvalidated(() => {
    root.removeAttribute(REVISION_ATTRIBUTE);
    root.removeAttribute('data-async-etiquette-mode');
  });
  void source;
}
