import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { t } from '@/utils/i18n';

export interface Shortcut {
  name: string;
  description: string;
  /** Empty when the person removed the key, or the browser gave it to something else. */
  shortcut: string;
}

interface Props {
  /** `browser.commands.getAll()`, reduced to what is shown. */
  load: () => Promise<Shortcut[]>;
  firefox: boolean;
}

/** Stands for the {page} placeholder until the sentence is split around it (a private-use character). */
const MARK = '\u{E000}';

/** The sentence with the browser page's address as code where {page} was. */
function withPage(sentence: string, page: string): ReactNode {
  return sentence.split(MARK).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <code>{page}</code>}
      {part}
    </Fragment>
  ));
}

/** Browsers list the toolbar button as a command of their own, with no description. */
const TOOLBAR_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

function commandLabel(s: Shortcut): string {
  return TOOLBAR_COMMANDS.has(s.name) ? t('shortcuts.openPopup') : s.description || s.name;
}

/** The keyboard commands (manifest `commands`) with their current keys, and where to change them. */
export function KeyboardShortcuts({ load, firefox }: Props) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setShortcuts, () => setError(t('shortcuts.loadFailed')));
  }, [load]);

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shortcuts && (
        <table className="shortcuts">
          <caption className="visually-hidden">{t('shortcuts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.action')}</th>
              <th scope="col">{t('shortcuts.keys')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.name}>
                <td>{commandLabel(s)}</td>
                <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : t('shortcuts.notSet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        {firefox
          ? withPage(t('shortcuts.changeFirefox', { page: MARK }), 'about:addons')
          : withPage(t('shortcuts.changeChrome', { page: MARK }), 'chrome://extensions/shortcuts')}
      </p>
    </>
  );
}
