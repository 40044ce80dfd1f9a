import { useRef, useState } from 'react';

interface Props {
  /** Returns null when applied, or the reason it was refused. */
  onImport: (text: string) => Promise<string | null>;
  onExport: () => Promise<{ fileName: string; json: string }>;
  maxBytes: number;
}

/** `Import settings` (file input) and `Export settings` (download), as contract §3 names them. */
export function ImportExport({ onImport, onExport, maxBytes }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    setError(null);
    setDone(null);
    if (file.size > maxBytes) {
      setError(`The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB). Nothing was changed.`);
      return;
    }
    const refusal = await onImport(await file.text());
    if (refusal) setError(`${refusal} Nothing was changed.`);
    else setDone(`Imported ${file.name}.`);
    if (input.current) input.current.value = '';
  }

  async function exportFile() {
    const { fileName, json } = await onExport();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <fieldset className="import-export">
      <legend>Settings file</legend>
      <div className="row">
        <label htmlFor="import-settings">Import settings</label>
        <input
          id="import-settings"
          ref={input}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
          }}
        />
      </div>
      <button type="button" onClick={() => void exportFile()}>
        Export settings
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="note" role="status">
          {done}
        </p>
      )}
    </fieldset>
  );
}
