import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  builtInTemplates,
  displayShortcut,
  displayTitle,
  isBuiltInTemplateId,
  isUneditedBuiltIn,
  renderTemplate,
  shortcutOfPress,
  shortcutProblem,
  shortcutProblemMessage,
  TEMPLATE_VARIABLE_INFO,
  templateForFlavour,
  templateProblems,
  type TemplateProblem,
} from '@/utils/etiquette';
import { defaultDeadline, type Hours } from '@/utils/hours';
import { t } from '@/utils/i18n';
import { officeWeek } from '@/utils/store/defaults';
import { LIMITS, type Template } from '@/utils/store/schema';

interface Props {
  templates: readonly Template[];
  /** Returns null when saved, or why not. */
  onSave: (templates: Template[]) => Promise<string | null>;
  /** Your hours: the preview fills your time and next start from them. */
  me: Hours;
  now: Date;
  /** Field ids the organisation locked (utils/store/policy.ts): `templates.<id>` cannot be edited or deleted. */
  lockedFields?: readonly string[];
}

/** Two sample recipients for the preview, in zones far from most senders. */
const SAMPLES = [
  { name: 'Priya Raman', hours: { timeZone: 'Asia/Kolkata', weekly: officeWeek([['09:30', '18:00']]) } },
  { name: 'Ana Souza', hours: { timeZone: 'America/Sao_Paulo', weekly: officeWeek([['08:00', '17:00']]) } },
];

/** A stored id from a title: "Decision by Friday!" → "decision-by-friday", unique among `taken`. */
export function templateId(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'template';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Built-ins put back: missing ones re-added at the end, edited ones returned to their stored wording
 * (their shortcut kept: it is the person's choice, not the wording). Locked ones are the organisation's.
 */
export function restoreBuiltIns(templates: readonly Template[], locked: ReadonlySet<string> = new Set()): Template[] {
  const defaults = builtInTemplates('email');
  const byId = new Map(defaults.map((d) => [d.id, d]));
  const restored = templates.map((template) => {
    const builtIn = byId.get(template.id);
    if (!builtIn || locked.has(template.id)) return template;
    return template.shortcut ? { ...builtIn, shortcut: template.shortcut } : builtIn;
  });
  const present = new Set(restored.map((template) => template.id));
  return [...restored, ...defaults.filter((d) => !present.has(d.id))];
}

function kindOf(template: Template): string {
  if (!isBuiltInTemplateId(template.id)) return t('templateEditor.kind.yours');
  return isUneditedBuiltIn(template) ? t('templateEditor.kind.builtIn') : t('templateEditor.kind.edited');
}

function lockedIds(lockedFields: readonly string[]): Set<string> {
  return new Set(lockedFields.filter((f) => f.startsWith('templates.')).map((f) => f.slice('templates.'.length)));
}

interface Draft {
  /** Null for a new template. */
  id: string | null;
  title: string;
  body: string;
  shortcut?: string;
}

/** What the form starts from: a built-in the user has not edited shows in the UI language. */
function draftOf(template: Template): Draft {
  const shown = templateForFlavour(template, 'email');
  return { id: template.id, title: shown.title, body: shown.body, ...(template.shortcut ? { shortcut: template.shortcut } : {}) };
}

/**
 * The template to store. A title or text left as shown keeps its stored wording, so saving only a new
 * shortcut on a German-shown built-in does not turn it into the user's own German copy.
 */
function templateOf(draft: Draft, original: Template | undefined, id: string): Template {
  const shown = original ? draftOf(original) : null;
  const title = draft.title.trim();
  return {
    id,
    title: original && shown && title === shown.title ? original.title : title,
    body: original && shown && draft.body === shown.body ? original.body : draft.body,
    ...(draft.shortcut ? { shortcut: draft.shortcut } : {}),
  };
}

/** Why the draft's shortcut cannot be saved (its own rules, or another template already has it), or null. */
function shortcutError(draft: Draft, templates: readonly Template[]): string | null {
  const shortcut = draft.shortcut;
  if (!shortcut) return null;
  const problem = shortcutProblem(shortcut);
  if (problem) return shortcutProblemMessage(problem, shortcut);
  const other = templates.find((template) => template.id !== draft.id && template.shortcut === shortcut);
  return other ? t('templateEditor.shortcut.clash', { combo: displayShortcut(shortcut), other: displayTitle(other) }) : null;
}

interface ShortcutFieldProps {
  id: string;
  value: string | undefined;
  error: string | null;
  onChange: (shortcut: string | undefined) => void;
}

const isPlain = (e: KeyboardEvent) => !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;

/**
 * Records a shortcut: focus it and press the keys. Tab still moves on and Enter still saves; Backspace or
 * Delete removes the shortcut; Escape goes back to the value it had on focus (a second Escape closes the form).
 */
function ShortcutField({ id, value, error, onChange }: ShortcutFieldProps) {
  const before = useRef(value);
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) return;
    if (isPlain(e) && e.key === 'Enter') return;
    if (isPlain(e) && e.key === 'Escape') {
      if (value === before.current) return;
      e.stopPropagation();
      onChange(before.current);
    } else if (isPlain(e) && (e.key === 'Backspace' || e.key === 'Delete')) {
      onChange(undefined);
    } else {
      const shortcut = shortcutOfPress(e);
      if (shortcut) onChange(shortcut);
    }
    e.preventDefault();
  }
  const describedBy = error ? `${id}-error ${id}-help` : `${id}-help`;
  return (
    <div className="field">
      <div className="row">
        <label htmlFor={id}>{t('templateEditor.shortcut.label')}</label>
        <input
          id={id}
          readOnly
          value={value ? displayShortcut(value) : ''}
          placeholder={t('templateEditor.shortcut.none')}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onFocus={() => (before.current = value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" disabled={!value} onClick={() => onChange(undefined)}>
          {t('templateEditor.shortcut.remove')}
        </button>
      </div>
      <p id={`${id}-help`} className="hint">
        {t('templateEditor.shortcut.help')}
      </p>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TemplateRowProps {
  template: Template;
  index: number;
  templates: readonly Template[];
  locked: ReadonlySet<string>;
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: (template: Template) => void;
  onDelete: (template: Template) => void;
}

/** One line of the list; an organisation's template is greyed and cannot be moved, edited or deleted. */
function TemplateRow({ template, index, templates, locked, onMove, onEdit, onDelete }: TemplateRowProps) {
  const id = useId();
  const title = displayTitle(template);
  const isLocked = locked.has(template.id);
  const above = templates[index - 1];
  const lockedNote = isLocked ? `${id}-locked` : undefined;
  // Greyed by its disabled buttons and the note; dimming the title too would fail text contrast.
  return (
    <li className={isLocked ? 'locked' : undefined}>
      <span>
        <strong>{title}</strong>{' '}
        <span className="hint" id={lockedNote}>
          ({isLocked ? t('templateEditor.locked') : kindOf(template)})
        </span>
        {template.shortcut && <span className="hint"> · {t('templateEditor.shortcutInList', { combo: displayShortcut(template.shortcut) })}</span>}
      </span>
      <span className="button-row">
        <button
          type="button"
          aria-label={t('templateEditor.moveUp', { title })}
          aria-describedby={lockedNote}
          disabled={isLocked || !above || locked.has(above.id)}
          onClick={() => onMove(index, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('templateEditor.moveDown', { title })}
          aria-describedby={lockedNote}
          disabled={isLocked || index === templates.length - 1}
          onClick={() => onMove(index, 1)}
        >
          ↓
        </button>
        <button type="button" aria-label={t('templateEditor.editLabel', { title })} aria-describedby={lockedNote} disabled={isLocked} onClick={() => onEdit(template)}>
          {t('templateEditor.edit')}
        </button>
        <button type="button" aria-label={t('templateEditor.deleteLabel', { title })} aria-describedby={lockedNote} disabled={isLocked} onClick={() => onDelete(template)}>
          {t('templateEditor.delete')}
        </button>
      </span>
    </li>
  );
}

/** Create, edit, reorder, delete and preview the context templates; nothing invalid is saved. */
export function TemplateEditor({ templates, onSave, me, now, lockedFields = [] }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<TemplateProblem[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const locked = useMemo(() => lockedIds(lockedFields), [lockedFields]);
  const deadline = useMemo(() => new Date(defaultDeadline(now.getTime(), me.timeZone)), [now, me.timeZone]);
  const preview = draft ? renderTemplate(draft.body, { now, me, recipients: SAMPLES, deadline }) : null;
  const shortcutProblemText = draft ? shortcutError(draft, templates) : null;

  function openDraft(next: Draft | null) {
    setProblems([]);
    setSaveError(null);
    setDraft(next);
  }

  async function commit(next: Template[], done: string): Promise<boolean> {
    const problem = await onSave(next);
    setStatus(problem ? null : done);
    setSaveError(problem);
    return !problem;
  }

  async function save() {
    if (!draft) return;
    const found = templateProblems(draft);
    setProblems(found);
    if (found.length || shortcutProblemText) return;
    if (draft.id === null && templates.length >= LIMITS.templates) return setSaveError(t('templateEditor.tooMany', { max: LIMITS.templates }));
    const original = templates.find((x) => x.id === draft.id);
    const template = templateOf(draft, original, draft.id ?? templateId(draft.title, new Set(templates.map((x) => x.id))));
    const next = draft.id === null ? [...templates, template] : templates.map((x) => (x.id === draft.id ? template : x));
    if (await commit(next, t('templateEditor.saved', { title: displayTitle(template) }))) setDraft(null);
  }

  function move(index: number, by: -1 | 1) {
    const next = [...templates];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    const title = displayTitle(item);
    void commit(next, by < 0 ? t('templateEditor.movedUp', { title }) : t('templateEditor.movedDown', { title }));
  }

  function insertVariable(name: string) {
    if (!draft) return;
    const field = body.current;
    const at = field?.selectionStart ?? draft.body.length;
    const end = field?.selectionEnd ?? at;
    const text = `{${name}}`;
    setDraft({ ...draft, body: draft.body.slice(0, at) + text + draft.body.slice(end) });
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(at + text.length, at + text.length);
    });
  }

  const titleInvalid = problems.some((p) => p.field === 'title');
  const bodyInvalid = problems.some((p) => p.field === 'body');
  const formErrors = [...problems.map((p) => p.message), ...(saveError ? [saveError] : [])];

  return (
    <fieldset className="templates-editor">
      <legend>{t('templateEditor.legend')}</legend>
      <ol className="template-list" aria-label={t('templateEditor.listLabel')}>
        {templates.map((template, i) => (
          <TemplateRow
            key={template.id}
            template={template}
            index={i}
            templates={templates}
            locked={locked}
            onMove={move}
            onEdit={(x) => openDraft(draftOf(x))}
            onDelete={(x) => void commit(templates.filter((y) => y.id !== x.id), t('templateEditor.deleted', { title: displayTitle(x) }))}
          />
        ))}
      </ol>
      <div className="row">
        <button type="button" onClick={() => openDraft({ id: null, title: '', body: '' })}>
          {t('templateEditor.new')}
        </button>
        {confirmRestore ? (
          <>
            <span>{t('templateEditor.restoreQuestion')}</span>
            <button
              type="button"
              onClick={() => {
                setConfirmRestore(false);
                void commit(restoreBuiltIns(templates, locked), t('templateEditor.restored'));
              }}
            >
              {t('templateEditor.restoreYes')}
            </button>
            <button type="button" onClick={() => setConfirmRestore(false)}>
              {t('templateEditor.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmRestore(true)}>
            {t('templateEditor.restore')}
          </button>
        )}
      </div>
      <p className="note" role="status">
        {status}
      </p>
      {!draft && saveError && (
        <p className="error" role="alert">
          {t('templateEditor.notSaved', { reasons: saveError })}
        </p>
      )}
      {draft && (
        <form
          className="contact-editor"
          aria-label={draft.id ? t('templateEditor.formEdit', { title: draft.title }) : t('templateEditor.formNew')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null);
          }}
        >
          <div className="row">
            <label htmlFor={`${id}-title`}>{t('templateEditor.title')}</label>
            <input
              id={`${id}-title`}
              value={draft.title}
              maxLength={LIMITS.templateTitle}
              aria-invalid={titleInvalid ? true : undefined}
              onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('templateEditor.text')}</label>
            <textarea
              id={`${id}-body`}
              ref={body}
              rows={5}
              value={draft.body}
              aria-invalid={bodyInvalid ? true : undefined}
              aria-describedby={`${id}-vars`}
              onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
            />
          </div>
          <div id={`${id}-vars`} className="button-row" role="group" aria-label={t('templateEditor.insertVariable')}>
            {Object.values(TEMPLATE_VARIABLE_INFO).map((v) => (
              <button key={v.name} type="button" title={v.description} onClick={() => insertVariable(v.name)}>
                {`{${v.name}}`}
              </button>
            ))}
          </div>
          <ShortcutField
            id={`${id}-shortcut`}
            value={draft.shortcut}
            error={shortcutProblemText}
            onChange={(shortcut) => setDraft({ ...draft, shortcut })}
          />
          {formErrors.length > 0 && (
            <ul className="error plain-list" role="alert">
              {formErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          {preview && (
            <section className="preview" aria-label={t('templateEditor.preview')}>
              <h4>{t('templateEditor.previewHeading')}</h4>
              <p className="preview-text">{preview.text || '…'}</p>
              {preview.missing.length > 0 && (
                <p className="hint">{t('templateEditor.missing', { list: preview.missing.map((m) => `{${m}}`).join(', ') })}</p>
              )}
            </section>
          )}
          <div className="row actions">
            <button type="submit" className="primary">
              {t('templateEditor.save')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('templateEditor.cancel')}
            </button>
          </div>
        </form>
      )}
    </fieldset>
  );
}
