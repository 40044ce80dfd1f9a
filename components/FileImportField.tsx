import type { RefObject } from 'react';

interface Props {
  id: string;
  label: string;
  accept: string;
  /** The hook's input (utils/ui/use-file-import.ts), cleared after each import so the same file can be chosen again. */
  input: RefObject<HTMLInputElement | null>;
  onFile: (file: File) => void;
}

/** A labelled file input that hands over the chosen file (settings file, contacts CSV). */
export function FileImportField({ id, label, accept, input, onFile }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
        }}
      />
    </>
  );
}
