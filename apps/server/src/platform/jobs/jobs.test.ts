import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { SYSTEM_ACTOR, writeAudit } from '../audit/audit.js';
import { auditEvents } from '../audit/audit.table.js';
import { openHandle } from '../db/adapter.js';
import { queryRows } from '../db/sql.js';
import type { Db } from '../db/types.js';
import { cancelJobs, enqueueJob } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import { jobs } from './jobs.table.js';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const statusOf = async (id: number) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0];

describe('jobs', () => {
  it('runs a due job once and marks it done; leaves future jobs alone', async () => {
    const seen: number[] = [];
    const now = await enqueueJob(db, 'test.once', { n: 1 });
    const later = await enqueueJob(db, 'test.once', { n: 2 }, { runAt: new Date(Date.now() + 3600_000) });
    const worker = new JobWorker(db, {
      'test.once': async (job) => {
        seen.push(job.payload.n as number);
      },
    });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(seen).toEqual([1]);
    expect((await statusOf(now!)).status).toBe('done');
    expect((await statusOf(later!)).status).toBe('queued');
  });

  it('de-duplicates live jobs by key and can cancel them', async () => {
    const a = await enqueueJob(
      db,
      'test.dedupe',
      {},
      { dedupeKey: 'ticket:1:deadline', runAt: new Date(Date.now() + 60_000) },
    );
    const b = await enqueueJob(db, 'test.dedupe', {}, { dedupeKey: 'ticket:1:deadline' });
    expect(a).toBeTypeOf('number');
    expect(b).toBeNull();
    expect(await cancelJobs(db, 'ticket:1:deadline')).toBe(1);
    expect(await enqueueJob(db, 'test.dedupe', {}, { dedupeKey: 'ticket:1:deadline' })).toBeTypeOf('number');
  });

  it('retries a failing job with backoff and gives up after the last attempt', async () => {
    const id = (await enqueueJob(db, 'test.fail', {}, { maxAttempts: 2 }))!;
    const worker = new JobWorker(db, {
      'test.fail': async () => {
        throw new Error('smtp down');
      },
    });
    await worker.runOnce();
    let row = await statusOf(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'smtp down' });
    expect(Date.parse(row.runAt)).toBeGreaterThan(Date.now());
    await db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, id));
    await worker.runOnce();
    row = await statusOf(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('commits a job’s effects together with its completion', async () => {
    const id = (await enqueueJob(db, 'test.atomic', {}))!;
    const worker = new JobWorker(db, {
      'test.atomic': async (job, ctx) => {
        await ctx.complete(async (tx) => {
          await writeAudit(tx, SYSTEM_ACTOR, { action: 'test.effect', recordType: 'job', recordId: job.id });
          throw new Error('crash after the effect');
        });
      },
    });
    await worker.runOnce();
    const effects = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, String(id)));
    expect(effects).toHaveLength(0);
    expect((await statusOf(id)).status).toBe('queued');
  });

  it('takes over a job whose worker died (lease expired)', async () => {
    const id = (await enqueueJob(db, 'test.lease', {}))!;
    let runs = 0;
    const handlers = {
      'test.lease': async () => {
        runs += 1;
      },
    };
    // A worker claims the job and "dies": the lease is simply never completed.
    await db
      .update(jobs)
      .set({ status: 'running', lockedBy: 'dead-worker', lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    await new JobWorker(db, handlers).runOnce();
    expect(runs).toBe(1);
    expect((await statusOf(id)).status).toBe('done');
  });

  it('never runs the same job twice when two instances work the queue at once', async () => {
    // A second connection pool plays the second instance on PostgreSQL; PGlite has one connection.
    const second = database.url ? await openHandle({ databaseUrl: database.url, poolMax: 5 }) : undefined;
    try {
      const ids: number[] = [];
      for (let i = 0; i < 120; i += 1) ids.push((await enqueueJob(db, 'test.race', { i }))!);
      const handler = {
        'test.race': async (
          job: { id: number },
          ctx: { complete: (fn: (tx: Db) => Promise<void>) => Promise<void> },
        ) => {
          await ctx.complete((tx) =>
            writeAudit(tx, SYSTEM_ACTOR, { action: 'test.race', recordType: 'job', recordId: job.id }),
          );
        },
      };
      const workers = [
        new JobWorker(db, handler, { batch: 7 }),
        new JobWorker(second?.db ?? db, handler, { batch: 7 }),
        new JobWorker(second?.db ?? db, handler, { batch: 5 }),
      ];
      const drain = async (w: JobWorker) => {
        while ((await w.runOnce()) > 0) {
          /* keep taking batches */
        }
      };
      await Promise.all(workers.map(drain));
      const counts = await queryRows<{ record_id: string; n: string }>(
        db,
        sql`select record_id, count(*) as n from audit_events where action = 'test.race' group by record_id`,
      );
      expect(counts).toHaveLength(120);
      expect(counts.every((c) => Number(c.n) === 1)).toBe(true);
    } finally {
      await second?.close();
    }
  });
});
