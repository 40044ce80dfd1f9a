/**
 * The first run (issue 22, item 1): what the extension does in three lines, then the main choices,
 * prefilled with the current (effective) settings. Nothing is saved until "Save and finish", which
 * sends one update with only what changed; "Skip" closes the page and keeps everything as it is.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DaysOffEditor } from '@/components/DaysOffEditor';
import { FileImportField } from '@/components/FileImportField';
import { HolidayRegionField } from '@/components/HolidayRegionField';
import { Outcome } from '@/components/Outcome';
import { QuietModes } from '@/components/QuietModes';
import { SiteModes } from '@/components/SiteModes';
import { useWeeklyDrafts, validateDrafts, WeeklyFields } from '@/components/WeeklyEditor';
import { ZoneCombobox } from '@/components/ZoneCombobox';
import { isValidTimeZone, localDate, type Day } from '@/utils/hours';
import { t } from '@/utils/i18n';
import type { PopupSummary } from '@/utils/messaging';
import { officeWeek, runtimeTimeZone } from '@/utils/store/defaults';
import { MAX_SETTINGS_FILE_BYTES } from '@/utils/store/settings-file';
import { importContactsCsv, updateSettings } from '@/utils/ui/actions';
import { choicesFrom, firstRunPatch, HOURS_PRESETS, presetOf, weeklyForPreset, type FirstRunChoices, type HoursPreset } from '@/utils/ui/first-run';
import { requests } from '@/utils/ui/requests';
import { useFileImport } from '@/utils/ui/use-file-import';
import { useSnapshot } from '@/utils/ui/use-snapshot';
import { clockIn } from '@/utils/ui/zones';

/** Literal keys, one call per label: the key test scans the source for them. */
const PRESET_LABELS: Record<HoursPreset, () => string> = {
  office: () => t('firstRun.hours.office'),
  fourDay: () => t('firstRun.hours.fourDay'),
  custom: () => t('firstRun.hours.custom'),
};

/** Skip and Close: the page was opened as a tab (on install, or from options); closing it is the way out. */
async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

export function App() {
  const snapshot = useSnapshot();
  const [base, setBase] = useState<FirstRunChoices | null>(null);
  const [draft, setDraft] = useState<FirstRunChoices | null>(null);
  const [touched, setTouched] = useState(false);
  const [preset, setPreset] = useState<HoursPreset>('office');
  const [error, setError] = useState<string | null>(null);
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [summary, setSummary] = useState<PopupSummary | null>(null);
  const weekly = useWeeklyDrafts(base?.weekly ?? officeWeek());

  // Until the person changes something, the page follows the settings (a change made in another tab shows here).
  useEffect(() => {
    if (!snapshot || touched) return;
    const choices = choicesFrom(snapshot.settings);
    setBase(choices);
    setDraft(choices);
    setPreset(presetOf(choices.weekly));
  }, [snapshot, touched]);

  useEffect(() => {
    requests.popupSummary().then(setSummary, () => setSummary(null));
  }, [snapshot?.revision]);

  if (!snapshot || !base || !draft) return <p role="status">{t('options.loading')}</p>;
  const locked = snapshot.locked ?? [];
  const isLocked = (field: string) => locked.includes(field);

  /** A change after saving offers Save again. */
  function touch() {
    setTouched(true);
    setSaved(false);
  }

  function change(patch: Partial<FirstRunChoices>) {
    touch();
    setDraft((current) => (current ? { ...current, ...patch } : current));
  }

  async function finish() {
    if (!base || !draft) return;
    setError(null);
    const timeZone = draft.timeZone.trim();
    if (!isValidTimeZone(timeZone)) {
      setZoneError(t('zone.unknown', { zone: timeZone }));
      document.getElementById('first-run-zone')?.focus();
      return;
    }
    let hours = weeklyForPreset(preset, draft.weekly);
    if (preset === 'custom') {
      const checked = validateDrafts(weekly.drafts);
      if ('errors' in checked) {
        weekly.setErrors(checked.errors);
        setError(t('firstRun.hours.fix'));
        return;
      }
      hours = checked.weekly;
    }
    const patch = firstRunPatch(base, { ...draft, timeZone, weekly: hours }, locked);
    const failed = patch ? await updateSettings(patch) : null;
    if (failed) setError(t('options.notSaved', { error: failed }));
    else setSaved(true);
  }

  const now = Date.now();
  return (
    <main className="first-run">
      <h1>{t('firstRun.title')}</h1>
      <ul className="first-run-intro">
        <li>{t('firstRun.intro.what')}</li>
        <li>{t('firstRun.intro.quiet')}</li>
        <li>{t('firstRun.intro.private')}</li>
      </ul>
      <p>{t('firstRun.intro.choose')}</p>
      <p>
        <button type="button" onClick={() => void closeThisTab()}>
          {t('firstRun.skip')}
        </button>
      </p>

      <ZoneChoice
        value={draft.timeZone}
        error={zoneError}
        locked={isLocked('me.timeZone')}
        now={now}
        onChange={(timeZone) => {
          setZoneError(null);
          change({ timeZone });
        }}
      />
      <HoursChoice
        preset={preset}
        weekly={weekly}
        locked={isLocked('me.weekly')}
        onPreset={(option) => {
          touch();
          setPreset(option);
        }}
        onDay={(day, text) => {
          touch();
          weekly.change(day, text);
        }}
      />

      <section aria-labelledby="first-run-days-off-heading">
        <h2 id="first-run-days-off-heading">{t('firstRun.daysOff.heading')}</h2>
        <DaysOffEditor
          daysOff={draft.daysOff}
          today={localDate(isValidTimeZone(draft.timeZone) ? draft.timeZone : 'UTC', now)}
          locked={isLocked('me.daysOff')}
          onChange={(daysOff) => change({ daysOff })}
        />
        <HolidayRegionField
          legend={t('holidays.myLegend')}
          hint={t('holidays.myHint')}
          value={draft.holidays}
          locked={isLocked('me.holidays')}
          onChange={(holidays) => change({ holidays: holidays ?? undefined })}
        />
      </section>

      <section aria-labelledby="first-run-sites-heading">
        <h2 id="first-run-sites-heading">{t('firstRun.sites.heading')}</h2>
        <p className="hint">{t('firstRun.sites.help')}</p>
        <SiteModes sites={draft.sites} lockedFields={locked} onChange={(site, mode) => change({ sites: { ...draft.sites, [site]: mode } })} />
      </section>

      <section aria-labelledby="first-run-quiet-heading">
        <h2 id="first-run-quiet-heading">{t('firstRun.quiet.heading')}</h2>
        <QuietModes quiet={draft.quiet} lockedFields={locked} hint onChange={(site, mode) => change({ quiet: { ...draft.quiet, [site]: mode } })} />
      </section>

      <ContactsChoice summary={summary} />

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {saved ? (
        <div className="first-run-done">
          <p role="status">{t('firstRun.saved')}</p>
          <p className="button-row">
            <a href={browser.runtime.getURL('/options.html')}>{t('firstRun.openSettings')}</a>
            <button type="button" onClick={() => void closeThisTab()}>
              {t('firstRun.close')}
            </button>
          </p>
        </div>
      ) : (
        <p className="button-row">
          <button type="button" className="primary" onClick={() => void finish()}>
            {t('firstRun.save')}
          </button>
          <button type="button" onClick={() => void closeThisTab()}>
            {t('firstRun.skip')}
          </button>
        </p>
      )}
    </main>
  );
}

interface ZoneChoiceProps {
  value: string;
  error: string | null;
  locked: boolean;
  now: number;
  onChange: (zone: string) => void;
}

/** The zone, prefilled with the one detected at install; the browser's zone is one click away when it differs. */
function ZoneChoice({ value, error, locked, now, onChange }: ZoneChoiceProps) {
  const browserZone = runtimeTimeZone();
  return (
    <section aria-labelledby="first-run-zone-heading">
      <h2 id="first-run-zone-heading">{t('firstRun.zone.heading')}</h2>
      <div className="row">
        <ZoneCombobox
          id="first-run-zone"
          label={t('zone.label')}
          value={value}
          invalid={Boolean(error)}
          describedBy={locked ? 'first-run-zone-locked' : error ? 'first-run-zone-error' : 'first-run-zone-detected'}
          disabled={locked}
          onChange={onChange}
        />
        {locked && (
          <span id="first-run-zone-locked" className="hint locked">
            {t('options.locked')}
          </span>
        )}
      </div>
      {error && (
        <p id="first-run-zone-error" className="error" role="alert">
          {error}
        </p>
      )}
      <p id="first-run-zone-detected" className="hint">
        {t('firstRun.zone.detected', { zone: browserZone, time: clockIn(browserZone, now) })}{' '}
        {value !== browserZone && !locked && (
          <button type="button" className="link" onClick={() => onChange(browserZone)}>
            {t('zone.switch', { zone: browserZone })}
          </button>
        )}
      </p>
    </section>
  );
}

interface HoursChoiceProps {
  preset: HoursPreset;
  weekly: ReturnType<typeof useWeeklyDrafts>;
  locked: boolean;
  onPreset: (preset: HoursPreset) => void;
  onDay: (day: Day, text: string) => void;
}

/** A preset as one radio group (arrow keys move between them); Custom opens the seven day fields. */
function HoursChoice({ preset, weekly, locked, onPreset, onDay }: HoursChoiceProps) {
  return (
    <section aria-labelledby="first-run-hours-heading">
      <h2 id="first-run-hours-heading">{t('firstRun.hours.heading')}</h2>
      <fieldset disabled={locked}>
        <legend>{t('hours.legend')}</legend>
        {locked && <p className="hint locked">{t('options.lockedWhat', { what: t('hours.legend') })}</p>}
        {HOURS_PRESETS.map((option) => (
          <label key={option} className="row">
            <input type="radio" name="first-run-preset" value={option} checked={preset === option} onChange={() => onPreset(option)} />
            {PRESET_LABELS[option]()}
          </label>
        ))}
        {preset === 'custom' && (
          <>
            <p className="hint">{t('hours.help')}</p>
            <WeeklyFields idPrefix="first-run-weekly" drafts={weekly.drafts} errors={weekly.errors} onBlur={weekly.blur} onChange={onDay} />
          </>
        )}
      </fieldset>
    </section>
  );
}

/**
 * Contacts: a CSV now (imported at once, as in options), or nothing to do: zones shown on Slack
 * profiles are learned as the person writes, and the organisation's directory applies by itself.
 */
function ContactsChoice({ summary }: { summary: PopupSummary | null }) {
  const { error, done, input, importFile } = useFileImport(MAX_SETTINGS_FILE_BYTES * 4, async (text, file) => {
    const result = await importContactsCsv(text);
    return 'error' in result ? { error: t('contacts.csv.fileError', { file: file.name, error: result.error }) } : result;
  });
  const team = summary?.teamContacts ?? 0;
  return (
    <section aria-labelledby="first-run-contacts-heading">
      <h2 id="first-run-contacts-heading">{t('firstRun.contacts.heading')}</h2>
      <p>{t('firstRun.contacts.help')}</p>
      <ul>
        <li>{t('firstRun.contacts.csv')}</li>
        <li>{t('firstRun.contacts.slack')}</li>
        <li>{team > 0 ? t('firstRun.contacts.directory', team) : t('firstRun.contacts.noDirectory')}</li>
      </ul>
      {summary && <p className="hint">{t('firstRun.contacts.count', summary.contacts)}</p>}
      <div className="row">
        <FileImportField id="first-run-contacts" label={t('contacts.csv.import')} accept=".csv,text/csv" input={input} onFile={(file) => void importFile(file)} />
      </div>
      <p className="hint">{t('contacts.csv.help')}</p>
      <Outcome error={error} done={done} />
    </section>
  );
}
