/** Reading and writing the wall-clock times sites show ("8:00 AM", "20:00", "8:00 p. m."). */

/** "8:00 AM" when the field already shows a 12-hour time, else "08:00". */
export function formatTimeLike(current: string, at: Date): string {
  const h = at.getHours();
  const m = String(at.getMinutes()).padStart(2, '0');
  const meridiem = /([ap])\.?\s?m\.?/i.exec(current);
  if (!meridiem) return `${String(h).padStart(2, '0')}:${m}`;
  const pm = h >= 12;
  const suffix = /\./.test(meridiem[0]) ? (pm ? 'p. m.' : 'a. m.') : pm ? 'PM' : 'AM';
  return `${h % 12 || 12}:${m} ${suffix}`;
}

/** Reads "8:00 AM", "20:00", "8:00 p. m." back into minutes of the day. */
export function parseTimeText(text: string): number | null {
  const m = /(\d{1,2})[:.h](\d{2})\s*(?:([ap])\.?\s?m\.?)?/i.exec(text);
  if (!m) return null;
  let h = Number(m[1]) % 24;
  if (m[3]) h = (h % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  return h * 60 + Number(m[2]);
}

