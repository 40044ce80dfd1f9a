/**
 * Google Docs addresses: a document's id and the address that reopens it. The account prefix
 * (`/u/1/`) is kept, so a held comment reopens the doc in the account it was written in.
 */

/** `https://docs.google.com/document/d/<id>` or `…/document/u/1/d/<id>`: the id is the first group. */
const DOC_ADDRESS = /^https:\/\/docs\.google\.com\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;

/** The doc id in a Docs address, or null. */
export function docIdOf(url: string): string | null {
  return DOC_ADDRESS.exec(url)?.[1] ?? null;
}

/** The address a held comment reopens: the doc's edit URL, keeping the account prefix. */
export function docEditUrl(url: string): string | null {
  const match = DOC_ADDRESS.exec(url);
  return match ? `${match[0]}/edit` : null;
}
