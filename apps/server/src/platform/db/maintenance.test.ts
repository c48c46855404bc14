import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleRecurringJobs } from '../../jobs.js';
import { drainJobs } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { ANALYZE_JOB } from './maintenance.js';
import { queryRows } from './sql.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('recurring jobs', () => {
  it('keeps one run of each queued however often the instances start', async () => {
    const db = t.app.lifeline.database.db;
    await scheduleRecurringJobs(db);
    await scheduleRecurringJobs(db);
    const rows = await queryRows<{ kind: string; n: string }>(
      db,
      sql`select kind, count(*) as n from jobs where status = 'queued' group by kind order by kind`,
    );
    expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
      ['assessments.retention', 1],
      ['hotline.calendar_sweep', 1],
      ['platform.analyze', 1],
    ]);
  });

  it('refreshes the planner statistics and queues the next night', async () => {
    const db = t.app.lifeline.database.db;
    await db.execute(sql`delete from jobs where kind = ${ANALYZE_JOB}`);
    await enqueueJob(db, ANALYZE_JOB, {});
    await drainJobs(t.app);
    const rows = await queryRows<{ status: string; run_at: string }>(
      db,
      sql`select status, run_at from jobs where kind = ${ANALYZE_JOB} order by id`,
    );
    expect(rows.map((r) => r.status)).toEqual(['done', 'queued']);
    const next = new Date(rows[1].run_at);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    // 04:00 in Beijing is 20:00 UTC.
    expect(next.getUTCHours()).toBe(20);
  });
});
