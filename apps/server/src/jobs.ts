import type { AppContext } from './app.js';
import { innovationJobs } from './modules/innovation/management/reminders.js';
import { importJobs } from './modules/people/import/import.jobs.js';
import type { JobHandler } from './platform/jobs/job-worker.js';

/** Every job kind the worker runs, collected from the modules that define them. */
export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return { ...importJobs(ctx), ...innovationJobs() };
}
