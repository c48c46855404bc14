import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../db/sql.js';
import type { Db } from '../db/types.js';
import { jobs } from './jobs.table.js';

export type JobRow = typeof jobs.$inferSelect;

export type EnqueueOptions = {
  runAt?: Date;
  maxAttempts?: number;
  /** At most one queued-or-running job per key; a second enqueue with the same key is ignored. */
  dedupeKey?: string;
};

/**
 * Adds a job. Call it with the transaction that makes the change the job follows up, so the job
 * exists exactly when the change does. Returns the job id, or null when de-duplicated.
 */
export async function enqueueJob(
  db: Db,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<number | null> {
  const rows = await db
    .insert(jobs)
    .values({
      kind,
      payload,
      runAt: (options.runAt ?? new Date()).toISOString(),
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({
      target: jobs.dedupeKey,
      where: sql`${jobs.status} in ('queued', 'running')`,
    })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/** Cancels queued jobs with a key (a deadline that no longer applies, say). */
export async function cancelJobs(db: Db, dedupeKey: string): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: sql`now()` })
    .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'queued')))
    .returning({ id: jobs.id });
  return rows.length;
}

/**
 * Takes up to `limit` due jobs for one worker: rows locked by another taker are skipped
 * (FOR UPDATE SKIP LOCKED) and the taken rows are leased, so no two workers ever hold one job.
 * Jobs whose lease ran out (their worker died) are due again.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  kinds: string[],
  limit: number,
  leaseSeconds: number,
): Promise<JobRow[]> {
  if (kinds.length === 0) return [];
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  return db.transaction(async (tx) => {
    const due = await queryRows<{ id: string }>(
      tx,
      sql`select id from jobs
          where kind in (${kindList})
            and ((status = 'queued' and run_at <= now())
              or (status = 'running' and locked_until < now()))
          order by run_at, id
          limit ${limit}
          for update skip locked`,
    );
    if (due.length === 0) return [];
    const ids = sql.join(
      due.map((r) => sql`${Number(r.id)}`),
      sql`, `,
    );
    return tx
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: workerId,
        lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(sql`${jobs.id} in (${ids})`)
      .returning();
  });
}

/**
 * Marks a job done if this worker still holds it. Returns false when the lease was lost (another
 * worker took the job over), in which case the caller's transaction must roll back.
 */
export async function completeJob(db: Db, job: JobRow, workerId: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', finishedAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Records a failure: retried later with exponential backoff, or failed for good after the last attempt. */
export async function failJob(db: Db, job: JobRow, workerId: string, error: string): Promise<void> {
  const final = job.attempts >= job.maxAttempts;
  const backoffSeconds = Math.min(3600, 5 * 2 ** (job.attempts - 1));
  await db
    .update(jobs)
    .set({
      status: final ? 'failed' : 'queued',
      runAt: final ? job.runAt : sql`now() + make_interval(secs => ${backoffSeconds})`,
      finishedAt: final ? sql`now()` : null,
      lockedBy: null,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
}
