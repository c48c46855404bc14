import { sql } from 'drizzle-orm';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { Db } from './types.js';

export const ANALYZE_JOB = 'platform.analyze';

/** The next 04:00 in Beijing after `now`. */
function nextNight(now: Date): Date {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const run =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), 4) - 8 * 3_600_000;
  return new Date(run > now.getTime() ? run : run + 86_400_000);
}

/** Makes sure tonight's statistics refresh is queued (one at a time across instances). */
export async function scheduleAnalyze(db: Db, now = new Date()): Promise<void> {
  await enqueueJob(db, ANALYZE_JOB, {}, { runAt: nextNight(now), dedupeKey: ANALYZE_JOB });
}

/**
 * Refreshes the planner's statistics every night. The embedded engine has no autovacuum, so
 * without this its plans go stale as tables grow (measured: one hotline item's thread took
 * 170 ms instead of a few before an ANALYZE); on PostgreSQL it is cheap and harmless.
 */
export function maintenanceJobs(): Record<string, JobHandler> {
  return {
    [ANALYZE_JOB]: async (_job, ctx) => {
      await ctx.db.execute(sql`analyze`);
      await scheduleAnalyze(ctx.db);
    },
  };
}
