/**
 * Time-zone validation and a cached, table-driven UTC-offset lookup.
 * Intl calls are slow (microseconds each), so each zone's offsets are sampled once per
 * block of days and every later lookup is plain arithmetic.
 */
import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './time';

const validity = new Map<string, boolean>();

/** Bare offsets ("+05:30", "-3") and offset-suffixed names ("UTC+5") are not IANA names, even if a runtime accepts them. */
function looksLikeOffset(zone: string): boolean {
  return /^[+\-\d]/.test(zone) || /^(?:UTC|GMT|UT)\s*[+\-]/i.test(zone);
}

function intlAccepts(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** True for IANA names the runtime knows (aliases such as Asia/Calcutta and "UTC" included). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  let valid = validity.get(zone);
  if (valid === undefined) {
    // Not Intl.supportedValuesOf: on Node 20 it omits aliases that Intl.DateTimeFormat accepts.
    valid = !looksLikeOffset(zone) && intlAccepts(zone);
    validity.set(zone, valid);
  }
  return valid;
}

export function assertValidTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new Error(`Unknown time zone "${zone}"`);
}

interface Transition {
  /** First instant (UTC ms) with the new offset. */
  at: number;
  offsetAfterMs: number;
}

interface Block {
  startOffsetMs: number;
  transitions: Transition[];
}

/** 32 days per block: a 28-day lookahead touches at most two blocks. */
const BLOCK_MS = 32 * DAY_MS;
/**
 * Offsets are sampled every 4 days; two transitions closer together than that would go unseen.
 * Recent and scheduled tz data has no such pair (the closest, Morocco's Ramadan pause, are weeks apart).
 */
const SAMPLE_MS = 4 * DAY_MS;

/** UTC offsets of one zone, derived lazily from Intl via luxon and cached per block. */
export class ZoneClock {
  private readonly blocks = new Map<number, Block>();
  private readonly zone: IANAZone;

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  /** UTC offset in ms at an instant; local wall clock = instant + offset. */
  offsetAt(instant: number): number {
    const block = this.blockAt(Math.floor(instant / BLOCK_MS));
    let offset = block.startOffsetMs;
    for (const transition of block.transitions) {
      if (transition.at > instant) break;
      offset = transition.offsetAfterMs;
    }
    return offset;
  }

  /** The first offset change strictly after `after` and at or before `until`, or null. */
  nextTransition(after: number, until: number): number | null {
    for (let index = Math.floor(after / BLOCK_MS); index * BLOCK_MS <= until; index++) {
      for (const { at } of this.blockAt(index).transitions) {
        if (at > after) return at <= until ? at : null;
      }
    }
    return null;
  }

  private blockAt(index: number): Block {
    let block = this.blocks.get(index);
    if (!block) {
      block = this.sampleBlock(index * BLOCK_MS);
      this.blocks.set(index, block);
    }
    return block;
  }

  private sampleBlock(start: number): Block {
    const block: Block = { startOffsetMs: this.rawOffset(start), transitions: [] };
    let previous = block.startOffsetMs;
    for (let low = start; low < start + BLOCK_MS; low += SAMPLE_MS) {
      const high = low + SAMPLE_MS;
      const offset = this.rawOffset(high);
      if (offset !== previous) {
        block.transitions.push({ at: this.findTransition(low, high, previous), offsetAfterMs: offset });
      }
      previous = offset;
    }
    return block;
  }

  /** Binary search, to the minute, for the first instant in (low, high] whose offset is no longer `before`. */
  private findTransition(low: number, high: number, before: number): number {
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.rawOffset(middle) === before) low = middle;
      else high = middle;
    }
    return high;
  }

  private rawOffset(instant: number): number {
    return Math.round(this.zone.offset(instant) * MINUTE_MS);
  }
}

const clocks = new Map<string, ZoneClock>();

/** The shared clock for a zone; throws `Unknown time zone "…"` for anything that is not an IANA name. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    assertValidTimeZone(zone);
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}
