import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/types.js';
import { safeErrorMessage } from '../log/log-serializers.js';
import { claimJobs, completeJob, failJob, type JobRow } from './job-queue.js';

export type JobContext = {
  db: Db;
  workerId: string;
  /**
   * Runs `fn` in a transaction that also marks the job done: the job's effects and its
   * completion commit together, so a job whose worker dies midway leaves no half-done effects
   * and runs again, while a completed job never runs twice.
   */
  complete<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
};

/** A job's work. A handler that does not call `complete` is marked done when it returns. */
export type JobHandler = (job: JobRow, ctx: JobContext) => Promise<void>;

type Logger = { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export class LeaseLostError extends Error {}

/**
 * Polls the jobs table and runs due jobs with the registered handlers. Any number of workers
 * (in one or many instances) can run at once; each job is held by one of them at a time.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly options: {
      pollMs?: number;
      batch?: number;
      leaseSeconds?: number;
      logger?: Logger;
    } = {},
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      let ran = 0;
      try {
        this.running = this.runOnce();
        ran = await this.running;
      } catch (err) {
        this.options.logger?.error({ err }, 'job worker poll failed');
      } finally {
        this.running = undefined;
      }
      // Keep draining while there is work; otherwise wait for the next poll.
      this.schedule(ran > 0 ? 0 : (this.options.pollMs ?? 1000));
    }, ms);
    this.timer.unref?.();
  }

  /** Claims and runs one batch of due jobs; returns how many it ran. */
  async runOnce(): Promise<number> {
    const claimed = await claimJobs(
      this.db,
      this.id,
      Object.keys(this.handlers),
      this.options.batch ?? 10,
      this.options.leaseSeconds ?? 300,
    );
    for (const job of claimed) await this.runJob(job);
    return claimed.length;
  }

  private async runJob(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    let completed = false;
    const ctx: JobContext = {
      db: this.db,
      workerId: this.id,
      complete: async (fn) => {
        const result = await this.db.transaction(async (tx) => {
          const value = await fn(tx);
          if (!(await completeJob(tx, job, this.id)))
            throw new LeaseLostError(`Lost the lease on job ${job.id}`);
          return value;
        });
        completed = true;
        return result;
      },
    };
    try {
      await handler(job, ctx);
      if (!completed) await completeJob(this.db, job, this.id);
    } catch (err) {
      if (err instanceof LeaseLostError) {
        this.options.logger?.warn({ jobId: job.id }, err.message);
        return;
      }
      this.options.logger?.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
      // Stored on the job row: the message without a failed statement's values (a roster's rows).
      await failJob(this.db, job, this.id, safeErrorMessage(err));
    }
  }
}
