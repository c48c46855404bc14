import type { TExportJob } from '@lifeline/shared';

/** How far an export is, 0–100: unknown until it has counted its rows, 100 once done. */
export function exportPercent(job: Pick<TExportJob, 'state' | 'total' | 'done'>): number {
  if (job.state === 'done') return 100;
  if (!job.total) return 0;
  return Math.min(99, Math.floor((job.done / job.total) * 100));
}

/** True when the export will change no more (done or failed). */
export function exportSettled(job: Pick<TExportJob, 'state'>): boolean {
  return job.state === 'done' || job.state === 'failed';
}

/**
 * How long to wait before asking again: quick at first (a small list is done at once), then
 * every two seconds, so a long export costs the server one request per two seconds.
 */
export function nextPollDelay(attempt: number): number {
  return Math.min(2000, 300 * 2 ** attempt);
}
