import { COACH_KINDS, type TAvailabilitySlot } from '@lifeline/shared';
import { BEIJING, beijingDate, labelOf } from '../../i18n/format';

/** A coach kind's label in the UI language; a code we do not know is shown as it is. */
export const coachKindLabel = (code: string, lang: string) => labelOf(COACH_KINDS, code, lang);

/** A moment as a Beijing date and time with the weekday, as people read an appointment. */
export { beijingAppointment as appointment, bilingual } from '../../i18n/format';
/** A moment as its Beijing date, short. */
export const dateOnly = (value: string | null | undefined, lang: string) => beijingDate(value, lang);
/** A moment as a Beijing date and time, short (for notes and request times). */
export { beijingDateTime as dateTime } from '../../i18n/format';

/**
 * A moment (ISO) as the value of a `datetime-local` input in Beijing time (YYYY-MM-DDTHH:MM),
 * whatever the device's own zone.
 */
export function toBeijingLocal(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: BEIJING,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value read as Beijing time, as the API wants it: ISO with +08:00. */
export function beijingIso(local: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(local);
  return m ? `${m[1]}T${m[2]}:00+08:00` : null;
}

/** The weekdays in the order of the API (1 Monday … 7 Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name (1 Monday … 7 Sunday) in the UI language. */
export function weekdayName(weekday: number, lang: string, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const d = new Date(Date.UTC(2024, 0, weekday));
  return d.toLocaleDateString(lang, { timeZone: 'UTC', weekday: width });
}

/** The slots of a week grouped by weekday, each day's slots in time order. */
export function slotsByWeekday(slots: readonly TAvailabilitySlot[]): [number, TAvailabilitySlot[]][] {
  const days = new Map<number, TAvailabilitySlot[]>();
  for (const s of [...slots].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))) {
    const list = days.get(s.weekday) ?? [];
    list.push(s);
    days.set(s.weekday, list);
  }
  return [...days];
}

/** Problems of a week's slots, as the server would find them: end before start, or overlaps. */
export type TSlotProblem =
  | { kind: 'order'; index: number }
  | { kind: 'overlap'; index: number; weekday: number }
  | { kind: 'time'; index: number };

export function slotProblems(slots: readonly TAvailabilitySlot[]): TSlotProblem[] {
  const problems: TSlotProblem[] = [];
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  slots.forEach((s, index) => {
    if (!time.test(s.start) || !time.test(s.end)) problems.push({ kind: 'time', index });
    else if (s.start >= s.end) problems.push({ kind: 'order', index });
  });
  if (problems.length) return problems;
  const sorted = slots
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.weekday - b.s.weekday || a.s.start.localeCompare(b.s.start));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.s.weekday === b.s.weekday && b.s.start < a.s.end)
      problems.push({ kind: 'overlap', index: b.index, weekday: b.s.weekday });
  }
  return problems;
}
