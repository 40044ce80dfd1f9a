/**
 * One saving model for the options page (issue 20): a setting is saved a moment after the person stops
 * typing, or at once when they leave the field; no Save buttons. `run` validates and saves only a real
 * change, so calling it often is harmless.
 */
import { useEffect, useRef } from 'react';

/** Long enough not to save every keystroke, short enough that "Saved" follows the typing. */
export const AUTOSAVE_MS = 800;

export function useAutosave(run: () => void, delay = AUTOSAVE_MS): { schedule: () => void; flush: () => void } {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    latest.current();
  };
  // A change still waiting when the section goes away is saved, not lost.
  useEffect(
    () => () => {
      if (timer.current !== null) flush();
    },
    [],
  );
  const schedule = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delay);
  };
  return { schedule, flush };
}
