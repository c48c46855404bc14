import { beijingDate, beijingDateTime } from '../../i18n/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A deadline as people write it, on the Beijing clock: a day's end is "24:00" of that day (as the
 * rules word it), not 00:00 of the next.
 */
export function deadlineAt(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const beijingMinutes = (d.getUTCHours() * 60 + d.getUTCMinutes() + 8 * 60) % (24 * 60);
  if (beijingMinutes === 0 && d.getUTCSeconds() === 0) {
    return `${beijingDate(new Date(d.getTime() - MINUTE).toISOString(), lang, 'short')} 24:00`;
  }
  return beijingDateTime(iso, lang);
}

/**
 * How far a moment is from `now`, in the unit people read it in: minutes within the hour, hours
 * within two days, days beyond ("in 3 days", "2 hours ago", "3天后").
 */
export function fromNow(iso: string, now: number, lang: string): string {
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return '';
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(ms);
  if (abs < HOUR) return rtf.format(Math.round(ms / MINUTE), 'minute');
  if (abs < 2 * DAY) return rtf.format(Math.round(ms / HOUR), 'hour');
  return rtf.format(Math.round(ms / DAY), 'day');
}

/** How urgent a task is: some past their deadline, some near it, or neither. */
export type Urgency = 'overdue' | 'soon' | 'normal';

export function urgencyOf(task: { overdue: number; dueSoon: number }): Urgency {
  if (task.overdue > 0) return 'overdue';
  if (task.dueSoon > 0) return 'soon';
  return 'normal';
}

/** Whether a link leads to the phone pages (another app: loaded, not routed). */
export const isPhoneLink = (link: string) =>
  link === '/m' || link.startsWith('/m/') || link.startsWith('/m?');
