interface Props {
  text: string | null;
}

/** The nudge-mode note (contract §3: role status near the composer). Empty when all is well. */
export function StatusNote({ text }: Props) {
  return (
    <div className={text ? 'ae-note' : 'ae-note ae-empty'} role="status" aria-live="polite">
      {text}
    </div>
  );
}
