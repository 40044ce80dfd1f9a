import { useEffect, useState } from 'react';
import { t } from '@/utils/i18n';
import { siteName } from '@/utils/i18n/sites';
import type { SiteHealthView } from '@/utils/store/site-health';


const POLL_MS = 2_000;

/** Reads the site health while mounted (it changes as pages report). */
export function useSiteHealth(load: () => Promise<SiteHealthView>): SiteHealthView | null {
  const [view, setView] = useState<SiteHealthView | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => void load().then((v) => live && setView(v), () => {});
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load]);
  return view;
}

/** Contract §3 "Site health": one role=alert row per site with an open problem, naming the site. */
export function SiteHealthAlerts({ view }: { view: SiteHealthView | null }) {
  const broken = view?.sites.filter((s) => s.problems.length > 0) ?? [];
  if (!broken.length) return null;
  return (
    <div className="site-health">
      {broken.map((s) => (
        <p key={s.site} role="alert" className="error">
          {t('health.popup.problem', { site: siteName(s.site) })}
        </p>
      ))}
    </div>
  );
}

interface DiagnosticsProps {
  load: () => Promise<SiteHealthView>;
  version: string;
  browser: string;
}

/** The diagnostics text for a bug report: structure only (what siteHealth keeps), never typed text. */
export function diagnosticsText(view: SiteHealthView, version: string, browser: string): string {
  return JSON.stringify({ version, browser, sites: view.sites, failures: view.failures }, null, 2);
}

/** Options: "Copy diagnostics" (version, browser, per-site health, last 20 failures), shown as well as copied. */
export function Diagnostics({ load, version, browser }: DiagnosticsProps) {
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  async function copy() {
    const next = diagnosticsText(await load(), version, browser);
    setText(next);
    try {
      await navigator.clipboard.writeText(next);
      setStatus(t('health.diagnostics.copied'));
    } catch {
      setStatus(t('health.diagnostics.notCopied'));
    }
  }
  return (
    <div className="diagnostics">
      <p className="hint">{t('health.diagnostics.hint')}</p>
      <button type="button" onClick={() => void copy()}>
        {t('health.diagnostics.copy')}
      </button>
      <p role="status">{status}</p>
      {text !== null && <textarea readOnly aria-label={t('health.diagnostics.heading')} value={text} rows={12} cols={60} />}
    </div>
  );
}
