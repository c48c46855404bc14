import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { officialCalendarData, WorkCalendar } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/sql.js';
import { enqueueJob } from '../../platform/jobs/job-queue.js';
import { buildUnit, type Client, drainJobs, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { CALENDAR_SWEEP_JOB, OVERDUE_JOB } from './sla/sla.jobs.js';

/**
 * An item filed late in the last year the calendar covers: its acceptance deadline falls in that
 * year and is kept; only its answer deadline, in the uncovered year, waits for the calendar —
 * and gets set once an administrator enters that year.
 */
let t: TestApp;
let workshop: Unit;
let handler: Client;
let admin: Client;
const db = () => t.app.lifeline.database.db;

const cal = new WorkCalendar(officialCalendarData());
/** The last year the shipped calendar covers; the next one is missing in a fresh database. */
const lastYear = Math.max(...cal.years());
const missingYear = lastYear + 1;

/**
 * 10:00 Beijing time on the first day of late December whose next working day is still in the
 * covered year while five working days reach into the missing one.
 */
function lateDecemberArrival(): { at: Date; acceptDue: Date } {
  for (let day = 15; day <= 31; day++) {
    const at = new Date(`${lastYear}-12-${String(day).padStart(2, '0')}T10:00:00+08:00`);
    let acceptDue: Date;
    try {
      acceptDue = cal.deadlineAfter(at, 1);
    } catch {
      continue;
    }
    try {
      cal.deadlineAfter(at, 5);
    } catch {
      return { at, acceptDue };
    }
  }
  throw new Error(`no late-December day of ${lastYear} fits`);
}

async function fileAt(at: Date, title: string) {
  const boundary = `----gap${Math.random().toString(16).slice(2)}`;
  const item = {
    category: 'canteen',
    title,
    description: '反映的问题描述，至少十个字以上。',
    visibility: 'named',
  };
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`;
  // Only the clock moves (the filing reads it; the embedded database's clock is this process's
  // too, so the reporter logs in at that time); timers keep running as they are.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    const reporter = await loginAs(t.app, workshop);
    const res = await reporter.request('POST', '/api/hotline/items', payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string };
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  const group = await buildUnit(db());
  workshop = await buildUnit(db(), group);
  handler = await loginAs(t.app, workshop, [['hotline_handler', workshop]]);
  admin = await loginAs(t.app, group, [['sysadmin', group]]);
  const rule = await admin.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: workshop.id,
    handlingUnitId: workshop.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t.close());

describe('a year missing from the calendar', () => {
  it('drops only the deadline that falls in the missing year, and sets it once the year is entered', async () => {
    const { at, acceptDue } = lateDecemberArrival();
    const item = await fileAt(at, '年底加班餐补发放延迟');
    const seen = (await handler.request('GET', `/api/hotline/items/${item.id}`)).json();
    expect(seen).toMatchObject({
      acceptDue: acceptDue.toISOString(),
      answerDue: null,
      calendarMissingYear: missingYear,
    });
    // The acceptance deadline that is known is watched like any other.
    const checks = await queryRows<{ which: string }>(
      db(),
      sql`select payload->>'which' as which from jobs where kind = ${OVERDUE_JOB} and status = 'queued'
          and (payload->>'itemId')::bigint = ${item.id}`,
    );
    expect(checks.map((c) => c.which)).toEqual(['accept']);

    // The administrator enters the new year (its New Year's Day at least) and declares it.
    const newYear = `${missingYear}-01-01`;
    const holiday = await admin.request('PUT', `/api/calendar/overrides/${newYear}`, {
      kind: 'holiday',
      name: '元旦',
    });
    expect(holiday.statusCode, holiday.body).toBe(204);
    const declared = await admin.request('POST', `/api/calendar/years/${missingYear}/declare`, {
      note: '测试录入',
    });
    expect(declared.statusCode, declared.body).toBe(204);
    await enqueueJob(db(), CALENDAR_SWEEP_JOB, {});
    await drainJobs(t.app);
    const after = (await handler.request('GET', `/api/hotline/items/${item.id}`)).json();
    expect(after.calendarMissingYear).toBeNull();
    expect(after.acceptDue).toBe(acceptDue.toISOString());
    const full = new WorkCalendar(
      officialCalendarData(),
      [{ day: newYear, kind: 'holiday', name: '元旦' }],
      [missingYear],
    );
    expect(after.answerDue).toBe(full.deadlineAfter(at, 5).toISOString());
  });
});
