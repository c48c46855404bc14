import { describe, expect, it } from 'vitest';
import { officialCalendarData, WorkCalendar } from '../../../platform/calendar/work-calendar.js';
import { computeDeadlines, resumeDeadline } from './deadlines.js';

/** The official 2026 arrangement (chinese-days): 春节 2-15…2-23 with working Saturdays 2-14 and 2-28;
 * 中秋 9-25…9-27, 国庆 10-1…10-7 with working Sunday 9-20 and Saturday 10-10. */
const cal = new WorkCalendar(officialCalendarData());
const at = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
const endOfDay = (day: string) => new Date(endOf(day));
const normal = (local: string, days = 5) => computeDeadlines(cal, at(local), 'normal', days, 4);

describe('normal deadlines on the official calendar', () => {
  it('across the Spring Festival: the adjusted Saturday counts, the holiday weekdays do not', () => {
    const d = normal('2026-02-13T10:00:00');
    // Day of arrival not counted; 2-14 (working Saturday) is day 1; 2-15…2-23 holidays; 2-24…2-27 days 2–5.
    expect(d.acceptDue?.toISOString()).toBe(endOf('2026-02-14'));
    expect(d.answerDue?.toISOString()).toBe(endOf('2026-02-27'));
    expect(d.calendarMissingYear).toBeNull();
  });

  it('from inside the holiday the count starts on the first working day after it', () => {
    expect(normal('2026-02-18T09:00:00', 1).answerDue?.toISOString()).toBe(endOf('2026-02-24'));
    // 2-24, 2-25, 2-26, 2-27 and the working Saturday 2-28.
    expect(normal('2026-02-20T09:00:00').answerDue?.toISOString()).toBe(endOf('2026-02-28'));
  });

  it('across Mid-Autumn and National Day: the working Sunday 9-20 and Saturday 10-10 count', () => {
    expect(normal('2026-09-19T15:00:00', 1).acceptDue?.toISOString()).toBe(endOf('2026-09-20'));
    // 10-1…10-7 off; 10-8, 10-9, 10-10 (working Saturday), 10-12, 10-13.
    expect(normal('2026-09-30T09:00:00').answerDue?.toISOString()).toBe(endOf('2026-10-13'));
    // 9-24 (Thu) day 1, 9-25…9-27 off, 9-28, 9-29, 9-30, then 10-8.
    expect(normal('2026-09-23T18:00:00').answerDue?.toISOString()).toBe(endOf('2026-10-08'));
  });

  it('counts Beijing days: 23:59 and 00:01 are different arrival days', () => {
    expect(normal('2026-03-02T23:59:00', 1).answerDue?.toISOString()).toBe(endOf('2026-03-03'));
    expect(normal('2026-03-03T00:01:00', 1).answerDue?.toISOString()).toBe(endOf('2026-03-04'));
  });

  it('refuses to guess a year the calendar has no data for, and names it; the other deadline stands', () => {
    // Arrived Tuesday 12-29: accepting is due 12-30 (covered); the fifth working day is in 2027.
    const d = normal('2026-12-29T10:00:00');
    expect(d).toEqual({
      acceptDue: new Date(endOf('2026-12-30')),
      answerDue: null,
      calendarMissingYear: 2027,
    });
    // Arrived Thursday 12-31: both deadlines are in 2027, both wait for it.
    expect(normal('2026-12-31T10:00:00')).toEqual({
      acceptDue: null,
      answerDue: null,
      calendarMissingYear: 2027,
    });
    expect(computeDeadlines(cal, at('2026-12-31T10:00:00'), 'urgent', 5, 4)).toEqual({
      acceptDue: endOfDay('2026-12-31'),
      answerDue: endOfDay('2026-12-31'),
      calendarMissingYear: null,
    });
    const declared = new WorkCalendar(officialCalendarData(), [], [2027]);
    expect(
      computeDeadlines(declared, at('2026-12-29T10:00:00'), 'normal', 5, 4).answerDue?.toISOString(),
    ).toBe(endOf('2027-01-05'));
  });
});

describe('urgent and immediate items', () => {
  it('urgent: the same working day, or the next one when it arrives on a rest day', () => {
    expect(computeDeadlines(cal, at('2026-02-14T08:00:00'), 'urgent', 5, 4).answerDue?.toISOString()).toBe(
      endOf('2026-02-14'),
    );
    expect(computeDeadlines(cal, at('2026-02-17T08:00:00'), 'urgent', 5, 4).answerDue?.toISOString()).toBe(
      endOf('2026-02-24'),
    );
  });

  it('immediate: hours around the clock, holidays included, and no calendar needed', () => {
    const d = computeDeadlines(cal, at('2026-10-02T22:30:00'), 'immediate', 5, 4);
    expect(d.answerDue?.toISOString()).toBe(at('2026-10-03T02:30:00').toISOString());
    expect(d.acceptDue?.toISOString()).toBe(at('2026-10-02T23:30:00').toISOString());
    expect(
      computeDeadlines(cal, at('2027-05-01T10:00:00'), 'immediate', 5, 4).calendarMissingYear,
    ).toBeNull();
  });
});

describe('waiting for the reporter', () => {
  it('keeps the working days that were left when the clock stopped', () => {
    const due = new Date(endOf('2026-03-06'));
    // Paused Monday 3-2 with Tue–Fri (4 days) left; resumed Thursday 3-12 → four working days after: 3-18.
    expect(
      resumeDeadline(cal, 'normal', due, at('2026-03-02T10:00:00'), at('2026-03-12T09:00:00')).toISOString(),
    ).toBe(endOf('2026-03-18'));
    // Paused on the last day: nothing left, so the end of the day it resumes.
    expect(
      resumeDeadline(cal, 'normal', due, at('2026-03-06T10:00:00'), at('2026-03-09T09:00:00')).toISOString(),
    ).toBe(endOf('2026-03-09'));
  });

  it('keeps the hours that were left for immediate items', () => {
    const due = at('2026-05-01T14:00:00');
    expect(
      resumeDeadline(
        cal,
        'immediate',
        due,
        at('2026-05-01T12:00:00'),
        at('2026-05-01T20:00:00'),
      ).toISOString(),
    ).toBe(at('2026-05-01T22:00:00').toISOString());
  });
});
