import { useEffect, useState } from 'react';
import { formatLocale, t } from '@/utils/i18n';
import { missingHostAccess, requestHostAccess, type HostAccess as Host } from '@/utils/ui/host-access';

/** "Slack and Google Docs" / "Slack und Google Docs", in the browser's locale. */
function list(names: string[]): string {
  return new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format(names);
}

/** Says which sites the extension may not read, with one button that asks the browser for them. */
export function HostAccess() {
  const [missing, setMissing] = useState<Host[]>([]);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    let live = true;
    void missingHostAccess().then((m) => live && setMissing(m));
    return () => {
      live = false;
    };
  }, []);
  if (!missing.length) return null;
  const names = list(missing.map((h) => h.site));

  async function grant() {
    // Called straight from the click: permissions.request needs the user gesture.
    const granted = await requestHostAccess(missing);
    setDenied(!granted);
    setMissing(await missingHostAccess());
  }

  return (
    <section className="host-access" aria-labelledby="host-access-heading">
      <h2 id="host-access-heading">{t('hostAccess.heading')}</h2>
      <p role="status">{t('hostAccess.notice', missing.length, { names })}</p>
      <button type="button" onClick={() => void grant()}>
        {t('hostAccess.allow', { names })}
      </button>
      {denied && <p className="hint">{t('hostAccess.denied')}</p>}
    </section>
  );
}
