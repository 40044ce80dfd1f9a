import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ContactsCsv } from '@/components/ContactsCsv';
import { ContactsDirectory } from '@/components/ContactsDirectory';
import { DaysOffEditor } from '@/components/DaysOffEditor';
import { FootprintPanel } from '@/components/FootprintPanel';
import { HolidayRegionField } from '@/components/HolidayRegionField';
import { HistoryPanel } from '@/components/HistoryPanel';
import { TeamClock } from '@/components/TeamClock';
import { ImportExport } from '@/components/ImportExport';
import { KeyboardShortcuts, type Shortcut } from '@/components/KeyboardShortcuts';
import { ClarityRules } from '@/components/ClarityRules';
import { PreferencesEditor } from '@/components/PreferencesEditor';
import { QuietExceptions } from '@/components/QuietExceptions';
import { QuietModes } from '@/components/QuietModes';
import { ResetSettings } from '@/components/ResetSettings';
import { SaveStatus, type SaveState } from '@/components/SaveStatus';
import { SiteModes } from '@/components/SiteModes';
import { Diagnostics } from '@/components/SiteHealth';
import { SnoozeList, type Person } from '@/components/SnoozeList';
import { SyncSettings } from '@/components/SyncSettings';
import { TemplateEditor } from '@/components/TemplateEditor';
import { TimeZoneField } from '@/components/TimeZoneField';
import { WeeklyEditor } from '@/components/WeeklyEditor';
import { WorkingStatus } from '@/components/WorkingStatus';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { isValidTimeZone, localDate, zoneOrUtc } from '@/utils/hours';
import { contactKeys, type ContactQuery } from '@/utils/store/contact-query';
import { runtimeTimeZone } from '@/utils/store/defaults';
import type { Contact } from '@/utils/store/schema';
import type { Snapshot } from '@/utils/store/snapshot';
import { MAX_SETTINGS_FILE_BYTES } from '@/utils/store/settings-file';
import { exportSettings, importContactsCsv, importSettings, updateSettings } from '@/utils/ui/actions';
import { inversePatch } from '@/utils/ui/undo-patch';
import { contactsToCsv, csvToContacts } from '@/utils/ui/contacts-csv';
import { requests } from '@/utils/ui/requests';
import { workingStatus } from '@/utils/ui/status';
import { useNow, useSnapshot } from '@/utils/ui/use-snapshot';

const SECTIONS: ReadonlyArray<readonly [string, () => string]> = [
  ['start-here', () => t('options.sections.startHere')],
  ['working-time', () => t('options.sections.workingTime')],
  ['prompts', () => t('options.sections.prompts')],
  ['quiet', () => t('options.sections.quiet')],
  ['templates', () => t('options.sections.templates')],
  ['contacts', () => t('options.sections.contacts')],
  ['team-clock', () => t('teamClock.heading')],
  ['footprint', () => t('options.sections.footprint')],
  ['history', () => t('options.sections.history')],
  ['sync', () => t('options.sections.sync')],
  ['shortcuts', () => t('options.sections.shortcuts')],
  ['settings-file', () => t('options.sections.settingsFile')],
];

/** The manifest's keyboard commands with the keys the browser gave them (the person may have changed them). */
async function loadShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
}

async function findPeople(query: string): Promise<Person[]> {
  const page = await requests.contacts({ search: query, limit: 6 });
  return page.items.map((c) => ({ name: c.name, keys: contactKeys(c), detail: [...c.emails, ...(c.slackIds ?? [])][0] ?? '' }));
}

async function exportCsv(): Promise<{ fileName: string; csv: string }> {
  const file = await sendMessage('getSettings');
  return { fileName: `async-etiquette-contacts-${new Date().toISOString().slice(0, 10)}.csv`, csv: contactsToCsv(file.contacts) };
}

const loadContacts = (query: ContactQuery) => requests.contacts(query);

/** Site health for "Copy diagnostics" (issue 16). */
const loadSiteHealth = () => sendMessage('getSiteHealth', undefined);

type Patch = Parameters<typeof updateSettings>[0];

/** Every change saves itself; the page says "Saved" and offers to undo the last one (issue 20). */
function useAutosaveStatus(snapshot: Snapshot | null) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(snapshot);
  latest.current = snapshot;
  const undo = useRef<Patch | null>(null);
  const save = useCallback(async (patch: Patch) => {
    const before = latest.current?.settings;
    setState({ kind: 'saving' });
    const error = await updateSettings(patch);
    if (error) return setState({ kind: 'error', error });
    undo.current = before ? inversePatch(patch, before) : null;
    setState({ kind: 'saved', canUndo: undo.current !== null });
  }, []);
  const onUndo = useCallback(async () => {
    const inverse = undo.current;
    if (!inverse) return;
    undo.current = null;
    const error = await updateSettings(inverse);
    setState(error ? { kind: 'error', error } : { kind: 'undone' });
  }, []);
  return { state, save, onUndo };
}

/** The page draws after the settings arrive, so the browser's own jump to `#contacts` came too early. */
function useHashTarget(ready: boolean) {
  useEffect(() => {
    if (!ready || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [ready]);
}

export function App() {
  const snapshot = useSnapshot();
  const now = useNow();
  const { state: saveState, save, onUndo } = useAutosaveStatus(snapshot);
  const [editDefaults, setEditDefaults] = useState(false);
  useHashTarget(Boolean(snapshot));

  if (!snapshot) return <p role="status">{t('options.loading')}</p>;
  const { me } = snapshot.settings;
  const locked = snapshot.locked ?? [];
  const isLocked = (field: string) => locked.includes(field);
  const today = localDate(me.timeZone, now.getTime());
  const zone = zoneOrUtc(me.timeZone);
  const shared: SectionProps = { snapshot, now, today, isLocked, save };

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <nav aria-label={t('options.sectionsNav')} className="sections">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label()}
          </a>
        ))}
      </nav>
      <WorkingStatus timeZone={me.timeZone} status={workingStatus(me, now)} />
      <SaveStatus state={saveState} onUndo={() => void onUndo()} />

      <StartHereSection {...shared} />
      <WorkingTimeSection {...shared} />
      <PromptsSection {...shared} />
      <QuietSection {...shared} />

      <section id="templates" aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('options.headings.templates')}</h2>
        <TemplateEditor templates={snapshot.settings.templates} lockedFields={locked} me={me} now={now} onSave={(templates) => updateSettings({ templates })} />
      </section>

      <ContactsSection {...shared} editDefaults={editDefaults} setEditDefaults={setEditDefaults} />

      {/* Who works now, and plan a time with several people (issue 22), as in the popup. */}
      <div id="team-clock">
        <TeamClock me={me} />
      </div>

      <section id="footprint" aria-labelledby="footprint-heading">
        <h2 id="footprint-heading">{t('footprint.heading')}</h2>
        <FootprintPanel revision={snapshot.revision} load={requests.footprint} today={today} />
      </section>

      <section id="history" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('options.headings.history')}</h2>
        <HistoryPanel revision={snapshot.revision} timeZone={zone} load={requests.history} loadEvents={requests.events} clear={requests.clearHistory} />
      </section>

      <section id="sync" aria-labelledby="sync-heading">
        <h2 id="sync-heading">{t('options.headings.sync')}</h2>
        <SyncSettings />
      </section>

      <section id="shortcuts" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">{t('options.headings.shortcuts')}</h2>
        <KeyboardShortcuts load={loadShortcuts} firefox={import.meta.env.FIREFOX} />
      </section>

      <section id="settings-file" aria-labelledby="settings-file-heading">
        <h2 id="settings-file-heading">{t('options.headings.settingsFile')}</h2>
        <ImportExport onImport={importSettings} onExport={exportSettings} maxBytes={MAX_SETTINGS_FILE_BYTES} />
        <ResetSettings onReset={requests.reset} />
        {/* The first-run page (issue 22), to go through the main choices again. */}
        <p>
          <a href={browser.runtime.getURL('/welcome.html')}>{t('firstRun.reopen')}</a>
        </p>
      </section>

      <section id="diagnostics" aria-labelledby="diagnostics-heading">
        <h2 id="diagnostics-heading">{t('health.diagnostics.heading')}</h2>
        <Diagnostics load={loadSiteHealth} version={browser.runtime.getManifest().version} browser={navigator.userAgent} />
      </section>
    </main>
  );
}

type Save = (patch: Parameters<typeof updateSettings>[0]) => Promise<void>;

/** What every section below reads: the settings, the clock, which fields policy locks, and the save. */
interface SectionProps {
  snapshot: Snapshot;
  now: Date;
  today: string;
  isLocked: (field: string) => boolean;
  save: Save;
}

/** First on the page (issue 20): your zone, your hours, and the way to the people you write to. */
function StartHereSection({ snapshot, now, isLocked, save }: SectionProps) {
  const { me } = snapshot.settings;
  return (
    <section id="start-here" aria-labelledby="start-here-heading" className="start-here">
      <h2 id="start-here-heading">{t('options.headings.startHere')}</h2>
      <p className="hint">{t('options.startHere.hint')}</p>
      <TimeZoneField
        value={me.timeZone}
        browserZone={runtimeTimeZone()}
        validate={isValidTimeZone}
        now={now.getTime()}
        locked={isLocked('me.timeZone')}
        onSave={(timeZone) => void save({ me: { timeZone } })}
      />
      <WeeklyEditor weekly={me.weekly} locked={isLocked('me.weekly')} onSave={(weekly) => void save({ me: { weekly } })} />
      <p>
        <a href="#contacts">{t('options.startHere.contacts')}</a>
      </p>
    </section>
  );
}

function WorkingTimeSection({ snapshot, today, isLocked, save }: SectionProps) {
  const { me } = snapshot.settings;
  return (
    <section id="working-time" aria-labelledby="working-time-heading">
      <h2 id="working-time-heading">{t('options.headings.workingTime')}</h2>
      <DaysOffEditor
        daysOff={me.daysOff ?? []}
        today={today}
        locked={isLocked('me.daysOff')}
        onChange={(daysOff) => void save({ me: { daysOff } })}
      />
      <HolidayRegionField
        legend={t('holidays.myLegend')}
        hint={t('holidays.myHint')}
        value={me.holidays}
        locked={isLocked('me.holidays')}
        onChange={(holidays) => void save({ me: { holidays } })}
      />
    </section>
  );
}

function PromptsSection({ snapshot, today, save }: SectionProps) {
  const { sites, preferences } = snapshot.settings;
  const locked = snapshot.locked ?? [];
  return (
    <section id="prompts" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">{t('options.headings.prompts')}</h2>
      <SiteModes sites={sites} lockedFields={locked} onChange={(site, mode) => void save({ sites: { [site]: mode } })} />
      <details className="advanced">
        <summary>{t('options.advanced')}</summary>
        <PreferencesEditor preferences={preferences} lockedFields={locked} onSave={(patch) => void save({ preferences: patch })} />
        <ClarityRules
          disabled={preferences.clarityDisabledRules ?? []}
          onChange={(clarityDisabledRules) => void save({ preferences: { clarityDisabledRules } })}
        />
      </details>
      <SnoozeList
        snoozes={preferences.snoozes ?? []}
        today={today}
        findPeople={findPeople}
        onChange={(snoozes) => void save({ preferences: { snoozes } })}
      />
    </section>
  );
}

/** Quiet tabs: each site's mode (saved on the click, like the site modes) and the notifications that still show. */
function QuietSection({ snapshot, isLocked, save }: SectionProps) {
  const { quiet, preferences } = snapshot.settings;
  return (
    <section id="quiet" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading">{t('options.headings.quiet')}</h2>
      <QuietModes quiet={quiet} lockedFields={snapshot.locked ?? []} hint onChange={(site, mode) => void save({ quiet: { [site]: mode } })} />
      <QuietExceptions
        exceptions={preferences.quietExceptions ?? []}
        locked={isLocked('preferences.quietExceptions')}
        onSave={(quietExceptions) => void save({ preferences: { quietExceptions } })}
      />
    </section>
  );
}

interface ContactsSectionProps extends SectionProps {
  /** Kept in App, so it lasts while the page is open. */
  editDefaults: boolean;
  setEditDefaults: (edit: boolean) => void;
}

function ContactsSection({ snapshot, now, today, isLocked, save, editDefaults, setEditDefaults }: ContactsSectionProps) {
  const { contactDefaults } = snapshot.settings;
  return (
    <section id="contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('options.headings.contacts')}</h2>
      <ContactsDirectory
        revision={snapshot.revision}
        defaultWeekly={contactDefaults.weekly}
        today={today}
        now={now}
        load={loadContacts}
        save={(contact: Contact, id?: number) => requests.saveContact(contact, id)}
        remove={requests.deleteContacts}
      />
      <HolidayRegionField
        legend={t('holidays.contactsLegend')}
        hint={t('holidays.contactsHint')}
        value={contactDefaults.holidays}
        locked={isLocked('contactDefaults.holidays')}
        onChange={(holidays) => void save({ contactDefaults: { ...contactDefaults, holidays } })}
      />
      {editDefaults || isLocked('contactDefaults.weekly') ? (
        <WeeklyEditor
          idPrefix="contact-defaults"
          legend={t('options.contactDefaultsLegend')}
          weekly={contactDefaults.weekly}
          locked={isLocked('contactDefaults.weekly')}
          onSave={(weekly) => void save({ contactDefaults: { weekly } })}
        />
      ) : (
        <p>
          {t('options.contactDefaultsNote')}{' '}
          <button type="button" onClick={() => setEditDefaults(true)}>
            {t('options.editContactDefaults')}
          </button>
        </p>
      )}
      <ContactsCsv onImport={importContactsCsv} onExport={exportCsv} maxBytes={MAX_SETTINGS_FILE_BYTES * 4} />
    </section>
  );
}
