import { t } from '@/utils/i18n';
import { downloadText } from '@/utils/ui/download';
import { useFileImport } from '@/utils/ui/use-file-import';
import { FileImportField } from './FileImportField';
import { Outcome } from './Outcome';

interface Props {
  /** Returns null when applied, or the reason it was refused. */
  onImport: (text: string) => Promise<string | null>;
  onExport: () => Promise<{ fileName: string; json: string }>;
  maxBytes: number;
}

/** `Import settings` (file input) and `Export settings` (download), as contract §3 names them. */
export function ImportExport({ onImport, onExport, maxBytes }: Props) {
  const { error, done, input, importFile } = useFileImport(maxBytes, async (text, file) => {
    const refusal = await onImport(text);
    return refusal ? { error: refusal } : { done: t('importExport.imported', { file: file.name }) };
  });

  async function exportFile() {
    const { fileName, json } = await onExport();
    downloadText(fileName, json, 'application/json');
  }

  return (
    <fieldset className="import-export">
      <legend>{t('importExport.legend')}</legend>
      <div className="row">
        <FileImportField id="import-settings" label={t('importExport.import')} accept="application/json,.json" input={input} onFile={(file) => void importFile(file)} />
      </div>
      <button type="button" onClick={() => void exportFile()}>
        {t('importExport.export')}
      </button>
      <Outcome error={error} done={done} />
    </fieldset>
  );
}
