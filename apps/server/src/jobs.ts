import { retentionJobs, scheduleRetention } from './modules/assessments/index.js';
import { hotlineJobs, scheduleCalendarSweep } from './modules/hotline/index.js';
import { innovationJobs } from './modules/innovation/index.js';
import { importJobs } from './modules/people/index.js';
import { maintenanceJobs, scheduleAnalyze } from './platform/db/maintenance.js';
import type { Db } from './platform/db/types.js';
import { exportJobHandlers } from './platform/exports/exports.service.js';
import type { AppContext } from './platform/http/request-context.js';
import type { JobHandler } from './platform/jobs/job-worker.js';
import { outboundJobs } from './platform/outbound/outbound.service.js';

/** Every job kind the worker runs, collected from the modules that define them. */
export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    ...importJobs(ctx),
    ...innovationJobs(),
    ...retentionJobs(),
    ...outboundJobs(ctx),
    ...hotlineJobs(ctx),
    ...maintenanceJobs(),
    ...exportJobHandlers(() => ctx.files),
  };
}

/** Recurring jobs that must always be queued: each keeps one run waiting (de-duplicated by key). */
export async function scheduleRecurringJobs(db: Db): Promise<void> {
  await scheduleRetention(db);
  await scheduleCalendarSweep(db);
  await scheduleAnalyze(db);
}
