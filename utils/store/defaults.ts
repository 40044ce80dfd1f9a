import { builtInTemplates } from '@/utils/etiquette/templates';
import type { Contact, ContactDefaults, Me, Preferences, Quiet, Settings, Sites, Template, Weekly } from './schema';

const nineToFive: Array<[string, string]> = [['09:00', '17:00']];

export function officeWeek(ranges: Array<[string, string]> = nineToFive): Weekly {
  // Copies down to the pairs: days and callers must not share (and so mutate) one [start, end] array.
  const day = (): Array<[string, string]> => ranges.map(([start, end]) => [start, end]);
  return { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] };
}

/** The zone this runtime reports, or UTC when it reports none (some hardened browsers). */
export function runtimeTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function defaultMe(timeZone = runtimeTimeZone()): Me {
  return { timeZone, weekly: officeWeek(), daysOff: [] };
}

export const DEFAULT_CONTACT_DEFAULTS: ContactDefaults = { weekly: officeWeek() };

/** Email and Docs comments notify at once, so they ask; chat is lighter-touch by default. */
export const DEFAULT_SITES: Sites = { gmail: 'confirm', slack: 'nudge', docs: 'confirm' };

/** Quiet tabs are opt-in: every site's tab behaves as the site made it until the user chooses. */
export const DEFAULT_QUIET: Quiet = { gmail: 'off', slack: 'off', docs: 'off' };

export const DEFAULT_PREFERENCES: Preferences = {
  graceMinutes: 30,
  largeListThreshold: 15,
  sendNowReason: 'off',
  sendNowDailyLimit: null,
};

/** The built-in context templates in their email wording; Slack gets the chat wording at insert time. */
export const DEFAULT_TEMPLATES: Template[] = builtInTemplates('email');

export function defaultSettings(timeZone?: string): Settings {
  return {
    me: defaultMe(timeZone),
    contactDefaults: structuredClone(DEFAULT_CONTACT_DEFAULTS),
    contacts: [] as Contact[],
    sites: { ...DEFAULT_SITES },
    quiet: { ...DEFAULT_QUIET },
    templates: structuredClone(DEFAULT_TEMPLATES),
    preferences: { ...DEFAULT_PREFERENCES },
  };
}
