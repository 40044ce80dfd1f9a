import { useRef, useState } from 'react';

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
      setError(`The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB). Nothing was changed.`);
    } else {
      const answer = await handle(await file.text(), file);
      if ('error' in answer) setError(`${answer.error} Nothing was changed.`);
      else setDone(answer.done);
    }
    if (input.current) input.current.value = '';
  }

  return { error, setError, done, input, importFile };
}
