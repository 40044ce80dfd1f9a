import { useState } from 'react';
import { ImportExport } from '@/components/ImportExport';
import { SiteModes } from '@/components/SiteModes';
import { TimeZoneField } from '@/components/TimeZoneField';
import { WeeklyEditor } from '@/components/WeeklyEditor';
import { WorkingStatus } from '@/components/WorkingStatus';
import { isValidTimeZone } from '@/utils/hours';
import { runtimeTimeZone } from '@/utils/store/defaults';
import { MAX_SETTINGS_FILE_BYTES } from '@/utils/store/settings-file';
import { exportSettings, importSettings, updateSettings } from '@/utils/ui/actions';
import { workingStatus } from '@/utils/ui/status';
import { useNow, useSnapshot } from '@/utils/ui/use-snapshot';

export function App() {
  const snapshot = useSnapshot();
  const now = useNow();
  const [saveError, setSaveError] = useState<string | null>(null);
  if (!snapshot) return <p role="status">Loading…</p>;
  const { me, sites } = snapshot.settings;

  async function save(patch: Parameters<typeof updateSettings>[0]) {
    setSaveError(await updateSettings(patch));
  }

  return (
    <main className="options">
      <h1>Async Etiquette settings</h1>
      <WorkingStatus timeZone={me.timeZone} status={workingStatus(me, now)} />
      {saveError && (
        <p className="error" role="alert">
          Not saved: {saveError}
        </p>
      )}
      <TimeZoneField
        value={me.timeZone}
        browserZone={runtimeTimeZone()}
        validate={isValidTimeZone}
        onSave={(timeZone) => void save({ me: { ...me, timeZone } })}
      />
      <WeeklyEditor weekly={me.weekly} onSave={(weekly) => void save({ me: { ...me, weekly } })} />
      <SiteModes sites={sites} onChange={(site, mode) => void save({ sites: { [site]: mode } })} />
      <ImportExport onImport={importSettings} onExport={exportSettings} maxBytes={MAX_SETTINGS_FILE_BYTES} />
    </main>
  );
}
