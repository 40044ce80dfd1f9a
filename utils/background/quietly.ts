/** Background work must never surface as an uncaught error (it would also fail the e2e): it is logged. */
export function quietly(what: string, level: 'warn' | 'error' = 'warn'): (error: unknown) => void {
  return (error) => console[level](`Async Etiquette: ${what}`, error);
}
