/** Reading and writing the wall-clock times sites show ("8:00 AM", "20:00", "8:00 p. m."). */

/** "8:00 AM" when the field already shows a 12-hour time, else "08:00". */
export function formatTimeLike(current: string, at: Date): string {
  const h = at.getHours();
  const m = String(at.getMinutes()).padStart(2, '0');
  // A marker on its own ("AM", "p. m."), not the letters inside a word ("Samstag").
  const meridiem = /(?<![a-z])([ap])\.?\s?m(?![a-z])\.?/i.exec(current);
  if (!meridiem) return `${String(h).padStart(2, '0')}:${m}`;
  const pm = h >= 12;
  const suffix = /\./.test(meridiem[0]) ? (pm ? 'p. m.' : 'a. m.') : pm ? 'PM' : 'AM';
  return `${h % 12 || 12}:${m} ${suffix}`;
}

/** Reads "8:00 AM", "20:00", "8:00 p. m." back into minutes of the day; null for no time or no real one ("25:00"). */
export function parseTimeText(text: string): number | null {
  const m = /(\d{1,2})[:.h](\d{2})\s*(?:([ap])\.?\s?m(?![a-z])\.?)?/i.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59 || hour > (m[3] ? 12 : 23)) return null;
  const h = m[3] ? (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0) : hour;
  return h * 60 + minute;
}

