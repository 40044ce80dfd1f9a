import { useRef, useState } from 'react';
import { t } from '@/utils/i18n';
import { fileTooLargeText } from '@/utils/store/settings-file';

/** What a file import answers: a line to show on success, or why nothing was changed. */
export type ImportAnswer = { done: string } | { error: string };

/**
 * The shared flow of a file input that imports all-or-nothing: refuse an oversized file before
 * reading it, hand the text over, show the outcome, and clear the input so the same file can be
 * chosen again.
 */
export function useFileImport(maxBytes: number, handle: (text: string, file: File) => Promise<ImportAnswer>) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    setError(null);
    setDone(null);
    if (file.size > maxBytes) {
      setError(t('importExport.nothingChanged', { reason: fileTooLargeText(file.size, maxBytes) }));
    } else {
      const answer = await handle(await file.text(), file);
      if ('error' in answer) setError(t('importExport.nothingChanged', { reason: answer.error }));
      else setDone(answer.done);
    }
    if (input.current) input.current.value = '';
  }

  return { error, setError, done, input, importFile };
}
