import { useEffect, useState } from 'react';
import { missingHostAccess, requestHostAccess, type HostAccess as Host } from '@/utils/ui/host-access';

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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
      <h2 id="host-access-heading">Site access needed</h2>
      <p role="status">
        Async Etiquette can’t see {names}: the browser’s access to {missing.length === 1 ? 'this site' : 'these sites'} was turned off, so
        after-hours sends there are not checked.
      </p>
      <button type="button" onClick={() => void grant()}>
        Allow access to {names}
      </button>
      {denied && <p className="hint">Access was not granted.</p>}
    </section>
  );
}
