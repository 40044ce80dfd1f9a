import { t } from '@/utils/i18n';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; canUndo: boolean } | { kind: 'undone' } | { kind: 'error'; error: string };

interface Props {
  state: SaveState;
  onUndo: () => void;
}

/** The options page's one saving model (issue 20): every change saves itself; this line says so, with Undo. */
export function SaveStatus({ state, onUndo }: Props) {
  return (
    <div className="save-status">
      <p role="status" className={state.kind === 'idle' ? 'hint' : undefined}>
        {state.kind === 'idle' && t('options.autosave.idle')}
        {state.kind === 'saving' && t('options.autosave.saving')}
        {state.kind === 'saved' && t('options.autosave.saved')}
        {state.kind === 'undone' && t('options.autosave.undone')}
      </p>
      {state.kind === 'saved' && state.canUndo && (
        <button type="button" className="link" onClick={onUndo}>
          {t('options.autosave.undo')}
        </button>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('options.notSaved', { error: state.error })}
        </p>
      )}
    </div>
  );
}
