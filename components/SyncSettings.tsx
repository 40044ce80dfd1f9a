import { useCallback, useEffect, useId, useState } from 'react';
import { t } from '@/utils/i18n';
import { dateTime } from '@/utils/i18n/dates';
import { sendMessage } from '@/utils/messaging';
import type { SyncStatusView } from '@/utils/background/sync';
import { syncStateItems } from '@/utils/store/items';
import { errorText, outcome } from '@/utils/ui/requests';


interface Props {
  load?: () => Promise<SyncStatusView>;
  setEnabled?: (enabled: boolean) => Promise<string | null>;
  /** Calls back when the status may have changed; returns the unsubscribe. */
  watch?: (onChange: () => void) => () => void;
  /** Formats an instant ("Wed 4 Mar, 10:02"). */
  format?: (at: number) => string;
}

/** The status shown here is out of date when sync's state in storage.local changes. */
function watchStorage(onChange: () => void): () => void {
  const stops = syncStateItems.map((item) => item.watch(onChange));
  return () => stops.forEach((stop) => stop());
}

const loadStatus = () => sendMessage('getSyncStatus');
const sendEnabled = (enabled: boolean) => outcome(sendMessage('setSyncEnabled', { enabled }));
/** In this computer's own zone: the moment it synced, not a working time. */
const defaultFormat = (at: number) => dateTime(at, 'system');

/** "Sync my settings across my browsers": the per-browser switch, what travels, and how it went. */
export function SyncSettings({
  load = loadStatus,
  setEnabled = sendEnabled,
  watch = watchStorage,
  format = defaultFormat,
}: Props) {
  const id = useId();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    load().then(
      (next) => setStatus(next),
      (e: unknown) => setError(errorText(e)),
    );
  }, [load]);

  useEffect(() => {
    refresh();
    return watch(refresh);
  }, [refresh, watch]);

  async function toggle(enabled: boolean) {
    setBusy(true);
    // The box follows the click at once; the worker's answer (refresh below) confirms or reverts it.
    setStatus((previous) => (previous ? { ...previous, enabled } : previous));
    setError(await setEnabled(enabled));
    setBusy(false);
    refresh();
  }

  const notSynced = status?.notSyncedTemplates ?? [];
  return (
    <div className="sync-settings">
      <p>
        <input
          type="checkbox"
          id={`${id}-sync`}
          aria-describedby={`${id}-what`}
          checked={status?.enabled ?? false}
          disabled={!status || busy}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />{' '}
        <label htmlFor={`${id}-sync`}>{t('sync.enable')}</label>
      </p>
      <p id={`${id}-what`} className="hint">
        {t('sync.what')}
      </p>
      {status?.enabled && (
        <p role="status">
          {status.lastSyncedAt === null ? t('sync.notYet') : t('sync.lastSynced', { when: format(status.lastSyncedAt) })}
        </p>
      )}
      {status?.enabled && notSynced.length > 0 && (
        <p className="error" role="alert">
          {t('sync.templatesTooLarge', notSynced.length, { titles: notSynced.map((template) => template.title).join(', ') })}
        </p>
      )}
      {status?.enabled && status.error && (
        <p className="error" role="alert">
          {status.error}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
