import { useEffect, useState } from 'react';

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

/** The keyboard commands (manifest `commands`) with their current keys, and where to change them. */
export function KeyboardShortcuts({ load, firefox }: Props) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setShortcuts, () => setError('The shortcuts could not be read.'));
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
          <caption className="visually-hidden">Keyboard shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.name}>
                <td>{s.description || s.name}</td>
                <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : 'Not set'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        {firefox ? (
          <>
            To change them, open <code>about:addons</code>, click the gear button and choose Manage Extension Shortcuts.
          </>
        ) : (
          <>
            To change them, open <code>chrome://extensions/shortcuts</code>.
          </>
        )}
      </p>
    </>
  );
}
