import dayjs, { type Dayjs } from 'dayjs';

/** A server timestamp (ISO 8601, UTC) as a Date. */
export function parseTimestamp(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A timestamp in the reader's time zone and language, to the minute. */
export function formatTimestamp(value: string | null | undefined, lang: string): string {
  const date = parseTimestamp(value);
  if (!date) return '';
  return date.toLocaleString(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** A business date (`YYYY-MM-DD`) for a date picker, and back. */
export function toDayjs(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value, 'YYYY-MM-DD') : null;
}

export function fromDayjs(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** Today as a business date. */
export function today(): Dayjs {
  return dayjs().startOf('day');
}
