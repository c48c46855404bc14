import { toLanguage } from './languages';

/**
 * Dates, times and bilingual labels as the reader's language writes them, without dayjs or antd,
 * so that phone pages and desktop pages share them. Moments (ISO timestamps) are shown on the
 * Beijing clock, the one the organisation and the server's business days follow.
 */

export const BEIJING = 'Asia/Shanghai';

/** A bilingual text of the API or of a shared list, in the UI language. */
export function bilingual(text: { zh: string; en: string } | null | undefined, lang: string): string {
  if (!text) return '';
  return toLanguage(lang) === 'en' ? text.en : text.zh;
}

type Labelled = { readonly code: string; readonly zh: string; readonly en: string };

/** A shared value list's label in the UI language; a code we do not know is shown as it is. */
export function labelOf(list: readonly Labelled[], code: string | null | undefined, lang: string): string {
  if (!code) return '';
  const found = list.find((l) => l.code === code);
  return found ? bilingual(found, lang) : code;
}

/** A moment (ISO) in Beijing with these fields; an unreadable value is shown as it came. */
function beijing(
  value: string | null | undefined,
  lang: string,
  options: Intl.DateTimeFormatOptions,
  withTime: boolean,
): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const all = { timeZone: BEIJING, ...options };
  return withTime ? d.toLocaleString(lang, all) : d.toLocaleDateString(lang, all);
}

/**
 * A moment as a Beijing date and time, short (2026/05/12 14:30). Hours run 00–23 in every
 * language: a deadline at 24:00 reads as 00:00 of the next day (English with `hour12: false`
 * writes "24:00" on that next day, a day late).
 */
export function beijingDateTime(value: string | null | undefined, lang: string): string {
  return beijing(
    value,
    lang,
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    true,
  );
}

/** A moment's Beijing time of day (14:30). */
export function beijingTime(value: string | null | undefined, lang: string): string {
  return beijing(value, lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, true);
}

/** Whether two moments fall on the same Beijing day. */
export function sameBeijingDay(a: Date, b: Date): boolean {
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: BEIJING });
  return day(a) === day(b);
}

/** A moment as its Beijing date: with the month's name (`long`), or in digits (`short`). */
export function beijingDate(
  value: string | null | undefined,
  lang: string,
  style: 'long' | 'short' = 'long',
): string {
  const month = style === 'long' ? 'long' : '2-digit';
  const day = style === 'long' ? 'numeric' : '2-digit';
  return beijing(value, lang, { year: 'numeric', month, day }, false);
}

/** A moment as a Beijing date and time with the weekday, as people read an appointment. */
export function beijingAppointment(value: string | null | undefined, lang: string): string {
  return beijing(
    value,
    lang,
    {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    },
    true,
  );
}

/** A moment with its time of day, for lists where two entries can share a day. */
export function beijingDayAndTime(value: string | null | undefined, lang: string): string {
  return beijing(
    value,
    lang,
    { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
    true,
  );
}

/** A short day for a chart's axis (5/12); nothing for an unreadable value. */
export function beijingMonthDay(value: string, lang: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(lang, { timeZone: BEIJING, month: 'numeric', day: 'numeric' });
}

/** A business day (YYYY-MM-DD, already on the Beijing calendar) with the month's name. */
export function businessDay(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(lang, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}

/** Today in Beijing (YYYY-MM-DD), the calendar the server's business days follow. */
export function beijingToday(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: BEIJING });
}
