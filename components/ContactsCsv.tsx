import { downloadText } from '@/utils/ui/download';
import { useFileImport } from '@/utils/ui/use-file-import';

interface Props {
  /** Returns what happened ("Imported 120 contacts…") or throws/returns an error via `{ error }`. */
  onImport: (text: string) => Promise<{ done: string } | { error: string }>;
  onExport: () => Promise<{ fileName: string; csv: string }>;
  maxBytes: number;
}

/** `Import contacts (CSV)` and `Export contacts (CSV)`: all or nothing, with the line at fault named. */
export function ContactsCsv({ onImport, onExport, maxBytes }: Props) {
  const { error, setError, done, input, importFile } = useFileImport(maxBytes, async (text, file) => {
    const result = await onImport(text);
    return 'error' in result ? { error: `${file.name}: ${result.error}` } : result;
  });

  return (
    <fieldset className="contacts-csv">
      <legend>Contacts as CSV</legend>
      <p className="hint">
        Columns: name, emails, slackIds, timeZone, hours (“mon 09:00-17:00; tue …”), daysOff, source. A contact with an
        address or Slack id already in the directory is updated; the others are added.
      </p>
      <div className="row">
        <label htmlFor="import-contacts">Import contacts (CSV)</label>
        <input
          id="import-contacts"
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          onClick={() =>
            void onExport().then(
              ({ fileName, csv }) => downloadText(fileName, csv, 'text/csv'),
              (e: unknown) => setError(`Could not export (${e instanceof Error ? e.message : String(e)}).`),
            )
          }
        >
          Export contacts (CSV)
        </button>
      </div>
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
