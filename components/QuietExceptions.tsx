import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/utils/i18n';
import { useAutosave } from '@/utils/ui/use-autosave';
import { LIMITS, preferencesSchema } from '@/utils/store/schema';

interface Props {
  exceptions: readonly string[];
  /** Set by the organisation: shown, not editable. */
  locked?: boolean;
  onSave: (exceptions: string[]) => void;
}

const listSchema = preferencesSchema.shape.quietExceptions;

/**
 * The textarea's lines as the stored list: trimmed, blank lines and repeats dropped, then checked by the
 * schema (at most 50, each at most 100 characters). A problem names its line as the person typed it.
 */
export function validateQuietExceptions(text: string): { value: string[] } | { error: string } {
  const lines: Array<{ text: string; line: number }> = [];
  const seen = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const entry = raw.trim();
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    lines.push({ text: entry, line: i + 1 });
  });
  const parsed = listSchema.safeParse(lines.map((l) => l.text));
  if (parsed.success) return { value: parsed.data ?? [] };
  const issue = parsed.error.issues[0]!;
  const index = issue.path[0];
  if (typeof index !== 'number') return { error: t('quiet.exceptions.tooMany', { max: LIMITS.quietExceptions, count: lines.length }) };
  const line = lines[index]?.line ?? index + 1;
  if (issue.code === 'too_big') return { error: t('quiet.exceptions.lineTooLong', { line, max: LIMITS.quietException }) };
  return { error: t('quiet.exceptions.lineProblem', { line, problem: issue.message }) };
}

/** "Notifications that still show": names, addresses or Slack channels, one per line, saved with a button. */
export function QuietExceptions({ exceptions, locked, onSave }: Props) {
  const id = useId();
  const saved = exceptions.join('\n');
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(new Set<string>());
  useEffect(() => {
    // A new saved list from elsewhere replaces the draft; our own autosave coming back does not (typing may have gone on).
    if (sent.current.delete(saved)) return;
    setDraft(saved);
    setError(null);
  }, [saved]);

  function save() {
    if (draft === saved) return;
    const result = validateQuietExceptions(draft);
    if ('error' in result) return setError(result.error);
    setError(null);
    if (result.value.join('\n') === saved) return;
    sent.current.add(result.value.join('\n'));
    onSave(result.value);
  }
  // Saved by itself (issue 20): a moment after typing, at once on leaving the list.
  const autosave = useAutosave(save);

  return (
    <div className="quiet-exceptions">
      <label htmlFor={`${id}-list`} className="small-heading">
        {t('quiet.exceptions.label')}
      </label>
      <p id={`${id}-help`} className="hint">
        {t('quiet.exceptions.help')}
      </p>
      <textarea
        id={`${id}-list`}
        rows={5}
        value={draft}
        disabled={locked}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          autosave.schedule();
        }}
        onBlur={() => autosave.flush()}
      />
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      {locked && <p className="hint locked">{t('options.locked')}</p>}
    </div>
  );
}
