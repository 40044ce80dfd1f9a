/** Wires site health (./health.ts) to the page and the background: the once-per-page note and the report message. */
import type { CSSProperties } from 'react';
import { HealthNote } from '@/components/HealthNote';
import { sendMessage } from '@/utils/messaging';
import { mountShadow } from '@/utils/ui/shadow';
import type { SiteAdapter } from './adapter';
import { createHealth, type GuardHealth } from './health';

/** Just above the composer (never over its Send bar, which must stay clickable), clamped to the viewport. */
function nearComposer(composer: HTMLElement): CSSProperties {
  const rect = composer.getBoundingClientRect();
  const view = composer.ownerDocument.defaultView;
  const viewWidth = view?.innerWidth ?? 1024;
  const viewHeight = view?.innerHeight ?? 768;
  const width = Math.min(440, viewWidth - 16);
  const left = Math.max(8, Math.min(rect.left + 8, viewWidth - width - 8));
  return rect.top > 96 ? { left, bottom: viewHeight - rect.top + 8 } : { left, top: Math.max(8, rect.top + 48) };
}

export function startHealth(adapter: SiteAdapter, doc: Document, signal: AbortSignal): GuardHealth {
  return createHealth(
    {
      adapter,
      // Fire-and-forget: a sleeping or reloaded worker must never slow a page down.
      report: (report) => void sendMessage('reportSiteHealth', report).catch(() => {}),
      notify: (composer, problem) => {
        const mount = mountShadow(null, doc, 'health-note');
        signal.addEventListener('abort', () => mount.remove(), { once: true });
        mount.render(
          <div style={{ position: 'fixed', zIndex: 2147483646, ...nearComposer(composer) }}>
            <HealthNote problem={problem} onDismiss={() => setTimeout(() => mount.remove(), 0)} />
          </div>,
        );
      },
    },
    signal,
  );
}
