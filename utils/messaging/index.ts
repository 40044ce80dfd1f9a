/**
 * The one protocol between the extension's contexts. Every message the background accepts is declared
 * once in ./table.ts (name, payload schema, result type); this module takes only its types, so the
 * content scripts and pages that send stay free of zod.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageName, PayloadIn, ResultOf } from './table';

export type {
  ClaimHeldCommentOutcome,
  EventPage,
  HoldCommentOutcome,
  ImportContactsOutcome,
  MessageName,
  Outcome,
  PayloadIn,
  PayloadOut,
  PopupSummary,
  Refusal,
  ResultOf,
  SaveContactOutcome,
} from './table';

export type UpdateSettingsPayload = PayloadIn<'updateSettings'>;
export type SetContactZonePayload = PayloadIn<'setContactZone'>;
export type HoldCommentPayload = PayloadIn<'holdComment'>;
export type SetPausePayload = PayloadIn<'setPause'>;
export type SetOnCallPayload = PayloadIn<'setOnCall'>;
export type SaveContactPayload = PayloadIn<'saveContact'>;
export type TeamClockQuery = PayloadIn<'queryTeamClock'>;

/** Sent by the background TO a tab's content script (keyboard commands, issue 8), not handled by the background. */
interface TabMessages {
  /** Opens the template picker of the composer that has focus; false when no composer has focus. */
  openTemplatePicker(): boolean;
}

export type ProtocolMap = { [K in MessageName]: (data: PayloadIn<K>) => ResultOf<K> } & TabMessages;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
