import { createRequire } from 'node:module';
import { AppError } from '../errors.js';

/**
 * Working days in Asia/Shanghai on the official calendar: weekends are rest days unless they are
 * adjusted working days (调休上班), weekdays are working days unless they are public holidays.
 * Data: the `chinese-days` package, plus administrator overrides for corrections and for years
 * the package does not cover yet. A year with neither is refused, never guessed.
 */
export type DayKind = 'workday' | 'holiday';
export type CalendarData = {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
export type CalendarOverride = { day: string; kind: DayKind; name?: string | null };

const require = createRequire(import.meta.url);
let packageData: CalendarData | undefined;

/** The official arrangement shipped with `chinese-days` (holidays and adjusted working days). */
export function officialCalendarData(): CalendarData {
  packageData ??= require('chinese-days/dist/chinese-days.json') as CalendarData;
  return packageData;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has kept UTC+8 without daylight saving since 1991.
const DAY_MS = 86_400_000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Shanghai calendar day ends (24:00 of that day, i.e. 00:00 of the next). */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export class WorkCalendar {
  private readonly overrides: Map<string, CalendarOverride>;
  private readonly coveredYears: Set<number>;

  constructor(
    private readonly data: CalendarData,
    overrides: CalendarOverride[] = [],
    declaredYears: number[] = [],
  ) {
    this.overrides = new Map(overrides.map((o) => [o.day, o]));
    const years = new Set<number>(declaredYears);
    for (const day of [...Object.keys(data.holidays), ...Object.keys(data.workdays)]) {
      years.add(Number(day.slice(0, 4)));
    }
    this.coveredYears = years;
  }

  /** Years that can be answered (package data or an administrator's declaration). */
  years(): number[] {
    return [...this.coveredYears].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  /** Throws `calendar_year_missing` unless the day's year has data. */
  assertCovered(day: string): void {
    const year = Number(day.slice(0, 4));
    if (!this.covers(year)) {
      throw new AppError(
        'calendar_year_missing',
        `The working-day calendar has no official arrangement for ${year}. An administrator must enter that year's public holidays and adjusted working days before deadlines in ${year} can be computed.`,
        { year },
      );
    }
  }

  /** What kind of day a date (YYYY-MM-DD, Shanghai) is, and why. */
  describe(day: string): {
    day: string;
    working: boolean;
    reason: 'override' | 'holiday' | 'adjusted_workday' | 'weekend' | 'weekday';
    name: string | null;
  } {
    this.assertCovered(day);
    const o = this.overrides.get(day);
    if (o) return { day, working: o.kind === 'workday', reason: 'override', name: o.name ?? null };
    if (this.data.workdays[day])
      return { day, working: true, reason: 'adjusted_workday', name: label(this.data.workdays[day]) };
    if (this.data.holidays[day])
      return { day, working: false, reason: 'holiday', name: label(this.data.holidays[day]) };
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    return { day, working: !weekend, reason: weekend ? 'weekend' : 'weekday', name: null };
  }

  isWorkingDay(day: string): boolean {
    return this.describe(day).working;
  }

  /**
   * The deadline of "within n working days" starting at an instant, counted as the Civil Code
   * (art. 201) counts periods: the starting day is not counted; the period ends at 24:00
   * (Asia/Shanghai) of the nth working day after it. n = 0 means the end of the same day.
   */
  deadlineAfter(start: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let day = shanghaiDate(start);
    if (n === 0) return endOfShanghaiDay(day);
    let counted = 0;
    while (counted < n) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return endOfShanghaiDay(day);
  }

  /** Working days strictly after `from`'s day up to and including `to`'s day (for statistics). */
  workingDaysBetween(from: Date, to: Date): number {
    let day = shanghaiDate(from);
    const last = shanghaiDate(to);
    let count = 0;
    while (day < last) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }
}

/** chinese-days stores "English,中文,days"; keep the Chinese name. */
function label(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? parts[0];
}
