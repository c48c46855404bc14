import type { THotlineUrgency } from '@lifeline/shared';
import {
  endOfShanghaiDay,
  shanghaiDate,
  type WorkCalendar,
} from '../../../platform/calendar/work-calendar.js';
import { AppError } from '../../../platform/errors.js';

/**
 * The two deadlines of an item. A deadline that falls in a year the calendar has no data for is
 * null, and that year is named; the other one stands (the acceptance due this December is kept
 * when only the answer reaches into an uncovered January).
 */
export type Deadlines = {
  acceptDue: Date | null;
  answerDue: Date | null;
  calendarMissingYear: number | null;
};

const HOUR_MS = 3_600_000;

/** The end of the working day an instant falls on, or of the next working day when it falls on a rest day. */
function sameWorkingDay(cal: WorkCalendar, at: Date): Date {
  const day = shanghaiDate(at);
  return cal.isWorkingDay(day) ? endOfShanghaiDay(day) : cal.deadlineAfter(at, 1);
}

/** A deadline, or the year the calendar lacks to count it. */
function counted(compute: () => Date): Date | { missingYear: number } {
  try {
    return compute();
  } catch (err) {
    if (err instanceof AppError && err.code === 'calendar_year_missing') {
      return { missingYear: (err.details as { year: number }).year };
    }
    throw err;
  }
}

/**
 * The deadlines of an item whose clock starts at `from`:
 *  - normal: accept within 1 working day, answer within the category's working days, counted as
 *    the Civil Code counts periods (the first day is not counted; the period ends at 24:00 of the
 *    last working day, Beijing time; adjusted working weekends count, holiday weekdays do not);
 *  - urgent: accept and answer the same working day;
 *  - immediate (a safety hazard): around the clock, accept within an hour, answer within hours.
 * Each deadline is counted on its own: one that reaches into a year the calendar has no data for
 * is left open and names the year (the first such year), never a guess; the other is kept.
 */
export function computeDeadlines(
  cal: WorkCalendar,
  from: Date,
  urgency: THotlineUrgency,
  answerDays: number,
  immediateHours: number,
): Deadlines {
  if (urgency === 'immediate') {
    return {
      acceptDue: new Date(from.getTime() + Math.min(1, immediateHours) * HOUR_MS),
      answerDue: new Date(from.getTime() + immediateHours * HOUR_MS),
      calendarMissingYear: null,
    };
  }
  const accept = counted(() =>
    urgency === 'urgent' ? sameWorkingDay(cal, from) : cal.deadlineAfter(from, 1),
  );
  const answer = urgency === 'urgent' ? accept : counted(() => cal.deadlineAfter(from, answerDays));
  const missing = [accept, answer].flatMap((d) => (d instanceof Date ? [] : [d.missingYear]));
  return {
    acceptDue: accept instanceof Date ? accept : null,
    answerDue: answer instanceof Date ? answer : null,
    calendarMissingYear: missing.length ? Math.min(...missing) : null,
  };
}

/**
 * The answer deadline after waiting for the reporter: the clock stood still from `pausedAt` to
 * `resumedAt`, so what was left then is left now — in working days for normal and urgent items
 * (0 left: the end of the resuming day), in hours for immediate ones.
 */
export function resumeDeadline(
  cal: WorkCalendar,
  urgency: THotlineUrgency,
  answerDue: Date,
  pausedAt: Date,
  resumedAt: Date,
): Date {
  if (urgency === 'immediate') {
    return new Date(resumedAt.getTime() + Math.max(0, answerDue.getTime() - pausedAt.getTime()));
  }
  const left = answerDue > pausedAt ? cal.workingDaysBetween(pausedAt, new Date(answerDue.getTime() - 1)) : 0;
  return cal.deadlineAfter(resumedAt, left);
}
