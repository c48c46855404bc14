import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { endOfShanghaiDay, officialCalendarData, shanghaiDate, WorkCalendar } from './work-calendar.js';

const cal = new WorkCalendar(officialCalendarData());
const at = (shanghaiLocal: string) => new Date(`${shanghaiLocal}+08:00`);
const end = (day: string) => endOfShanghaiDay(day).toISOString();

describe('working-day calendar (Asia/Shanghai, official arrangement)', () => {
  it('knows holidays, weekends and adjusted working days', () => {
    expect(cal.describe('2026-02-14')).toMatchObject({ working: true, reason: 'adjusted_workday' });
    expect(cal.describe('2026-02-17')).toMatchObject({ working: false, reason: 'holiday', name: '春节' });
    expect(cal.describe('2026-03-07')).toMatchObject({ working: false, reason: 'weekend' });
    expect(cal.describe('2026-03-09')).toMatchObject({ working: true, reason: 'weekday' });
    expect(cal.describe('2026-10-10')).toMatchObject({ working: true, reason: 'adjusted_workday' });
  });

  it('converts instants to Shanghai days and day ends to instants', () => {
    expect(shanghaiDate(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(shanghaiDate(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(end('2026-02-27')).toBe('2026-02-27T16:00:00.000Z');
  });

  it('counts a period across the 2026 Spring Festival with its adjusted Saturdays', () => {
    // Friday before the festival: Sat 14th is a working day, 15th–23rd are holidays.
    expect(cal.deadlineAfter(at('2026-02-13T10:00:00'), 1).toISOString()).toBe(end('2026-02-14'));
    expect(cal.deadlineAfter(at('2026-02-13T10:00:00'), 5).toISOString()).toBe(end('2026-02-27'));
    // Arriving on the adjusted working Saturday after it: that Saturday is the starting day, not counted.
    expect(cal.deadlineAfter(at('2026-02-28T09:00:00'), 1).toISOString()).toBe(end('2026-03-02'));
    expect(cal.deadlineAfter(at('2026-02-27T09:00:00'), 1).toISOString()).toBe(end('2026-02-28'));
    expect(cal.deadlineAfter(at('2026-02-27T09:00:00'), 5).toISOString()).toBe(end('2026-03-05'));
    // Arriving during the holiday.
    expect(cal.deadlineAfter(at('2026-02-18T12:00:00'), 1).toISOString()).toBe(end('2026-02-24'));
  });

  it('counts a period across the 2026 National Day holiday and its adjusted Saturday', () => {
    expect(cal.deadlineAfter(at('2026-09-30T17:00:00'), 1).toISOString()).toBe(end('2026-10-08'));
    expect(cal.deadlineAfter(at('2026-09-30T17:00:00'), 5).toISOString()).toBe(end('2026-10-13'));
    // The adjusted working Sunday before it (20 September) counts.
    expect(cal.deadlineAfter(at('2026-09-18T17:00:00'), 1).toISOString()).toBe(end('2026-09-20'));
  });

  it('does not count the starting day even when it arrives just before midnight', () => {
    expect(cal.deadlineAfter(at('2026-03-09T23:59:00'), 1).toISOString()).toBe(end('2026-03-10'));
    expect(cal.deadlineAfter(at('2026-03-10T00:01:00'), 1).toISOString()).toBe(end('2026-03-11'));
    expect(cal.deadlineAfter(at('2026-03-10T00:01:00'), 0).toISOString()).toBe(end('2026-03-10'));
  });

  it('refuses a year it has no data for instead of guessing', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    const attempt = () => cal.deadlineAfter(at('2026-12-29T10:00:00'), 5);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (err) {
      expect((err as AppError).code).toBe('calendar_year_missing');
      expect((err as AppError).details).toEqual({ year: 2027 });
    }
  });

  it('answers for a year once an administrator has entered and declared it, overrides winning', () => {
    const with2027 = new WorkCalendar(
      officialCalendarData(),
      [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2026-12-31', kind: 'holiday', name: 'company closure' },
      ],
      [2027],
    );
    // 29 Dec (Tue) → 30 (1), 31 overridden to holiday, 1 Jan holiday, 2–3 weekend, 4 (2), 5 (3), 6 (4), 7 (5)
    expect(with2027.deadlineAfter(at('2026-12-29T10:00:00'), 5).toISOString()).toBe(end('2027-01-07'));
    expect(with2027.describe('2026-12-31')).toMatchObject({ working: false, reason: 'override' });
  });

  it('counts working days between two instants', () => {
    expect(cal.workingDaysBetween(at('2026-02-13T10:00:00'), at('2026-02-27T10:00:00'))).toBe(5);
  });
});
