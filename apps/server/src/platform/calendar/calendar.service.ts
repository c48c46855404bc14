import { asc } from 'drizzle-orm';
import type { Db } from '../db/types.js';
import { calendarOverrides, calendarYears } from './calendar.table.js';
import { type DayKind, officialCalendarData, WorkCalendar } from './work-calendar.js';

/**
 * Loads the calendar with the administrators' overrides. Cheap enough to call per request that
 * needs it (two small tables), so every instance sees an override as soon as it is committed.
 */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const [overrides, years] = await Promise.all([
    db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.day)),
    db.select().from(calendarYears),
  ]);
  return new WorkCalendar(
    officialCalendarData(),
    overrides.map((o) => ({ day: o.day, kind: o.kind as DayKind, name: o.name })),
    years.map((y) => y.year),
  );
}
