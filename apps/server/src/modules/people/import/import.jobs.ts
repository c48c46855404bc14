import type { Actor } from '../../../platform/audit/audit.js';
import type { AppContext } from '../../../platform/http/request-context.js';
import type { JobHandler } from '../../../platform/jobs/job-worker.js';
import { APPLY_JOB, applyImport, VALIDATE_JOB, validateImport } from './import.service.js';

/** The roster import's background steps. */
export function importJobs(ctx: AppContext): Record<string, JobHandler> {
  return {
    [VALIDATE_JOB]: async (job) =>
      validateImport(ctx.database.db, ctx.files, ctx.crypto, Number(job.payload.importId)),
    [APPLY_JOB]: async (job) =>
      applyImport(ctx.database.db, Number(job.payload.importId), job.payload.actor as Actor),
  };
}
