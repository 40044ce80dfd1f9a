import { browser } from 'wxt/browser';
import { SiteModes } from '@/components/SiteModes';
import { WorkingStatus } from '@/components/WorkingStatus';
import { updateSettings } from '@/utils/ui/actions';
import { workingStatus } from '@/utils/ui/status';
import { useNow, useSnapshot } from '@/utils/ui/use-snapshot';

export function App() {
  const snapshot = useSnapshot();
  const now = useNow();
  if (!snapshot) return <p role="status">Loading…</p>;
  const { me, sites } = snapshot.settings;
  return (
    <main className="popup">
      <h1>Async Etiquette</h1>
      <WorkingStatus timeZone={me.timeZone} status={workingStatus(me, now)} />
      <SiteModes sites={sites} onChange={(site, mode) => void updateSettings({ sites: { [site]: mode } })} />
      <p>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          All settings
        </a>
      </p>
    </main>
  );
}
