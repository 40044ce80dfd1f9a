/**
 * `storage.sync` quotas and how the browsers measure an item.
 *
 * Chrome (chrome.storage.sync, documented constants):
 *   QUOTA_BYTES 102,400 · QUOTA_BYTES_PER_ITEM 8,192 · MAX_ITEMS 512 ·
 *   MAX_WRITE_OPERATIONS_PER_MINUTE 120 · MAX_WRITE_OPERATIONS_PER_HOUR 1,800.
 *   An item costs the UTF-8 length of its key plus the length of its value as written by Chromium's
 *   own JSON writer (extensions/browser/api/storage/settings_storage_quota_enforcer.cc). That writer
 *   escapes `<` as `\u003C` and U+2028/U+2029 as `\u2028`/`\u2029` (6 bytes where JS's
 *   JSON.stringify writes 1 or 3), and writes a number above 2^31 (a timestamp) as a double with a
 *   trailing `.0`. `set`, `remove` and `clear` calls each count as one write operation.
 * Firefox (storage.sync, MDN; application-services `webext_storage` SYNC_QUOTA_BYTES,
 *   SYNC_QUOTA_BYTES_PER_ITEM, SYNC_MAX_ITEMS): the same 102,400 / 8,192 / 512, measured as the
 *   key's length plus the value's JSON, with no documented write-rate limits. Firefox for Android
 *   does not sync the area at all, and desktop Firefox syncs add-on data only when "Add-ons" is
 *   ticked in its Sync settings, on its own schedule (minutes, not seconds).
 *
 * We measure conservatively (`jsonBytes`): UTF-8, Chromium's extra escapes, and 2 more bytes per
 * number. So a layout that fits by our measure fits in both browsers.
 */

export interface SyncQuota {
  QUOTA_BYTES: number;
  QUOTA_BYTES_PER_ITEM: number;
  MAX_ITEMS: number;
  MAX_WRITE_OPERATIONS_PER_MINUTE: number;
  MAX_WRITE_OPERATIONS_PER_HOUR: number;
}

export const CHROME_SYNC_QUOTA: SyncQuota = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
};

/**
 * Firefox enforces the same sizes and no write rate; Chrome's rates are kept so that one write
 * schedule serves both browsers.
 */
export const FIREFOX_SYNC_QUOTA: SyncQuota = { ...CHROME_SYNC_QUOTA };

/** What we allow ourselves: headroom under each hard limit. */
export interface SyncBudget {
  /** Total bytes of all our items (90% of QUOTA_BYTES: room for estimation error and other keys). */
  bytes: number;
  /** Items in all (MAX_ITEMS less a dozen). */
  items: number;
  /** Bytes of one item, key included (QUOTA_BYTES_PER_ITEM less 64). */
  perItem: number;
}

export function syncBudget(quota: SyncQuota = CHROME_SYNC_QUOTA): SyncBudget {
  return {
    bytes: Math.floor(quota.QUOTA_BYTES * 0.9),
    items: quota.MAX_ITEMS - 12,
    perItem: quota.QUOTA_BYTES_PER_ITEM - 64,
  };
}

/** Bytes one code point costs inside a JSON string literal, the larger of Chromium's and JS's writer. */
export function codePointJsonBytes(cp: number): number {
  if (cp === 0x22 || cp === 0x5c) return 2; // \" \\
  if (cp === 0x08 || cp === 0x09 || cp === 0x0a || cp === 0x0c || cp === 0x0d) return 2; // \b \t \n \f \r
  if (cp < 0x20 || cp === 0x7f || cp === 0x3c || cp === 0x2028 || cp === 0x2029) return 6; // \u00XX, \u003C, \u2028
  if (cp >= 0xd800 && cp <= 0xdfff) return 6; // a lone surrogate: JS writes \udXXX
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * The code point at `i` of `s`: its JSON bytes and its width in UTF-16 units (2 for a surrogate
 * pair, which is never split). A plain loop over char codes: this runs over every template body.
 */
export function jsonBytesAt(s: string, i: number): { bytes: number; width: 1 | 2 } {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, width: 2 };
  }
  return { bytes: codePointJsonBytes(c), width: 1 };
}

/** Bytes of `s` written as a JSON string literal, quotes included. */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      n += codePointJsonBytes(c);
      continue;
    }
    const at = jsonBytesAt(s, i);
    n += at.bytes;
    i += at.width - 1;
  }
  return n;
}

/** Bytes of `value` as JSON (see the file comment): an upper bound on what either browser counts. */
export function jsonBytes(value: unknown): number {
  if (value === null) return 4;
  switch (typeof value) {
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      // Chromium writes a double as "1700000000000.0"; count that for every number.
      return (Number.isFinite(value) ? String(value).length : 4) + 2;
    case 'string':
      return jsonStringBytes(value);
    case 'object': {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (const v of value) n += v === undefined || typeof v === 'function' ? 4 : jsonBytes(v);
        return n;
      }
      let n = 2;
      let count = 0;
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined || typeof v === 'function') continue;
        n += jsonStringBytes(k) + 1 + jsonBytes(v);
        count++;
      }
      return n + Math.max(0, count - 1);
    }
    default:
      return 0;
  }
}

export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** What one storage.sync item costs against QUOTA_BYTES_PER_ITEM and QUOTA_BYTES. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + jsonBytes(value);
}
