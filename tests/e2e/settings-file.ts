/** A complete, valid settings file (contract §1) with values no default has. */
export function sampleSettings() {
  const day: Array<[string, string]> = [['08:00', '16:00']];
  return {
    format: 'async-etiquette/settings',
    version: 1,
    me: {
      timeZone: 'Asia/Kathmandu',
      weekly: { mon: day, tue: day, wed: [['08:00', '12:00'], ['13:00', '16:00']], thu: day, fri: [['22:00', '06:00']], sat: [], sun: [] },
      daysOff: ['2026-12-24', '2026-12-25'],
    },
    contactDefaults: { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } },
    contacts: [
      { name: 'Priya Raman', emails: ['priya@example.com'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata' },
      { name: 'Ana Souza', emails: ['ana@example.com'] },
    ],
    sites: { gmail: 'nudge', slack: 'off', docs: 'confirm' },
    templates: [{ id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' }],
  };
}

type Range = [string, string];
type WeeklyShape = Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Range[]>;

function hhmm(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** Every day the same range, starting `startMin` minutes from now (in `zone`'s wall clock), lasting `lengthMin`. */
export function everyDayFromNow(zone: string, startMin: number, lengthMin: number, now = new Date()): WeeklyShape {
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + startMin * 60_000);
  const end = new Date(start.getTime() + lengthMin * 60_000);
  const range: Range = [hhmm(start, zone), hhmm(end, zone)];
  return { mon: [range], tue: [range], wed: [range], thu: [range], fri: [range], sat: [range], sun: [range] };
}

/** `minutes` from `now`, to the minute: where everyDayFromNow(zone, minutes, …) starts (epoch ms). */
export function startIn(minutes: number, now: Date): number {
  return Math.floor(now.getTime() / 60_000) * 60_000 + minutes * 60_000;
}

/** Rounded up to a 15-minute step, as Gmail's and Slack's schedulers take it (epoch ms). */
export function quarterAfter(at: number): number {
  return Math.ceil(at / 900_000) * 900_000;
}

/** Working around the clock. */
export const ALWAYS: WeeklyShape = {
  mon: [['00:00', '00:00']], tue: [['00:00', '00:00']], wed: [['00:00', '00:00']], thu: [['00:00', '00:00']],
  fri: [['00:00', '00:00']], sat: [['00:00', '00:00']], sun: [['00:00', '00:00']],
};

export interface SceneOptions {
  mode?: 'off' | 'nudge' | 'confirm';
  site?: 'gmail' | 'slack' | 'docs';
  /** When the sender works; default: around the clock. */
  me?: WeeklyShape;
  meZone?: string;
  contacts?: Array<Record<string, unknown>>;
  templates?: Array<{ id: string; title: string; body: string }>;
  /** The instant the scene is built around (default: now); a test that expects a time passes the same one. */
  now?: Date;
}

/**
 * A settings file for a scene: by default the sender is in hours, and Priya (Asia/Kolkata) starts
 * work three hours from now, so she is outside her hours and the suggested slot is her start.
 */
export function scene(options: SceneOptions = {}) {
  const site = options.site ?? 'gmail';
  const sites = { gmail: 'off', slack: 'off', docs: 'off', [site]: options.mode ?? 'confirm' };
  return {
    format: 'async-etiquette/settings',
    version: 1,
    me: { timeZone: options.meZone ?? 'Europe/Berlin', weekly: options.me ?? ALWAYS, daysOff: [] },
    contactDefaults: { weekly: ALWAYS },
    contacts: options.contacts ?? [
      { name: 'Priya Raman', emails: ['priya@example.com'], slackIds: ['U0ALICE'], timeZone: 'Asia/Kolkata', weekly: everyDayFromNow('Asia/Kolkata', 180, 240, options.now) },
    ],
    sites,
    templates: options.templates ?? [{ id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' }],
  };
}
