import { t } from '@/utils/i18n';
import { downloadText } from '@/utils/ui/download';
import { useFileImport } from '@/utils/ui/use-file-import';
import { FileImportField } from './FileImportField';
import { Outcome } from './Outcome';

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
    return 'error' in result ? { error: t('contacts.csv.fileError', { file: file.name, error: result.error }) } : result;
  });

  return (
    <fieldset className="contacts-csv">
      <legend>{t('contacts.csv.legend')}</legend>
      <p className="hint">{t('contacts.csv.help')}</p>
      <div className="row">
        <FileImportField id="import-contacts" label={t('contacts.csv.import')} accept=".csv,text/csv" input={input} onFile={(file) => void importFile(file)} />
        <button
          type="button"
          onClick={() =>
            void onExport().then(
              ({ fileName, csv }) => downloadText(fileName, csv, 'text/csv'),
              (e: unknown) => setError(t('contacts.csv.exportFailed', { reason: e instanceof Error ? e.message : String(e) })),
            )
          }
        >
          {t('contacts.csv.export')}
        </button>
      </div>
      <Outcome error={error} done={done} />
    </fieldset>
  );
}
