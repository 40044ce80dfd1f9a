/** What an action came to: an error as an alert (read out at once), a success as a polite status. */
export function Outcome({ error, done }: { error?: string | null; done?: string | null }) {
  return (
    <>
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
    </>
  );
}
