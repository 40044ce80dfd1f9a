/** A worker job's failure, logged and not thrown. The browser shutting down mid-write is not an error of ours. */
export function quietly(what: string, level: 'warn' | 'error' = 'warn'): (error: unknown) => void {
  return (error) => console[shuttingDown(error) ? 'warn' : level](`Async Etiquette: ${what}`, error);
}

/** Chrome refuses storage writes while the browser closes ("The browser is shutting down."). */
export function shuttingDown(error: unknown): boolean {
  return error instanceof Error && /browser is shutting down/i.test(error.message);
}
