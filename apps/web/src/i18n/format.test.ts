import { describe, expect, it } from 'vitest';
import { notificationTime } from '../app/layout/notification-text';
import { beijingDate, beijingDateTime, beijingTime, sameBeijingDay } from './format';

describe('Beijing times', () => {
  // 2026-12-31 16:00 UTC is midnight in Beijing: the end of a deadline's last day.
  const midnight = '2026-12-31T16:00:00Z';

  it('write a deadline at 24:00 as 00:00 of the next day, in both languages', () => {
    expect(beijingDateTime(midnight, 'zh-CN')).toBe('2027/01/01 00:00');
    expect(beijingDateTime(midnight, 'en')).toBe('01/01/2027, 00:00');
    expect(beijingTime(midnight, 'en')).toBe('00:00');
  });

  it('follow the Beijing calendar, not the device’s', () => {
    expect(beijingDate('2026-12-31T17:00:00Z', 'zh-CN', 'short')).toBe('2027/01/01');
    expect(sameBeijingDay(new Date('2026-12-31T15:00:00Z'), new Date('2026-12-31T17:00:00Z'))).toBe(false);
    expect(sameBeijingDay(new Date('2026-12-31T17:00:00Z'), new Date('2027-01-01T15:00:00Z'))).toBe(true);
  });

  it('show a notice of today by its Beijing time, an older one by its date', () => {
    const now = new Date('2027-01-01T03:00:00Z'); // 11:00 in Beijing
    expect(notificationTime('2027-01-01T01:30:00Z', 'zh-CN', now)).toBe('09:30');
    expect(notificationTime('2026-12-31T15:30:00Z', 'zh-CN', now)).toBe('2026/12/31');
  });

  it('leave an unreadable value as it came', () => {
    expect(beijingDateTime('not a date', 'en')).toBe('not a date');
    expect(beijingDateTime(null, 'en')).toBe('');
  });
});
