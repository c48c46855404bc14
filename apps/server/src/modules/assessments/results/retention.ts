import type { Db } from '../../../platform/db/types.js';
import { enqueueJob } from '../../../platform/jobs/job-queue.js';
import type { JobHandler } from '../../../platform/jobs/job-worker.js';
import { wellbeingSettings } from '../settings/wellbeing-settings.js';
import { eraseExpired } from './erasure.js';

export const RETENTION_JOB = 'assessments.retention';

/** The next 03:00 in Beijing after `now`: the retention job runs nightly. */
export function nextNightlyRun(now = new Date()): Date {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const run =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), 3) - 8 * 3_600_000;
  return new Date(run > now.getTime() ? run : run + 86_400_000);
}

/** Makes sure a nightly retention run is queued (one at a time, whatever the number of instances). */
export async function scheduleRetention(db: Db, now = new Date()): Promise<void> {
  await enqueueJob(db, RETENTION_JOB, {}, { runAt: nextNightlyRun(now), dedupeKey: RETENTION_JOB });
}

/**
 * Erases results older than the retention setting, then queues the next night's run. The
 * erasure and the job's completion commit together.
 */
export function retentionJobs(): Record<string, JobHandler> {
  return {
    [RETENTION_JOB]: async (_job, ctx) => {
      await ctx.complete(async (tx) => {
        const { retentionDays } = await wellbeingSettings(tx);
        await eraseExpired(tx, retentionDays);
      });
      await scheduleRetention(ctx.db);
    },
  };
}
