/** Send etiquette: the pure verdict on a Send click and the text the dialog shows for it. */
export { isFarOutside, FAR_OUTSIDE_MS } from './far-outside';
export { sendVerdict, DEFAULT_GRACE_MINUTES, DEFAULT_LARGE_LIST_THRESHOLD, SENDER_KEY } from './verdict';
export {
  describeVerdict,
  formatClock,
  formatWallClock,
  formatZoneLabel,
  scheduleButtonLabel,
  shortName,
  type VerdictText,
} from './format';
export type * from './types';
/** Context templates: built-ins (email and chat flavours), `{variable}` rendering and validation. */
export * from './templates';
/** Clarity check: local rules that flag what makes async messages misread. */
export * from './clarity';
