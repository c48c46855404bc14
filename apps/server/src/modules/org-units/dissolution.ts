import { type SQL, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { AppError } from '../../platform/errors.js';

/**
 * Today's date in Beijing, read from the clock at each call. Dissolution is compared with it
 * here rather than with the database's date, so that one clock decides and tests can set it.
 */
export const beijingToday = (): string => shanghaiDate(new Date());

/**
 * Whether a unit is dissolved on `today`: from its dissolved_on date (a Beijing date) on. Until
 * that day a unit whose dissolution is recorded still works.
 */
export function isDissolved(dissolvedOn: string | null, today: string = beijingToday()): boolean {
  return dissolvedOn !== null && dissolvedOn <= today;
}

/** SQL: the unit with this dissolved_on column still stands on `today` (Beijing). */
export function standsSql(dissolvedOn: SQL, today: string = beijingToday()): SQL {
  return sql`(${dissolvedOn} is null or ${dissolvedOn} > ${today}::date)`;
}

/**
 * Refuses a dissolved unit chosen as the target of something new (an item, a transfer, a rule):
 * 400 naming the field, with the reason the web app words.
 */
export function assertStands(unit: { dissolvedOn: string | null }, path: string): void {
  if (!isDissolved(unit.dissolvedOn)) return;
  const message = 'The unit is dissolved';
  throw new AppError('validation_failed', message, { issues: [{ path, message }], reason: 'unit_dissolved' });
}
