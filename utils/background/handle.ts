/**
 * Parse, refuse and wait-until-ready, written once for every message the background answers. A
 * handler receives its payload already parsed by the schema in utils/messaging/table.ts and runs
 * after the database is ready.
 */
import type { z } from 'zod';
import { t } from '@/utils/i18n';
import { onMessage } from '@/utils/messaging';
import { messages, type MessageName, type PayloadOut, type Refusal, type ResultOf } from '@/utils/messaging/table';
import { describeIssue } from '@/utils/store/settings-file';
import { isOwnSender } from './publish';

/** Who sent a message: its tab, when a content script sent it. */
export interface Sender {
  tab?: { id?: number };
}
export type Handler<K extends MessageName> = (data: PayloadOut<K>, sender?: Sender) => Promise<ResultOf<K>>;
export type Handlers<K extends MessageName = MessageName> = { [N in K]: Handler<N> };
/** The same, taking what arrived (unknown) and answering as the message would. */
export type Answerers<K extends MessageName> = { [N in K]: (data?: unknown) => Promise<ResultOf<N>> };

/** The one refusal: the first problem, in the person's language. */
export function refusal(error: z.ZodError, input: unknown): Refusal {
  return { ok: false, error: describeIssue(error.issues[0]!, input) };
}

type Parsed<K extends MessageName> = { ok: true; data: PayloadOut<K> } | Refusal;

export function parsePayload<K extends MessageName>(name: K, data: unknown): Parsed<K> {
  const schema: z.ZodType | null = messages[name].payload;
  if (!schema) return { ok: true, data: undefined as PayloadOut<K> };
  const parsed = schema.safeParse(data);
  return parsed.success ? { ok: true, data: parsed.data as PayloadOut<K> } : refusal(parsed.error, data);
}

/** Answers one message: a bad payload is refused (answered or thrown, as its table entry says), nothing changed. */
export async function answer<K extends MessageName>(
  name: K,
  data: unknown,
  handler: Handler<K>,
  ready: Promise<unknown>,
  sender?: Sender,
): Promise<ResultOf<K>> {
  const parsed = parsePayload(name, data);
  if (!parsed.ok) {
    const refusedAs = messages[name].refusedAs;
    if (refusedAs === 'outcome') return parsed as ResultOf<K>;
    throw new Error(t('service.refused', { subject: refusedAs.subject, reason: parsed.error }));
  }
  await ready;
  return handler(parsed.data, sender);
}

/** The handlers as callables taking raw input: what tests and the worker's own callers use. */
export function answerers<K extends MessageName>(handlers: Handlers<K>, ready: Promise<unknown>): Answerers<K> {
  const out = {} as Record<K, (data?: unknown) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as K[]) out[name] = (data) => answer(name, data, handlers[name], ready);
  return out as Answerers<K>;
}

/**
 * Registers every handler in the worker's first turn (MV3: a message that woke the worker is not
 * lost). Messages from anything but this extension's own pages and content scripts are refused.
 */
export function registerHandlers(handlers: Handlers, ready: Promise<unknown>): void {
  for (const name of Object.keys(handlers) as MessageName[]) {
    onMessage(name, (message) => {
      if (!isOwnSender(message.sender)) throw new Error('Refused: unknown sender');
      return answer(name, message.data, handlers[name] as Handler<typeof name>, ready, message.sender) as never;
    });
  }
}
