import { useState } from 'react';
import { browser } from 'wxt/browser';
import { HeldComments } from '@/components/HeldComments';
import { HostAccess } from '@/components/HostAccess';
import { PauseControl } from '@/components/PauseControl';
import { PopupSnoozes } from '@/components/PopupSnoozes';
import { QuietModes } from '@/components/QuietModes';
import { QuietStatus } from '@/components/QuietStatus';
import { SiteModes } from '@/components/SiteModes';
import { SiteHealthAlerts, useSiteHealth } from '@/components/SiteHealth';
import { TeamClock } from '@/components/TeamClock';
import { sendMessage, type PopupSummary } from '@/utils/messaging';
import { WeekChart } from '@/components/WeekChart';
import { footprintSentence } from '@/components/FootprintPanel';
import { WorkingStatus } from '@/components/WorkingStatus';
import { ZonelessHolds } from '@/components/ZonelessHolds';
import { zoneOrUtc } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { weekdayTime } from '@/utils/i18n/dates';
import { pauseEnd, type PauseKind } from '@/utils/store/quiet';
import { quietLine, quietSites } from '@/utils/store/quiet-tabs';
import type { QuietMode, Site, SiteMode } from '@/utils/store/schema';
import { updateSettings } from '@/utils/ui/actions';
import { requests } from '@/utils/ui/requests';
import { workingStatus } from '@/utils/ui/status';
import { usePopupSummary } from '@/utils/ui/use-popup-summary';
import { useNow } from '@/utils/ui/use-snapshot';

const loadSiteHealth = () => sendMessage('getSiteHealth', undefined);

/** `stored`: the worker's stored summary, read before the first render (see main.tsx); undefined: read it here. */
export function App({ stored }: { stored?: PopupSummary | null } = {}) {
  const { summary, setSummary, error, refresh } = usePopupSummary(stored);
  const now = useNow(15_000);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [quietError, setQuietError] = useState<string | null>(null);
  const health = useSiteHealth(loadSiteHealth);

  if (!summary) {
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">{t('popup.loading')}</p>
    );
  }

  const { me, sites, pause, week } = summary;
  const zone = zoneOrUtc(me.timeZone);
  const format = (at: number) => weekdayTime(at, zone);
  const nextStart = pauseEnd('next-start', me, now.getTime());

  const at = now.getTime();
  const onCallUntil = summary.onCallUntil !== null && summary.onCallUntil > at ? summary.onCallUntil : undefined;
  const quiet = { me, quiet: summary.quiet, preferences: { onCallUntil } };

  async function run(action: () => Promise<string | null>, showError: (problem: string | null) => void = setActionError) {
    setBusy(true);
    const problem = await action();
    showError(problem);
    setBusy(false);
    await refresh();
  }

  function changeMode(site: Site, mode: SiteMode) {
    // Shown at once; the pushed snapshot confirms it (or the refresh puts the stored value back).
    setSummary({ ...summary!, sites: { ...sites, [site]: mode } });
    void run(() => updateSettings({ sites: { [site]: mode } }));
  }

  function changeQuiet(site: Site, mode: QuietMode) {
    setSummary({ ...summary!, quiet: { ...summary!.quiet, [site]: mode } });
    void run(() => updateSettings({ quiet: { [site]: mode } }), setQuietError);
  }

  return (
    <main className="popup" data-site-health={health ? 'read' : 'pending'}>
      <h1>{t('extName')}</h1>
      <WorkingStatus timeZone={me.timeZone} status={workingStatus(me, now)} />
      <SiteHealthAlerts view={health} />
      <SiteModes sites={sites} lockedFields={summary.locked} onChange={changeMode} />
      <ZonelessHolds count={week.unknownZoneHolds} />
      {/* The state and the site modes lead; the pause is below them (issue 20). */}
      <PauseControl
        pause={pause}
        nextStartLabel={nextStart === null ? t('popup.pause.tomorrow') : format(nextStart)}
        format={format}
        busy={busy}
        error={actionError}
        onPause={(kind: PauseKind) => void run(() => requests.pause(kind))}
        onResume={() => void run(() => requests.pause('resume'))}
      />
      <PopupSnoozes now={at} />
      <TeamClock me={me} />
      <QuietStatus
        line={quietLine(quiet, at)}
        timeZone={zone}
        now={at}
        canStartOnCall={onCallUntil === undefined && quietSites(summary.quiet).length > 0}
        busy={busy}
        error={quietError}
        onStartOnCall={(until) => void run(() => requests.onCall(until), setQuietError)}
        onEndOnCall={() => void run(() => requests.onCall(null), setQuietError)}
      />
      <QuietModes quiet={summary.quiet} lockedFields={summary.locked} onChange={changeQuiet} />
      <HostAccess />
      <HeldComments timeZone={zone} />
      <WeekChart week={week} />
      {summary.footprint && <p className="footprint-line">{footprintSentence(summary.footprint)}</p>}
      <Footer summary={summary} />
    </main>
  );
}

/** The team directory's size, the link to all settings, and how many contacts and snoozes there are. */
function Footer({ summary }: { summary: Pick<PopupSummary, 'teamContacts' | 'contacts' | 'snoozed'> }) {
  return (
    <>
      {!!summary.teamContacts && <p className="hint team-contacts">{t('popup.teamContacts', summary.teamContacts)}</p>}
      <p className="footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popup.allSettings')}
        </a>
        <span className="hint">
          {' '}
          · {t('popup.contacts', summary.contacts)}
          {summary.snoozed > 0 && ` · ${t('popup.snoozed', summary.snoozed)}`}
        </span>
      </p>
    </>
  );
}
