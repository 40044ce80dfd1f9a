import { useEffect, useRef, useState } from 'react';
import { isValidTimeZone } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { contactSchema, type Contact, type Weekly } from '@/utils/store/schema';
import { describeIssue } from '@/utils/store/settings-file';
import { DaysOffEditor } from './DaysOffEditor';
import { HolidayRegionField } from './HolidayRegionField';
import { useWeeklyDrafts, validateDrafts, WeeklyFields } from './WeeklyEditor';
import { ZoneCombobox } from './ZoneCombobox';

export type ContactField = 'name' | 'emails' | 'slackIds' | 'timeZone' | 'weekly' | 'form';
export type ContactErrors = Partial<Record<ContactField, string>>;

export interface ContactDraft {
  name: string;
  emails: string;
  slackIds: string;
  timeZone: string;
  ownHours: boolean;
  daysOff: string[];
  /** Their public-holiday region ("IN-KA"); empty or absent: the contact default's. */
  holidays?: string;
}

const SOURCE_LABELS: Record<NonNullable<Contact['source']>, () => string> = {
  typed: () => t('contacts.source.typed'),
  imported: () => t('contacts.source.imported'),
  'slack-profile': () => t('contacts.source.slackProfile'),
  policy: () => t('contacts.source.policy'),
};

/** Where a contact (and its zone) came from, for the directory's Source column. */
export function sourceLabel(source: Contact['source']): string {
  return SOURCE_LABELS[source ?? 'typed']();
}

/** The editor's note on where the zone came from, as a whole sentence. */
const ZONE_SOURCE: Record<NonNullable<Contact['source']>, () => string> = {
  typed: () => t('contacts.zoneSource.typed'),
  imported: () => t('contacts.zoneSource.imported'),
  'slack-profile': () => t('contacts.zoneSource.slackProfile'),
  policy: () => t('contacts.zoneSource.policy'),
};

function words(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** The contact the form describes, or one message per wrong field. `weekly` is checked by its own fields. */
export function validateContact(
  draft: ContactDraft,
  weekly: Weekly | undefined,
  original?: Contact,
): { contact: Contact } | { errors: ContactErrors } {
  const errors: ContactErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = t('contacts.errors.name');
  const emails = words(draft.emails).map((e) => e.toLowerCase());
  const badEmail = emails.find((e) => !contactSchema.shape.emails.safeParse([e]).success);
  if (badEmail) errors.emails = t('contacts.errors.email', { email: badEmail });
  const slackIds = words(draft.slackIds);
  const badId = slackIds.find((id) => !/^[UW][A-Z0-9]{2,20}$/.test(id));
  if (badId) errors.slackIds = t('contacts.errors.slackId', { id: badId });
  if (!emails.length && !slackIds.length && !errors.emails && !errors.slackIds) {
    errors.emails = t('contacts.errors.noAddress');
  }
  const zone = draft.timeZone.trim();
  if (zone && !isValidTimeZone(zone)) errors.timeZone = t('contacts.errors.zone', { zone });
  if (Object.keys(errors).length) return { errors };

  const zoneChanged = (original?.timeZone ?? '') !== zone;
  const candidate: Contact = {
    name,
    emails,
    ...(slackIds.length ? { slackIds } : {}),
    ...(zone ? { timeZone: zone } : {}),
    ...(weekly ? { weekly } : {}),
    ...(draft.daysOff.length ? { daysOff: draft.daysOff } : {}),
    ...(draft.holidays ? { holidays: draft.holidays } : {}),
    // A zone the user types always wins over a learned one.
    source: !original || zoneChanged ? 'typed' : (original.source ?? 'typed'),
  };
  const parsed = contactSchema.safeParse(candidate);
  if (!parsed.success) return { errors: { form: describeIssue(parsed.error.issues[0]!, candidate) } };
  return { contact: parsed.data };
}

function toDraft(contact?: Contact): ContactDraft {
  return {
    name: contact?.name ?? '',
    emails: contact?.emails.join(', ') ?? '',
    slackIds: contact?.slackIds?.join(', ') ?? '',
    timeZone: contact?.timeZone ?? '',
    ownHours: Boolean(contact?.weekly),
    daysOff: contact?.daysOff ?? [],
    holidays: contact?.holidays ?? '',
  };
}

interface Props {
  contact?: Contact;
  defaultWeekly: Weekly;
  today: string;
  /** Returns null when saved, or why not (e.g. the address belongs to someone else). */
  onSave: (contact: Contact) => Promise<string | null>;
  onCancel: () => void;
}

/** Add or edit one contact: name, addresses, Slack ids, zone, optional own hours and days off. */
export function ContactEditor({ contact, defaultWeekly, today, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<ContactDraft>(() => toDraft(contact));
  const [errors, setErrors] = useState<ContactErrors>({});
  const [saving, setSaving] = useState(false);
  const hours = useWeeklyDrafts(contact?.weekly ?? defaultWeekly);
  const nameField = useRef<HTMLInputElement>(null);
  const title = contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.newTitle');
  useEffect(() => nameField.current?.focus(), []);

  async function save() {
    let weekly: Weekly | undefined;
    if (draft.ownHours) {
      const result = validateDrafts(hours.drafts);
      if ('errors' in result) {
        hours.setErrors(result.errors);
        setErrors({ weekly: t('contacts.errors.hours') });
        return;
      }
      weekly = result.weekly;
    }
    const result = validateContact(draft, weekly, contact);
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    setSaving(true);
    const problem = await onSave(result.contact);
    setSaving(false);
    if (problem) setErrors({ form: problem });
  }

  const field = (key: ContactField) => ({
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `contact-${key}-error` : undefined,
  });
  const problem = (key: ContactField) =>
    errors[key] && (
      <p id={`contact-${key}-error`} className="error" role="alert">
        {errors[key]}
      </p>
    );

  /** A one-line text field of the draft, with its problem under it. */
  const textRow = (
    key: 'name' | 'emails' | 'slackIds',
    id: string,
    label: string,
    extra: { placeholder?: string; ref?: typeof nameField },
  ) => (
    <>
      <div className="row">
        <label htmlFor={id}>{label}</label>
        <input id={id} {...extra} value={draft[key]} {...field(key)} onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} />
      </div>
      {problem(key)}
    </>
  );

  return (
    <form
      className="contact-editor"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onCancel();
      }}
    >
      <h3>{title}</h3>
      {contact && <p className="hint">{ZONE_SOURCE[contact.source ?? 'typed']()}</p>}
      {textRow('name', 'contact-name', t('contacts.name'), { ref: nameField })}
      {textRow('emails', 'contact-emails', t('contacts.emails'), { placeholder: 'ana@example.com, ana.souza@example.org' })}
      {textRow('slackIds', 'contact-slack', t('contacts.slackIds'), { placeholder: 'U012AB3CD' })}
      <div className="row">
        <ZoneCombobox
          id="contact-zone"
          label={t('contacts.zone')}
          value={draft.timeZone}
          invalid={Boolean(errors.timeZone)}
          describedBy={errors.timeZone ? 'contact-timeZone-error' : undefined}
          placeholder={t('contacts.zonePlaceholder')}
          onChange={(timeZone) => setDraft({ ...draft, timeZone })}
        />
      </div>
      {problem('timeZone')}
      <div className="row">
        <input
          id="contact-own-hours"
          type="checkbox"
          checked={draft.ownHours}
          onChange={(e) => setDraft({ ...draft, ownHours: e.currentTarget.checked })}
        />
        <label htmlFor="contact-own-hours">{t('contacts.ownHours')}</label>
      </div>
      {draft.ownHours && (
        <fieldset className="weekly">
          <legend>{t('contacts.hoursLegend')}</legend>
          {problem('weekly')}
          <WeeklyFields idPrefix="contact-weekly" drafts={hours.drafts} errors={hours.errors} onChange={hours.change} onBlur={hours.blur} />
          <button type="button" onClick={hours.copyMondayToWeekdays}>
            {t('hours.copyMonday')}
          </button>
        </fieldset>
      )}
      <DaysOffEditor legend={t('contacts.daysOffLegend')} daysOff={draft.daysOff} today={today} show={4} onChange={(daysOff) => setDraft({ ...draft, daysOff })} />
      <HolidayRegionField
        legend={t('holidays.contactLegend')}
        value={draft.holidays || undefined}
        onChange={(holidays) => setDraft({ ...draft, holidays: holidays ?? '' })}
      />
      {problem('form')}
      <div className="row actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('contacts.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('contacts.cancel')}
        </button>
      </div>
    </form>
  );
}
