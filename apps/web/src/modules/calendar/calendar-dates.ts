/**
 * Calendar arithmetic on business dates (`YYYY-MM-DD`) in Asia/Shanghai. China has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact and independent of the time
 * zone of the browser the administrator happens to use.
 */

const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a year, a month (1–12) and a day. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Day of the week of a business date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** How many blank cells precede the 1st in a grid whose weeks start on Monday (as in China). */
export function mondayOffset(year: number, month: number): number {
  return (weekdayOf(isoDay(year, month, 1)) + 6) % 7;
}

/** Today's business date in Shanghai. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock fields of an instant in Shanghai. */
function shanghaiParts(instant: Date): { day: string; hh: number; mm: number; ss: number } {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    day: shifted.toISOString().slice(0, 10),
    hh: shifted.getUTCHours(),
    mm: shifted.getUTCMinutes(),
    ss: shifted.getUTCSeconds(),
  };
}

/**
 * A deadline as the law states it: the end of a day is "24:00" of that day, not "00:00" of the
 * next (a period ends at 24:00 of its last day, Civil Code art. 203), so `2027-01-06T16:00Z`
 * reads `2027-01-06 24:00`. Returns the day the deadline falls on too, for its weekday.
 */
export function formatShanghaiDeadline(iso: string): { text: string; day: string } | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const p = shanghaiParts(instant);
  if (p.hh === 0 && p.mm === 0 && p.ss === 0) {
    const day = new Date(Date.parse(`${p.day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
    return { text: `${day} 24:00`, day };
  }
  return { text: `${p.day} ${pad(p.hh)}:${pad(p.mm)}`, day: p.day };
}

/** A Shanghai wall-clock date and time as the ISO instant with offset that the API expects. */
export function shanghaiIso(day: string, hour: number, minute: number): string {
  return `${day}T${pad(hour)}:${pad(minute)}:00+08:00`;
}

/** Localised names, from the browser's Intl data (no strings to translate by hand). */
export function weekdayName(day: string, lang: string, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Column headings of a Monday-first week: narrow in Chinese (一 … 日), two letters in English. */
export function weekHeadings(lang: string): string[] {
  const narrow = lang.startsWith('zh');
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const name = new Intl.DateTimeFormat(lang, {
      weekday: narrow ? 'narrow' : 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2024, 0, 1 + i)));
    return narrow ? name : name.slice(0, 2);
  });
}

export function monthName(year: number, month: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
