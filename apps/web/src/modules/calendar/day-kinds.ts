import type { TCalendarDay } from '@lifeline/shared';
import { isWeekend } from './calendar-dates';

/** How a day is shown: one colour each in the grid, the list and the legend. */
export type TDayKind =
  | 'holiday'
  | 'adjusted_workday'
  | 'override_holiday'
  | 'override_workday'
  | 'weekend'
  | 'weekday';

/** The kind of a day, from the server's answer when it has one, else from the day of the week. */
export function dayKind(day: string, info: TCalendarDay | undefined): TDayKind {
  if (!info) return isWeekend(day) ? 'weekend' : 'weekday';
  if (info.reason === 'override') return info.working ? 'override_workday' : 'override_holiday';
  return info.reason;
}

/** Whether the kind is a day off (for the "休"/"班" mark). */
export function isRest(kind: TDayKind): boolean {
  return kind === 'holiday' || kind === 'override_holiday' || kind === 'weekend';
}

/** The tag colour of each kind in the list, matching the grid's cell colours. */
export const KIND_TAG_COLOR: Record<TDayKind, string> = {
  holiday: 'red',
  adjusted_workday: 'gold',
  override_holiday: 'purple',
  override_workday: 'blue',
  weekend: 'default',
  weekday: 'default',
};

/** The year's days by date, and the counts shown above the grid and in the declare dialog. */
export function indexDays(days: readonly TCalendarDay[]) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  let holidays = 0;
  let adjusted = 0;
  let overrides = 0;
  let overrideHolidays = 0;
  let overrideWorkdays = 0;
  for (const d of days) {
    if (d.reason === 'holiday') holidays += 1;
    if (d.reason === 'adjusted_workday') adjusted += 1;
    if (d.reason === 'override') {
      overrides += 1;
      if (d.working) overrideWorkdays += 1;
      else overrideHolidays += 1;
    }
  }
  return { byDay, holidays, adjusted, overrides, overrideHolidays, overrideWorkdays };
}
