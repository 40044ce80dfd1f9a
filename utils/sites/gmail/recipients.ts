/** Who a Gmail compose would reach, read at the moment of sending (chips appear late and can vanish). */
import type { RecipientRef } from '@/utils/guard/adapter';
import { extractEmails } from '../dom';
import { queryAll } from '../selector';
import { forType, GMAIL } from './selectors';

const FIELDS = ['to', 'cc', 'bcc'] as const;

function chipsOf(row: ParentNode): RecipientRef[] {
  return queryAll(row, GMAIL.chip).map((chip) => ({
    email: chip.getAttribute('data-hovercard-id')?.toLowerCase() ?? undefined,
    name: chip.getAttribute('data-name') ?? undefined,
  }));
}

/** An address typed but not yet turned into a chip is still sent (gmail.js #719). */
function typedOf(row: ParentNode): RecipientRef[] {
  return queryAll(row, GMAIL.typedAddress).flatMap((input) =>
    extractEmails((input as HTMLInputElement).value).map((email) => ({ email })),
  );
}

/** Before Oct 2021: hidden inputs "Name <email>" and a textarea of typed text. */
function legacyOf(composer: ParentNode, type: (typeof FIELDS)[number]): RecipientRef[] {
  const area = queryAll(composer, forType(GMAIL.legacyRecipients, type))[0] as HTMLTextAreaElement | undefined;
  if (!area) return [];
  const row = area.parentElement ?? composer;
  const chips = queryAll(row, GMAIL.legacyChip).flatMap((input) => legacyChip((input as HTMLInputElement).value));
  return [...chips, ...extractEmails(area.value).map((email) => ({ email }))];
}

/**
 * One hidden legacy chip: `Name <email>` names one address, the one in the last angle brackets (an
 * address inside the name is part of the name); a bare value is the address itself.
 */
function legacyChip(value: string): RecipientRef[] {
  const addressed = /^(.*)<([^<>]*)>\s*$/s.exec(value);
  if (!addressed) return extractEmails(value).slice(0, 1).map((email) => ({ email }));
  const [email] = extractEmails(addressed[2] ?? '');
  if (!email) return [];
  const name = (addressed[1] ?? '').trim().replace(/^"(.*)"$/s, '$1').trim();
  return [{ email, name: name || undefined }];
}

export function readGmailRecipients(composer: HTMLElement): RecipientRef[] {
  const refs: RecipientRef[] = [];
  for (const type of FIELDS) {
    const rows = queryAll(composer, forType(GMAIL.recipientRow, type));
    if (rows.length) for (const row of rows) refs.push(...chipsOf(row), ...typedOf(row));
    else refs.push(...legacyOf(composer, type));
  }
  return refs.filter((r) => r.email);
}

/**
 * The signed-in address, from the tab title Gmail keeps ("Inbox - me@example.com - Gmail", "Subject -
 * me@example.com - Gmail"). The account comes last; an address in a subject before it is not ours.
 */
export function gmailSelfIds(doc: Document): string[] {
  return extractEmails(doc.title).slice(-1);
}
