import { useId, useMemo, useRef, useState } from 'react';
import { DateTime } from 'luxon';
import { builtInTemplates, isBuiltInTemplateId, isUneditedBuiltIn, renderTemplate, TEMPLATE_VARIABLE_INFO, validateTemplate } from '@/utils/etiquette';
import type { Hours } from '@/utils/hours';
import { officeWeek } from '@/utils/store/defaults';
import { LIMITS, type Template } from '@/utils/store/schema';

interface Props {
  templates: readonly Template[];
  /** Returns null when saved, or why not. */
  onSave: (templates: Template[]) => Promise<string | null>;
  /** Your hours: the preview fills your time and next start from them. */
  me: Hours;
  now: Date;
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

/** Built-ins put back: missing ones re-added at the end, edited ones returned to their wording. */
export function restoreBuiltIns(templates: readonly Template[]): Template[] {
  const defaults = builtInTemplates('email');
  const byId = new Map(defaults.map((t) => [t.id, t]));
  const restored = templates.map((t) => byId.get(t.id) ?? t);
  const present = new Set(restored.map((t) => t.id));
  return [...restored, ...defaults.filter((t) => !present.has(t.id))];
}

function kindOf(t: Template): string {
  if (!isBuiltInTemplateId(t.id)) return 'yours';
  return isUneditedBuiltIn(t) ? 'built-in' : 'built-in, edited';
}

interface Draft {
  /** Null for a new template. */
  id: string | null;
  title: string;
  body: string;
}

/** Create, edit, reorder, delete and preview the context templates; nothing invalid is saved. */
export function TemplateEditor({ templates, onSave, me, now }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const deadline = useMemo(() => DateTime.fromJSDate(now).setZone(me.timeZone).plus({ days: 1 }).set({ hour: 17, minute: 0 }).toJSDate(), [now, me.timeZone]);
  const preview = draft ? renderTemplate(draft.body, { now, me, recipients: SAMPLES, deadline }) : null;

  async function commit(next: Template[], done: string): Promise<boolean> {
    const problem = await onSave(next);
    setStatus(problem ? null : done);
    setErrors(problem ? [problem] : []);
    return !problem;
  }

  async function save() {
    if (!draft) return;
    const problems = validateTemplate(draft);
    if (problems.length) return setErrors(problems);
    if (draft.id === null && templates.length >= LIMITS.templates) return setErrors([`At most ${LIMITS.templates} templates.`]);
    const template: Template = {
      id: draft.id ?? templateId(draft.title, new Set(templates.map((t) => t.id))),
      title: draft.title.trim(),
      body: draft.body,
    };
    const next = draft.id === null ? [...templates, template] : templates.map((t) => (t.id === draft.id ? template : t));
    setErrors([]);
    if (await commit(next, `Saved “${template.title}”.`)) setDraft(null);
  }

  function move(index: number, by: -1 | 1) {
    const next = [...templates];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    void commit(next, `Moved “${item!.title}” ${by < 0 ? 'up' : 'down'}.`);
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

  return (
    <fieldset className="templates-editor">
      <legend>Context templates</legend>
      <ol className="template-list" aria-label="Templates, in menu order">
        {templates.map((t, i) => (
          <li key={t.id}>
            <span>
              <strong>{t.title}</strong> <span className="hint">({kindOf(t)})</span>
            </span>
            <span className="button-row">
              <button type="button" aria-label={`Move ${t.title} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${t.title} down`} disabled={i === templates.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button
                type="button"
                aria-label={`Edit ${t.title}`}
                onClick={() => {
                  setErrors([]);
                  setDraft({ id: t.id, title: t.title, body: t.body });
                }}
              >
                Edit
              </button>
              <button type="button" aria-label={`Delete ${t.title}`} onClick={() => void commit(templates.filter((x) => x.id !== t.id), `Deleted “${t.title}”.`)}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            setErrors([]);
            setDraft({ id: null, title: '', body: '' });
          }}
        >
          New template
        </button>
        {confirmRestore ? (
          <>
            <span>Put the built-in templates back as they came (yours are kept)?</span>
            <button
              type="button"
              onClick={() => {
                setConfirmRestore(false);
                void commit(restoreBuiltIns(templates), 'Built-in templates restored.');
              }}
            >
              Yes, restore
            </button>
            <button type="button" onClick={() => setConfirmRestore(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmRestore(true)}>
            Restore built-in templates…
          </button>
        )}
      </div>
      <p className="note" role="status">
        {status}
      </p>
      {!draft && errors.length > 0 && (
        <p className="error" role="alert">
          Not saved: {errors.join(' ')}
        </p>
      )}
      {draft && (
        <form
          className="contact-editor"
          aria-label={draft.id ? `Edit template ${draft.title}` : 'New template'}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null);
          }}
        >
          <div className="row">
            <label htmlFor={`${id}-title`}>Title</label>
            <input
              id={`${id}-title`}
              value={draft.title}
              maxLength={120}
              aria-invalid={errors.some((e) => e.startsWith('Title')) ? true : undefined}
              onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>Text</label>
            <textarea
              id={`${id}-body`}
              ref={body}
              rows={5}
              value={draft.body}
              aria-invalid={errors.some((e) => !e.startsWith('Title')) ? true : undefined}
              aria-describedby={`${id}-vars`}
              onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
            />
          </div>
          <div id={`${id}-vars`} className="button-row" role="group" aria-label="Insert a variable">
            {Object.values(TEMPLATE_VARIABLE_INFO).map((v) => (
              <button key={v.name} type="button" title={v.description} onClick={() => insertVariable(v.name)}>
                {`{${v.name}}`}
              </button>
            ))}
          </div>
          {errors.length > 0 && (
            <ul className="error plain-list" role="alert">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          {preview && (
            <section className="preview" aria-label="Preview">
              <h4>Preview, to Priya (Kolkata) and Ana (São Paulo), deadline tomorrow 17:00</h4>
              <p className="preview-text">{preview.text || '…'}</p>
              {preview.missing.length > 0 && (
                <p className="hint">Shown as a placeholder when unknown: {preview.missing.map((m) => `{${m}}`).join(', ')}.</p>
              )}
            </section>
          )}
          <div className="row actions">
            <button type="submit" className="primary">
              Save template
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </fieldset>
  );
}
