import { useEffect, useRef, useState } from 'react';
import { isValidTimeZone } from '@/utils/hours';
import { contactSchema, type Contact, type Weekly } from '@/utils/store/schema';
import { describeIssue } from '@/utils/store/settings-file';
import { DaysOffEditor } from './DaysOffEditor';
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
}

const SOURCE_LABELS: Record<NonNullable<Contact['source']>, string> = {
  typed: 'typed by you',
  'slack-profile': 'learned from a Slack profile',
  policy: 'set by your organisation',
};

export function sourceLabel(source: Contact['source']): string {
  return SOURCE_LABELS[source ?? 'typed'];
}

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
  if (!name) errors.name = 'Give the contact a name.';
  const emails = words(draft.emails).map((e) => e.toLowerCase());
  const badEmail = emails.find((e) => !contactSchema.shape.emails.safeParse([e]).success);
  if (badEmail) errors.emails = `"${badEmail}" is not an email address.`;
  const slackIds = words(draft.slackIds);
  const badId = slackIds.find((id) => !/^[UW][A-Z0-9]{2,20}$/.test(id));
  if (badId) errors.slackIds = `"${badId}" is not a Slack member id (like U012AB3CD).`;
  if (!emails.length && !slackIds.length && !errors.emails && !errors.slackIds) {
    errors.emails = 'Add an email address or a Slack member id, so the contact can be recognised.';
  }
  const zone = draft.timeZone.trim();
  if (zone && !isValidTimeZone(zone)) errors.timeZone = `"${zone}" is not a time zone; pick one from the list or leave it empty.`;
  if (Object.keys(errors).length) return { errors };

  const zoneChanged = (original?.timeZone ?? '') !== zone;
  const candidate: Contact = {
    name,
    emails,
    ...(slackIds.length ? { slackIds } : {}),
    ...(zone ? { timeZone: zone } : {}),
    ...(weekly ? { weekly } : {}),
    ...(draft.daysOff.length ? { daysOff: draft.daysOff } : {}),
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
  const title = contact ? `Edit ${contact.name}` : 'New contact';
  useEffect(() => nameField.current?.focus(), []);

  async function save() {
    let weekly: Weekly | undefined;
    if (draft.ownHours) {
      const result = validateDrafts(hours.drafts);
      if ('errors' in result) {
        hours.setErrors(result.errors);
        setErrors({ weekly: 'Fix the working hours marked below.' });
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
      {contact && <p className="hint">Time zone {sourceLabel(contact.source)}.</p>}
      <div className="row">
        <label htmlFor="contact-name">Name</label>
        <input id="contact-name" ref={nameField} value={draft.name} {...field('name')} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
      </div>
      {problem('name')}
      <div className="row">
        <label htmlFor="contact-emails">Email addresses</label>
        <input
          id="contact-emails"
          value={draft.emails}
          placeholder="ana@example.com, ana.souza@example.org"
          {...field('emails')}
          onChange={(e) => setDraft({ ...draft, emails: e.currentTarget.value })}
        />
      </div>
      {problem('emails')}
      <div className="row">
        <label htmlFor="contact-slack">Slack member ids</label>
        <input
          id="contact-slack"
          value={draft.slackIds}
          placeholder="U012AB3CD"
          {...field('slackIds')}
          onChange={(e) => setDraft({ ...draft, slackIds: e.currentTarget.value })}
        />
      </div>
      {problem('slackIds')}
      <div className="row">
        <ZoneCombobox
          id="contact-zone"
          label="Their time zone"
          value={draft.timeZone}
          invalid={Boolean(errors.timeZone)}
          describedBy={errors.timeZone ? 'contact-timeZone-error' : undefined}
          placeholder="Unknown (you will be asked when it matters)"
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
        <label htmlFor="contact-own-hours">Their own working hours (otherwise your default contact hours)</label>
      </div>
      {draft.ownHours && (
        <fieldset className="weekly">
          <legend>Their working hours</legend>
          {problem('weekly')}
          <WeeklyFields idPrefix="contact-weekly" drafts={hours.drafts} errors={hours.errors} onChange={hours.change} onBlur={hours.blur} />
          <button type="button" onClick={hours.copyMondayToWeekdays}>
            Copy Monday to weekdays
          </button>
        </fieldset>
      )}
      <DaysOffEditor legend="Their days off" daysOff={draft.daysOff} today={today} show={4} onChange={(daysOff) => setDraft({ ...draft, daysOff })} />
      {problem('form')}
      <div className="row actions">
        <button type="submit" className="primary" disabled={saving}>
          Save contact
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
