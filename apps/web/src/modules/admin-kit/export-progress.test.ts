import { describe, expect, it } from 'vitest';
import { exportPercent, exportSettled, nextPollDelay } from './export-progress';

describe('export progress', () => {
  it('is 0 until the rows are counted, then the share written, and 100 only when done', () => {
    expect(exportPercent({ state: 'queued', total: null, done: 0 })).toBe(0);
    expect(exportPercent({ state: 'running', total: 0, done: 0 })).toBe(0);
    expect(exportPercent({ state: 'running', total: 70_000, done: 35_000 })).toBe(50);
    // Every row written but the file not yet stored: not 100.
    expect(exportPercent({ state: 'running', total: 70_000, done: 70_000 })).toBe(99);
    expect(exportPercent({ state: 'done', total: 0, done: 0 })).toBe(100);
  });

  it('is settled when done or failed', () => {
    expect(exportSettled({ state: 'queued' })).toBe(false);
    expect(exportSettled({ state: 'running' })).toBe(false);
    expect(exportSettled({ state: 'done' })).toBe(true);
    expect(exportSettled({ state: 'failed' })).toBe(true);
  });

  it('asks quickly at first, then at most every two seconds', () => {
    expect(nextPollDelay(0)).toBe(300);
    expect(nextPollDelay(1)).toBe(600);
    expect(nextPollDelay(2)).toBe(1200);
    expect(nextPollDelay(3)).toBe(2000);
    expect(nextPollDelay(30)).toBe(2000);
  });
});
